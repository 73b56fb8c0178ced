using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Orders;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// A trading strategy: the one interface a user implements. The framework calls <see cref="Initialize"/> once with
/// the universe and parameters (register indicators and time frames there), then <see cref="OnBar"/> after every base
/// bar step, with the market view, indicators and higher-time-frame bars already updated to include exactly the
/// completed bars. The strategy answers with signals or target weights through the context; portfolio construction,
/// risk and execution turn them into orders. Everything else is optional.
/// </summary>
public interface ITradingStrategy
{
    /// <summary>Once, before the first bar: read parameters, register indicators and time frames, pick pipeline steps.</summary>
    void Initialize(StrategySetup setup);

    /// <summary>After each base bar step (at its close).</summary>
    void OnBar(TradingContext context);

    /// <summary>For each fill of this strategy's orders.</summary>
    void OnFill(TradingContext context, Fill fill)
    {
    }

    /// <summary>At each regular session open.</summary>
    void OnSessionOpen(TradingContext context, TradingSession session)
    {
    }

    /// <summary>At each regular session close (higher-time-frame bars of the session are published before it).</summary>
    void OnSessionClose(TradingContext context, TradingSession session)
    {
    }

    /// <summary>Writes the strategy's own decision state (entries, stops, selections...) for a restart.</summary>
    void SaveState(StateWriter writer)
    {
    }

    /// <summary>Reads what <see cref="SaveState"/> wrote, into a strategy freshly initialised with the same parameters.</summary>
    void LoadState(StateReader reader)
    {
    }
}
