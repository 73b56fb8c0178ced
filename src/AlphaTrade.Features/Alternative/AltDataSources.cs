using System.Globalization;
using System.Security.Cryptography;
using AlphaTrade.Core;
using Parquet;
using Parquet.Schema;

namespace AlphaTrade.Features.Alternative;

/// <summary>A source of time-stamped external series (a file, a database, a vendor API...).</summary>
public interface IAltDataSource
{
    /// <summary>What the source is, for messages (a path, a URL...).</summary>
    string Description { get; }

    /// <summary>Loads the series with a fingerprint of their content.</summary>
    /// <exception cref="InputException">The source is missing or malformed.</exception>
    AltDataSet Load();
}

/// <summary>
/// Opens sources by format: <c>csv</c> and <c>parquet</c> built in, others registered by the host
/// (<see cref="Register"/>). A feature set's <c>alternative</c> entry names a path and optionally a format
/// (default: the file extension).
/// </summary>
public sealed class AltSourceRegistry
{
    private readonly Dictionary<string, Func<string, string, IAltDataSource>> _factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = (path, dataset) => new CsvAltDataSource(path, dataset),
        ["parquet"] = (path, dataset) => new ParquetAltDataSource(path, dataset),
    };

    /// <summary>Registers (or replaces) a format: a factory from (resolved path, dataset name) to a source.</summary>
    public void Register(string format, Func<string, string, IAltDataSource> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[format] = factory;
    }

    /// <summary>Known formats.</summary>
    public IReadOnlyCollection<string> Formats => _factories.Keys;

    /// <summary>A source for <paramref name="path"/> in <paramref name="format"/> (null: from the extension).</summary>
    public IAltDataSource Open(string path, string dataset, string? format = null)
    {
        string f = format ?? Path.GetExtension(path).TrimStart('.');
        return _factories.TryGetValue(f, out var factory)
            ? factory(path, dataset)
            : throw new InputException($"{path}: no alternative-data reader for format '{f}'; known: {string.Join(", ", _factories.Keys)}");
    }
}

/// <summary>
/// Shared reading rules: a <c>release_time</c> column (when the value became public), an optional <c>symbol</c>
/// column (absent: market-wide series), optional <c>observation_date</c>/<c>period</c> columns (what the value is
/// about; informational), and numeric value columns. Empty cells are missing values. A comment line containing
/// "synthetic" marks the data as synthetic.
/// </summary>
internal static class AltRows
{
    public static readonly string[] InfoColumns = ["observation_date", "period", "source", "note"];

    public static AltDataSet Build(string dataset, string fingerprint, bool synthetic, IReadOnlyList<string> valueColumns,
        List<(long Release, string? Symbol, double[] Values)> rows)
    {
        var series = new List<AltSeries>();
        foreach (var group in rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Symbol ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(x => x.r.Release).ThenBy(x => x.i).Select(x => x.r).ToArray();
            for (int c = 0; c < valueColumns.Count; c++)
            {
                var kept = ordered.Where(r => !double.IsNaN(r.Values[c])).ToArray();
                series.Add(new AltSeries(dataset, valueColumns[c], group.Key.Length == 0 ? null : group.Key,
                    kept.Select(r => r.Release).ToArray(), kept.Select(r => r.Values[c]).ToArray(), synthetic));
            }
        }

        return new AltDataSet(series, fingerprint);
    }

    public static string Fingerprint(string path, string dataset)
    {
        using var f = File.OpenRead(path);
        return dataset + ":" + Convert.ToHexStringLower(SHA256.HashData(f))[..16];
    }
}

/// <summary>Reads external series from a CSV file (see <see cref="AltRows"/> for the columns).</summary>
public sealed class CsvAltDataSource : IAltDataSource
{
    private readonly string _path;
    private readonly string _dataset;

    /// <summary>Creates a source over <paramref name="path"/> naming the dataset <paramref name="dataset"/>.</summary>
    public CsvAltDataSource(string path, string dataset)
    {
        _path = path;
        _dataset = dataset;
    }

    /// <inheritdoc />
    public string Description => _path;

