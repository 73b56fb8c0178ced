using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// Streaming parser of one delimited bar file into a <see cref="BarSeries"/>: UTF-8 bytes in a pooled buffer, one
/// row at a time, with no string per row or field. Bars come out in file order. One instance per file.
/// </summary>
internal sealed class CsvBarParser
{
    private const int InitialBufferSize = 1 << 20;
    private const int SampleLines = 256;
    private const int MaxCapacity = 1 << 28;

    private readonly Stream _stream;
    private readonly string _path;
    private readonly BarFileOptions _options;
    private readonly Utf8Timestamp _timestamps = new();
    private readonly BarTimeResolver _times;
    private byte[] _buf;
    private int _pos;
    private int _len;
    private long _discarded;
    private bool _eof;
    private long _lineNo;

    private CsvLayout _layout = null!;
    private bool _epoch;
    private EpochUnit _epochUnit;
    private ParsedTimestamp _first;

    private RowProblem _problem;
    private int _problemField;
    private string _problemText = string.Empty;

    private CsvBarParser(Stream stream, string path, BarFileOptions options)
    {
        _stream = stream;
        _path = path;
        _options = options;
        _buf = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _times = new BarTimeResolver(options);
    }

    private enum RowProblem
    {
        TooFewFields,
        UnterminatedQuote,
        TextAfterQuote,
        EmptyNumber,
        NotNumber,
        NotFinite,
        NotTimestamp,
        NotDate,
        NotTime,
        NotEpoch,
        EpochUnitChanged,
        OutOfRange,
        NonexistentLocalTime,
    }

