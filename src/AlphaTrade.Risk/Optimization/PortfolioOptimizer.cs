namespace AlphaTrade.Risk.Optimization;

/// <summary>Portfolio optimisation methods.</summary>
public enum OptimizationMethod
{
    /// <summary>Minimum variance.</summary>
    MinVariance,

    /// <summary>Maximum Sharpe ratio (tangency portfolio).</summary>
    MaxSharpe,

    /// <summary>Mean–variance with a risk aversion: maximise μ′w − (δ/2)·w′Σw.</summary>
    MeanVariance,

    /// <summary>Minimum variance for at least a target expected return.</summary>
    TargetReturn,

    /// <summary>Maximum diversification ratio w′σ / √(w′Σw).</summary>
    MaxDiversification,

    /// <summary>Equal risk contribution (risk parity).</summary>
    RiskParity,

    /// <summary>Hierarchical risk parity (López de Prado 2016).</summary>
    HierarchicalRiskParity,

    /// <summary>Mean–variance on Black–Litterman posterior returns.</summary>
    BlackLitterman,
}

/// <summary>Optimal weights and their statistics (annualised when the inputs are).</summary>
/// <param name="Method">How they were found.</param>
/// <param name="Weights">Weights in asset order, summing to one.</param>
/// <param name="ExpectedReturn">μ′w (NaN when no expected returns were given).</param>
/// <param name="Volatility">√(w′Σw).</param>
/// <param name="Sharpe">(μ′w − r_f)/σ (NaN without expected returns).</param>
/// <param name="RiskContributions">wᵢ(Σw)ᵢ / w′Σw: each asset's share of the variance, summing to one.</param>
/// <param name="DiversificationRatio">w′σ / √(w′Σw).</param>
public sealed record OptimizationResult(
    OptimizationMethod Method,
    double[] Weights,
    double ExpectedReturn,
    double Volatility,
    double Sharpe,
    double[] RiskContributions,
    double DiversificationRatio)
{
    /// <summary>Statistics of given weights.</summary>
    public static OptimizationResult Describe(OptimizationMethod method, double[] weights, double[]? expectedReturns, double[,] covariance, double riskFree = 0.0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sw = DenseMath.Multiply(covariance, weights);
        double variance = DenseMath.Dot(weights, sw);
        double vol = Math.Sqrt(Math.Max(variance, 0.0));
        double er = expectedReturns is null ? double.NaN : DenseMath.Dot(expectedReturns, weights);
        var rc = new double[weights.Length];
        for (int i = 0; i < rc.Length; i++)
        {
            rc[i] = variance > 0 ? weights[i] * sw[i] / variance : 0.0;
        }

        double wsig = DenseMath.Dot(weights, Covariance.Volatilities(covariance));
        return new OptimizationResult(method, weights, er, vol, vol > 0 ? (er - riskFree) / vol : double.NaN, rc, vol > 0 ? wsig / vol : double.NaN);
    }
}

/// <summary>
/// Long-only or bounded, fully invested portfolio optimisation with optional per-sector caps and a turnover limit,
/// solved exactly as convex quadratic programs by <see cref="QuadraticProgram"/>. Maximum Sharpe and maximum
/// diversification are solved through the Charnes–Cooper change of variables y = κw (all constraints homogenised),
/// which turns the ratio into a convex QP. Inputs: expected returns μ and covariance Σ in the same units (usually
/// annualised).
/// </summary>
public static class PortfolioOptimizer
{
    /// <summary>Minimum variance: min w′Σw.</summary>
    public static OptimizationResult MinimumVariance(double[,] covariance, PortfolioConstraints? constraints = null, double[]? expectedReturns = null)
    {
        int n = Covariance.CheckSquare(covariance);
        var c = Check(constraints, n);
        var layout = new Layout(n, c, homogeneous: false);
        var qp = layout.Program();
        AddQuadratic(qp, covariance, 2.0);
        layout.AddConstraints(qp);
        return Finish(OptimizationMethod.MinVariance, layout, qp, expectedReturns, covariance, 0.0);
    }

    /// <summary>Mean–variance: max μ′w − (δ/2)·w′Σw with risk aversion δ &gt; 0.</summary>
    public static OptimizationResult MeanVariance(double[] expectedReturns, double[,] covariance, double riskAversion, PortfolioConstraints? constraints = null,
        OptimizationMethod label = OptimizationMethod.MeanVariance)
    {
        ArgumentNullException.ThrowIfNull(expectedReturns);
        int n = CheckInputs(expectedReturns, covariance);
        if (!(riskAversion > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(riskAversion), riskAversion, "Risk aversion must be positive.");
        }

        var c = Check(constraints, n);
        var layout = new Layout(n, c, homogeneous: false);
        var qp = layout.Program();
        AddQuadratic(qp, covariance, riskAversion);
        for (int i = 0; i < n; i++)
        {
            qp.Q[i] = -expectedReturns[i];
        }

        layout.AddConstraints(qp);
        return Finish(label, layout, qp, expectedReturns, covariance, 0.0);
    }