    /// <inheritdoc />
    public AltDataSet Load()
    {
        if (!File.Exists(_path))
        {
            throw new InputException($"{_path}: alternative-data file not found");
        }

        bool synthetic = false;
        string[]? header = null;
        int timeCol = -1, symbolCol = -1;
        var valueCols = new List<int>();
        var rows = new List<(long, string?, double[])>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(_path))
        {
            lineNo++;
            if (line.Length == 0 || line.All(char.IsWhiteSpace))
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                synthetic |= line.Contains("synthetic", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var cells = line.Split(',');
            if (header is null)
            {
                header = cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
                timeCol = Array.IndexOf(header, "release_time");
                symbolCol = Array.IndexOf(header, "symbol");
                if (timeCol < 0)
                {
                    throw InputException.AtLine(_path, lineNo, $"no release_time column; found [{string.Join(",", header)}]; expected release_time[,symbol][,observation_date],value columns");
                }

                for (int i = 0; i < header.Length; i++)
                {
                    if (i != timeCol && i != symbolCol && !AltRows.InfoColumns.Contains(header[i]))
                    {
                        valueCols.Add(i);
                    }
                }

                if (valueCols.Count == 0)
                {
                    throw InputException.AtLine(_path, lineNo, "no value columns");
                }

                continue;
            }

            if (cells.Length != header.Length)
            {
                throw InputException.AtLine(_path, lineNo, string.Create(CultureInfo.InvariantCulture, $"{cells.Length} cells; the header has {header.Length}"));
            }

            if (!AltTimestamp.TryParse(cells[timeCol], out long release))
            {
                throw InputException.AtLine(_path, lineNo, $"release_time '{cells[timeCol].Trim()}' is not a timestamp; expected e.g. 2024-01-02T08:30:00-05:00 (a time of day is required)");
            }

            var values = new double[valueCols.Count];
            for (int v = 0; v < valueCols.Count; v++)
            {
                string cell = cells[valueCols[v]].Trim();
                if (cell.Length == 0)
                {
                    values[v] = double.NaN;
                }
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[v]) || !double.IsFinite(values[v]))
                {
                    throw InputException.AtLine(_path, lineNo, $"{header[valueCols[v]]} '{cell}' is not a number");
                }
            }

            string? symbol = symbolCol >= 0 ? cells[symbolCol].Trim().ToUpperInvariant() : null;
            rows.Add((release, string.IsNullOrEmpty(symbol) ? null : symbol, values));
        }

        if (header is null)
        {
            throw new InputException($"{_path}: empty file; expected a header with release_time and value columns");
        }

        return AltRows.Build(_dataset, AltRows.Fingerprint(_path, _dataset), synthetic, valueCols.Select(i => header[i]).ToArray(), rows);
    }

    /// <summary>Writes series of one dataset as CSV (atomically): release_time in New York time, symbol, one column per value column.</summary>
    public static void Write(string path, IReadOnlyList<AltSeries> series, string? comment)
    {
        ArgumentNullException.ThrowIfNull(series);
        var columns = series.Select(s => s.Column).Distinct(StringComparer.Ordinal).ToArray();
        bool perSymbol = series.Any(s => s.Symbol is not null);
        var rows = new SortedDictionary<(long, string), double[]>();
        foreach (var s in series)
        {
            int c = Array.IndexOf(columns, s.Column);
            for (int i = 0; i < s.Count; i++)
            {
                var key = (s.ReleaseTicks[i], s.Symbol ?? string.Empty);
                if (!rows.TryGetValue(key, out var vals))
                {
                    rows[key] = vals = Enumerable.Repeat(double.NaN, columns.Length).ToArray();
                }

                vals[c] = s.Values[i];
            }
        }

        var sb = new System.Text.StringBuilder();
        if (comment is not null)
        {
            foreach (var line in comment.Split('\n'))
            {
                sb.Append("# ").Append(line).Append('\n');
            }
        }

        sb.Append("release_time").Append(perSymbol ? ",symbol" : string.Empty).Append(',').Append(string.Join(",", columns)).Append('\n');
        foreach (var ((t, sym), vals) in rows)
        {
            sb.Append(AltTimestamp.Format(t));
            if (perSymbol)
            {
                sb.Append(',').Append(sym);
            }

            foreach (double v in vals)
            {
                sb.Append(',');
                if (!double.IsNaN(v))
                {
                    sb.Append(v.ToString("0.######", CultureInfo.InvariantCulture));
                }
            }

            sb.Append('\n');
        }

        AlphaTrade.Core.IO.AtomicFile.Write(path, (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(sb.ToString()));
    }
}

/// <summary>
/// Reads external series from Parquet: <c>release_time</c> as a Parquet timestamp (UTC when adjusted to UTC, else New
/// York time) or a string as in CSV, optional string <c>symbol</c>, numeric value columns (double, float, int32,
/// int64; nulls are missing values). Key-value metadata <c>synthetic=true</c> marks synthetic data.
/// </summary>
public sealed class ParquetAltDataSource : IAltDataSource
{
    private readonly string _path;
    private readonly string _dataset;

    /// <summary>Creates a source over <paramref name="path"/> naming the dataset <paramref name="dataset"/>.</summary>
    public ParquetAltDataSource(string path, string dataset)
    {
        _path = path;
        _dataset = dataset;
    }

    /// <inheritdoc />
    public string Description => _path;

