namespace AlphaTrade.Core.Market;

/// <summary>
/// One OHLCV bar as a value, for APIs that handle a bar at a time (streaming indicators, live feeds).
/// Time is the bar's START in UTC ticks. Bulk data lives in <see cref="BarSeries"/>.
/// </summary>
/// <param name="TimeUtcTicks">Bar start, UTC ticks.</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Volume in shares.</param>
public readonly record struct Bar(long TimeUtcTicks, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>Bar start as a UTC <see cref="DateTime"/>.</summary>
    public DateTime TimeUtc => new(TimeUtcTicks, DateTimeKind.Utc);

    /// <summary>True when high ≥ max(open, close), low ≤ min(open, close), prices positive and volume non-negative.</summary>
    public bool IsConsistent =>
        Open > 0 && High > 0 && Low > 0 && Close > 0 && Volume >= 0
        && High >= Open && High >= Close && Low <= Open && Low <= Close && High >= Low;
}
