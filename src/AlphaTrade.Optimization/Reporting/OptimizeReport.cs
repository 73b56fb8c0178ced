using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;
using AlphaTrade.Optimization.WalkForward;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>Everything the <c>optimize</c> report shows; only the sweep and its description are required.</summary>
public sealed record OptimizeReport
{
    /// <summary>The run's identifier (the results folder name).</summary>
    public required string RunId { get; init; }

    /// <summary>The strategy optimised.</summary>
    public required string Strategy { get; init; }

    /// <summary>The objective.</summary>
    public required Objective Objective { get; init; }

    /// <summary>Periods per year used for annualisation.</summary>
    public required double PeriodsPerYear { get; init; }

    /// <summary>The swept parameters, in grid order.</summary>
    public required IReadOnlyList<ParameterAxis> Parameters { get; init; }

    /// <summary>The sweep over the full period.</summary>
    public required SweepResult Sweep { get; init; }

    /// <summary>The constraint text, if any.</summary>
    public string? Constraint { get; init; }

    /// <summary>The chosen configuration, DSR and PBO (<see cref="OptimizationAnalysis.Analyze"/>).</summary>
    public OptimizationSummary? Analysis { get; init; }

    /// <summary>The walk-forward design, if one ran.</summary>
    public WalkForwardSpec? WalkForwardSpec { get; init; }

    /// <summary>The walk-forward optimisation, if one ran.</summary>
    public WalkForwardResult? WalkForward { get; init; }

    /// <summary>The heatmap to show; null for none.</summary>
    public HeatmapGrid? Heatmap { get; init; }

    /// <summary>Bar start times (UTC ticks) of the return series, to print window dates; null prints bar indices only.</summary>
    public IReadOnlyList<long>? BarTimesUtc { get; init; }

    /// <summary>A one-line description of the data (symbols, dates, bar size); null for none.</summary>
    public string? Data { get; init; }

    /// <summary>When the run started, UTC, supplied by the caller's clock; null leaves it out (byte-identical reruns).</summary>
    public DateTime? CreatedUtc { get; init; }
}

/// <summary>Paths of the files written by <see cref="OptimizeReportWriter.Write"/>.</summary>
/// <param name="Csv">optimize.csv: one row per configuration.</param>
/// <param name="Json">optimize.json: chosen configuration, DSR, PSR, PBO, walk-forward folds.</param>
/// <param name="Html">optimize.html: heatmap, top-10 table, explanations.</param>
public sealed record OptimizeReportFiles(string Csv, string Json, string Html);