    /// <summary>
    /// Parses <paramref name="stream"/> (already decompressed). <paramref name="estimatedBytes"/> (decompressed length,
    /// or 0 when unknown) sizes the columns so that they are allocated once.
    /// </summary>
    public static LoadResult Parse(Stream stream, string path, BarFileName name, BarFileOptions options, long estimatedBytes, string container)
    {
        var parser = new CsvBarParser(stream, path, options);
        try
        {
            return parser.Run(name, estimatedBytes, container);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException($"{path}: cannot decompress: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(parser._buf);
        }
    }

    private LoadResult Run(BarFileName name, long estimatedBytes, string container)
    {
        Fill();
        if (_len >= 2 && ((_buf[0] == 0xFF && _buf[1] == 0xFE) || (_buf[0] == 0xFE && _buf[1] == 0xFF)))
        {
            throw new InputException($"{_path}: the file is UTF-16 text; save it as UTF-8");
        }

        if (_len >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF)
        {
            _pos = 3;
        }

        int start;
        int length;
        do
        {
            if (!NextLine(out start, out length))
            {
                throw new InputException($"{_path}: the file is empty; expected a header line and bar rows");
            }
        }
        while (IsBlank(_buf.AsSpan(start, length)));

        _layout = CsvLayout.Detect(_buf.AsSpan(start, length), _path, _lineNo);
        if (!_layout.HasHeader)
        {
            _pos = start;
            _lineNo--;
        }

        var sample = SampleDataLines();
        if (sample.Count == 0)
        {
            throw new InputException($"{_path}: no data rows after the header");
        }

        DetectTimestampFormat(sample);
        string symbol = string.IsNullOrWhiteSpace(_options.Symbol) ? name.Symbol : _options.Symbol.Trim().ToUpperInvariant();
        if (symbol.Length == 0)
        {
            throw new InputException($"{_path}: cannot tell the symbol from the file name; name it like AAPL_15min.csv or set the symbol");
        }

        string timeFrameSource = _options.TimeFrame is not null ? "given" : name.TimeFrame is not null ? "from file name" : "inferred";
        var timeFrame = _options.TimeFrame ?? name.TimeFrame ?? InferTimeFrame(sample);
        _times.SetTimeFrame(timeFrame);

        int capacity = EstimateCapacity(sample, estimatedBytes);
        var series = new BarSeries(symbol, timeFrame, capacity, _layout.HasVwap, _layout.HasTradeCount);
        var (rowsRead, skipped, messages) = ParseRows(series);
        string format = Describe(container, timeFrame, timeFrameSource);
        return new LoadResult(_path, series, rowsRead, skipped, messages, format);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (long RowsRead, long Skipped, List<string> Messages) ParseRows(BarSeries series)
    {
        var messages = new List<string>();
        long rowsRead = 0;
        long skipped = 0;
        bool hasVwap = _layout.HasVwap;
        bool hasTrades = _layout.HasTradeCount;
        Span<double> values = stackalloc double[BarColumnNames.ValueSlots];
        var cols = series.Columns;
        var time = cols.Time;
        var open = cols.Open;
        var high = cols.High;
        var low = cols.Low;
        var close = cols.Close;
        var volume = cols.Volume;
        var vwap = cols.Vwap;
        var trades = cols.TradeCount;
        int count = 0;
        while (NextLine(out int start, out int length))
        {
            var line = new ReadOnlySpan<byte>(_buf, start, length);
            if (length == 0 || (line[0] is (byte)' ' or (byte)'\t' && IsBlank(line)))
            {
                continue;
            }

            rowsRead++;
            if (!TryParseRow(line, values, out long t))
            {
                skipped++;
                ReportBadRow(messages, skipped);
                continue;
            }

            if (count == time.Length)
            {
                series.EnsureCapacity(count + 1);
                cols = series.Columns;
                time = cols.Time;
                open = cols.Open;
                high = cols.High;
                low = cols.Low;
                close = cols.Close;
                volume = cols.Volume;
                vwap = cols.Vwap;
                trades = cols.TradeCount;
            }

            time[count] = t;
            open[count] = values[0];
            high[count] = values[1];
            low[count] = values[2];
            close[count] = values[3];
            volume[count] = values[4];
            if (hasVwap)
            {
                vwap[count] = values[5];
            }

            if (hasTrades)
            {
                trades[count] = values[6];
            }

            count++;
        }

        series.SetCount(count);
        return (rowsRead, skipped, messages);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseRow(ReadOnlySpan<byte> line, Span<double> values, out long utc)
    {
        utc = 0;
        var roles = _layout.Roles;
        byte delimiter = _layout.Delimiter;
        int p = 0;
        long dateTicks = 0;
        ReadOnlySpan<byte> timeOfDay = default;
        for (int f = 0; f < roles.Length; f++)
        {
            if (p > line.Length)
            {
                return Fail(RowProblem.TooFewFields, f, default);
            }

            var role = roles[f];
            var rest = line[p..];
            if (role >= BarColumn.Open && Utf8Decimal.TryParseFastPrefix(rest, out double number, out int used)
                && (used == rest.Length || rest[used] == delimiter))
            {
                // Plain decimal ending at the delimiter: parsed while scanning, no separate field search.
                values[role - BarColumn.Open] = number;
                p += used + 1;
                continue;
            }

            ReadOnlySpan<byte> field;
            if (rest.Length != 0 && rest[0] == (byte)'"')
            {
                int close = CsvLayout.FindClosingQuote(rest);
                if (close < 0)
                {
                    return Fail(RowProblem.UnterminatedQuote, f, rest);
                }

                field = rest[1..close];
                int after = close + 1;
                if (after < rest.Length && rest[after] != delimiter)
                {
                    return Fail(RowProblem.TextAfterQuote, f, rest);
                }

                p += after + 1;
            }
            else
            {
                int d = rest.IndexOf(delimiter);
                if (d < 0)
                {
                    field = rest;
                    p = line.Length + 1;
                }
                else
                {
                    field = rest[..d];
                    p += d + 1;
                }
            }

            switch (role)
            {
                case BarColumn.Ignore:
                    break;
                case BarColumn.Timestamp:
                    if (!TryReadTimestamp(field, f, out utc))
                    {
                        return false;
                    }

                    break;
                case BarColumn.Date:
                    if (!_timestamps.TryParseDateOnly(Trim(field), out dateTicks, out _))
                    {
                        return Fail(RowProblem.NotDate, f, field);
                    }

                    break;
                case BarColumn.Time:
                    timeOfDay = field;
                    break;
                default:
                    if (!Utf8Decimal.TryParseFast(field, out double v) && !TryReadNumberSlow(field, role, f, out v))
                    {
                        return false;
                    }

                    values[role - BarColumn.Open] = v;
                    break;
            }
        }

        if (_layout.TimeField >= 0)
        {
            if (!Utf8Timestamp.TryParseTimeAndZone(Trim(timeOfDay), out long tod, out int offset, out var zone))
            {
                return Fail(RowProblem.NotTime, _layout.TimeField, timeOfDay);
            }

            var ts = new ParsedTimestamp { Ticks = dateTicks + tod, OffsetMinutes = offset, Zone = zone, HasTime = true };
            return TryToUtc(ref ts, _layout.TimeField, timeOfDay, out utc);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadTimestamp(ReadOnlySpan<byte> field, int f, out long utc)
    {
        if (_epoch)
        {
            return TryReadEpoch(field, f, out utc);
        }

        if (!_timestamps.TryParse(field, out var ts) && !_timestamps.TryParse(Trim(field), out ts))
        {
            utc = 0;
            return Fail(RowProblem.NotTimestamp, f, field);
        }

        return TryToUtc(ref ts, f, field, out utc);
    }

    private bool TryReadEpoch(ReadOnlySpan<byte> field, int f, out long utc)
    {
        utc = 0;
        if (!Utf8Timestamp.TryParseEpochDigits(Trim(field), out ulong whole, out long fraction, out int fractionDigits))
        {
            return Fail(RowProblem.NotEpoch, f, field);
        }

        if (Utf8Timestamp.DetectEpochUnit(whole) != _epochUnit)
        {
            return Fail(RowProblem.EpochUnitChanged, f, field);
        }

        if (!Utf8Timestamp.TryEpochToTicks(whole, fraction, fractionDigits, _epochUnit, out utc) || _times.Shift(ref utc) != TimeProblem.None)
        {
            return Fail(RowProblem.OutOfRange, f, field);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryToUtc(ref ParsedTimestamp ts, int f, ReadOnlySpan<byte> field, out long utc)
    {
        var problem = _times.Resolve(in ts, out utc);
        return problem == TimeProblem.None
            || Fail(problem == TimeProblem.OutOfRange ? RowProblem.OutOfRange : RowProblem.NonexistentLocalTime, f, field);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadNumberSlow(ReadOnlySpan<byte> field, BarColumn role, int f, out double value)
    {
        bool optional = role is BarColumn.Vwap or BarColumn.TradeCount;
        if (Utf8Decimal.TryParseSlow(field, out value) || TryParseDecimalComma(field, out value))
        {
            return optional || double.IsFinite(value) || Fail(RowProblem.NotFinite, f, field);
        }

        var trimmed = Trim(field);
        if (optional && (trimmed.IsEmpty || IsMissingToken(trimmed)))
        {
            value = double.NaN;
            return true;
        }

        return Fail(trimmed.IsEmpty ? RowProblem.EmptyNumber : RowProblem.NotNumber, f, field);
    }

    /// <summary>
    /// In a file not delimited by commas, "1,25" is a decimal comma (European exports): read it as 1.25.
    /// </summary>
    private bool TryParseDecimalComma(ReadOnlySpan<byte> field, out double value)
    {
        value = 0;
        int comma = field.IndexOf((byte)',');
        if (_layout.Delimiter == (byte)',' || comma < 0 || field.Length > 64 || field[(comma + 1)..].Contains((byte)',') || field.Contains((byte)'.'))
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[field.Length];
        field.CopyTo(copy);
        copy[comma] = (byte)'.';
        return Utf8Decimal.TryParse(copy, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Fail(RowProblem problem, int field, ReadOnlySpan<byte> text)
    {
        _problem = problem;
        _problemField = field;
        _problemText = CsvLayout.Shorten(Encoding.UTF8.GetString(text));
        return false;
    }

    private string DescribeProblem()
    {
        string column = _layout.NameOf(_problemField);
        string text = _problemText;
        return _problem switch
        {
            RowProblem.TooFewFields => $"row has {_problemField} field{(_problemField == 1 ? "" : "s")}, expected at least {_layout.Roles.Length} ({string.Join(",", _layout.Names.Take(_layout.Roles.Length))})",
            RowProblem.UnterminatedQuote => $"unterminated quoted field in column {column}: {text}",
            RowProblem.TextAfterQuote => $"text after the closing quote in column {column}: {text}",
            RowProblem.EmptyNumber => $"empty value in column {column}, expected a number",
            RowProblem.NotNumber => $"'{text}' in column {column} is not a number",
            RowProblem.NotFinite => $"'{text}' in column {column} is not a finite number",
            RowProblem.NotTimestamp => $"'{text}' in column {column} is not a timestamp; expected e.g. 2024-01-02T09:30:00-05:00, 2024-01-02 09:30[:00], 01/02/2024 09:30 or 2024-01-02",
            RowProblem.NotDate => $"'{text}' in column {column} is not a date; expected e.g. 2024-01-02 or 01/02/2024",
            RowProblem.NotTime => $"'{text}' in column {column} is not a time of day; expected e.g. 09:30 or 09:30:00",
            RowProblem.NotEpoch => $"'{text}' in column {column} is not a number of {UnitName(_epochUnit)} since 1970 like the first row",
            RowProblem.EpochUnitChanged => $"'{text}' in column {column} is not epoch {UnitName(_epochUnit)} like the first row (magnitude differs)",
            RowProblem.OutOfRange => $"'{text}' in column {column} is out of the supported date range",
            RowProblem.NonexistentLocalTime => $"'{text}' in column {column} does not exist in {_options.EffectiveExchangeTime.Name} (skipped by a clock change)",
            _ => $"cannot read column {column}",
        };
    }

    private void ReportBadRow(List<string> messages, long skipped)
    {
        string message = DescribeProblem();
        if (_options.BadRows == BadRowPolicy.Fail)
        {
            throw InputException.AtLine(_path, _lineNo, message);
        }

        if (skipped <= _options.MaxSkippedMessages)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"{_path}:{_lineNo}: {message}"));
        }
    }

    private List<(int Start, int Length, long Line)> SampleDataLines()
    {
        // Make sure at least one complete line is buffered (only a very long header can prevent it).
        while (!_eof && _buf.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n') < 0)
        {
            Fill();
        }

        var lines = new List<(int, int, long)>();
        int p = _pos;
        long lineNo = _lineNo;
        while (p < _len && lines.Count < SampleLines)
        {
            var rest = _buf.AsSpan(p, _len - p);
            int nl = rest.IndexOf((byte)'\n');
            if (nl < 0 && !_eof)
            {
                break;
            }

            int length = nl < 0 ? rest.Length : nl;
            lineNo++;
            var line = rest[..length];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!IsBlank(line))
            {
                lines.Add((p, line.Length, lineNo));
            }

            p += length + 1;
        }

        return lines;
    }

    private void DetectTimestampFormat(List<(int Start, int Length, long Line)> sample)
    {
        foreach (var (start, length, _) in sample)
        {
            var line = _buf.AsSpan(start, length);
            if (_layout.TimestampField < 0)
            {
                // Separate date and time columns: always calendar text.
                if (TryGetField(line, _layout.DateField, out var dateField) && TryGetField(line, _layout.TimeField, out var timeField)
                    && _timestamps.TryParseDateOnly(Trim(dateField), out long day, out bool monthFirst)
                    && Utf8Timestamp.TryParseTimeAndZone(Trim(timeField), out long tod, out int offset, out var zone))
                {
                    _first = new ParsedTimestamp { Ticks = day + tod, OffsetMinutes = offset, Zone = zone, HasTime = true, MonthFirst = monthFirst };
                    return;
                }

                continue;
            }

            if (!TryGetField(line, _layout.TimestampField, out var field))
            {
                continue;
            }

            field = Trim(field);
            if (Utf8Timestamp.TryParseEpochDigits(field, out ulong whole, out _, out int fractionDigits)
                && !(field.Length == 8 && fractionDigits == 0 && _timestamps.TryParse(field, out _)))
            {
                _epoch = true;
                _epochUnit = Utf8Timestamp.DetectEpochUnit(whole);
                return;
            }

            if (_timestamps.TryParse(field, out _first))
            {
                return;
            }
        }

        // Nothing readable in the sample: report the first row's problem.
        var (s, l, lineNo) = sample[0];
        _lineNo = lineNo;
        TryParseRow(_buf.AsSpan(s, l), stackalloc double[BarColumnNames.ValueSlots], out _);
        throw InputException.AtLine(_path, lineNo, DescribeProblem());
    }

    private TimeFrame InferTimeFrame(List<(int Start, int Length, long Line)> sample)
    {
        if (!_epoch && !_first.HasTime)
        {
            return TimeFrame.Daily;
        }

        Span<double> values = stackalloc double[BarColumnNames.ValueSlots];
        var times = new List<long>(sample.Count);
        foreach (var (start, length, _) in sample)
        {
            if (TryParseRow(_buf.AsSpan(start, length), values, out long t))
            {
                times.Add(t);
            }
        }

        if (BarStep.TryInfer(times, out var inferred))
        {
            return inferred;
        }

        throw new InputException($"{_path}: cannot tell the bar size from the file name or the first rows; name the file like AAPL_15min.csv or set the time frame");
    }

    private int EstimateCapacity(List<(int Start, int Length, long Line)> sample, long estimatedBytes)
    {
        if (_eof)
        {
            // The whole file is buffered: count the lines exactly.
            int lines = _buf.AsSpan(_pos, _len - _pos).Count((byte)'\n') + 1;
            return Math.Min(lines, MaxCapacity);
        }

        var (firstStart, _, _) = sample[0];
        var (lastStart, lastLength, _) = sample[^1];
        double bytesPerRow = Math.Max(8.0, (lastStart + lastLength + 1 - firstStart) / (double)sample.Count);
        long remaining = estimatedBytes > 0 ? estimatedBytes - (_discarded + firstStart) : 4L * _buf.Length;
        double rows = (Math.Max(remaining, _len - firstStart) / bytesPerRow * 1.02) + 64;
        return (int)Math.Clamp(rows, 16, MaxCapacity);
    }

    private string Describe(string container, TimeFrame timeFrame, string timeFrameSource)
    {
        var sb = new StringBuilder();
        sb.Append(container).Append(" (").Append(_layout.DelimiterName).Append("-delimited");
        sb.Append(_layout.HasHeader ? ")" : ", no header)");
        sb.Append("; columns ").Append(_layout.UsedColumns).Append("; timestamps ");
        if (_epoch)
        {
            sb.Append("Unix epoch ").Append(UnitName(_epochUnit));
        }
        else
        {
            sb.Append(_layout.TimestampField < 0 ? "in separate date and time columns" : _first.MonthFirst ? "MM/dd/yyyy" : "ISO-8601");
            if (!_first.HasTime)
            {
                sb.Append(" dates at ").Append(_options.DailyBarTime.ToString("HH:mm", CultureInfo.InvariantCulture));
            }

            sb.Append(_first.Zone switch
            {
                TimestampZone.Offset => " with UTC offset",
                TimestampZone.Utc => " in UTC",
                _ => " in exchange time (" + _options.EffectiveExchangeTime.Name + ")",
            });
        }

        sb.Append("; bar ").Append(_options.Label == BarLabel.End ? "end" : "start").Append(" labelled; ");
        sb.Append(timeFrame.ToString()).Append(" bars (").Append(timeFrameSource).Append(')');
        return sb.ToString();
    }

    private static string UnitName(EpochUnit unit) => unit switch
    {
        EpochUnit.Seconds => "seconds",
        EpochUnit.Milliseconds => "milliseconds",
        EpochUnit.Microseconds => "microseconds",
        _ => "nanoseconds",
    };

    private bool TryGetField(ReadOnlySpan<byte> line, int index, out ReadOnlySpan<byte> field)
    {
        var fields = CsvLayout.Split(line, _layout.Delimiter);
        field = default;
        if (index < 0 || index >= fields.Count)
        {
            return false;
        }

        field = Encoding.UTF8.GetBytes(fields[index]);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextLine(out int start, out int length)
    {
        while (true)
        {
            int nl = _buf.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                start = _pos;
                length = nl;
                _pos += nl + 1;
                break;
            }

            if (_eof)
            {
                start = _pos;
                length = _len - _pos;
                if (length == 0)
                {
                    return false;
                }

                _pos = _len;
                break;
            }

            Fill();
        }

        _lineNo++;
        if (length > 0 && _buf[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        return true;
    }

    private void Fill()
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
            _discarded += _pos;
            _len -= _pos;
            _pos = 0;
        }

        if (_len == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
            Buffer.BlockCopy(_buf, 0, bigger, 0, _len);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }

        while (_len < _buf.Length)
        {
            int read = _stream.Read(_buf, _len, _buf.Length - _len);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            _len += read;
        }
    }

    private static bool IsMissingToken(ReadOnlySpan<byte> s) =>
        s.Length <= 4 && (Ascii.EqualsIgnoreCase(s, "na"u8) || Ascii.EqualsIgnoreCase(s, "n/a"u8)
            || Ascii.EqualsIgnoreCase(s, "null"u8) || Ascii.EqualsIgnoreCase(s, "none"u8) || s.SequenceEqual("-"u8));

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim(" \t"u8);

    private static bool IsBlank(ReadOnlySpan<byte> s) => s.Trim(" \t"u8).IsEmpty;
}
