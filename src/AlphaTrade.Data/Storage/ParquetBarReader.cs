using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using Parquet;
using Parquet.Schema;

namespace AlphaTrade.Data.Storage;

/// <summary>Reads one Parquet file (AlphaTrade layout or vendor) into a series. One instance per file.</summary>
internal sealed class ParquetBarReader
{
    private const int SampleRows = 256;

    private readonly ParquetReader _reader;
    private readonly string _path;
    private readonly BarFileOptions _options;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly bool _own;
    private readonly BarTimeResolver _times;
    private readonly Utf8Timestamp _timestamps = new();
    private EpochUnit? _epochUnit;
    private string _timeDescription = "";

    public ParquetBarReader(ParquetReader reader, string path, BarFileOptions options, IReadOnlyDictionary<string, string> metadata)
    {
        _reader = reader;
        _path = path;
        _options = options;
        _metadata = metadata;
        _own = metadata.TryGetValue(BarParquet.FormatKey, out var version) && version == BarParquet.FormatVersion;
        _times = new BarTimeResolver(options);
    }

    public LoadResult Read()
    {
        DataField[] fields = _reader.Schema.GetDataFields();
        var names = fields.Select(f => f.Name).ToList();
        var (roles, missing) = BarColumnNames.Resolve(names);
        if (missing.Count > 0)
        {
            throw new InputException($"{_path}: missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; found [{string.Join(",", names)}]; expected {BarColumnNames.Expected}");
        }

        if (Array.IndexOf(roles, BarColumn.Date) >= 0)
        {
            throw new InputException($"{_path}: separate date and time columns are not supported in Parquet; expected one timestamp column, found [{string.Join(",", names)}]");
        }

        long total = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            total += _reader.OpenRowGroupReader(g).RowCount;
        }

        if (total > int.MaxValue / 2)
        {
            throw new InputException($"{_path}: {total} rows is too many for one series");
        }

        var name = BarFileName.Parse(_path);
        string symbol = !string.IsNullOrWhiteSpace(_options.Symbol) ? _options.Symbol.Trim().ToUpperInvariant()
            : _metadata.TryGetValue(BarParquet.SymbolKey, out var s) && !string.IsNullOrWhiteSpace(s) ? s : name.Symbol;
        TimeFrame? timeFrame = _options.TimeFrame
            ?? (_metadata.TryGetValue(BarParquet.TimeFrameKey, out var tfText) && TimeFrame.TryParse(tfText, out var tf) ? tf : name.TimeFrame);
        string timeFrameSource = _options.TimeFrame is not null ? "given" : timeFrame is not null ? (_own ? "from metadata" : "from file name") : "inferred";

        int n = (int)total;
        var timesBuffer = ArrayPool<long>.Shared.Rent(Math.Max(n, 1));
        var validBuffer = ArrayPool<bool>.Shared.Rent(Math.Max(n, 1));
        try
        {
            return Read(n, symbol, timeFrame, timeFrameSource, fields, names, roles, timesBuffer.AsSpan(0, n), validBuffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(timesBuffer);
            ArrayPool<bool>.Shared.Return(validBuffer);
        }
    }

    private LoadResult Read(int n, string symbol, TimeFrame? timeFrame, string timeFrameSource, DataField[] fields, List<string> names, BarColumn[] roles, Span<long> times, Span<bool> valid)
    {
        DataField Field(BarColumn c) => fields[Array.IndexOf(roles, c)];
        DataField? Optional(BarColumn c) => Array.IndexOf(roles, c) is int i and >= 0 ? fields[i] : null;
        var timeField = Field(BarColumn.Timestamp);
        var vwapField = Optional(BarColumn.Vwap);
        var tradesField = Optional(BarColumn.TradeCount);
        var flagsField = _own ? fields.FirstOrDefault(f => f.Name == "flags") : null;
        if (timeFrame is not null)
        {
            _times.SetTimeFrame(timeFrame.Value);
        }

        int offset = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            var group = _reader.OpenRowGroupReader(g);
            int len = (int)group.RowCount;
            ReadTimes(group, timeField, times.Slice(offset, len), valid.Slice(offset, len));
            offset += len;
        }

        if (timeFrame is null)
        {
            timeFrame = InferTimeFrame(times, valid, timeField);
            _times.SetTimeFrame(timeFrame.Value);
            ApplyLabel(times, valid);
        }

