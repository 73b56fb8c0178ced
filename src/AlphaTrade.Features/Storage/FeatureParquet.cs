using System.Text.Json;
using AlphaTrade.Core;
using AlphaTrade.Core.IO;
using Parquet;
using Parquet.Schema;

namespace AlphaTrade.Features.Storage;

/// <summary>
/// Feature matrices as Apache Parquet: columns <c>symbol</c> (string), <c>time</c> (int64, bar start in UTC
/// <see cref="DateTime.Ticks"/>), one float or double column per feature, then per label, then one int64 column per
/// label end time; one row group per symbol, uncompressed. The file's key-value metadata holds the set name and hash,
/// the data key, the precision and the feature, label and sector lists, so a matrix reads back exactly (NaN kept).
/// Writes are atomic.
/// </summary>
public static class FeatureParquet
{
    /// <summary>Metadata key marking the layout; its value is the layout version.</summary>
    public const string FormatKey = "alphatrade.format";

    /// <summary>Current layout version.</summary>
    public const string FormatVersion = "features-v1";

    private const string HeaderKey = "alphatrade.features";

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(FeatureMatrix matrix, string path)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => Write(matrix, stream));
    }

    /// <summary>Writes <paramref name="matrix"/> to a stream.</summary>
    public static void Write(FeatureMatrix matrix, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(destination);
        var precision = matrix.Frames.Count > 0 ? matrix.Frames[0].Precision : FeaturePrecision.Float32;
        var symbolField = new DataField<string>("symbol");
        var timeField = new DataField<long>("time");
        var valueFields = matrix.Columns.Select(c => precision == FeaturePrecision.Float32 ? (DataField)new DataField<float>(c) : new DataField<double>(c)).ToArray();
        var endNames = matrix.Frames.Count > 0 ? matrix.Frames[0].LabelEnds.Keys.ToArray() : [];
        var endFields = endNames.Select(e => new DataField<long>(e)).ToArray();
        var schema = new ParquetSchema(new Field[] { symbolField, timeField }.Concat(valueFields).Concat(endFields).ToArray());
        var header = new Header(matrix.SetName, matrix.SetHash, matrix.DataFingerprint, precision.ToString(),
            matrix.Features.ToArray(), matrix.Labels.ToArray(), endNames, matrix.Frames.Select(f => new[] { f.Symbol, f.Sector }).ToArray());
        var writer = Sync(ParquetWriter.CreateAsync(schema, destination, new ParquetOptions { CompressionMethod = CompressionMethod.None }));
        try
        {
            writer.CustomMetadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FormatKey] = FormatVersion,
                [HeaderKey] = JsonSerializer.Serialize(header),
            };
            foreach (var frame in matrix.Frames)
            {
                using var group = writer.CreateRowGroup();
                Sync(group.WriteAsync(symbolField, Enumerable.Repeat(frame.Symbol, frame.Rows).ToArray()));
                Sync(group.WriteAsync(timeField, new ReadOnlyMemory<long>(frame.Time)));
                for (int c = 0; c < valueFields.Length; c++)
                {
                    if (precision == FeaturePrecision.Float32)
                    {
                        Sync(group.WriteAsync((DataField<float>)valueFields[c], new ReadOnlyMemory<float>(frame.RawFloat(c))));
                    }
                    else
                    {
                        Sync(group.WriteAsync((DataField<double>)valueFields[c], new ReadOnlyMemory<double>(frame.RawDouble(c))));
                    }
                }

                for (int e = 0; e < endFields.Length; e++)
                {
                    Sync(group.WriteAsync(endFields[e], new ReadOnlyMemory<long>(frame.LabelEnds[endNames[e]])));
                }
            }
        }
        finally
        {
            Sync(writer.DisposeAsync());
        }
    }

    /// <summary>Reads a matrix written by <see cref="Write(FeatureMatrix, string)"/>.</summary>
    /// <exception cref="InputException">The file is missing, not Parquet, or not a feature matrix.</exception>
    public static FeatureMatrix Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: feature matrix not found");
        }

        try
        {
            using var file = File.OpenRead(path);
            return Read(file, path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or JsonException)
        {
            throw new InputException($"{path}: cannot read as a feature matrix: {ex.Message}", ex);
        }
    }

    private static FeatureMatrix Read(Stream stream, string path)
    {
        var reader = Sync(ParquetReader.CreateAsync(stream));
        try
        {
            var meta = reader.CustomMetadata ?? new Dictionary<string, string>();
            if (!meta.TryGetValue(FormatKey, out var version) || version != FormatVersion || !meta.TryGetValue(HeaderKey, out var json))
            {
                throw new InputException($"{path}: not an AlphaTrade feature matrix (format {version ?? "unknown"}; expected {FormatVersion})");
            }

            var h = JsonSerializer.Deserialize<Header>(json) ?? throw new InputException($"{path}: empty feature matrix header");
            var precision = Enum.Parse<FeaturePrecision>(h.Precision);
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            var columns = h.Features.Select(f => f.Name).Concat(h.Labels.Select(l => l.Name)).ToArray();
            var frames = new List<FeatureFrame>();
            int groupIndex = 0;
            foreach (var pair in h.Symbols)
            {
                using var group = reader.OpenRowGroupReader(groupIndex++);
                int n = checked((int)group.RowCount);
                var time = new long[n];
                Sync(group.ReadAsync(fields["time"], time.AsMemory()));
                var frame = new FeatureFrame(pair[0], pair[1], time, precision, columns.Length, h.Ends);
                for (int c = 0; c < columns.Length; c++)
                {
                    if (precision == FeaturePrecision.Float32)
                    {
                        Sync(group.ReadAsync(fields[columns[c]], frame.RawFloat(c).AsMemory()));
                    }
                    else
                    {
                        Sync(group.ReadAsync(fields[columns[c]], frame.RawDouble(c).AsMemory()));
                    }
                }

                foreach (var e in h.Ends)
                {
                    Sync(group.ReadAsync(fields[e], ((long[])frame.LabelEnds[e]).AsMemory()));
                }

                frames.Add(frame);
            }

            return new FeatureMatrix(h.Set, h.Hash, h.Data, h.Features, h.Labels, frames);
        }
        finally
        {
            Sync(reader.DisposeAsync());
        }
    }

    private static T Sync<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Sync(Task task) => task.GetAwaiter().GetResult();

    private static void Sync(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private sealed record Header(string Set, string Hash, string Data, string Precision, FeatureInfo[] Features, LabelInfo[] Labels, string[] Ends, string[][] Symbols);
}
