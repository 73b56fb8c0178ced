using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>Descriptive facts of a run shown in the tearsheet header.</summary>
/// <param name="Title">Page title, e.g. "Momentum 15m: backtest".</param>
public sealed record RunMetadata(string Title)
{
    /// <summary>Run identifier (e.g. the results folder name).</summary>
    public string? RunId { get; init; }

    /// <summary>Strategy name(s).</summary>
    public string? Strategy { get; init; }

    /// <summary>Bar size, e.g. "15min".</summary>
    public string? BarSize { get; init; }

    /// <summary>Universe description, e.g. "46 US equities".</summary>
    public string? Universe { get; init; }

    /// <summary>Benchmark name, e.g. "SPY".</summary>
    public string? Benchmark { get; init; }

    /// <summary>When the report was produced (passed in; the analytics never read the clock).</summary>
    public DateTime? GeneratedUtc { get; init; }

    /// <summary>Further key/value facts (parameters, costs, seed), shown in ordinal key order.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>Value at risk recorded over time by the risk manager.</summary>
/// <param name="Label">What the value is, e.g. "1-day 95% historical VaR".</param>
/// <param name="TimeUtcTicks">Instants, ascending.</param>
/// <param name="Values">VaR as a fraction of equity (positive = potential loss).</param>
public sealed record RiskTimeline(string Label, long[] TimeUtcTicks, double[] Values);

/// <summary>A risk-limit event (a breach, a circuit breaker, a rejected order).</summary>
/// <param name="TimeUtcTicks">When it happened.</param>
/// <param name="Kind">Short kind, e.g. "max_drawdown", "sector_limit".</param>
/// <param name="Detail">One-line description.</param>
public sealed record RiskEvent(long TimeUtcTicks, string Kind, string Detail);

/// <summary>What the risk layer recorded during the run; either part may be missing.</summary>
/// <param name="ValueAtRisk">VaR over time, or null.</param>
/// <param name="Events">Limit events (may be empty).</param>
public sealed record RiskData(RiskTimeline? ValueAtRisk, IReadOnlyList<RiskEvent> Events);

/// <summary>Everything a tearsheet shows.</summary>
public sealed record TearsheetInput
{
    /// <summary>The analytics inputs (curve, trades, exposure, Brinson periods).</summary>
    public required AnalyticsInput Analytics { get; init; }

    /// <summary>Header facts.</summary>
    public required RunMetadata Metadata { get; init; }

    /// <summary>The report computed from <see cref="Analytics"/>; computed by the builder when null.</summary>
    public PerformanceReport? Report { get; init; }

    /// <summary>Risk-layer records, or null when the run had none.</summary>
    public RiskData? Risk { get; init; }
}
