using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Loading;

/// <summary>Which instant of its interval a vendor's timestamp names.</summary>
public enum BarLabel
{
    /// <summary>The timestamp is the bar's start (IBKR, Polygon, most vendors); kept as is.</summary>
    Start,

    /// <summary>The timestamp is the bar's end; the bar size is subtracted to get the start (intraday bars; daily bars keep their date).</summary>
    End,
}

/// <summary>What to do with a row that cannot be read.</summary>
public enum BadRowPolicy
{
    /// <summary>Stop with an <see cref="Core.InputException"/> naming the file and line.</summary>
    Fail,

    /// <summary>Drop the row, count it and keep its message in <see cref="LoadResult.SkippedRowMessages"/>.</summary>
    Skip,
}

/// <summary>How to read one vendor bar file. Immutable; the defaults suit a typical US-equity vendor CSV.</summary>
public sealed record BarFileOptions
{
    /// <summary>The defaults.</summary>
    public static BarFileOptions Default { get; } = new();

    /// <summary>Ticker to use instead of the one in the file name.</summary>
    public string? Symbol { get; init; }

    /// <summary>Bar size to use instead of the one in the file name (or inferred from the timestamps).</summary>
    public TimeFrame? TimeFrame { get; init; }

    /// <summary>Whether timestamps name the bar start (default) or end.</summary>
    public BarLabel Label { get; init; } = BarLabel.Start;

    /// <summary>Malformed rows stop the load (default) or are skipped and counted.</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Fail;

    /// <summary>Exchange time zone for timestamps written without an offset; US Eastern by default.</summary>
    public ExchangeTimeZone? ExchangeTime { get; init; }

    /// <summary>Exchange-local time given to a daily bar whose timestamp is a date alone (or midnight): the regular open.</summary>
    public TimeOnly DailyBarTime { get; init; } = new(9, 30);

    /// <summary>How many skipped-row messages to keep (the count is always exact).</summary>
    public int MaxSkippedMessages { get; init; } = 20;

    /// <summary>The zone in effect: <see cref="ExchangeTime"/> or New York.</summary>
    internal ExchangeTimeZone EffectiveExchangeTime => ExchangeTime ?? ExchangeTimeZone.NewYork;
}