    /// <inheritdoc />
    public AltDataSet Load()
    {
        if (!File.Exists(_path))
        {
            throw new InputException($"{_path}: alternative-data file not found");
        }

        try
        {
            using var stream = File.OpenRead(_path);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                bool synthetic = reader.CustomMetadata is { } meta && meta.TryGetValue("synthetic", out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
                var fields = reader.Schema.GetDataFields();
                var time = fields.FirstOrDefault(f => f.Name == "release_time")
                    ?? throw new InputException($"{_path}: no release_time column; found [{string.Join(",", fields.Select(f => f.Name))}]");
                var symbol = fields.FirstOrDefault(f => f.Name == "symbol");
                var values = fields.Where(f => f != time && f != symbol && !AltRows.InfoColumns.Contains(f.Name)).ToArray();
                var rows = new List<(long, string?, double[])>();
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    var times = ReadTimes(group, time, n);
                    string?[] symbols = new string?[n];
                    if (symbol is not null)
                    {
                        group.ReadAsync(symbol, symbols.AsMemory()).GetAwaiter().GetResult();
                    }

                    var cols = values.Select(f => ReadNumbers(group, f, n)).ToArray();
                    for (int i = 0; i < n; i++)
                    {
                        rows.Add((times[i], string.IsNullOrWhiteSpace(symbols[i]) ? null : symbols[i]!.Trim().ToUpperInvariant(), cols.Select(c => c[i]).ToArray()));
                    }
                }

                return AltRows.Build(_dataset, AltRows.Fingerprint(_path, _dataset), synthetic, values.Select(f => f.Name).ToArray(), rows);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{_path}: cannot read as Parquet: {ex.Message}", ex);
        }
    }

    /// <summary>Writes series of one dataset as Parquet (atomically), with <c>synthetic</c> metadata.</summary>
    public static void Write(string path, IReadOnlyList<AltSeries> series, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(series);
        var columns = series.Select(s => s.Column).Distinct(StringComparer.Ordinal).ToArray();
        var rows = new SortedDictionary<(long, string), double[]>();
        foreach (var s in series)
        {
            int c = Array.IndexOf(columns, s.Column);
            for (int i = 0; i < s.Count; i++)
            {
                var key = (s.ReleaseTicks[i], s.Symbol ?? string.Empty);
                if (!rows.TryGetValue(key, out var vals))
                {
                    rows[key] = vals = Enumerable.Repeat(double.NaN, columns.Length).ToArray();
                }

                vals[c] = s.Values[i];
            }
        }

        var timeField = new DateTimeDataField("release_time", DateTimeFormat.DateAndTime, isAdjustedToUTC: true, isNullable: false);
        var symbolField = new DataField<string>("symbol");
        var valueFields = columns.Select(c => new DataField<double>(c)).ToArray();
        var keys = rows.Keys.ToArray();
        AlphaTrade.Core.IO.AtomicFile.Write(path, stream =>
        {
            var writer = ParquetWriter.CreateAsync(new ParquetSchema(new Field[] { timeField, symbolField }.Concat(valueFields).ToArray()), stream).GetAwaiter().GetResult();
            try
            {
                writer.CustomMetadata = new Dictionary<string, string> { ["synthetic"] = synthetic ? "true" : "false" };
                using var group = writer.CreateRowGroup();
                group.WriteAsync(timeField, new ReadOnlyMemory<DateTime>(keys.Select(k => new DateTime(k.Item1, DateTimeKind.Utc)).ToArray())).GetAwaiter().GetResult();
                group.WriteAsync(symbolField, keys.Select(k => k.Item2).ToArray()).GetAwaiter().GetResult();
                for (int c = 0; c < columns.Length; c++)
                {
                    group.WriteAsync(valueFields[c], new ReadOnlyMemory<double>(keys.Select(k => rows[k][c]).ToArray())).GetAwaiter().GetResult();
                }
            }
            finally
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
    }

    private long[] ReadTimes(ParquetRowGroupReader group, DataField field, int n)
    {
        var result = new long[n];
        if (field.ClrType == typeof(DateTime))
        {
            bool utc = field is DateTimeDataField { IsAdjustedToUTC: true };
            var raw = new DateTime?[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                var dt = raw[i] ?? throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{_path}: row {i + 1}: release_time is null"));
                result[i] = dt.Kind == DateTimeKind.Utc || utc ? dt.Ticks : AlphaTrade.Core.Time.UsEasternTime.ToUtc(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified)).Ticks;
            }

            return result;
        }

        if (field.ClrType == typeof(string))
        {
            var raw = new string?[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                if (raw[i] is null || !AltTimestamp.TryParse(raw[i]!, out result[i]))
                {
                    throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{_path}: row {i + 1}: release_time '{raw[i]}' is not a timestamp with a time of day"));
                }
            }

            return result;
        }

        throw new InputException($"{_path}: release_time has type {field.ClrType.Name}; expected a Parquet timestamp or a string");
    }

    private double[] ReadNumbers(ParquetRowGroupReader group, DataField field, int n)
    {
        var t = field.ClrType;
        if (t == typeof(double))
        {
            return Read<double>(group, field, n, v => v);
        }

        if (t == typeof(float))
        {
            return Read<float>(group, field, n, v => v);
        }

        if (t == typeof(int))
        {
            return Read<int>(group, field, n, v => v);
        }

        if (t == typeof(long))
        {
            return Read<long>(group, field, n, v => v);
        }

        throw new InputException($"{_path}: column {field.Name} has type {t.Name}; expected a number");
    }

    private static double[] Read<T>(ParquetRowGroupReader group, DataField field, int n, Func<T, double> convert)
        where T : struct
    {
        var result = new double[n];
        if (field.IsNullable)
        {
            var raw = new T?[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = raw[i] is T v ? convert(v) : double.NaN;
            }
        }
        else
        {
            var raw = new T[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = convert(raw[i]);
            }
        }

        return result;
    }
}
