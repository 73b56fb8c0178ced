using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.Sweeps;

/// <summary>One configuration's outcome in a sweep: its result, or the error that stopped it.</summary>
/// <param name="Index">Position of the configuration in the sweep's input list.</param>
/// <param name="Parameters">The configuration.</param>
/// <param name="Result">The result; null when the trial failed.</param>
/// <param name="Error">One-line description of the failure ("Type: message"); null on success.</param>
/// <param name="Exception">The exception of a failed trial, for logs; null on success.</param>
public sealed record TrialOutcome(int Index, ParameterSet Parameters, TrialResult? Result, string? Error, Exception? Exception = null)
{
    /// <summary>True when the trial produced a result.</summary>
    public bool Succeeded => Result is not null;

    /// <summary>The objective, NaN for a failed trial.</summary>
    public double Objective => Result?.Objective ?? double.NaN;
}

/// <summary>Sweep progress: trials finished (succeeded or failed) out of the total.</summary>
/// <param name="Completed">Trials finished so far.</param>
/// <param name="Total">Trials in the sweep.</param>
/// <param name="Failed">Trials that failed so far.</param>
public readonly record struct SweepProgress(int Completed, int Total, int Failed);
