using MathNet.Numerics.Distributions;

using AlphaTrade.Core.Randomness;

namespace AlphaTrade.Risk;

/// <summary>
/// Portfolio VaR and expected shortfall with their decomposition by position. Losses are positive, in units of
/// the value the weights are fractions of (weights = market value / equity gives fractions of equity; use
/// <see cref="InCurrency"/> for dollars). Components add up to the total (Euler allocation).
/// </summary>
/// <param name="Method">Estimator.</param>
/// <param name="Confidence">Confidence level.</param>
/// <param name="Var">Portfolio VaR.</param>
/// <param name="CVar">Portfolio expected shortfall.</param>
/// <param name="Marginal">∂VaR/∂wᵢ (per unit of weight).</param>
/// <param name="Component">wᵢ·∂VaR/∂wᵢ; sums to <paramref name="Var"/>.</param>
/// <param name="ComponentCVar">Each position's share of the expected shortfall; sums to <paramref name="CVar"/>.</param>
public sealed record PortfolioVar(VarMethod Method, double Confidence, double Var, double CVar, double[] Marginal, double[] Component, double[] ComponentCVar)
{
    /// <summary>The same figures scaled by <paramref name="value"/> (e.g. equity in dollars); marginals are unchanged.</summary>
    public PortfolioVar InCurrency(double value) =>
        this with
        {
            Var = Var * value,
            CVar = CVar * value,
            Component = [.. Component.Select(c => c * value)],
            ComponentCVar = [.. ComponentCVar.Select(c => c * value)],
        };
}

/// <summary>
/// VaR of a portfolio of positions from the assets' return history. Decompositions: Gaussian analytic
/// (∂VaR/∂w = −μ + z·Σw/σₚ); historical and Monte Carlo by scenario (each position's loss in the quantile
/// scenario, interpolated as the quantile is; for ES the mean over the tail scenarios); Cornish–Fisher by central
/// finite differences (the measure is homogeneous of degree one in the weights, so Euler's theorem applies).
/// </summary>
public static class PortfolioRisk
{
    /// <summary>The portfolio's return series Σⱼ wⱼ·rⱼ,t.</summary>
    public static double[] PortfolioReturns(IReadOnlyList<double[]> columns, ReadOnlySpan<double> weights)
    {
        int n = Covariance.CheckColumns(columns, 1);
        if (weights.Length != columns.Count)
        {
            throw new ArgumentException($"{weights.Length} weights for {columns.Count} return columns.", nameof(weights));
        }

        var rp = new double[n];
        for (int j = 0; j < columns.Count; j++)
        {
            double w = weights[j];
            if (w == 0.0)
            {
                continue;
            }

            var c = columns[j];
            for (int t = 0; t < n; t++)
            {
                rp[t] += w * c[t];
            }
        }

        return rp;
    }

    /// <summary>
    /// VaR of positions given in currency: weights are <paramref name="marketValues"/> / <paramref name="equity"/>
    /// and the result is in currency.
    /// </summary>
    public static PortfolioVar PositionVar(IReadOnlyList<double[]> columns, IReadOnlyList<double> marketValues, double equity, VarMethod method,
        double confidence, MonteCarloSettings? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(marketValues);
        if (!(equity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(equity), equity, "Equity must be positive.");
        }

        var w = marketValues.Select(v => v / equity).ToArray();
        return Compute(columns, w, method, confidence, monteCarlo).InCurrency(equity);
    }

