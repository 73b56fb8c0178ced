namespace AlphaTrade.Analytics.Inputs;

/// <summary>Direction of a round-trip trade.</summary>
public enum TradeSide
{
    /// <summary>Bought to open, sold to close.</summary>
    Long,

    /// <summary>Sold short to open, bought to cover.</summary>
    Short,
}

/// <summary>
/// One closed round-trip trade: a position opened and closed in one symbol by one strategy.
/// </summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Sector">Sector of the symbol (GICS).</param>
/// <param name="Strategy">Name of the strategy that traded it.</param>
/// <param name="Side">Long or short.</param>
/// <param name="EntryTimeUtcTicks">Time of the (first) entry fill, UTC ticks.</param>
/// <param name="ExitTimeUtcTicks">Time of the (last) exit fill, UTC ticks.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="Quantity">Shares traded, positive for either side.</param>
/// <param name="NetPnl">Realised profit or loss in account currency after fees and costs.</param>
/// <param name="Fees">Commissions and fees paid on both legs (positive).</param>
public sealed record TradeRecord(
    string Symbol,
    string Sector,
    string Strategy,
    TradeSide Side,
    long EntryTimeUtcTicks,
    long ExitTimeUtcTicks,
    double EntryPrice,
    double ExitPrice,
    double Quantity,
    double NetPnl,
    double Fees)
{
    /// <summary>Profit or loss before fees, <see cref="NetPnl"/> + <see cref="Fees"/>.</summary>
    public double GrossPnl => NetPnl + Fees;

    /// <summary>Entry value, |quantity| × entry price.</summary>
    public double EntryNotional => Math.Abs(Quantity) * EntryPrice;

    /// <summary>Exit value, |quantity| × exit price.</summary>
    public double ExitNotional => Math.Abs(Quantity) * ExitPrice;

    /// <summary>Net P&amp;L as a fraction of the entry value.</summary>
    public double ReturnOnEntry => EntryNotional > 0 ? NetPnl / EntryNotional : 0;

    /// <summary>Time between entry and exit.</summary>
    public TimeSpan HoldingTime => TimeSpan.FromTicks(ExitTimeUtcTicks - EntryTimeUtcTicks);

    /// <summary>Entry time as UTC.</summary>
    public DateTime EntryTimeUtc => new(EntryTimeUtcTicks, DateTimeKind.Utc);

    /// <summary>Exit time as UTC.</summary>
    public DateTime ExitTimeUtc => new(ExitTimeUtcTicks, DateTimeKind.Utc);
}
