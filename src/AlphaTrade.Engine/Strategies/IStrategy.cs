using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Strategies;

/// <summary>A timer a strategy scheduled, delivered when the clock reaches it.</summary>
/// <param name="Name">The name given when scheduling.</param>
/// <param name="TimeUtcTicks">When it was due (= now when delivered).</param>
public readonly record struct TimerEvent(string Name, long TimeUtcTicks);

/// <summary>
/// A trading strategy as the event loop drives it. It sees only its context: clock, market history up to now,
/// portfolio, and order commands; it never knows whether it runs in a backtest, on paper or live.
/// Callbacks run on the loop's single thread, in time order; an exception from a callback stops the run.
/// <para>Time: <see cref="OnBar"/> runs at the bars' close (the slice's end), with the history including them;
/// orders sent there fill at the earliest on the next bar.</para>
/// </summary>
public interface IStrategy
{
    /// <summary>Unique name within a run (books and reports are kept per name).</summary>
    string Name { get; }

    /// <summary>Once, before the first event.</summary>
    void OnStart(IStrategyContext context);

    /// <summary>At each regular session open.</summary>
    void OnSessionOpen(IStrategyContext context, TradingSession session);

    /// <summary>When the bars of one time step complete. <paramref name="slice"/> is valid only during the call.</summary>
    void OnBar(IStrategyContext context, BarSlice slice);

    /// <summary>For each execution of one of this strategy's orders (after the ledger booked it).</summary>
    void OnFill(IStrategyContext context, Fill fill);

    /// <summary>For every other event on one of this strategy's orders (accepted, rejected, cancelled, replaced, expired...).</summary>
    void OnOrderEvent(IStrategyContext context, OrderEvent orderEvent);

    /// <summary>When a timer this strategy scheduled comes due.</summary>
    void OnTimer(IStrategyContext context, TimerEvent timer);

    /// <summary>At each regular session close, after DAY orders expired and financing accrued.</summary>
    void OnSessionClose(IStrategyContext context, TradingSession session);

    /// <summary>Once, after the last event.</summary>
    void OnStop(IStrategyContext context);
}

/// <summary>A convenient base: every callback does nothing until overridden.</summary>
public abstract class Strategy : IStrategy
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual void OnStart(IStrategyContext context)
    {
    }

    /// <inheritdoc />
    public virtual void OnSessionOpen(IStrategyContext context, TradingSession session)
    {
    }

    /// <inheritdoc />
    public virtual void OnBar(IStrategyContext context, BarSlice slice)
    {
    }

    /// <inheritdoc />
    public virtual void OnFill(IStrategyContext context, Fill fill)
    {
    }

    /// <inheritdoc />
    public virtual void OnOrderEvent(IStrategyContext context, OrderEvent orderEvent)
    {
    }

    /// <inheritdoc />
    public virtual void OnTimer(IStrategyContext context, TimerEvent timer)
    {
    }

    /// <inheritdoc />
    public virtual void OnSessionClose(IStrategyContext context, TradingSession session)
    {
    }

    /// <inheritdoc />
    public virtual void OnStop(IStrategyContext context)
    {
    }
}
