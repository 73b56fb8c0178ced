using System.Runtime.ExceptionServices;
using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.Sweeps;

/// <summary>
/// Runs one evaluation per configuration on several threads. Workers take the next configuration index from a
/// shared counter (cheap trials and slow ones balance themselves) and write each outcome to its own slot, so the
/// result is in input order and does not depend on scheduling. A trial that throws is recorded as failed with its
/// message; the sweep goes on.
/// </summary>
public static class GridSweep
{
    /// <summary>Evaluates every configuration.</summary>
    /// <param name="configurations">The configurations, in the order the result keeps.</param>
    /// <param name="evaluate">
    /// Runs one trial. It is called concurrently from several threads and must not share mutable state between
    /// calls; it should observe the token in long loops.
    /// </param>
    /// <param name="degreeOfParallelism">Worker threads; 0 or less means one per processor.</param>
    /// <param name="progress">
    /// Called after each trial with the counts so far; calls are serialised and the counts increase by one each time.
    /// Keep it cheap: workers wait while it runs.
    /// </param>
    /// <param name="cancellationToken">Stops the sweep: running trials see the token, no new trial starts, and
    /// the call throws <see cref="OperationCanceledException"/>.</param>
    public static SweepResult Run(
        IReadOnlyList<ParameterSet> configurations,
        Func<ParameterSet, CancellationToken, TrialResult> evaluate,
        int degreeOfParallelism = 0,
        Action<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(evaluate);
        int total = configurations.Count;
        var outcomes = new TrialOutcome?[total];
        int dop = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;
        dop = Math.Max(1, Math.Min(dop, total));
        int next = -1;
        int completed = 0;
        int failed = 0;
        var gate = new object();

        void Work()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= total)
                {
                    return;
                }

                var outcome = RunOne(i, configurations[i], evaluate, cancellationToken);
                if (outcome is null)
                {
                    return; // cancelled inside the trial
                }

                outcomes[i] = outcome;
                lock (gate)
                {
                    completed++;
                    if (!outcome.Succeeded)
                    {
                        failed++;
                    }

                    progress?.Invoke(new SweepProgress(completed, total, failed));
                }
            }
        }

        if (dop == 1)
        {
            Work();
        }
        else
        {
            try
            {
                Parallel.For(0, dop, new ParallelOptions { MaxDegreeOfParallelism = dop }, _ => Work());
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
            {
                ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }
        }

        if (outcomes.Any(o => o is null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("The sweep stopped before every trial ran.");
        }

        return new SweepResult(outcomes!);
    }

    private static TrialOutcome? RunOne(int index, ParameterSet configuration, Func<ParameterSet, CancellationToken, TrialResult> evaluate, CancellationToken cancellationToken)
    {
        try
        {
            var result = evaluate(configuration, cancellationToken);
            return result is null
                ? new TrialOutcome(index, configuration, null, "the evaluator returned no result")
                : new TrialOutcome(index, configuration, result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // One failing configuration must not stop the sweep: the failure is recorded per trial.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new TrialOutcome(index, configuration, null, OneLine(ex), ex);
        }
    }

    /// <summary>"Type: message" on one line.</summary>
    internal static string OneLine(Exception ex)
    {
        string message = ex.Message.ReplaceLineEndings(" ").Trim();
        return ex.GetType().Name + ": " + message;
    }
}