        var series = new BarSeries(symbol, timeFrame.Value, n, vwapField is not null, tradesField is not null);
        var cols = series.Columns;
        times.CopyTo(cols.Time);
        offset = 0;
        for (int g = 0; g < _reader.RowGroupCount; g++)
        {
            var group = _reader.OpenRowGroupReader(g);
            int len = (int)group.RowCount;
            ReadNumbers(group, Field(BarColumn.Open), cols.Open.Slice(offset, len));
            ReadNumbers(group, Field(BarColumn.High), cols.High.Slice(offset, len));
            ReadNumbers(group, Field(BarColumn.Low), cols.Low.Slice(offset, len));
            ReadNumbers(group, Field(BarColumn.Close), cols.Close.Slice(offset, len));
            ReadNumbers(group, Field(BarColumn.Volume), cols.Volume.Slice(offset, len));
            if (vwapField is not null)
            {
                ReadNumbers(group, vwapField, cols.Vwap.Slice(offset, len));
            }

            if (tradesField is not null)
            {
                ReadNumbers(group, tradesField, cols.TradeCount.Slice(offset, len));
            }

            if (flagsField is not null && flagsField.ClrType == typeof(byte) && !flagsField.IsNullable)
            {
                var flagBytes = MemoryMarshal.AsBytes(cols.Flags.Slice(offset, len));
                var buffer = ArrayPool<byte>.Shared.Rent(len);
                try
                {
                    BarParquet.Sync(group.ReadAsync(flagsField, buffer.AsMemory(0, len)));
                    buffer.AsSpan(0, len).CopyTo(flagBytes);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            offset += len;
        }

        series.SetCount(n);
        var (count, skipped, messages) = _own ? (n, 0L, new List<string>()) : DropBadRows(series, valid, names, roles);
        series.SetCount(count);
        string format = _own
            ? $"Parquet (AlphaTrade {BarParquet.FormatVersion}); {timeFrame.Value} bars ({timeFrameSource})"
            : $"Parquet; columns {string.Join(",", names.Where((_, i) => roles[i] != BarColumn.Ignore))}; timestamps {_timeDescription}; bar {(_options.Label == BarLabel.End ? "end" : "start")} labelled; {timeFrame.Value} bars ({timeFrameSource})";
        return new LoadResult(_path, series, n, skipped, messages, format);
    }

    private void ReadTimes(ParquetRowGroupReader group, DataField field, Span<long> times, Span<bool> valid)
    {
        int len = times.Length;
        var type = field.ClrType;
        if (type == typeof(long) || type == typeof(int))
        {
            var raw = ArrayPool<long>.Shared.Rent(len);
            var has = ArrayPool<bool>.Shared.Rent(len);
            try
            {
                ReadInto(group, field, raw.AsSpan(0, len), has.AsSpan(0, len));
                for (int i = 0; i < len; i++)
                {
                    valid[i] = has[i] && EpochToTicks(raw[i], out times[i]);
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(raw);
                ArrayPool<bool>.Shared.Return(has);
            }

            return;
        }

        if (type == typeof(DateTime))
        {
            bool adjusted = field is DateTimeDataField { IsAdjustedToUTC: true };
            bool dateOnly = field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date };
            var raw = ArrayPool<DateTime?>.Shared.Rent(len);
            try
            {
                BarParquet.Sync(group.ReadAsync(field, raw.AsMemory(0, len)));
                for (int i = 0; i < len; i++)
                {
                    if (raw[i] is not DateTime dt)
                    {
                        valid[i] = false;
                        continue;
                    }

                    var zone = dt.Kind == DateTimeKind.Utc || adjusted ? TimestampZone.Utc : TimestampZone.Naive;
                    var ts = new ParsedTimestamp { Ticks = dt.Ticks, Zone = zone, HasTime = !dateOnly };
                    valid[i] = _times.Resolve(in ts, out times[i]) == TimeProblem.None;
                    if (i == 0 && _timeDescription.Length == 0)
                    {
                        _timeDescription = dateOnly ? "Parquet dates" : zone == TimestampZone.Utc ? "Parquet timestamps in UTC" : $"Parquet timestamps in exchange time ({_options.EffectiveExchangeTime.Name})";
                    }
                }
            }
            finally
            {
                ArrayPool<DateTime?>.Shared.Return(raw);
            }

            return;
        }

        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(ReadOnlyMemory<byte>))
        {
            var raw = ArrayPool<string?>.Shared.Rent(len);
            try
            {
                BarParquet.Sync(group.ReadAsync(field, raw.AsMemory(0, len)));
                Span<byte> utf8 = stackalloc byte[64];
                for (int i = 0; i < len; i++)
                {
                    string? text = raw[i];
                    valid[i] = text is not null && text.Length <= 64
                        && Encoding.UTF8.TryGetBytes(text.AsSpan().Trim(), utf8, out int written)
                        && ParseText(utf8[..written], out times[i]);
                }
            }
            finally
            {
                ArrayPool<string?>.Shared.Return(raw, clearArray: true);
            }

            return;
        }

        throw new InputException($"{_path}: column {field.Name} has type {type.Name}; expected a timestamp, a date, text or an integer Unix epoch");
    }

