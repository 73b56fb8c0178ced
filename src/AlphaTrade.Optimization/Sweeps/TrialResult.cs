namespace AlphaTrade.Optimization.Sweeps;

/// <summary>
/// What one backtest of one configuration produced: the objective value, the per-period return series (one value
/// per bar of the evaluated window, needed for the deflated Sharpe ratio and for CSCV) and named metrics.
/// </summary>
public sealed class TrialResult
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    /// <summary>Creates a result.</summary>
    /// <param name="objective">The objective value (NaN when undefined).</param>
    /// <param name="returns">Per-period simple returns of the trial; the array is kept, not copied.</param>
    /// <param name="metrics">Named metrics; reports write the standard ones first, then the rest by name.</param>
    public TrialResult(double objective, double[] returns, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Objective = objective;
        Returns = returns;
        Metrics = metrics ?? NoMetrics;
    }

    /// <summary>The objective value.</summary>
    public double Objective { get; }

    /// <summary>Per-period simple returns.</summary>
    public double[] Returns { get; }

    /// <summary>Named metrics.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>
    /// A result whose objective and standard metrics (<see cref="MetricNames"/>) are computed from the returns;
    /// <paramref name="extraMetrics"/> (e.g. trade counts from the engine) are added, overriding none of them.
    /// </summary>
    public static TrialResult FromReturns(double[] returns, Objective objective, double periodsPerYear, IReadOnlyDictionary<string, double>? extraMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(objective);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var kv in ReturnMetrics.Summarize(returns, periodsPerYear).ToMetrics())
        {
            metrics[kv.Key] = kv.Value;
        }

        if (extraMetrics is not null)
        {
            foreach (var kv in extraMetrics)
            {
                metrics.TryAdd(kv.Key, kv.Value);
            }
        }

        return new TrialResult(objective.Evaluate(returns, periodsPerYear), returns, metrics);
    }
}
