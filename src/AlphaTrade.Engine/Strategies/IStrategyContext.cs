using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Engine.Strategies;

/// <summary>
/// Read-only market history: per symbol, the most recent bars up to now (at most <see cref="Capacity"/>), oldest
/// first, as columns. It never holds a bar that has not completed, so code reading it cannot look ahead.
/// Spans are valid until the next event.
/// </summary>
public interface IMarketView
{
    /// <summary>The symbols; ids index every method.</summary>
    SymbolTable Symbols { get; }

    /// <summary>Most bars kept per symbol.</summary>
    int Capacity { get; }

    /// <summary>Bars available for <paramref name="symbolId"/> (≤ <see cref="Capacity"/>).</summary>
    int Length(int symbolId);

    /// <summary>Bar starts, UTC ticks.</summary>
    ReadOnlySpan<long> Time(int symbolId);

    /// <summary>Opens.</summary>
    ReadOnlySpan<double> Open(int symbolId);

    /// <summary>Highs.</summary>
    ReadOnlySpan<double> High(int symbolId);

    /// <summary>Lows.</summary>
    ReadOnlySpan<double> Low(int symbolId);

    /// <summary>Closes.</summary>
    ReadOnlySpan<double> Close(int symbolId);

    /// <summary>Volumes.</summary>
    ReadOnlySpan<double> Volume(int symbolId);

    /// <summary>Latest close of <paramref name="symbolId"/>, NaN before its first bar.</summary>
    double LastClose(int symbolId);
}

/// <summary>
/// What a strategy can see and do. One context per strategy; valid for the whole run; single-threaded.
/// Order commands never throw for business reasons: refusals arrive as events.
/// </summary>
public interface IStrategyContext
{
    /// <summary>The strategy's name.</summary>
    string StrategyName { get; }

    /// <summary>The run's clock.</summary>
    IClock Clock { get; }

    /// <summary>Now, UTC ticks.</summary>
    long NowUtcTicks { get; }

    /// <summary>The regular session in progress, or null between sessions.</summary>
    TradingSession? Session { get; }

    /// <summary>The symbols of the run.</summary>
    SymbolTable Symbols { get; }

    /// <summary>Market history up to now.</summary>
    IMarketView Market { get; }

    /// <summary>The account (all strategies together).</summary>
    IPortfolioView Portfolio { get; }

    /// <summary>Shares this strategy holds in <paramref name="symbolId"/>.</summary>
    long Position(int symbolId);

    /// <summary>This strategy's signed shares in working orders for <paramref name="symbolId"/>.</summary>
    long WorkingQuantity(int symbolId);

    /// <summary>Sends an order through the pre-trade gates to the execution client and returns its id.</summary>
    OrderId Submit(OrderRequest request);

    /// <summary>Asks to cancel one of this strategy's orders; false when it is unknown, not this strategy's or already final.</summary>
    bool Cancel(OrderId orderId);

    /// <summary>Asks to amend one of this strategy's working orders; false when it is unknown, not this strategy's or already final.</summary>
    bool Replace(OrderId orderId, OrderAmendment amendment);

    /// <summary>Status of one of this strategy's orders, or null when unknown.</summary>
    OrderStatus? StatusOf(OrderId orderId);

    /// <summary>
    /// Sends a market DAY order for the difference between <paramref name="targetShares"/> and what the strategy holds
    /// plus has working; returns its id, or null when nothing needs to trade.
    /// </summary>
    OrderId? SetTargetShares(int symbolId, long targetShares);

    /// <summary>
    /// Like <see cref="SetTargetShares"/> with target = truncate(weight × account equity ÷ last close), in double
    /// (see <see cref="TargetSizing"/>); null when nothing needs to trade or the symbol has no price yet.
    /// </summary>
    OrderId? SetTargetWeight(int symbolId, double weight);

    /// <summary>Schedules <see cref="IStrategy.OnTimer"/> at <paramref name="utcTicks"/> (not in the past).</summary>
    void Schedule(long utcTicks, string name);
}

/// <summary>
/// Turning target weights into whole shares, the same way in every engine. Sizing is a decision, not a money
/// movement, so it runs in double on the per-bar valuation (<see cref="Portfolio.Ledger.EquityEstimate"/>) and the
/// bar close: both engines feed it bit-identical inputs and get identical shares.
/// </summary>
public static class TargetSizing
{
    /// <summary>truncate(weight × equity ÷ price) toward zero; 0 for a zero weight or a non-positive price or equity.</summary>
    public static long Shares(double weight, double equity, double price)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A target weight must be finite.");
        }

        if (weight == 0 || !(price > 0) || !(equity > 0))
        {
            return 0;
        }

        double shares = Math.Truncate(weight * equity / price);
        return shares >= long.MaxValue || shares <= long.MinValue ? throw new OverflowException("Target shares out of range.") : (long)shares;
    }
}
