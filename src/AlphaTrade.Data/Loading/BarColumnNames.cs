namespace AlphaTrade.Data.Loading;

/// <summary>What a column of a vendor file holds.</summary>
internal enum BarColumn : byte
{
    /// <summary>Not used (extra column).</summary>
    Ignore,

    /// <summary>Date and time in one field (or a date alone, or epoch).</summary>
    Timestamp,

    /// <summary>Date part of a split date/time pair.</summary>
    Date,

    /// <summary>Time-of-day part of a split date/time pair.</summary>
    Time,

    /// <summary>Opening price.</summary>
    Open,

    /// <summary>High price.</summary>
    High,

    /// <summary>Low price.</summary>
    Low,

    /// <summary>Closing price.</summary>
    Close,

    /// <summary>Volume.</summary>
    Volume,

    /// <summary>Volume-weighted average price (optional).</summary>
    Vwap,

    /// <summary>Number of trades (optional).</summary>
    TradeCount,
}

/// <summary>
/// Recognises vendor column names, case- and punctuation-insensitively ("Trade Count", "trade_count" and
/// "TradeCount" are one name). Shared by the CSV and vendor Parquet readers.
/// </summary>
internal static class BarColumnNames
{
    /// <summary>Number of numeric value slots (open … trade count).</summary>
    public const int ValueSlots = 7;

    /// <summary>The column list every reader expects, for messages.</summary>
    public const string Expected = "timestamp (or date and time), open, high, low, close, volume; optional vwap, trade_count";

    private static readonly Dictionary<string, BarColumn> Names = new(StringComparer.Ordinal)
    {
        ["timestamp"] = BarColumn.Timestamp,
        ["datetime"] = BarColumn.Timestamp,
        ["timestamputc"] = BarColumn.Timestamp,
        ["datetimeutc"] = BarColumn.Timestamp,
        ["ts"] = BarColumn.Timestamp,
        ["t"] = BarColumn.Timestamp,
        ["dt"] = BarColumn.Timestamp,
        ["bartime"] = BarColumn.Timestamp,
        ["barstart"] = BarColumn.Timestamp,
        ["date"] = BarColumn.Date,
        ["day"] = BarColumn.Date,
        ["time"] = BarColumn.Time,
        ["open"] = BarColumn.Open,
        ["o"] = BarColumn.Open,
        ["high"] = BarColumn.High,
        ["h"] = BarColumn.High,
        ["low"] = BarColumn.Low,
        ["l"] = BarColumn.Low,
        ["close"] = BarColumn.Close,
        ["c"] = BarColumn.Close,
        ["last"] = BarColumn.Close,
        ["volume"] = BarColumn.Volume,
        ["vol"] = BarColumn.Volume,
        ["v"] = BarColumn.Volume,
        ["vwap"] = BarColumn.Vwap,
        ["vw"] = BarColumn.Vwap,
        ["wap"] = BarColumn.Vwap,
        ["average"] = BarColumn.Vwap,
        ["tradecount"] = BarColumn.TradeCount,
        ["trades"] = BarColumn.TradeCount,
        ["n"] = BarColumn.TradeCount,
        ["numtrades"] = BarColumn.TradeCount,
        ["numberoftrades"] = BarColumn.TradeCount,
        ["barcount"] = BarColumn.TradeCount,
        ["transactions"] = BarColumn.TradeCount,
    };

    /// <summary>The meaning of header <paramref name="name"/>, or <see cref="BarColumn.Ignore"/>.</summary>
    public static BarColumn Classify(string name)
    {
        Span<char> buf = stackalloc char[Math.Min(name.Length, 64)];
        int n = 0;
        foreach (char ch in name)
        {
            if (n == buf.Length)
            {
                return BarColumn.Ignore;
            }

            if (char.IsAsciiLetterOrDigit(ch))
            {
                buf[n++] = char.ToLowerInvariant(ch);
            }
        }

        return Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buf[..n], out var column) ? column : BarColumn.Ignore;
    }

    /// <summary>
    /// Assigns roles to header names: the first column of each kind wins; a timestamp column beats a date/time pair,
    /// which beats a date alone, which beats a time alone. Returns the roles and the names of missing required
    /// columns (empty when complete).
    /// </summary>
    public static (BarColumn[] Roles, List<string> Missing) Resolve(IReadOnlyList<string> names)
    {
        var roles = new BarColumn[names.Count];
        var seen = new HashSet<BarColumn>();
        int timestamp = -1;
        int date = -1;
        int time = -1;
        for (int i = 0; i < names.Count; i++)
        {
            var c = Classify(names[i]);
            if (c == BarColumn.Ignore || !seen.Add(c))
            {
                continue;
            }

            switch (c)
            {
                case BarColumn.Timestamp:
                    timestamp = i;
                    break;
                case BarColumn.Date:
                    date = i;
                    break;
                case BarColumn.Time:
                    time = i;
                    break;
                default:
                    roles[i] = c;
                    break;
            }
        }

        if (timestamp >= 0)
        {
            roles[timestamp] = BarColumn.Timestamp;
        }
        else if (date >= 0 && time >= 0)
        {
            roles[date] = BarColumn.Date;
            roles[time] = BarColumn.Time;
        }
        else if (date >= 0)
        {
            roles[date] = BarColumn.Timestamp;
        }
        else if (time >= 0)
        {
            roles[time] = BarColumn.Timestamp;
        }

        var missing = new List<string>();
        if (timestamp < 0 && date < 0 && time < 0)
        {
            missing.Add("timestamp");
        }

        foreach (var (c, label) in new[] { (BarColumn.Open, "open"), (BarColumn.High, "high"), (BarColumn.Low, "low"), (BarColumn.Close, "close"), (BarColumn.Volume, "volume") })
        {
            if (!seen.Contains(c))
            {
                missing.Add(label);
            }
        }

        return (roles, missing);
    }
}
