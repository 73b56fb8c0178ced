using System.Text.Json;

namespace AlphaTrade.Statistics.Tests;

public class OlsTests
{
    [Fact]
    public void Fit_MatchesStatsmodels()
    {
        var r = Reference.Root.GetProperty("ols");
        var fit = Ols.Fit(Reference.Series("y"), [Reference.Series("x"), Reference.Series("z")], addConstant: true);
        var p = r.GetProperty("params").Doubles();
        var bse = r.GetProperty("bse").Doubles();
        var tv = r.GetProperty("tvalues").Doubles();
        for (int i = 0; i < 3; i++)
        {
            Reference.Close(p[i], fit.Coefficients[i]);
            Reference.Close(bse[i], fit.StandardErrors[i]);
            Reference.Close(tv[i], fit.TValues[i]);
        }

        Reference.Close(r.GetProperty("rsquared").GetDouble(), fit.RSquared);
        Reference.Close(r.GetProperty("rsquared_adj").GetDouble(), fit.AdjustedRSquared);
        Reference.Close(r.GetProperty("ssr").GetDouble(), fit.Ssr);
        Reference.Close(r.GetProperty("llf").GetDouble(), fit.LogLikelihood);
        Reference.Close(r.GetProperty("aic").GetDouble(), fit.Aic);
        Reference.Close(r.GetProperty("bic").GetDouble(), fit.Bic);
    }

    [Fact]
    public void Fit_TooFewObservations_Throws() =>
        Assert.Throws<ArgumentException>(() => Ols.Fit([1.0, 2.0], [[1.0, 2.0]], addConstant: true));
}

public class AugmentedDickeyFullerTests
{
    public static TheoryData<int> Cases()
    {
        var d = new TheoryData<int>();
        int n = Reference.Root.GetProperty("adf").GetArrayLength();
        for (int i = 0; i < n; i++)
        {
            d.Add(i);
        }

        return d;
    }

    private static TrendTerms Trend(string s) => s switch
    {
        "n" => TrendTerms.None,
        "c" => TrendTerms.Constant,
        "ct" => TrendTerms.ConstantTrend,
        _ => TrendTerms.ConstantTrendSquared,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_MatchesStatsmodelsAdfuller(int index)
    {
        var c = Reference.Root.GetProperty("adf")[index];
        var series = Reference.Series(c.GetProperty("series").GetString()!);
        var autolag = c.GetProperty("autolag");
        var selection = autolag.ValueKind == JsonValueKind.Null ? LagSelection.Fixed
            : autolag.GetString() == "AIC" ? LagSelection.Aic : LagSelection.Bic;
        var maxLagEl = c.GetProperty("maxlag");
        int? maxLag = maxLagEl.ValueKind == JsonValueKind.Null ? null : maxLagEl.GetInt32();
        var r = AugmentedDickeyFuller.Test(series, Trend(c.GetProperty("regression").GetString()!), maxLag, selection);

        Assert.Equal(c.GetProperty("usedlag").GetInt32(), r.UsedLag);
        Assert.Equal(c.GetProperty("nobs").GetInt32(), r.Observations);
        Reference.Close(c.GetProperty("stat").GetDouble(), r.Statistic);
        Reference.Close(c.GetProperty("pvalue").GetDouble(), r.PValue, rel: 1e-7, abs: 1e-12);
        var crit = c.GetProperty("crit").Doubles();
        Reference.Close(crit[0], r.Critical.OnePercent);
        Reference.Close(crit[1], r.Critical.FivePercent);
        Reference.Close(crit[2], r.Critical.TenPercent);
    }

    [Fact]
    public void Test_RandomWalkIsNotRejected_StationaryArIs()
    {
        Assert.True(AugmentedDickeyFuller.Test(Reference.Series("rw")).PValue > 0.1);
        Assert.True(AugmentedDickeyFuller.Test(Reference.Series("ar")).PValue < 0.01);
    }

    [Fact]
    public void Test_MaxLagTooLarge_ThrowsWithTheLimit()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedDickeyFuller.Test(new double[20], TrendTerms.Constant, 15));
        Assert.Contains("8", ex.Message, StringComparison.Ordinal);
    }
}

