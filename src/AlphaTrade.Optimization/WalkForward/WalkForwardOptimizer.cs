using System.Globalization;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization.WalkForward;

/// <summary>
/// Walk-forward optimisation: on every fold, choose the configuration with the best objective on the training
/// window (ties: lowest index; NaN worst) and record how it does on the test window that follows; the test-window
/// returns are stitched into one out-of-sample series.
/// </summary>
public static class WalkForwardOptimizer
{
    /// <summary>
    /// Walk-forward from a sweep already run over the whole timeline: each trial's returns (one per bar) are sliced
    /// by the folds, so no strategy is run again. Valid for strategies whose return at a bar depends only on data up
    /// to that bar and on the parameters (no fitted state), which is what a parameter sweep of a rule-based strategy
    /// is; use <see cref="Run"/> for strategies that must be refitted per window.
    /// </summary>
    /// <param name="sweep">The sweep; every successful trial's returns cover the same bars as the folds.</param>
    /// <param name="folds">Folds from <see cref="WalkForwardSplitter"/>.</param>
    /// <param name="objective">Objective to choose by.</param>
    /// <param name="periodsPerYear">Annualisation.</param>
    /// <param name="degreeOfParallelism">Threads; the result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    public static WalkForwardResult FromFullPeriod(
        SweepResult sweep,
        IReadOnlyList<WalkForwardFold> folds,
        Objective objective,
        double periodsPerYear,
        int degreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(objective);
        var trials = sweep.Outcomes.Where(o => o.Succeeded).ToArray();
        if (trials.Length == 0)
        {
            throw new InvalidOperationException("Walk-forward needs at least one successful trial; every configuration failed.");
        }

        int end = folds.Count == 0 ? 0 : folds.Max(f => Math.Max(f.Train.End, f.Test.End));
        foreach (var t in trials)
        {
            if (t.Result!.Returns.Length < end)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Trial {t.Index} ({t.Parameters}) has {t.Result.Returns.Length} returns; the folds reach bar {end}."), nameof(sweep));
            }
        }

        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var picks = new List<(WalkForwardFold Fold, TrialOutcome Chosen, double InSample, double[] Test)>();
        var scores = new double[trials.Length];
        foreach (var fold in folds)
        {
            Parallel.For(0, trials.Length, options, i => scores[i] = objective.Evaluate(fold.Train.Of(trials[i].Result!.Returns), periodsPerYear));
            int best = 0;
            for (int i = 1; i < trials.Length; i++)
            {
                if (objective.IsBetter(scores[i], scores[best]))
                {
                    best = i;
                }
            }

            picks.Add((fold, trials[best], scores[best], fold.Test.Of(trials[best].Result!.Returns).ToArray()));
        }

        return Assemble(picks.Select(p => (p.Fold, p.Chosen.Parameters, p.InSample, p.Test, 0)).ToList(), objective, periodsPerYear);
    }

    /// <summary>
    /// Walk-forward that runs the strategy per window: a full sweep on each training window, then one run of the
    /// chosen configuration on the test window. Trials that fail in training are skipped; a fold where all fail,
    /// or whose test run fails, stops the optimisation with an <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="configurations">The configurations to choose from.</param>
    /// <param name="folds">Folds from <see cref="WalkForwardSplitter"/>.</param>
    /// <param name="evaluate">
    /// Runs a configuration on a window of bars and returns one return per bar of the window; called
    /// concurrently during training sweeps.
    /// </param>
    /// <param name="objective">Objective to choose by.</param>
    /// <param name="periodsPerYear">Annualisation.</param>
    /// <param name="degreeOfParallelism">Threads per training sweep.</param>
    /// <param name="progress">Progress over all folds: total = folds × configurations.</param>
    /// <param name="cancellationToken">Stops the optimisation.</param>
    public static WalkForwardResult Run(
        IReadOnlyList<ParameterSet> configurations,
        IReadOnlyList<WalkForwardFold> folds,
        Func<ParameterSet, BarRange, CancellationToken, TrialResult> evaluate,
        Objective objective,
        double periodsPerYear,
        int degreeOfParallelism = 0,
        Action<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(objective);
        var picks = new List<(WalkForwardFold, ParameterSet, double, double[], int)>();
        int total = folds.Count * configurations.Count;
        int failedBefore = 0;
        foreach (var fold in folds)
        {
            int done = picks.Count * configurations.Count;
            int failedSoFar = failedBefore;
            Action<SweepProgress>? foldProgress = progress is null ? null
                : p => progress(new SweepProgress(done + p.Completed, total, failedSoFar + p.Failed));
            var sweep = GridSweep.Run(configurations, (c, ct) => evaluate(c, fold.Train, ct), degreeOfParallelism, foldProgress, cancellationToken);
            failedBefore += sweep.Failed;
            var best = sweep.Best(objective) ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"walk-forward fold {fold.Index + 1}: every configuration failed on the training window {fold.Train}; first error: {sweep.Outcomes[0].Error}"));

            TrialResult test;
            try
            {
                test = evaluate(best.Parameters, fold.Test, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"walk-forward fold {fold.Index + 1}: the chosen configuration ({best.Parameters}) failed on the test window {fold.Test}: {GridSweep.OneLine(ex)}"), ex);
            }

            if (test.Returns.Length != fold.Test.Length)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"walk-forward fold {fold.Index + 1}: the evaluator returned {test.Returns.Length} returns for the {fold.Test.Length}-bar test window {fold.Test}."));
            }

            picks.Add((fold, best.Parameters, best.Objective, test.Returns, sweep.Failed));
        }

        return Assemble(picks, objective, periodsPerYear);
    }

    private static WalkForwardResult Assemble(List<(WalkForwardFold Fold, ParameterSet Chosen, double InSample, double[] Test, int Failed)> picks, Objective objective, double periodsPerYear)
    {
        var folds = new List<WalkForwardFoldResult>(picks.Count);
        var stitched = new List<double>();
        for (int k = 0; k < picks.Count; k++)
        {
            var (fold, chosen, inSample, test, failed) = picks[k];
            int stop = fold.Test.End;
            if (k + 1 < picks.Count)
            {
                stop = Math.Min(stop, Math.Max(fold.Test.Start, picks[k + 1].Fold.Test.Start));
            }

            var contributed = new BarRange(fold.Test.Start, stop);
            stitched.AddRange(test.AsSpan(0, contributed.Length));
            folds.Add(new WalkForwardFoldResult(
                fold,
                chosen,
                inSample,
                objective.Evaluate(test, periodsPerYear),
                ReturnMetrics.Summarize(test, periodsPerYear),
                contributed,
                failed));
        }

        var all = stitched.ToArray();
        return new WalkForwardResult(objective, periodsPerYear, folds, all, ReturnMetrics.Summarize(all, periodsPerYear), objective.Evaluate(all, periodsPerYear));
    }
}