    private bool ParseText(ReadOnlySpan<byte> text, out long utc)
    {
        utc = 0;
        if (Utf8Timestamp.TryParseEpochDigits(text, out ulong whole, out long fraction, out int digits)
            && !(text.Length == 8 && digits == 0 && _timestamps.TryParse(text, out _)))
        {
            _epochUnit ??= Utf8Timestamp.DetectEpochUnit(whole);
            _timeDescription = $"text Unix epoch {_epochUnit.Value.ToString().ToLowerInvariant()}";
            return Utf8Timestamp.TryEpochToTicks(whole, fraction, digits, _epochUnit.Value, out utc) && _times.Shift(ref utc) == TimeProblem.None;
        }

        if (!_timestamps.TryParse(text, out var ts))
        {
            return false;
        }

        if (_timeDescription.Length == 0)
        {
            _timeDescription = "text " + (ts.Zone switch
            {
                TimestampZone.Offset => "with UTC offset",
                TimestampZone.Utc => "in UTC",
                _ => $"in exchange time ({_options.EffectiveExchangeTime.Name})",
            });
        }

        return _times.Resolve(in ts, out utc) == TimeProblem.None;
    }

    private bool EpochToTicks(long value, out long utc)
    {
        if (_own)
        {
            utc = value;
            _timeDescription = "UTC ticks";
            return true;
        }

        utc = 0;
        if (value < 0)
        {
            return false;
        }

        _epochUnit ??= Utf8Timestamp.DetectEpochUnit((ulong)value);
        _timeDescription = $"integer Unix epoch {_epochUnit.Value.ToString().ToLowerInvariant()}";
        return Utf8Timestamp.TryEpochToTicks((ulong)value, 0, 0, _epochUnit.Value, out utc) && _times.Shift(ref utc) == TimeProblem.None;
    }

    private void ApplyLabel(Span<long> times, Span<bool> valid)
    {
        if (_times.LabelShift == 0 || _own)
        {
            return;
        }

        for (int i = 0; i < times.Length; i++)
        {
            if (valid[i])
            {
                valid[i] = _times.Shift(ref times[i]) == TimeProblem.None;
            }
        }
    }

    private TimeFrame InferTimeFrame(Span<long> times, Span<bool> valid, DataField timeField)
    {
        if (timeField is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date })
        {
            return TimeFrame.Daily;
        }

        var sample = new List<long>(SampleRows);
        for (int i = 0; i < times.Length && sample.Count < SampleRows; i++)
        {
            if (valid[i])
            {
                sample.Add(times[i]);
            }
        }

        if (BarStep.TryInfer(sample, out var inferred))
        {
            return inferred;
        }