public class CointegrationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EngleGranger_MatchesStatsmodelsCoint(int index)
    {
        var c = Reference.Root.GetProperty("coint")[index];
        var y = Reference.Series(c.GetProperty("y").GetString()!);
        var x = Reference.Series(c.GetProperty("x").GetString()!);
        var trend = c.GetProperty("trend").GetString() == "c" ? TrendTerms.Constant : TrendTerms.ConstantTrend;
        var r = EngleGranger.Test(y, [x], trend);
        Reference.Close(c.GetProperty("stat").GetDouble(), r.Statistic);
        Reference.Close(c.GetProperty("pvalue").GetDouble(), r.PValue, rel: 1e-7, abs: 1e-12);
        var crit = c.GetProperty("crit").Doubles();
        Reference.Close(crit[0], r.Critical.OnePercent);
        Reference.Close(crit[1], r.Critical.FivePercent);
        Reference.Close(crit[2], r.Critical.TenPercent);
        if (trend == TrendTerms.Constant)
        {
            Reference.Close(c.GetProperty("hedge").GetDouble(), r.HedgeRatios[0]);
            Reference.Close(c.GetProperty("intercept").GetDouble(), r.Intercept);
        }
    }

    [Fact]
    public void EngleGranger_PlantedPair_IsCointegratedWithItsHedgeRatio()
    {
        var r = EngleGranger.Test(Reference.Series("y"), Reference.Series("x"));
        Assert.True(r.PValue < 0.01);
        Assert.InRange(r.HedgeRatios[0], 1.4, 1.6);
        Assert.InRange(r.HalfLife, 2, 10);
    }

    public static TheoryData<int> JohansenCases()
    {
        var d = new TheoryData<int>();
        for (int i = 0; i < Reference.Root.GetProperty("johansen").GetArrayLength(); i++)
        {
            d.Add(i);
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(JohansenCases))]
    public void Johansen_MatchesStatsmodels(int index)
    {
        var c = Reference.Root.GetProperty("johansen")[index];
        var r = Johansen.Test([Reference.Series("x"), Reference.Series("z"), Reference.Series("w")],
            c.GetProperty("det_order").GetInt32(), c.GetProperty("k_ar_diff").GetInt32());
        var eig = c.GetProperty("eig").Doubles();
        var trace = c.GetProperty("trace").Doubles();
        var maxeig = c.GetProperty("maxeig").Doubles();
        for (int i = 0; i < 3; i++)
        {
            Reference.Close(eig[i], r.Eigenvalues[i], rel: 1e-7);
            Reference.Close(trace[i], r.TraceStatistics[i], rel: 1e-7);
            Reference.Close(maxeig[i], r.MaxEigenStatistics[i], rel: 1e-7);
            var cvt = c.GetProperty("cvt")[i].Doubles();
            var cvm = c.GetProperty("cvm")[i].Doubles();
            Assert.Equal(cvt, r.TraceCritical[i]);
            Assert.Equal(cvm, r.MaxEigenCritical[i]);
        }
    }

    [Fact]
    public void Johansen_PlantedSystem_FindsRankOne()
    {
        var r = Johansen.Test([Reference.Series("x"), Reference.Series("z"), Reference.Series("w")]);
        Assert.Equal(1, r.TraceRank());
    }
}

public class MeanReversionTests
{
    [Fact]
    public void HalfLife_MatchesNumpyRegression()
    {
        var h = Reference.Root.GetProperty("half_life");
        var fit = OrnsteinUhlenbeck.HalfLife(h.GetProperty("spread").Doubles());
        Reference.Close(h.GetProperty("b").GetDouble(), fit.B);
        Reference.Close(h.GetProperty("half_life").GetDouble(), fit.HalfLife);
    }

    [Fact]
    public void HalfLife_RandomWalkTrend_IsInfinite()
    {
        var up = Enumerable.Range(0, 100).Select(i => (double)i * i).ToArray();
        Assert.True(double.IsPositiveInfinity(OrnsteinUhlenbeck.HalfLife(up).HalfLife));
    }

    [Fact]
    public void Hurst_MatchesNumpyAndSeparatesRegimes()
    {
        var h = Reference.Root.GetProperty("hurst");
        double rw = Hurst.Exponent(Reference.Series("rw"), 20);
        double ar = Hurst.Exponent(Reference.Series("ar"), 20);
        Reference.Close(h.GetProperty("rw").GetDouble(), rw, rel: 1e-10);
        Reference.Close(h.GetProperty("ar").GetDouble(), ar, rel: 1e-10);
        Assert.InRange(rw, 0.4, 0.6);
        Assert.True(ar < 0.4);
    }

    [Fact]
    public void Kalman_MatchesNumpyReference()
    {
        var k = Reference.Root.GetProperty("kalman");
        int n = k.GetProperty("n").GetInt32();
        var x = Reference.Series("x");
        var y = Reference.Series("y");
        var beta = k.GetProperty("beta").Doubles();
        var alpha = k.GetProperty("alpha").Doubles();
        var err = k.GetProperty("error").Doubles();
        var q = k.GetProperty("q").Doubles();
        var f = new KalmanRegression(k.GetProperty("delta").GetDouble(), k.GetProperty("ve").GetDouble());
        for (int t = 0; t < n; t++)
        {
            var s = f.Update(x[t], y[t]);
            Reference.Close(beta[t], s.Beta, rel: 1e-9);
            Reference.Close(alpha[t], s.Alpha, rel: 1e-9, abs: 1e-9);
            Reference.Close(err[t], s.Error, rel: 1e-9, abs: 1e-9);
            Reference.Close(q[t], s.ErrorVariance, rel: 1e-9);
        }

        Assert.InRange(f.Beta, 1.3, 1.7);
    }
}

public class MacKinnonTests
{
    [Fact]
    public void PValue_BeyondTableBounds_IsZeroOrOne()
    {
        Assert.Equal(0.0, MacKinnon.PValue(-50, TrendTerms.Constant));
        Assert.Equal(1.0, MacKinnon.PValue(5, TrendTerms.Constant));
    }

    [Fact]
    public void Critical_Asymptotic_MatchesTextbookFivePercent()
    {
        // The Dickey-Fuller 5% asymptotic critical value with a constant is -2.86 (MacKinnon 2010, table 1).
        var cv = MacKinnon.Critical(TrendTerms.Constant, 1, double.PositiveInfinity);
        Assert.Equal(-2.86154, cv.FivePercent, 5);
    }
}
