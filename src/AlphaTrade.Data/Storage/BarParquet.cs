using System.Buffers;
using System.Runtime.InteropServices;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Loading;
using Parquet;
using Parquet.Schema;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Storage;

/// <summary>
/// Bar series as Apache Parquet, column by column. The AlphaTrade layout: <c>time</c> (int64, bar start in UTC
/// <see cref="DateTime.Ticks"/>), <c>open</c>, <c>high</c>, <c>low</c>, <c>close</c>, <c>volume</c> (double),
/// optional <c>vwap</c> and <c>trade_count</c> (double), <c>flags</c> (byte, <see cref="BarFlags"/>), with the
/// symbol and bar size in the file's key-value metadata, one row group per million bars, uncompressed (with
/// Parquet.Net, decompression costs as much as the rest of a read). Doubles round-trip bit for bit. Vendor Parquet files are
/// read too: columns are recognised by name like CSV headers, timestamps may be Parquet timestamps, strings or
/// int64 Unix epoch (unit by magnitude).
/// </summary>
public static class BarParquet
{
    /// <summary>Metadata key marking the AlphaTrade layout; its value is the layout version.</summary>
    public const string FormatKey = "alphatrade.format";

    /// <summary>Current layout version.</summary>
    public const string FormatVersion = "bars-v1";

    internal const string SymbolKey = "alphatrade.symbol";
    internal const string TimeFrameKey = "alphatrade.timeframe";
    private const int RowGroupRows = 1 << 20;

    private static readonly DataField<long> TimeField = new("time");
    private static readonly DataField<double> OpenField = new("open");
    private static readonly DataField<double> HighField = new("high");
    private static readonly DataField<double> LowField = new("low");
    private static readonly DataField<double> CloseField = new("close");
    private static readonly DataField<double> VolumeField = new("volume");
    private static readonly DataField<double> VwapField = new("vwap");
    private static readonly DataField<double> TradeCountField = new("trade_count");
    private static readonly DataField<byte> FlagsField = new("flags");

