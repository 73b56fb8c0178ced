using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>Everything the analytics compute for one run: the content of metrics.json and of the tearsheet's tables.</summary>
public sealed record PerformanceReport
{
    /// <summary>Annualisation and rates used.</summary>
    public required MetricsOptions Options { get; init; }

    /// <summary>Return and risk metrics of the strategy.</summary>
    public required PerformanceMetrics Performance { get; init; }

    /// <summary>Metrics relative to the benchmark, or null without one.</summary>
    public BenchmarkMetrics? Benchmark { get; init; }

    /// <summary>A line saying which benchmark and how it was aligned (e.g. "SPY, 6552 of 6552 timestamps"), or null.</summary>
    public string? BenchmarkNote { get; init; }

    /// <summary>The five deepest drawdown episodes, deepest first.</summary>
    public required IReadOnlyList<Drawdown> TopDrawdowns { get; init; }

    /// <summary>Distribution of bar, daily, monthly and yearly returns.</summary>
    public required PeriodStatistics PeriodStatistics { get; init; }

    /// <summary>Calendar-bucketed returns (days, months, years).</summary>
    public required CalendarReturns Calendar { get; init; }

    /// <summary>Round-trip trade statistics, or null when no trades were given.</summary>
    public TradeStatistics? Trades { get; init; }

    /// <summary>Exposure summary, or null when no exposure was given.</summary>
    public ExposureSummary? Exposure { get; init; }

    /// <summary>P&amp;L by symbol, sector, strategy and side, or null when no trades were given.</summary>
    public PnlAttribution? Pnl { get; init; }

    /// <summary>Brinson–Fachler sector attribution, or null when not computed.</summary>
    public BrinsonResult? Brinson { get; init; }
}

/// <summary>The analytics inputs of a run. Only <see cref="Curve"/> and <see cref="Options"/> are required.</summary>
public sealed record AnalyticsInput
{
    /// <summary>Equity curve, optionally with the benchmark attached.</summary>
    public required EquityCurve Curve { get; init; }

    /// <summary>Annualisation and rates.</summary>
    public required MetricsOptions Options { get; init; }

    /// <summary>
    /// A curve carrying the benchmark for the relative metrics when it covers fewer timestamps than <see cref="Curve"/>
    /// (for example after aligning two files); null to use <see cref="Curve"/>'s own benchmark.
    /// </summary>
    public EquityCurve? BenchmarkCurve { get; init; }

    /// <summary>Text describing the benchmark, shown next to its metrics.</summary>
    public string? BenchmarkNote { get; init; }

    /// <summary>Closed round trips, or null.</summary>
    public IReadOnlyList<TradeRecord>? Trades { get; init; }

    /// <summary>Book exposure over time, or null.</summary>
    public ExposureSeries? Exposure { get; init; }

    /// <summary>Brinson periods (for example one per day), or null.</summary>
    public IReadOnlyList<BrinsonPeriod>? BrinsonPeriods { get; init; }
}

/// <summary>Runs every analytic over an <see cref="AnalyticsInput"/>.</summary>
public static class PerformanceAnalyzer
{
    /// <summary>Computes the full report.</summary>
    public static PerformanceReport Analyze(AnalyticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var perf = PerformanceCalculator.Compute(input.Curve, input.Options);
        var benchCurve = input.BenchmarkCurve ?? (input.Curve.HasBenchmark ? input.Curve : null);
        var calendar = CalendarReturns.FromCurve(input.Curve);
        return new PerformanceReport
        {
            Options = input.Options,
            Performance = perf,
            Benchmark = benchCurve is null ? null : PerformanceCalculator.ComputeBenchmark(benchCurve, input.Options),
            BenchmarkNote = input.BenchmarkNote,
            TopDrawdowns = DrawdownAnalyzer.Worst(input.Curve, PerformanceCalculator.TopDrawdownCount),
            PeriodStatistics = PeriodStatistics.From(perf.PerPeriod, calendar),
            Calendar = calendar,
            Trades = input.Trades is null ? null : TradeStatistics.Compute(input.Trades, input.Curve, input.Options),
            Exposure = input.Exposure is null ? null : ExposureSummary.Compute(input.Exposure),
            Pnl = input.Trades is null ? null : PnlAttribution.FromTrades(input.Trades),
            Brinson = input.BrinsonPeriods is null ? null : BrinsonFachler.Attribute(input.BrinsonPeriods),
        };
    }
}
