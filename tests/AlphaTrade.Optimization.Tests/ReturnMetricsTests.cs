using System.Text.Json;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization.Tests;

public class ReturnMetricsTests
{
    public static TheoryData<int> Cases()
    {
        var d = new TheoryData<int>();
        for (int i = 0; i < Reference.Root.GetProperty("metrics").GetArrayLength(); i++)
        {
            d.Add(i);
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summarize_MatchesNumpyPandasScipy(int index)
    {
        JsonElement c = Reference.Root.GetProperty("metrics")[index];
        var r = c.GetProperty("returns").Doubles();
        double ppy = c.Number("periods_per_year");
        var s = ReturnMetrics.Summarize(r, ppy);
        Assert.Equal(r.Length, s.Periods);
        Reference.Close(c.Number("sharpe"), s.Sharpe);
        Reference.Close(c.Number("sortino"), s.Sortino);
        Reference.Close(c.Number("total_return"), s.TotalReturn, rel: 1e-9);
        Reference.Close(c.Number("cagr"), s.Cagr, rel: 1e-9);
        Reference.Close(c.Number("max_drawdown"), s.MaxDrawdown, rel: 1e-9);
        Reference.Close(c.Number("calmar"), s.Calmar, rel: 1e-9);
        Reference.Close(c.Number("profit_factor"), s.ProfitFactor);
        Reference.Close(c.Number("volatility"), s.Volatility);
        Reference.Close(c.Number("skewness"), s.Skewness, rel: 1e-9);
        Reference.Close(c.Number("kurtosis"), s.Kurtosis, rel: 1e-9);
        Reference.Close(c.Number("sharpe_per_period"), ReturnMetrics.Sharpe(r, 1));
    }

    [Fact]
    public void EdgeCases_AreNaNOrInfinityNotExceptions()
    {
        Assert.True(double.IsNaN(ReturnMetrics.Sharpe([0.01, 0.01, 0.01], 252)));
        Assert.True(double.IsNaN(ReturnMetrics.Sharpe([0.01], 252)));
        Assert.True(double.IsNaN(ReturnMetrics.Sortino([0.01, 0.02], 252)));
        Assert.True(double.IsPositiveInfinity(ReturnMetrics.ProfitFactor([0.01, 0.0])));
        Assert.True(double.IsNaN(ReturnMetrics.ProfitFactor([0.0, 0.0])));
        Assert.Equal(0, ReturnMetrics.MaxDrawdown([0.01, 0.02]));
        Assert.True(double.IsNaN(ReturnMetrics.Calmar([0.01, 0.02], 252)));
        Assert.Equal(-1, ReturnMetrics.Cagr([-1.0, 0.5], 252));
    }

    [Fact]
    public void MaxDrawdown_HandChecked()
    {
        // Equity 1 → 1.1 → 0.88 → 0.968 → 1.1616: peak 1.1, trough 0.88, drawdown 20%.
        Reference.Close(0.2, ReturnMetrics.MaxDrawdown([0.1, -0.2, 0.1, 0.2]), rel: 1e-12);
        // A first-period loss counts against the initial capital.
        Reference.Close(0.05, ReturnMetrics.MaxDrawdown([-0.05, 0.01]), rel: 1e-12);
    }

    [Fact]
    public void FromReturns_ObjectiveAndStandardMetrics_Consistent()
    {
        double[] r = [0.01, -0.02, 0.015, 0.003, -0.004, 0.02];
        var t = TrialResult.FromReturns(r, Objective.Sortino, 252, new Dictionary<string, double> { ["trades"] = 7, ["sharpe"] = 99 });
        Assert.Equal(ReturnMetrics.Sortino(r, 252), t.Objective);
        Assert.Equal(ReturnMetrics.Sharpe(r, 252), t.Metrics["sharpe"]); // extras never override the standard metrics
        Assert.Equal(7, t.Metrics["trades"]);
        Assert.Equal(6, t.Metrics["periods"]);
        Assert.Same(r, t.Returns);
    }

    [Fact]
    public void Objective_EvaluatesASliceLikeTheArray()
    {
        double[] r = [0.01, -0.02, 0.015, 0.003, -0.004, 0.02, 0.007];
        foreach (var o in Objective.All)
        {
            Assert.Equal(o.Evaluate(r.AsSpan(2, 4), 252), o.Evaluate(r[2..6], 252));
        }
    }
}

public class StandardNormalTests
{
    [Fact]
    public void Cdf_MatchesScipyNdtr()
    {
        foreach (var pair in Reference.Root.GetProperty("normal").GetProperty("cdf").EnumerateArray())
        {
            double x = pair[0].GetDouble();
            // scipy evaluates ½·erfc(−x/√2) in doubles: the rounding of x/√2 costs it ~x²·1e-16 relative in the
            // tails. Φ(−38) ≈ 2.885e-316 is subnormal and scipy returns 0, hence abs.
            Reference.Close(pair[1].GetDouble(), StandardNormal.Cdf(x), rel: 4e-16 * (1 + (x * x)), abs: 1e-310);
        }
    }

    [Fact]
    public void Cdf_MatchesFiftyDigitValues()
    {
        foreach (var pair in Reference.Root.GetProperty("normal").GetProperty("cdf_exact").EnumerateArray())
        {
            double x = pair[0].GetDouble();
            double expected = pair[1].GetDouble();
            Reference.Close(expected, StandardNormal.Cdf(x), rel: expected < 1e-307 ? 1e-9 : 1e-15, abs: 0);
        }
    }

    [Fact]
    public void Erfc_MatchesFiftyDigitValues()
    {
        foreach (var pair in Reference.Root.GetProperty("normal").GetProperty("erfc_exact").EnumerateArray())
        {
            double z = pair[0].GetDouble();
            Reference.Close(pair[1].GetDouble(), StandardNormal.Erfc(z), rel: 4e-16 * (10 + (z * z)), abs: 0);
        }
    }

    [Fact]
    public void InverseCdf_MatchesScipyNdtri()
    {
        foreach (var pair in Reference.Root.GetProperty("normal").GetProperty("ppf").EnumerateArray())
        {
            double p = pair[0].GetDouble();
            Reference.Close(pair[1].GetDouble(), StandardNormal.InverseCdf(p), rel: 1e-14, abs: 1e-15);
        }
    }

    [Fact]
    public void Erfc_MatchesScipy()
    {
        foreach (var pair in Reference.Root.GetProperty("normal").GetProperty("erfc").EnumerateArray())
        {
            double z = pair[0].GetDouble();
            Reference.Close(pair[1].GetDouble(), StandardNormal.Erfc(z), rel: 4e-16 * (10 + (z * z)), abs: 0);
        }
    }

    [Fact]
    public void Cdf_SubnormalTail_MatchesHighPrecisionValue()
    {
        // mpmath.ncdf(-38) at 50 digits: 2.8854283600687843e-316.
        Reference.Close(2.8854283600687843e-316, StandardNormal.Cdf(-38), rel: 1e-9, abs: 0);
    }

    [Fact]
    public void InverseCdf_RoundTripsAndHandlesEnds()
    {
        for (double p = 0.0005; p < 1; p += 0.0137)
        {
            Reference.Close(p, StandardNormal.Cdf(StandardNormal.InverseCdf(p)), rel: 1e-14);
        }

        Assert.Equal(double.NegativeInfinity, StandardNormal.InverseCdf(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.InverseCdf(1));
        Assert.True(double.IsNaN(StandardNormal.InverseCdf(1.5)));
        Assert.Equal(0, StandardNormal.InverseCdf(0.5));
        Assert.Equal(-StandardNormal.InverseCdf(1e-7), StandardNormal.UpperInverseCdf(1e-7));
    }
}
