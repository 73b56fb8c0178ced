using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Results;

/// <summary>An order as it ended (or stood at the end of the run).</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Strategy">Strategy that sent it.</param>
/// <param name="Request">The order as last accepted or amended.</param>
/// <param name="SubmittedUtcTicks">When it was sent.</param>
/// <param name="Status">Final status.</param>
/// <param name="FilledQuantity">Shares filled.</param>
/// <param name="AverageFillPrice">Average fill price (0 when nothing filled).</param>
/// <param name="UpdatedUtcTicks">Time of its last event.</param>
/// <param name="Reason">Rejection, cancellation or expiry reason, or null.</param>
public sealed record OrderReport(
    OrderId OrderId,
    string Strategy,
    OrderRequest Request,
    long SubmittedUtcTicks,
    OrderStatus Status,
    long FilledQuantity,
    decimal AverageFillPrice,
    long UpdatedUtcTicks,
    string? Reason);

/// <summary>An execution with the strategy it belongs to.</summary>
/// <param name="Sequence">1-based position in the run's fill log.</param>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Fill">The execution.</param>
public sealed record FillReport(long Sequence, string Strategy, Fill Fill);

/// <summary>Long or short.</summary>
public enum TradeDirection
{
    /// <summary>Bought first.</summary>
    Long,

    /// <summary>Sold short first.</summary>
    Short,
}

/// <summary>
/// A round trip: from a flat position to the next flat position (a fill through zero ends one and starts the next)
/// for one strategy and symbol. Costs are commission, fees and borrow fees (a flip's costs are split by shares).
/// </summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Symbol">Ticker.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="EntryUtcTicks">First fill.</param>
/// <param name="ExitUtcTicks">Fill that flattened it; null while open.</param>
/// <param name="Quantity">Largest absolute position reached.</param>
/// <param name="EntryPrice">Average price of the shares that opened or added.</param>
/// <param name="ExitPrice">Average price of the shares that closed (0 while nothing closed).</param>
/// <param name="GrossPnl">Realized P&amp;L before costs.</param>
/// <param name="Costs">Commission + fees + borrow fees.</param>
/// <param name="FillCount">Fills that made it.</param>
public sealed record RoundTrip(
    string Strategy,
    string Symbol,
    TradeDirection Direction,
    long EntryUtcTicks,
    long? ExitUtcTicks,
    long Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal GrossPnl,
    decimal Costs,
    int FillCount)
{
    /// <summary>Gross P&amp;L minus costs.</summary>
    public decimal NetPnl => GrossPnl - Costs;
}

/// <summary>A strategy's position in a symbol at a session close.</summary>
/// <param name="TimeUtcTicks">Session close.</param>
/// <param name="Date">Session date.</param>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Symbol">Ticker.</param>
/// <param name="Quantity">Shares (negative when short).</param>
/// <param name="AveragePrice">Average cost per share.</param>
/// <param name="MarkPrice">Closing mark.</param>
/// <param name="MarketValue">Quantity × mark.</param>
/// <param name="UnrealizedPnl">Market value − cost basis.</param>
public sealed record PositionSnapshot(
    long TimeUtcTicks, DateOnly Date, string Strategy, string Symbol, long Quantity, decimal AveragePrice, decimal MarkPrice,
    decimal MarketValue, decimal UnrealizedPnl);

/// <summary>The account at a session close, exact in decimal (after that session's financing accrual).</summary>
/// <param name="Date">Session date.</param>
/// <param name="CloseUtcTicks">Session close.</param>
/// <param name="Cash">Cash.</param>
/// <param name="Equity">Cash + positions at the closing marks.</param>
/// <param name="GrossExposure">Σ |market value|.</param>
/// <param name="NetExposure">Σ market value.</param>
/// <param name="BorrowFee">Borrow fees accrued at this close.</param>
/// <param name="Interest">Interest accrued at this close (negative when paid).</param>
public sealed record DailySnapshot(
    DateOnly Date, long CloseUtcTicks, decimal Cash, decimal Equity, decimal GrossExposure, decimal NetExposure, decimal BorrowFee, decimal Interest);

/// <summary>A session close at which gross exposure exceeded the overnight limit (recorded, not liquidated).</summary>
/// <param name="Date">Session date.</param>
/// <param name="GrossExposure">Gross exposure at the close.</param>
/// <param name="Equity">Equity at the close.</param>
/// <param name="AllowedLeverage">The overnight limit.</param>
public sealed record MarginCall(DateOnly Date, decimal GrossExposure, decimal Equity, decimal AllowedLeverage);

/// <summary>
/// Per-step equity as <see cref="double"/> (cash + positions at the bar closes), recorded after every time step;
/// exact decimal equity is in the daily snapshots. Columnar; grows by doubling.
/// </summary>
public sealed class EquityCurve
{
    private long[] _time;
    private double[] _equity;
    private double[] _cash;

    /// <summary>Creates an empty curve.</summary>
    public EquityCurve(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _time = new long[capacity];
        _equity = new double[capacity];
        _cash = new double[capacity];
    }

    /// <summary>Points recorded.</summary>
    public int Count { get; private set; }

    /// <summary>Point times (the end of each time step's bars), UTC ticks.</summary>
    public ReadOnlySpan<long> TimeUtcTicks => _time.AsSpan(0, Count);

    /// <summary>Equity at each point.</summary>
    public ReadOnlySpan<double> Equity => _equity.AsSpan(0, Count);

    /// <summary>Cash at each point.</summary>
    public ReadOnlySpan<double> Cash => _cash.AsSpan(0, Count);

    /// <summary>Appends a point.</summary>
    public void Add(long timeUtcTicks, double equity, double cash)
    {
        if (Count == _time.Length)
        {
            int cap = Math.Max(1024, _time.Length * 2);
            Array.Resize(ref _time, cap);
            Array.Resize(ref _equity, cap);
            Array.Resize(ref _cash, cap);
        }

        _time[Count] = timeUtcTicks;
        _equity[Count] = equity;
        _cash[Count] = cash;
        Count++;
    }
}