    /// <summary>Writes <paramref name="series"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(BarSeries series, string path)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, ToBytes(series, null));
    }

    /// <summary>Writes <paramref name="series"/> to <paramref name="destination"/>.</summary>
    public static void Write(BarSeries series, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(ToBytes(series, null));
    }

    /// <summary>
    /// Reads a Parquet bar file: the AlphaTrade layout or a vendor's. Symbol and bar size: <paramref name="options"/>,
    /// else the file's metadata, else the file name, else (bar size) inferred from the timestamps.
    /// </summary>
    /// <exception cref="InputException">The file is missing, not Parquet, lacks required columns or has bad rows.</exception>
    public static LoadResult Read(string path, BarFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = BarFileReader.OpenRead(path);
        return Read(file, path, options ?? BarFileOptions.Default);
    }

    /// <summary>Reads from an open stream (read whole into a pooled buffer: the Parquet reader needs random access).</summary>
    internal static LoadResult Read(Stream stream, string path, BarFileOptions options)
    {
        var buffer = RentAll(stream, out int length);
        try
        {
            return Read(buffer, length, path, options, out _);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads Parquet bytes <c>buffer[0..length)</c>, also returning the file's key-value metadata.</summary>
    internal static LoadResult Read(byte[] buffer, int length, string path, BarFileOptions options, out IReadOnlyDictionary<string, string> metadata)
    {
        try
        {
            using var ms = new MemoryStream(buffer, 0, length, writable: false);
            var reader = Sync(ParquetReader.CreateAsync(ms, leaveStreamOpen: true));
            try
            {
                metadata = reader.CustomMetadata ?? new Dictionary<string, string>();
                return new ParquetBarReader(reader, path, options, metadata).Read();
            }
            finally
            {
                Sync(reader.DisposeAsync());
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{path}: cannot read as Parquet: {ex.Message}", ex);
        }
    }

    /// <summary>Serialises <paramref name="series"/> with <paramref name="extraMetadata"/> added to the file metadata.</summary>
    internal static byte[] ToBytes(BarSeries series, IReadOnlyDictionary<string, string>? extraMetadata)
    {
        var fields = new List<DataField> { TimeField, OpenField, HighField, LowField, CloseField, VolumeField };
        if (series.HasVwap)
        {
            fields.Add(VwapField);
        }

        if (series.HasTradeCount)
        {
            fields.Add(TradeCountField);
        }

        fields.Add(FlagsField);
        var schema = new ParquetSchema(fields);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FormatKey] = FormatVersion,
            [SymbolKey] = series.Symbol,
            [TimeFrameKey] = series.TimeFrame.ToString(),
        };
        if (extraMetadata is not null)
        {
            foreach (var (k, v) in extraMetadata)
            {
                metadata[k] = v;
            }
        }

        using var ms = new MemoryStream(capacity: 4096 + (series.Count * 57));
        var writer = Sync(ParquetWriter.CreateAsync(schema, ms, new ParquetOptions { CompressionMethod = CompressionMethod.None }));
        try
        {
            writer.CustomMetadata = metadata;
            int n = series.Count;
            var longs = ArrayPool<long>.Shared.Rent(Math.Min(Math.Max(n, 1), RowGroupRows));
            var doubles = ArrayPool<double>.Shared.Rent(Math.Min(Math.Max(n, 1), RowGroupRows));
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(n, 1), RowGroupRows));
            try
            {
                for (int start = 0; start == 0 || start < n; start += RowGroupRows)
                {
                    int len = Math.Min(RowGroupRows, n - start);
                    using var group = writer.CreateRowGroup();
                    series.Time.Slice(start, len).CopyTo(longs);
                    Sync(group.WriteAsync(TimeField, new ReadOnlyMemory<long>(longs, 0, len)));
                    WriteDoubles(group, OpenField, series.Open.Slice(start, len), doubles);
                    WriteDoubles(group, HighField, series.High.Slice(start, len), doubles);
                    WriteDoubles(group, LowField, series.Low.Slice(start, len), doubles);
                    WriteDoubles(group, CloseField, series.Close.Slice(start, len), doubles);
                    WriteDoubles(group, VolumeField, series.Volume.Slice(start, len), doubles);
                    if (series.HasVwap)
                    {
                        WriteDoubles(group, VwapField, series.Vwap.Slice(start, len), doubles);
                    }

                    if (series.HasTradeCount)
                    {
                        WriteDoubles(group, TradeCountField, series.TradeCount.Slice(start, len), doubles);
                    }

                    MemoryMarshal.AsBytes(series.Flags.Slice(start, len)).CopyTo(bytes);
                    Sync(group.WriteAsync(FlagsField, new ReadOnlyMemory<byte>(bytes, 0, len)));
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(longs);
                ArrayPool<double>.Shared.Return(doubles);
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            Sync(writer.DisposeAsync());
        }

        return ms.ToArray();
    }

    /// <summary>Reads the rest of <paramref name="stream"/> into a buffer rented from the shared pool (return it).</summary>
    internal static byte[] RentAll(Stream stream, out int length)
    {
        int size = stream.CanSeek ? checked((int)(stream.Length - stream.Position)) : 1 << 16;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 16));
        length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return buffer;
            }

            length += read;
        }
    }

    /// <summary>Waits for a Parquet.Net task; over memory streams they complete synchronously.</summary>
    internal static T Sync<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Sync(Task task) => task.GetAwaiter().GetResult();

    /// <summary>Waits for a Parquet.Net value task.</summary>
    internal static void Sync(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        task.AsTask().GetAwaiter().GetResult();
    }

    private static void WriteDoubles(ParquetRowGroupWriter group, DataField<double> field, ReadOnlySpan<double> values, double[] buffer)
    {
        values.CopyTo(buffer);
        Sync(group.WriteAsync(field, new ReadOnlyMemory<double>(buffer, 0, values.Length)));
    }
}
