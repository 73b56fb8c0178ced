using AlphaTrade.Risk.Optimization;

namespace AlphaTrade.Risk.Tests;

public class OptimizerTests
{
    private static readonly double[] Mu = Reference.Root.GetProperty("opt_mu").Doubles();
    private static readonly double[,] Cov = Reference.Root.GetProperty("opt_cov").Matrix();
    private static readonly System.Text.Json.JsonElement Opt = Reference.Root.GetProperty("optimization");

    private static double[] Expected(string name) => Opt.GetProperty("weights").GetProperty(name).Doubles();

    private static double Variance(double[] w) => DenseMath.Quadratic(Cov, w);

    private static void AssertWeights(string name, double[] actual, double tol = 2e-6)
    {
        var expected = Expected(name);
        Reference.Close(1.0, actual.Sum(), abs: 1e-9);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"{name}[{i}]: scipy {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static PortfolioConstraints BoundedSectors()
    {
        var caps = Opt.GetProperty("sector_caps").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var b = Opt.GetProperty("bounds").Doubles();
        var sectors = Reference.Root.GetProperty("sectors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return new PortfolioConstraints { MinWeight = b[0], MaxWeight = b[1], Sectors = sectors, SectorCaps = caps };
    }

    [Fact]
    public void MinimumVariance_LongOnly_MatchesSlsqp()
    {
        var r = PortfolioOptimizer.MinimumVariance(Cov);
        AssertWeights("min_variance", r.Weights);
        Assert.True(Variance(r.Weights) <= Variance(Expected("min_variance")) + 1e-12);
    }

    [Fact]
    public void MinimumVariance_BoundsAndSectorCaps_MatchesSlsqp()
    {
        var c = BoundedSectors();
        var r = PortfolioOptimizer.MinimumVariance(Cov, c);
        AssertWeights("min_variance_bounded_sectors", r.Weights);
        Assert.All(r.Weights, w => Assert.InRange(w, c.MinWeight, c.MaxWeight));
        Assert.True(r.Weights[..3].Sum() <= 0.30 + 1e-9);
    }

    [Fact]
    public void MaximumSharpe_MatchesSlsqp()
    {
        double rf = Opt.GetProperty("risk_free").GetDouble();
        var r = PortfolioOptimizer.MaximumSharpe(Mu, Cov, rf);
        AssertWeights("max_sharpe", r.Weights, 1e-5);
        var e = OptimizationResult.Describe(OptimizationMethod.MaxSharpe, Expected("max_sharpe"), Mu, Cov, rf);
        Assert.True(r.Sharpe >= e.Sharpe - 1e-10, $"Sharpe {r.Sharpe} below scipy's {e.Sharpe}");
    }

    [Fact]
    public void MaximumSharpe_WithSectorCaps_RespectsThem()
    {
        var c = BoundedSectors();
        var r = PortfolioOptimizer.MaximumSharpe(Mu, Cov, 0.02, c);
        Reference.Close(1.0, r.Weights.Sum(), abs: 1e-9);
        Assert.True(r.Weights[..3].Sum() <= 0.30 + 1e-9);
        Assert.All(r.Weights, w => Assert.InRange(w, 0.02 - 1e-12, 0.25 + 1e-12));
        var unconstrained = PortfolioOptimizer.MaximumSharpe(Mu, Cov, 0.02);
        Assert.True(r.Sharpe <= unconstrained.Sharpe + 1e-12);
    }

    [Fact]
    public void MeanVariance_RiskAversion_MatchesSlsqp()
    {
        var r = PortfolioOptimizer.MeanVariance(Mu, Cov, Opt.GetProperty("risk_aversion").GetDouble());
        AssertWeights("mean_variance_risk_aversion", r.Weights);
    }

    [Fact]
    public void TargetReturn_MatchesSlsqp()
    {
        double target = Opt.GetProperty("target_return").GetDouble();
        var r = PortfolioOptimizer.TargetReturn(Mu, Cov, target);
        AssertWeights("mean_variance_target_return", r.Weights);
        Assert.True(r.ExpectedReturn >= target - 1e-9);
    }

    [Fact]
    public void TargetReturn_Unreachable_Throws() =>
        Assert.Throws<InvalidOperationException>(() => PortfolioOptimizer.TargetReturn(Mu, Cov, Mu.Max() + 0.1));

    [Fact]
    public void MaximumDiversification_MatchesSlsqp()
    {
        var r = PortfolioOptimizer.MaximumDiversification(Cov);
        AssertWeights("max_diversification", r.Weights, 1e-5);
        var e = OptimizationResult.Describe(OptimizationMethod.MaxDiversification, Expected("max_diversification"), null, Cov);
        Assert.True(r.DiversificationRatio >= e.DiversificationRatio - 1e-10);
    }

    [Fact]
    public void RiskParity_EqualContributions_MatchesSlsqp()
    {
        var r = PortfolioOptimizer.RiskParity(Cov);
        AssertWeights("risk_parity", r.Weights, 1e-5);
        Assert.All(r.RiskContributions, rc => Reference.Close(1.0 / 8, rc, rel: 1e-10));
    }

    [Fact]
    public void RiskParity_Budgets_ContributionsProportional()
    {
        double[] b = [4, 1, 1, 1, 1, 1, 1, 2];
        var r = PortfolioOptimizer.RiskParity(Cov, b);
        for (int i = 0; i < b.Length; i++)
        {
            Reference.Close(b[i] / b.Sum(), r.RiskContributions[i], rel: 1e-10);
        }
    }

    [Fact]
    public void Turnover_LimitBinds_MatchesSlsqp()
    {
        var w0 = Opt.GetProperty("current_weights").Doubles();
        double to = Opt.GetProperty("turnover").GetDouble();
        var r = PortfolioOptimizer.MinimumVariance(Cov, new PortfolioConstraints { CurrentWeights = w0, MaxTurnover = to });
        AssertWeights("min_variance_turnover", r.Weights, 1e-5);
        Assert.True(r.Weights.Select((w, i) => Math.Abs(w - w0[i])).Sum() <= to + 1e-8);
    }

    [Fact]
    public void MaximumSharpe_NoPositiveExcessReturn_Throws() =>
        Assert.Throws<ArgumentException>(() => PortfolioOptimizer.MaximumSharpe(Mu, Cov, Mu.Max() + 0.01));

    [Fact]
    public void Constraints_Infeasible_Throws() =>
        Assert.Throws<ArgumentException>(() => PortfolioOptimizer.MinimumVariance(Cov, new PortfolioConstraints { MaxWeight = 0.1 }));

    [Fact]
    public void Hrp_MatchesScipyLinkageAndBisection()
    {
        var h = Reference.Root.GetProperty("hrp");
        var cov = Reference.Root.GetProperty("sample_cov").Matrix();
        var r = HierarchicalRiskParity.Compute(cov);
        Assert.Equal(h.GetProperty("order").EnumerateArray().Select(e => e.GetInt32()), r.Order);
        var link = h.GetProperty("linkage").EnumerateArray().Select(e => e.Doubles()).ToArray();
        for (int i = 0; i < link.Length; i++)
        {
            Assert.Equal((int)link[i][0], r.Linkage[i].Left);
            Assert.Equal((int)link[i][1], r.Linkage[i].Right);
            Reference.Close(link[i][2], r.Linkage[i].Distance, rel: 1e-12);
            Assert.Equal((int)link[i][3], r.Linkage[i].Size);
        }

        Reference.Close(h.GetProperty("weights").Doubles(), r.Weights, rel: 1e-10);
    }

    [Fact]
    public void QuadraticProgram_EqualityOnly_MatchesClosedForm()
    {
        // min x² + y² s.t. x + y = 1 → (0.5, 0.5).
        var qp = new QuadraticProgram(2);
        qp.P[0, 0] = 2;
        qp.P[1, 1] = 2;
        qp.AddEquality([1.0, 1.0], 1.0);
        var s = qp.Solve();
        Reference.Close(0.5, s.X[0], abs: 1e-10);
        Reference.Close(0.5, s.X[1], abs: 1e-10);
    }

    [Fact]
    public void QuadraticProgram_ActiveBound_FindsKkt()
    {
        // min (x−2)² + (y+1)² s.t. x + y ≤ 1, x ≥ 0, y ≥ 0 → (1, 0) with multipliers 2 and 4.
        var qp = new QuadraticProgram(2);
        qp.P[0, 0] = 2;
        qp.P[1, 1] = 2;
        qp.Q[0] = -4;
        qp.Q[1] = 2;
        qp.AddInequality([1.0, 1.0], 1.0);
        qp.AddBounds(0, 0, double.PositiveInfinity);
        qp.AddBounds(1, 0, double.PositiveInfinity);
        var s = qp.Solve();
        Reference.Close(1.0, s.X[0], abs: 1e-9);
        Reference.Close(0.0, s.X[1], abs: 1e-9);
        Reference.Close(2.0, s.InequalityDuals[0], abs: 1e-7);
        Reference.Close(4.0, s.InequalityDuals[2], abs: 1e-7);
    }

    [Fact]
    public void QuadraticProgram_DegenerateVertex_PolishesToFullPrecision()
    {
        // min (x−2)² + (y−1)² s.t. x + y ≤ 1, y ≥ 0: the optimum (1, 0) has a zero multiplier on y ≥ 0.
        var qp = new QuadraticProgram(2);
        qp.P[0, 0] = 2;
        qp.P[1, 1] = 2;
        qp.Q[0] = -4;
        qp.Q[1] = -2;
        qp.AddInequality([1.0, 1.0], 1.0);
        qp.AddBounds(1, 0, double.PositiveInfinity);
        var s = qp.Solve();
        Reference.Close(1.0, s.X[0], abs: 1e-12);
        Reference.Close(0.0, s.X[1], abs: 1e-12);
    }

    [Fact]
    public void QuadraticProgram_Infeasible_Throws()
    {
        var qp = new QuadraticProgram(1);
        qp.P[0, 0] = 1;
        qp.AddInequality([1.0], -1.0);
        qp.AddInequality([-1.0], -1.0);
        Assert.Throws<InvalidOperationException>(() => qp.Solve());
    }
}

public class BlackLittermanTests
{
    private static readonly System.Text.Json.JsonElement Bl = Reference.Root.GetProperty("black_litterman");
    private static readonly double[,] Cov = Reference.Root.GetProperty("opt_cov").Matrix();

    private static BlackLittermanView[] Views(bool withConfidence)
    {
        var p = Bl.GetProperty("P").EnumerateArray().Select(e => e.Doubles()).ToArray();
        var q = Bl.GetProperty("Q").Doubles();
        var c = Bl.GetProperty("confidence").Doubles();
        return [.. p.Select((row, k) => new BlackLittermanView(row, q[k], withConfidence ? c[k] : null))];
    }

    private static BlackLittermanResult Run(BlackLittermanView[] views) => BlackLitterman.Compute(Cov, Bl.GetProperty("market_weights").Doubles(), views,
        Bl.GetProperty("risk_aversion").GetDouble(), Bl.GetProperty("tau").GetDouble());

    [Theory]
    [InlineData("he_litterman", false)]
    [InlineData("idzorek", true)]
    public void Posterior_MatchesNumpyClosedForm(string name, bool withConfidence)
    {
        var e = Bl.GetProperty(name);
        var r = Run(Views(withConfidence));
        Reference.Close(Bl.GetProperty("prior").Doubles(), r.Prior, rel: 1e-12);
        Reference.Close(e.GetProperty("omega").Doubles(), r.Omega, rel: 1e-12);
        Reference.Close(e.GetProperty("posterior_returns").Doubles(), r.PosteriorReturns, rel: 1e-10);
        Reference.Close(e.GetProperty("posterior_cov").Matrix(), r.PosteriorCovariance, rel: 1e-10);
        Reference.Close(e.GetProperty("weights").Doubles(), r.Weights, rel: 1e-8, abs: 1e-10);
    }

    [Theory]
    [InlineData("he_litterman", false)]
    [InlineData("idzorek", true)]
    public void LongOnlyWeights_OnPosterior_MatchSlsqp(string name, bool withConfidence)
    {
        var r = Run(Views(withConfidence));
        double delta = Bl.GetProperty("risk_aversion").GetDouble();
        var w = PortfolioOptimizer.MeanVariance(r.PosteriorReturns, Cov, delta, PortfolioConstraints.LongOnly, OptimizationMethod.BlackLitterman).Weights;
        var expected = Bl.GetProperty(name).GetProperty("long_only_weights").Doubles();
        Reference.Close(1.0, w.Sum(), abs: 1e-9);
        Reference.Close(expected, w, rel: 0, abs: 2e-6);
    }

    [Fact]
    public void FullConfidence_PosteriorReproducesViews()
    {
        var views = Views(true).Select(v => v with { Confidence = 1.0 }).ToArray();
        var r = Run(views);
        Reference.Close(Bl.GetProperty("full_confidence").GetProperty("posterior_returns").Doubles(), r.PosteriorReturns, rel: 1e-10);
        Reference.Close(0.15, r.PosteriorReturns[0], rel: 1e-10);
        Reference.Close(0.03, r.PosteriorReturns[3] - r.PosteriorReturns[5], rel: 1e-10);
    }

    [Fact]
    public void NoViews_PosteriorIsPriorAndWeightsAreMarket()
    {
        var r = Run([]);
        Reference.Close(r.Prior, r.PosteriorReturns, rel: 1e-14);
        Reference.Close(Bl.GetProperty("market_weights").Doubles(), r.Weights, rel: 1e-10);
    }

    [Fact]
    public void HalfConfidence_EqualsHeLitterman()
    {
        var half = Run([.. Views(false).Select(v => v with { Confidence = 0.5 })]);
        var he = Run(Views(false));
        Reference.Close(he.PosteriorReturns, half.PosteriorReturns, rel: 1e-12);
    }
}