    /// <summary>Portfolio VaR, CVaR and their decomposition with the chosen method.</summary>
    public static PortfolioVar Compute(IReadOnlyList<double[]> columns, double[] weights, VarMethod method, double confidence,
        MonteCarloSettings? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ValueAtRisk.CheckConfidence(confidence);
        return method switch
        {
            VarMethod.Historical => Historical(columns, weights, confidence),
            VarMethod.Gaussian => Gaussian(Covariance.Means(columns), Covariance.Sample(columns), weights, confidence),
            VarMethod.CornishFisher => CornishFisher(columns, weights, confidence),
            VarMethod.MonteCarlo => MonteCarlo(Covariance.Means(columns), Covariance.Sample(columns), weights, confidence,
                monteCarlo ?? MonteCarloSettings.Default),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }

    /// <summary>Gaussian VaR from a mean vector and covariance matrix, with analytic marginals.</summary>
    public static PortfolioVar Gaussian(double[] means, double[,] covariance, double[] weights, double confidence)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(weights);
        int p = Covariance.CheckSquare(covariance);
        CheckSizes(p, means.Length, weights.Length);
        ValueAtRisk.CheckConfidence(confidence);
        double a = 1.0 - confidence;
        double z = -Normal.InvCDF(0, 1, a);
        double esFactor = Normal.PDF(0, 1, z) / a;
        var sw = DenseMath.Multiply(covariance, weights);
        double sigma = Math.Sqrt(Math.Max(DenseMath.Dot(weights, sw), 0.0));
        double mu = DenseMath.Dot(means, weights);
        var marginal = new double[p];
        var component = new double[p];
        var componentEs = new double[p];
        for (int i = 0; i < p; i++)
        {
            double dsigma = sigma > 0 ? sw[i] / sigma : 0.0;
            marginal[i] = -means[i] + (z * dsigma);
            component[i] = weights[i] * marginal[i];
            componentEs[i] = weights[i] * (-means[i] + (esFactor * dsigma));
        }

        return new PortfolioVar(VarMethod.Gaussian, confidence, -mu + (z * sigma), -mu + (esFactor * sigma), marginal, component, componentEs);
    }

    /// <summary>Historical VaR of the portfolio series with the scenario decomposition.</summary>
    public static PortfolioVar Historical(IReadOnlyList<double[]> columns, double[] weights, double confidence)
    {
        var rp = PortfolioReturns(columns, weights);
        return ScenarioDecomposition(VarMethod.Historical, rp, t => Row(columns, t), weights, confidence);
    }

    /// <summary>Cornish–Fisher VaR of the portfolio series; marginals by central differences.</summary>
    public static PortfolioVar CornishFisher(IReadOnlyList<double[]> columns, double[] weights, double confidence)
    {
        var total = ValueAtRisk.CornishFisher(PortfolioReturns(columns, weights), confidence);
        int p = weights.Length;
        var marginal = new double[p];
        var marginalEs = new double[p];
        var w = (double[])weights.Clone();
        double scale = weights.Sum(Math.Abs) / p;
        double h = 1e-5 * (scale > 0 ? scale : 1.0);
        for (int i = 0; i < p; i++)
        {
            w[i] = weights[i] + h;
            var up = ValueAtRisk.CornishFisher(PortfolioReturns(columns, w), confidence);
            w[i] = weights[i] - h;
            var down = ValueAtRisk.CornishFisher(PortfolioReturns(columns, w), confidence);
            w[i] = weights[i];
            marginal[i] = (up.Var - down.Var) / (2 * h);
            marginalEs[i] = (up.CVar - down.CVar) / (2 * h);
        }

        return new PortfolioVar(VarMethod.CornishFisher, confidence, total.Var, total.CVar, marginal,
            [.. marginal.Select((m, i) => m * weights[i])], [.. marginalEs.Select((m, i) => m * weights[i])]);
    }

