using AlphaTrade.Risk;
using AlphaTrade.Risk.Optimization;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// Portfolio construction by an optimiser of the Risk project (minimum variance, maximum Sharpe, risk parity,
/// hierarchical risk parity, maximum diversification) over the symbols with an active signal. Inputs come only from
/// the market view, which holds completed bars up to now, so nothing can look ahead: the last
/// <see cref="Lookback"/> base-bar log returns of each active symbol (their common tail), multiplied by the signal's
/// direction so that a short leg is a long position in its negated returns; a Ledoit–Wolf covariance and the mean
/// returns of that window; the optimiser's long-only, fully invested weights, signed back by direction.
/// Re-estimated at every rebalance: when signals change, and every <see cref="ReestimateBars"/> base bars (the host
/// schedules those). A window too short or an optimiser that finds no solution (e.g. maximum Sharpe with no positive
/// mean) falls back to equal weights.
/// </summary>
public sealed class OptimizerConstruction : IPortfolioConstruction
{
    /// <summary>Creates the construction.</summary>
    /// <param name="method">Optimiser (Black–Litterman, mean–variance and target-return need inputs a signal does not give).</param>
    /// <param name="lookback">Base-bar returns per estimate (at least 10).</param>
    /// <param name="reestimateBars">Base bars between scheduled re-estimates (0: only when signals change).</param>
    public OptimizerConstruction(OptimizationMethod method, int lookback = 520, int reestimateBars = 26)
    {
        if (method is not (OptimizationMethod.MinVariance or OptimizationMethod.MaxSharpe or OptimizationMethod.RiskParity
            or OptimizationMethod.HierarchicalRiskParity or OptimizationMethod.MaxDiversification))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Portfolio construction supports min variance, max Sharpe, risk parity, HRP and max diversification.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(reestimateBars);
        Method = method;
        Lookback = lookback;
        ReestimateBars = reestimateBars;
    }

    /// <summary>The optimiser.</summary>
    public OptimizationMethod Method { get; }

    /// <summary>Base-bar returns per estimate.</summary>
    public int Lookback { get; }

    /// <summary>Base bars between scheduled re-estimates (0: only when signals change).</summary>
    public int ReestimateBars { get; }

    /// <summary>Number of estimates that fell back to equal weights (too little history or no optimum).</summary>
    public int Fallbacks { get; private set; }

    /// <inheritdoc />
    public void Construct(in ConstructionInput input, Span<double> weights)
    {
        var active = new List<int>();
        int common = int.MaxValue;
        foreach (int id in input.Universe.Ids)
        {
            if (input.Direction[id] != 0)
            {
                active.Add(id);
                common = Math.Min(common, input.Market.Length(id) - 1);
            }
        }

        if (active.Count == 0)
        {
            return;
        }

        double[]? w = active.Count == 1 ? [1.0] : Optimize(input, active, Math.Min(common, Lookback));
        if (w is null)
        {
            Fallbacks++;
            w = [.. active.Select(_ => 1.0 / active.Count)];
        }

        for (int k = 0; k < active.Count; k++)
        {
            weights[active[k]] = input.Direction[active[k]] * w[k];
        }
    }

    /// <summary>
    /// The direction-signed log returns of the last <paramref name="n"/> bars of each of <paramref name="ids"/>
    /// (columns, oldest first), as the optimiser sees them.
    /// </summary>
    public static double[][] SignedReturns(in ConstructionInput input, IReadOnlyList<int> ids, int n)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var columns = new double[ids.Count][];
        for (int k = 0; k < ids.Count; k++)
        {
            var close = input.Market.Close(ids[k]);
            double sign = input.Direction[ids[k]];
            var col = new double[n];
            int first = close.Length - n;
            for (int i = 0; i < n; i++)
            {
                col[i] = sign * Math.Log(close[first + i] / close[first + i - 1]);
            }

            columns[k] = col;
        }

        return columns;
    }

    /// <summary>The optimiser's weights for <paramref name="columns"/> (Ledoit–Wolf covariance, mean returns), or null when it has none.</summary>
    public static double[]? Solve(OptimizationMethod method, double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        try
        {
            var cov = Covariance.LedoitWolf(columns).Matrix;
            var mu = Covariance.Means(columns);
            var w = PortfolioOptimizer.Optimize(method, mu, cov, new OptimizerSettings(PortfolioConstraints.LongOnly)).Weights;
            return w.All(double.IsFinite) && w.Sum() > 0 ? w : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private double[]? Optimize(in ConstructionInput input, List<int> active, int n)
    {
        if (n < 10)
        {
            return null;
        }

        var columns = SignedReturns(input, active, n);
        foreach (var col in columns)
        {
            if (!col.All(double.IsFinite))
            {
                return null;
            }
        }

        return Solve(Method, columns);
    }
}
