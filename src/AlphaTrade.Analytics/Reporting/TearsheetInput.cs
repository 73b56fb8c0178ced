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
/// <param name="Kind">The limit or trigger, snake_case, e.g. "max_drawdown", "circuit_breaker"; several ';'-separated when more than one cut an order.</param>
/// <param name="Detail">One-line description (the reason).</param>
public sealed record RiskEvent(long TimeUtcTicks, string Kind, string Detail)
{
    /// <summary>"order" for an order decision, "state" for a limit tripping, a new day or the kill switch.</summary>
    public string Category { get; init; } = "state";

    /// <summary>"accept", "resize", "reject" for orders; the new trading state for state events ("halted", "flattening").</summary>
    public string Verdict { get; init; } = string.Empty;

    /// <summary>Strategy of the order, or empty.</summary>
    public string Strategy { get; init; } = string.Empty;

    /// <summary>Symbol of the order, or empty.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>"buy"/"sell", or empty.</summary>
    public string Side { get; init; } = string.Empty;

    /// <summary>Shares asked for.</summary>
    public long RequestedQuantity { get; init; }

    /// <summary>Shares let through.</summary>
    public long FinalQuantity { get; init; }
}

/// <summary>What the risk layer recorded during the run; either part may be missing.</summary>
/// <param name="ValueAtRisk">VaR over time, or null.</param>
/// <param name="Events">Limit events (may be empty).</param>
public sealed record RiskData(RiskTimeline? ValueAtRisk, IReadOnlyList<RiskEvent> Events)
{
    /// <summary>False when the run had no risk layer (e.g. <c>--no-risk</c>); <see cref="Note"/> says why.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How the risk layer was (or was not) applied, one line.</summary>
    public string? Note { get; init; }

    /// <summary><c>max_sector_pct</c>, drawn on the sector exposure chart (null: not drawn).</summary>
    public double? SectorLimit { get; init; }
}

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
