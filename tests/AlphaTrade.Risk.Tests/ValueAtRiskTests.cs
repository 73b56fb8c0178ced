using System.Text.Json;

using AlphaTrade.Core.Randomness;

namespace AlphaTrade.Risk.Tests;

public class ValueAtRiskTests
{
    public static TheoryData<string, int> Cases() => new() { { "var_single", 0 }, { "var_single", 1 }, { "var_portfolio", 0 }, { "var_portfolio", 1 } };

    private static double[] Series(string kind)
    {
        var cols = Reference.Columns();
        return kind == "var_single" ? cols[0] : PortfolioRisk.PortfolioReturns(cols, Reference.Root.GetProperty("weights").Doubles());
    }

    private static JsonElement Case(string kind, int i) => Reference.Root.GetProperty(kind)[i];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Historical_MatchesNumpyPercentile(string kind, int i)
    {
        var c = Case(kind, i);
        var r = ValueAtRisk.Historical(Series(kind), c.GetProperty("confidence").GetDouble());
        Reference.Close(c.GetProperty("historical_var").GetDouble(), r.Var);
        Reference.Close(c.GetProperty("historical_cvar").GetDouble(), r.CVar);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gaussian_MatchesScipyNorm(string kind, int i)
    {
        var c = Case(kind, i);
        var r = ValueAtRisk.Gaussian(Series(kind), c.GetProperty("confidence").GetDouble());
        Reference.Close(c.GetProperty("gaussian_var").GetDouble(), r.Var, rel: 1e-10);
        Reference.Close(c.GetProperty("gaussian_cvar").GetDouble(), r.CVar, rel: 1e-10);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CornishFisher_MatchesScipyMomentsAndQuadrature(string kind, int i)
    {
        var c = Case(kind, i);
        var x = Series(kind);
        var m = ValueAtRisk.Moments(x);
        Reference.Close(c.GetProperty("skew").GetDouble(), m.Skewness, rel: 1e-9);
        Reference.Close(c.GetProperty("kurt").GetDouble(), m.ExcessKurtosis, rel: 1e-9);
        var r = ValueAtRisk.CornishFisher(x, c.GetProperty("confidence").GetDouble());
        Reference.Close(c.GetProperty("cf_var").GetDouble(), r.Var, rel: 1e-10);
        Reference.Close(c.GetProperty("cf_cvar").GetDouble(), r.CVar, rel: 1e-8);
    }

    [Fact]
    public void CornishFisher_NoSkewNoKurtosis_EqualsGaussian()
    {
        var cf = ValueAtRisk.CornishFisher(0.001, 0.02, 0, 0, 0.99);
        var g = ValueAtRisk.Gaussian(0.001, 0.02, 0.99);
        Reference.Close(g.Var, cf.Var, rel: 1e-13);
        Reference.Close(g.CVar, cf.CVar, rel: 1e-13);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void MonteCarlo_ManyPaths_ConvergesToGaussian(double confidence)
    {
        var x = Series("var_single");
        var mc = ValueAtRisk.MonteCarlo(x, confidence, new MonteCarloSettings(400_000, 7));
        var g = ValueAtRisk.Gaussian(x, confidence);
        Reference.Close(g.Var, mc.Var, rel: 0.02);
        Reference.Close(g.CVar, mc.CVar, rel: 0.02);
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameNumbers()
    {
        var x = Series("var_single");
        Assert.Equal(ValueAtRisk.MonteCarlo(x, 0.95, new MonteCarloSettings(5000, 3)), ValueAtRisk.MonteCarlo(x, 0.95, new MonteCarloSettings(5000, 3)));
        Assert.NotEqual(ValueAtRisk.MonteCarlo(x, 0.95, new MonteCarloSettings(5000, 3)).Var, ValueAtRisk.MonteCarlo(x, 0.95, new MonteCarloSettings(5000, 4)).Var);
    }

    [Fact]
    public void Cvar_IsAtLeastVar_ForEveryMethod()
    {
        var x = Series("var_portfolio");
        foreach (var m in Enum.GetValues<VarMethod>())
        {
            foreach (var c in ValueAtRisk.DefaultConfidences)
            {
                var r = ValueAtRisk.Compute(x, m, c, new MonteCarloSettings(20_000, 1));
                Assert.True(r.CVar >= r.Var, $"{m} {c}: CVaR {r.CVar} < VaR {r.Var}");
            }
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void Confidence_OutOfRange_Throws(double c) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRisk.Historical([0.01, -0.02, 0.0], c));

    [Fact]
    public void Quantile_LinearInterpolation_MatchesDefinition()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, ValueAtRisk.Quantile(sorted, 0));
        Assert.Equal(5.0, ValueAtRisk.Quantile(sorted, 1));
        Assert.Equal(1.2, ValueAtRisk.Quantile(sorted, 0.05), 12);
    }

    [Fact]
    public void Xoshiro256_Gaussian_HasUnitMoments()
    {
        var rng = new Xoshiro256(123);
        var z = Enumerable.Range(0, 200_000).Select(_ => rng.NextGaussian()).ToArray();
        var m = ValueAtRisk.Moments(z);
        Assert.InRange(m.Mean, -0.01, 0.01);
        Assert.InRange(m.Std, 0.99, 1.01);
        Assert.InRange(m.Skewness, -0.03, 0.03);
        Assert.InRange(m.ExcessKurtosis, -0.05, 0.05);
    }
}

public class PortfolioVarTests
{
    private static readonly double[][] Cols = Reference.Columns();
    private static readonly double[] W = Reference.Root.GetProperty("weights").Doubles();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Gaussian_MarginalAndComponent_MatchNumpy(int i)
    {
        var c = Reference.Root.GetProperty("var_components")[i];
        double conf = c.GetProperty("confidence").GetDouble();
        var r = PortfolioRisk.Compute(Cols, W, VarMethod.Gaussian, conf);
        Reference.Close(c.GetProperty("gaussian_marginal").Doubles(), r.Marginal, rel: 1e-9);
        Reference.Close(c.GetProperty("gaussian_component").Doubles(), r.Component, rel: 1e-9);
        Reference.Close(Reference.Root.GetProperty("var_portfolio")[i].GetProperty("gaussian_var").GetDouble(), r.Var, rel: 1e-10);
        Reference.Close(r.Var, r.Component.Sum(), rel: 1e-12);
        Reference.Close(r.CVar, r.ComponentCVar.Sum(), rel: 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Historical_ScenarioComponents_MatchNumpyAndSumToTotal(int i)
    {
        var c = Reference.Root.GetProperty("var_components")[i];
        double conf = c.GetProperty("confidence").GetDouble();
        var r = PortfolioRisk.Compute(Cols, W, VarMethod.Historical, conf);
        Reference.Close(c.GetProperty("historical_component").Doubles(), r.Component, rel: 1e-9, abs: 1e-15);
        Reference.Close(c.GetProperty("historical_cvar_component").Doubles(), r.ComponentCVar, rel: 1e-9, abs: 1e-15);
        Reference.Close(r.Var, r.Component.Sum(), rel: 1e-10);
        Reference.Close(r.CVar, r.ComponentCVar.Sum(), rel: 1e-10);
    }

    [Fact]
    public void CornishFisher_ComponentsSumToTotal_ByEuler()
    {
        var r = PortfolioRisk.Compute(Cols, W, VarMethod.CornishFisher, 0.99);
        Reference.Close(Reference.Root.GetProperty("var_portfolio")[1].GetProperty("cf_var").GetDouble(), r.Var, rel: 1e-10);
        Reference.Close(r.Var, r.Component.Sum(), rel: 1e-6);
        Reference.Close(r.CVar, r.ComponentCVar.Sum(), rel: 1e-6);
    }

    [Fact]
    public void MonteCarlo_CorrelatedShocks_ApproachGaussianAndDecompose()
    {
        var g = PortfolioRisk.Compute(Cols, W, VarMethod.Gaussian, 0.95);
        var mc = PortfolioRisk.Compute(Cols, W, VarMethod.MonteCarlo, 0.95, new MonteCarloSettings(200_000, 11));
        Reference.Close(g.Var, mc.Var, rel: 0.02);
        Reference.Close(g.CVar, mc.CVar, rel: 0.02);
        Reference.Close(mc.Var, mc.Component.Sum(), rel: 1e-10);
        Reference.Close(mc.CVar, mc.ComponentCVar.Sum(), rel: 1e-10);
        for (int i = 0; i < W.Length; i++)
        {
            Reference.Close(g.ComponentCVar[i], mc.ComponentCVar[i], abs: 0.0015);
        }
    }

    [Fact]
    public void MonteCarlo_SameSeed_Reproducible()
    {
        var a = PortfolioRisk.Compute(Cols, W, VarMethod.MonteCarlo, 0.99, new MonteCarloSettings(10_000, 5));
        var b = PortfolioRisk.Compute(Cols, W, VarMethod.MonteCarlo, 0.99, new MonteCarloSettings(10_000, 5));
        Assert.Equal(a.Var, b.Var);
        Assert.Equal(a.Component, b.Component);
    }

    [Fact]
    public void PositionVar_InDollars_ScalesByEquity()
    {
        double equity = 1_000_000;
        var mv = W.Select(w => w * equity).ToArray();
        var r = PortfolioRisk.PositionVar(Cols, mv, equity, VarMethod.Gaussian, 0.95);
        var f = PortfolioRisk.Compute(Cols, W, VarMethod.Gaussian, 0.95);
        Reference.Close(f.Var * equity, r.Var, rel: 1e-12);
        Reference.Close(f.Component[3] * equity, r.Component[3], rel: 1e-12);
    }

    [Fact]
    public void MonteCarlo_SingularCovariance_StillFactors()
    {
        double[][] cols = [Cols[0], Cols[0], Cols[1]];
        var r = PortfolioRisk.Compute(cols, [0.3, 0.3, 0.4], VarMethod.MonteCarlo, 0.95, new MonteCarloSettings(20_000, 2));
        var g = PortfolioRisk.Compute(cols, [0.3, 0.3, 0.4], VarMethod.Gaussian, 0.95);
        Reference.Close(g.Var, r.Var, rel: 0.05);
    }
}
