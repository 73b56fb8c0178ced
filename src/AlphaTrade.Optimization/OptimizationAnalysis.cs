using System.Globalization;
using AlphaTrade.Optimization.Overfitting;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization;

/// <summary>The chosen configuration of a sweep and the overfitting statistics of that choice.</summary>
/// <param name="Chosen">The best successful trial by the objective (ties: lowest index).</param>
/// <param name="DeflatedSharpe">Its deflated Sharpe ratio against all successful trials; null with fewer than two returns.</param>
/// <param name="Pbo">CSCV over all successful trials; null when it cannot run (see <paramref name="PboUnavailableReason"/>).</param>
/// <param name="PboUnavailableReason">Why PBO is missing, one line; null when present.</param>
public sealed record OptimizationSummary(TrialOutcome Chosen, DeflatedSharpeResult? DeflatedSharpe, PboResult? Pbo, string? PboUnavailableReason);

/// <summary>Picks the configuration of a sweep and measures how much the pick may be overfitted.</summary>
public static class OptimizationAnalysis
{
    /// <summary>
    /// The best trial by <paramref name="objective"/>, its deflated Sharpe ratio (N = successful trials, or
    /// <paramref name="effectiveTrials"/>; V = variance of their per-period Sharpe ratios) and the CSCV probability
    /// of backtest overfitting of choosing by in-sample Sharpe ratio among the successful trials. Throws
    /// <see cref="InvalidOperationException"/> when every trial failed.
    /// </summary>
    public static OptimizationSummary Analyze(
        SweepResult sweep,
        Objective objective,
        double periodsPerYear,
        int cscvBlocks = Cscv.DefaultBlocks,
        int? effectiveTrials = null,
        int degreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(objective);
        var chosen = sweep.Best(objective)
            ?? throw new InvalidOperationException(sweep.Outcomes.Count == 0
                ? "The sweep ran no configuration."
                : $"Every configuration failed; first error: {sweep.Outcomes[0].Error}");
        var trials = sweep.Outcomes.Where(o => o.Succeeded).Select(o => o.Result!.Returns).ToArray();
        var sharpes = trials.Select(r => ReturnMetrics.Sharpe(r, 1)).ToArray();
        var returns = chosen.Result!.Returns;
        var dsr = returns.Length >= 2 ? DeflatedSharpe.Evaluate(returns, sharpes, periodsPerYear, effectiveTrials) : null;

        string? reason = null;
        if (trials.Length < 2)
        {
            reason = "PBO needs at least two successful trials";
        }
        else if (trials.Any(r => r.Length != returns.Length))
        {
            reason = "PBO needs every trial's returns on one timeline; their lengths differ";
        }
        else if (returns.Length < 2 * cscvBlocks)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"PBO with {cscvBlocks} blocks needs at least {2 * cscvBlocks} returns per trial; there are {returns.Length}");
        }
        else if (trials.Any(r => r.Any(x => !double.IsFinite(x))))
        {
            reason = "PBO needs finite returns; a trial has NaN or infinite returns";
        }

        var pbo = reason is null ? Cscv.Estimate(trials, cscvBlocks, periodsPerYear, degreeOfParallelism, cancellationToken) : null;
        return new OptimizationSummary(chosen, dsr, pbo, reason);
    }
}