        throw new InputException($"{_path}: cannot tell the bar size from the file name, metadata or first rows; name the file like AAPL_15min.parquet or set the time frame");
    }

    private (int Count, long Skipped, List<string> Messages) DropBadRows(BarSeries series, Span<bool> valid, List<string> names, BarColumn[] roles)
    {
        var messages = new List<string>();
        var cols = series.Columns;
        int n = series.Count;
        int kept = 0;
        long skipped = 0;
        for (int i = 0; i < n; i++)
        {
            string? problem = !valid[i] ? $"bad or missing timestamp in column {names[Array.IndexOf(roles, BarColumn.Timestamp)]}"
                : !double.IsFinite(cols.Open[i]) ? "open is missing or not finite"
                : !double.IsFinite(cols.High[i]) ? "high is missing or not finite"
                : !double.IsFinite(cols.Low[i]) ? "low is missing or not finite"
                : !double.IsFinite(cols.Close[i]) ? "close is missing or not finite"
                : !double.IsFinite(cols.Volume[i]) ? "volume is missing or not finite"
                : null;
            if (problem is not null)
            {
                string message = $"row {(i + 1).ToString(CultureInfo.InvariantCulture)}: {problem}";
                if (_options.BadRows == BadRowPolicy.Fail)
                {
                    throw new InputException($"{_path}: {message}");
                }

                skipped++;
                if (messages.Count < _options.MaxSkippedMessages)
                {
                    messages.Add($"{_path}: {message}");
                }

                continue;
            }

            if (kept != i)
            {
                cols.Time[kept] = cols.Time[i];
                cols.Open[kept] = cols.Open[i];
                cols.High[kept] = cols.High[i];
                cols.Low[kept] = cols.Low[i];
                cols.Close[kept] = cols.Close[i];
                cols.Volume[kept] = cols.Volume[i];
                if (series.HasVwap)
                {
                    cols.Vwap[kept] = cols.Vwap[i];
                }

                if (series.HasTradeCount)
                {
                    cols.TradeCount[kept] = cols.TradeCount[i];
                }
            }

            kept++;
        }

        return (kept, skipped, messages);
    }

    private static void ReadInto(ParquetRowGroupReader group, DataField field, Span<long> values, Span<bool> has)
    {
        int len = values.Length;
        if (field.ClrType == typeof(long))
        {
            if (field.IsNullable)
            {
                var raw = ArrayPool<long?>.Shared.Rent(len);
                BarParquet.Sync(group.ReadAsync(field, raw.AsMemory(0, len)));
                for (int i = 0; i < len; i++)
                {
                    has[i] = raw[i].HasValue;
                    values[i] = raw[i].GetValueOrDefault();
                }

                ArrayPool<long?>.Shared.Return(raw);
            }
            else
            {
                var raw = ArrayPool<long>.Shared.Rent(len);
                BarParquet.Sync(group.ReadAsync(field, raw.AsMemory(0, len)));
                raw.AsSpan(0, len).CopyTo(values);
                has.Fill(true);
                ArrayPool<long>.Shared.Return(raw);
            }

            return;
        }

        Span<double> tmp = new double[len];
        ReadNumbers(group, field, tmp);
        for (int i = 0; i < len; i++)
        {
            has[i] = !double.IsNaN(tmp[i]);
            values[i] = (long)tmp[i];
        }
    }

    /// <summary>Reads a numeric column of any common physical type as doubles; nulls become NaN.</summary>
    private static void ReadNumbers(ParquetRowGroupReader group, DataField field, Span<double> destination)
    {
        var type = field.ClrType;
        if (type == typeof(double))
        {
            Read<double>(group, field, destination, static v => v);
        }
        else if (type == typeof(float))
        {
            Read<float>(group, field, destination, static v => v);
        }
        else if (type == typeof(long))
        {
            Read<long>(group, field, destination, static v => v);
        }
        else if (type == typeof(int))
        {
            Read<int>(group, field, destination, static v => v);
        }
        else if (type == typeof(decimal))
        {
            Read<decimal>(group, field, destination, static v => (double)v);
        }
        else if (type == typeof(short))
        {
            Read<short>(group, field, destination, static v => v);
        }
        else if (type == typeof(uint))
        {
            Read<uint>(group, field, destination, static v => v);
        }
        else if (type == typeof(ulong))
        {
            Read<ulong>(group, field, destination, static v => v);
        }
        else
        {
            throw new InputException($"column {field.Name} has type {type.Name}; expected a number");
        }
    }

    private static void Read<T>(ParquetRowGroupReader group, DataField field, Span<double> destination, Func<T, double> convert)
        where T : struct
    {
        int len = destination.Length;
        if (field.IsNullable)
        {
            var raw = ArrayPool<T?>.Shared.Rent(len);
            try
            {
                BarParquet.Sync(group.ReadAsync(field, raw.AsMemory(0, len)));
                for (int i = 0; i < len; i++)
                {
                    destination[i] = raw[i] is T v ? convert(v) : double.NaN;
                }
            }
            finally
            {
                ArrayPool<T?>.Shared.Return(raw);
            }

            return;
        }

        var values = ArrayPool<T>.Shared.Rent(len);
        try
        {
            BarParquet.Sync(group.ReadAsync(field, values.AsMemory(0, len)));
            if (typeof(T) == typeof(double))
            {
                MemoryMarshal.Cast<T, double>(values.AsSpan(0, len)).CopyTo(destination);
            }
            else
            {
                for (int i = 0; i < len; i++)
                {
                    destination[i] = convert(values[i]);
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
        }
    }
}