    /// <summary>Efficient portfolio for a target: min w′Σw subject to μ′w ≥ <paramref name="targetReturn"/>.</summary>
    public static OptimizationResult TargetReturn(double[] expectedReturns, double[,] covariance, double targetReturn, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(expectedReturns);
        int n = CheckInputs(expectedReturns, covariance);
        var c = Check(constraints, n);
        var layout = new Layout(n, c, homogeneous: false);
        var qp = layout.Program();
        AddQuadratic(qp, covariance, 2.0);
        var row = new double[layout.Size];
        for (int i = 0; i < n; i++)
        {
            row[i] = -expectedReturns[i];
        }

        qp.AddInequality(row, -targetReturn);
        layout.AddConstraints(qp);
        return Finish(OptimizationMethod.TargetReturn, layout, qp, expectedReturns, covariance, 0.0, "the target return may be out of reach");
    }

    /// <summary>Maximum Sharpe ratio (μ′w − r_f)/√(w′Σw); needs some feasible portfolio with μ′w &gt; r_f.</summary>
    public static OptimizationResult MaximumSharpe(double[] expectedReturns, double[,] covariance, double riskFree = 0.0, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(expectedReturns);
        int n = CheckInputs(expectedReturns, covariance);
        if (expectedReturns.Max() <= riskFree)
        {
            throw new ArgumentException($"No asset's expected return exceeds the risk-free rate {riskFree}: the maximum Sharpe portfolio is undefined.", nameof(expectedReturns));
        }

        var excess = expectedReturns.Select(m => m - riskFree).ToArray();
        var r = RatioProgram(OptimizationMethod.MaxSharpe, excess, covariance, Check(constraints, n), "no feasible portfolio earns more than the risk-free rate");
        return OptimizationResult.Describe(OptimizationMethod.MaxSharpe, r, expectedReturns, covariance, riskFree);
    }

    /// <summary>Maximum diversification ratio w′σ/√(w′Σw) (Choueifaty &amp; Coignard 2008).</summary>
    public static OptimizationResult MaximumDiversification(double[,] covariance, PortfolioConstraints? constraints = null, double[]? expectedReturns = null)
    {
        int n = Covariance.CheckSquare(covariance);
        var r = RatioProgram(OptimizationMethod.MaxDiversification, Covariance.Volatilities(covariance), covariance, Check(constraints, n), null);
        return OptimizationResult.Describe(OptimizationMethod.MaxDiversification, r, expectedReturns, covariance);
    }

    /// <summary>
    /// Equal risk contribution (or contributions proportional to <paramref name="budgets"/>), long-only and fully
    /// invested: the unique solution of Spinu's (2013) convex problem min ½y′Σy − Σ bᵢ ln yᵢ by Newton's method,
    /// normalised to w = y/Σy. Bounds, sector caps and turnover do not apply.
    /// </summary>
    public static OptimizationResult RiskParity(double[,] covariance, double[]? budgets = null, double[]? expectedReturns = null)
    {
        int n = Covariance.CheckSquare(covariance);
        var b = budgets ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        if (b.Length != n || b.Any(v => !(v > 0)))
        {
            throw new ArgumentException("Risk budgets must be positive, one per asset.", nameof(budgets));
        }

        double bs = b.Sum();
        b = [.. b.Select(v => v / bs)];
        for (int i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new ArgumentException($"Asset {i} has no variance: risk parity needs a positive definite covariance.", nameof(covariance));
            }
        }

