using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// The read-only market a strategy sees: bounded base-bar history per symbol and the higher time frames it asked
/// for, each holding only completed bars.
/// </summary>
public sealed class MarketView
{
    private readonly StrategyHost _host;

    internal MarketView(StrategyHost host) => _host = host;

    /// <summary>Base bars (the run's bar size) of the strategy's symbols, up to now.</summary>
    public IMarketView Base => _host.BaseHistory;

    /// <summary>Hourly bars (requires <c>UseTimeFrame(TimeFrame.Hourly)</c>).</summary>
    public IMarketView Hourly => Frame(TimeFrame.Hourly);

    /// <summary>Daily bars (requires <c>UseTimeFrame(TimeFrame.Daily)</c>).</summary>
    public IMarketView Daily => Frame(TimeFrame.Daily);

    /// <summary>Bars of <paramref name="timeFrame"/>.</summary>
    public IMarketView Frame(TimeFrame timeFrame) => _host.Aggregator(timeFrame).History;

    /// <summary>True when a bar of <paramref name="timeFrame"/> completed for <paramref name="symbolId"/> at this step.</summary>
    public bool IsNewBar(TimeFrame timeFrame, int symbolId) => _host.Aggregator(timeFrame).PublishedAt(symbolId, _host.StepIndex);

    /// <summary>The aggregator of <paramref name="timeFrame"/>: one lookup for a loop of per-symbol <see cref="IsNewBar"/> checks.</summary>
    internal SessionBarAggregator Aggregator(TimeFrame timeFrame) => _host.Aggregator(timeFrame);

    /// <summary>Latest base close of <paramref name="symbolId"/> (NaN before its first bar).</summary>
    public double LastClose(int symbolId) => _host.BaseHistory.LastClose(symbolId);
}