    /// <summary>
    /// Monte Carlo: scenarios r = μ + L·z with L the Cholesky factor of Σ and z independent standard normals from a
    /// seeded generator; then the historical estimator and decomposition on the simulated portfolio returns.
    /// </summary>
    public static PortfolioVar MonteCarlo(double[] means, double[,] covariance, double[] weights, double confidence, MonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(settings);
        int p = Covariance.CheckSquare(covariance);
        CheckSizes(p, means.Length, weights.Length);
        ValueAtRisk.CheckConfidence(confidence);
        ValueAtRisk.CheckPaths(settings);
        var l = DenseMath.Cholesky(covariance);
        var scenarios = new CorrelatedScenarios(means, l, settings.Seed);
        var rp = new double[settings.Paths];
        for (int t = 0; t < rp.Length; t++)
        {
            rp[t] = DenseMath.Dot(scenarios.Next(), weights);
        }

        // Scenarios are regenerated from the seed on demand, so memory stays O(paths), not O(paths × assets).
        var result = ScenarioDecomposition(VarMethod.MonteCarlo, rp, null, weights, confidence,
            needed =>
            {
                var replay = new CorrelatedScenarios(means, l, settings.Seed);
                var rows = new Dictionary<int, double[]>();
                for (int t = 0; t < rp.Length; t++)
                {
                    var r = replay.Next();
                    if (needed.Contains(t))
                    {
                        rows[t] = (double[])r.Clone();
                    }
                }

                return rows;
            });
        return result;
    }

    private static double[] Row(IReadOnlyList<double[]> columns, int t)
    {
        var r = new double[columns.Count];
        for (int j = 0; j < r.Length; j++)
        {
            r[j] = columns[j][t];
        }

        return r;
    }

    private static PortfolioVar ScenarioDecomposition(VarMethod method, double[] rp, Func<int, double[]>? row, double[] weights, double confidence,
        Func<HashSet<int>, Dictionary<int, double[]>>? rows = null)
    {
        int n = rp.Length;
        if (n < 2)
        {
            throw new ArgumentException("At least 2 scenarios are needed.", nameof(rp));
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])rp.Clone();
        Array.Sort(keys, order);
        double h = (n - 1) * (1.0 - confidence);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, n - 1);
        double f = h - lo;
        double q = keys[lo] + (f * (keys[hi] - keys[lo]));
        int tail = 0;
        while (tail < n && keys[tail] <= q)
        {
            tail++;
        }

        var needed = new HashSet<int> { order[lo], order[hi] };
        for (int i = 0; i < tail; i++)
        {
            needed.Add(order[i]);
        }

        var lookup = rows is not null ? rows(needed) : needed.ToDictionary(t => t, t => row!(t));
        int p = weights.Length;
        var component = new double[p];
        var marginal = new double[p];
        var componentEs = new double[p];
        var rLo = lookup[order[lo]];
        var rHi = lookup[order[hi]];
        double esSum = 0;
        for (int i = 0; i < tail; i++)
        {
            esSum += keys[i];
        }

        for (int j = 0; j < p; j++)
        {
            marginal[j] = -(((1 - f) * rLo[j]) + (f * rHi[j]));
            component[j] = weights[j] * marginal[j];
            double s = 0;
            for (int i = 0; i < tail; i++)
            {
                s += lookup[order[i]][j];
            }

            componentEs[j] = -weights[j] * s / tail;
        }

        return new PortfolioVar(method, confidence, -q, -esSum / tail, marginal, component, componentEs);
    }

    private static void CheckSizes(int p, int means, int weights)
    {
        if (means != p || weights != p)
        {
            throw new ArgumentException($"Sizes differ: covariance {p}×{p}, {means} means, {weights} weights.");
        }
    }

    /// <summary>Draws μ + L·z scenario rows from a seeded generator (the returned row is reused).</summary>
    private sealed class CorrelatedScenarios(double[] means, double[,] cholesky, ulong seed)
    {
        private readonly Xoshiro256 _rng = new(seed);
        private readonly double[] _z = new double[means.Length];
        private readonly double[] _row = new double[means.Length];

        public double[] Next()
        {
            int p = _z.Length;
            for (int i = 0; i < p; i++)
            {
                _z[i] = _rng.NextGaussian();
            }

            for (int i = 0; i < p; i++)
            {
                double s = means[i];
                for (int k = 0; k <= i; k++)
                {
                    s += cholesky[i, k] * _z[k];
                }

                _row[i] = s;
            }

            return _row;
        }
    }
}