        double scale = Math.Sqrt(DenseMath.Quadratic(covariance, b));
        var y = b.Select(v => v / scale).ToArray();
        double F(double[] v) => (0.5 * DenseMath.Quadratic(covariance, v)) - v.Select((vi, i) => b[i] * Math.Log(vi)).Sum();
        double f = F(y);
        for (int iter = 0; iter < 100; iter++)
        {
            var sy = DenseMath.Multiply(covariance, y);
            var g = new double[n];
            var h = (double[,])covariance.Clone();
            double gNorm = 0;
            for (int i = 0; i < n; i++)
            {
                g[i] = sy[i] - (b[i] / y[i]);
                h[i, i] += b[i] / (y[i] * y[i]);
                gNorm = Math.Max(gNorm, Math.Abs(g[i] * y[i]));
            }

            if (gNorm < 1e-15)
            {
                break;
            }

            // Damped Newton: halve the step until it stays positive and decreases F (within round-off near the optimum).
            var step = DenseMath.Solve(h, g);
            double slope = -DenseMath.Dot(g, step);
            double alpha = 1.0;
            double[] next = y;
            double fNext = f;
            while (alpha > 1e-12)
            {
                var trial = y.Select((v, i) => v - (alpha * step[i])).ToArray();
                if (trial.All(v => v > 0))
                {
                    double ft = F(trial);
                    if (ft <= f + (1e-4 * alpha * slope) || ft - f <= 1e-13 * Math.Max(1.0, Math.Abs(f)))
                    {
                        next = trial;
                        fNext = ft;
                        break;
                    }
                }

                alpha *= 0.5;
            }

            if (ReferenceEquals(next, y))
            {
                break;
            }

            y = next;
            f = fNext;
        }

        double sum = y.Sum();
        var w = y.Select(v => v / sum).ToArray();
        return OptimizationResult.Describe(OptimizationMethod.RiskParity, w, expectedReturns, covariance);
    }

    /// <summary>Dispatches by method for the simple cases (no Black–Litterman views).</summary>
    public static OptimizationResult Optimize(OptimizationMethod method, double[] expectedReturns, double[,] covariance, OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = settings.Constraints;
        return method switch
        {
            OptimizationMethod.MinVariance => MinimumVariance(covariance, c, expectedReturns),
            OptimizationMethod.MaxSharpe => MaximumSharpe(expectedReturns, covariance, settings.RiskFreeRate, c),
            OptimizationMethod.MeanVariance => MeanVariance(expectedReturns, covariance, settings.RiskAversion, c),
            OptimizationMethod.TargetReturn => TargetReturn(expectedReturns, covariance,
                settings.TargetReturn ?? throw new ArgumentException("The target-return method needs a target return."), c),
            OptimizationMethod.MaxDiversification => MaximumDiversification(covariance, c, expectedReturns),
            OptimizationMethod.RiskParity => RiskParity(covariance, null, expectedReturns),
            OptimizationMethod.HierarchicalRiskParity => OptimizationResult.Describe(OptimizationMethod.HierarchicalRiskParity,
                HierarchicalRiskParity.Compute(covariance).Weights, expectedReturns, covariance, settings.RiskFreeRate),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Black–Litterman needs views: use BlackLitterman.Compute."),
        };
    }

    private static double[] RatioProgram(OptimizationMethod method, double[] numerator, double[,] covariance, PortfolioConstraints c, string? hint)
    {
        int n = numerator.Length;
        var layout = new Layout(n, c, homogeneous: true);
        var qp = layout.Program();
        AddQuadratic(qp, covariance, 2.0);
        var row = new double[layout.Size];
        Array.Copy(numerator, row, n);
        qp.AddEquality(row, 1.0);
        layout.AddConstraints(qp);
        QpSolution sol;
        try
        {
            sol = qp.Solve();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{method}: {ex.Message}{(hint is null ? string.Empty : " (" + hint + ")")}", ex);
        }

        double kappa = sol.X[layout.Kappa];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = sol.X[i] / kappa;
        }

        return layout.Clean(w);
    }

    private static OptimizationResult Finish(OptimizationMethod method, Layout layout, QuadraticProgram qp, double[]? mu, double[,] cov, double rf, string? hint = null)
    {
        QpSolution sol;
        try
        {
            sol = qp.Solve();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{method}: {ex.Message}{(hint is null ? string.Empty : " (" + hint + ")")}", ex);
        }

        var w = layout.Clean(sol.X[..layout.Assets]);
        return OptimizationResult.Describe(method, w, mu, cov, rf);
    }

    private static void AddQuadratic(QuadraticProgram qp, double[,] cov, double factor)
    {
        int n = cov.GetLength(0);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                qp.P[i, j] = factor * 0.5 * (cov[i, j] + cov[j, i]);
            }
        }
    }

    private static int CheckInputs(double[] mu, double[,] cov)
    {
        int n = Covariance.CheckSquare(cov);
        if (mu.Length != n)
        {
            throw new ArgumentException($"{mu.Length} expected returns for a {n}×{n} covariance.", nameof(mu));
        }

        return n;
    }

    private static PortfolioConstraints Check(PortfolioConstraints? constraints, int n)
    {
        var c = constraints ?? PortfolioConstraints.LongOnly;
        c.Validate(n);
        return c;
    }

    /// <summary>
    /// Variable layout: weights w (or y = κw), then turnover slacks tᵢ ≥ |wᵢ − w0ᵢ| when a turnover limit is set,
    /// then κ for homogenised (ratio) problems.
    /// </summary>
    private sealed class Layout(int assets, PortfolioConstraints constraints, bool homogeneous)
    {
        public int Assets => assets;

        private bool HasTurnover => constraints.MaxTurnover is not null;

        private int TurnoverOffset => assets;

        public int Kappa => assets + (HasTurnover ? assets : 0);

        public int Size => Kappa + (homogeneous ? 1 : 0);

        public QuadraticProgram Program() => new(Size);

        public void AddConstraints(QuadraticProgram qp)
        {
            // Σw = 1 (κ when homogenised).
            var row = new double[Size];
            for (int i = 0; i < assets; i++)
            {
                row[i] = 1.0;
            }

            if (homogeneous)
            {
                row[Kappa] = -1.0;
            }

            qp.AddEquality(row, homogeneous ? 0.0 : 1.0);

            // Bounds.
            for (int i = 0; i < assets; i++)
            {
                double lo = constraints.Lower(i);
                double hi = constraints.Upper(i);
                if (!double.IsNegativeInfinity(lo))
                {
                    Inequality(qp, [(i, -1.0)], -lo);
                }

                if (!double.IsPositiveInfinity(hi))
                {
                    Inequality(qp, [(i, 1.0)], hi);
                }
            }

            // Sector caps.
            if (constraints.SectorCaps is { Count: > 0 } caps)
            {
                bool shorts = Enumerable.Range(0, assets).Any(i => constraints.Lower(i) < 0);
                foreach (var (sector, cap) in caps.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    var members = Enumerable.Range(0, assets).Where(i => string.Equals(constraints.Sectors![i], sector, StringComparison.Ordinal)).ToList();
                    if (members.Count == 0)
                    {
                        continue;
                    }

                    Inequality(qp, [.. members.Select(i => (i, 1.0))], cap);
                    if (shorts)
                    {
                        Inequality(qp, [.. members.Select(i => (i, -1.0))], cap);
                    }
                }
            }

            // Turnover: wᵢ − tᵢ ≤ w0ᵢ, −wᵢ − tᵢ ≤ −w0ᵢ, Σt ≤ T.
            if (constraints.MaxTurnover is { } turnover)
            {
                for (int i = 0; i < assets; i++)
                {
                    double w0 = constraints.CurrentWeights![i];
                    Inequality(qp, [(i, 1.0), (TurnoverOffset + i, -1.0)], w0);
                    Inequality(qp, [(i, -1.0), (TurnoverOffset + i, -1.0)], -w0);
                }

                Inequality(qp, [.. Enumerable.Range(0, assets).Select(i => (TurnoverOffset + i, 1.0))], turnover);
            }

            if (homogeneous)
            {
                var k = new double[Size];
                k[Kappa] = -1.0;
                qp.AddInequality(k, 0.0);
            }
        }

        /// <summary>Adds Σ aᵢxᵢ ≤ rhs, homogenised to Σ aᵢxᵢ − rhs·κ ≤ 0 for ratio problems.</summary>
        private void Inequality(QuadraticProgram qp, (int Index, double Coefficient)[] terms, double rhs)
        {
            var row = new double[Size];
            foreach (var (i, a) in terms)
            {
                row[i] += a;
            }

            if (homogeneous)
            {
                row[Kappa] = -rhs;
                qp.AddInequality(row, 0.0);
            }
            else
            {
                qp.AddInequality(row, rhs);
            }
        }

        /// <summary>Clips interior-point round-off back into the bounds.</summary>
        public double[] Clean(double[] w)
        {
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = Math.Clamp(w[i], constraints.Lower(i), constraints.Upper(i));
            }

            return w;
        }
    }
}

/// <summary>Settings of <see cref="PortfolioOptimizer.Optimize"/>.</summary>
/// <param name="Constraints">Weight constraints (long-only when null).</param>
/// <param name="RiskFreeRate">Risk-free rate, same units as the expected returns.</param>
/// <param name="RiskAversion">δ for mean–variance (and the Black–Litterman prior).</param>
/// <param name="TargetReturn">Target for the target-return method.</param>
public sealed record OptimizerSettings(PortfolioConstraints? Constraints = null, double RiskFreeRate = 0.0, double RiskAversion = 2.5, double? TargetReturn = null);
