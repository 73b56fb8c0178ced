using AlphaTrade.Optimization.Overfitting;

namespace AlphaTrade.Optimization.Tests;

public class DeflatedSharpeTests
{
    [Fact]
    public void ExpectedMaxSharpe_MatchesScipyFormula()
    {
        foreach (var c in Reference.Root.GetProperty("expected_max").EnumerateArray())
        {
            Reference.Close(c.Number("value"), DeflatedSharpe.ExpectedMaxSharpe(c.GetProperty("trials").GetInt32(), c.Number("variance")), rel: 1e-13);
        }
    }

    [Fact]
    public void ExpectedMaxSharpe_OneTrial_IsZero()
    {
        Assert.Equal(0, DeflatedSharpe.ExpectedMaxSharpe(1, 4.0));
    }

    [Fact]
    public void Probabilistic_MatchesScipyFormula()
    {
        foreach (var c in Reference.Root.GetProperty("psr").EnumerateArray())
        {
            double psr = DeflatedSharpe.Probabilistic(c.Number("sharpe"), c.Number("benchmark"), c.GetProperty("observations").GetInt64(), c.Number("skewness"), c.Number("kurtosis"));
            Reference.Close(c.Number("value"), psr, rel: 1e-12);
        }
    }

    [Fact]
    public void PaperExample_BaileyLopezDePrado2014_Reproduced()
    {
        // N = 100 trials, annualised V = 1/2, annualised SR = 2.5, T = 1,250 daily returns (250 a year), γ3 = −3,
        // γ4 = 10: the paper reports SR* ≈ 0.1132 (daily) and DSR ≈ 0.9004.
        var e = Reference.Root.GetProperty("paper_example");
        double ppy = e.Number("periods_per_year");
        double srStar = DeflatedSharpe.ExpectedMaxSharpe(100, e.Number("annual_variance") / ppy);
        double dsr = DeflatedSharpe.Probabilistic(e.Number("annual_sharpe") / Math.Sqrt(ppy), srStar, 1250, -3, 10);
        Reference.Close(e.Number("expected_max_daily"), srStar, rel: 1e-13);
        Reference.Close(e.Number("dsr"), dsr, rel: 1e-12);
        Assert.Equal(0.1132, Math.Round(srStar, 4));
        Assert.Equal(0.9004, Math.Round(dsr, 4));
    }

    [Fact]
    public void Evaluate_FromTrialReturns_MatchesScipy()
    {
        var e = Reference.Root.GetProperty("dsr_trials");
        var trials = e.GetProperty("returns").Columns();
        var sharpes = trials.Select(r => ReturnMetrics.Sharpe(r, 1)).ToArray();
        int chosen = e.GetProperty("chosen").GetInt32();
        Assert.Equal(chosen, Array.IndexOf(sharpes, sharpes.Max()));
        var d = DeflatedSharpe.Evaluate(trials[chosen], sharpes, periodsPerYear: 252);
        Reference.Close(e.Number("sharpe"), d.Sharpe, rel: 1e-12);
        Reference.Close(e.Number("sharpe") * Math.Sqrt(252), d.AnnualisedSharpe, rel: 1e-12);
        Reference.Close(e.Number("variance"), d.TrialSharpeVariance, rel: 1e-11);
        Reference.Close(e.Number("skewness"), d.Skewness, rel: 1e-10);
        Reference.Close(e.Number("kurtosis"), d.Kurtosis, rel: 1e-10);
        Reference.Close(e.Number("expected_max"), d.ExpectedMaxSharpe, rel: 1e-11);
        Reference.Close(e.Number("psr"), d.Psr, rel: 1e-10);
        Reference.Close(e.Number("dsr"), d.Dsr, rel: 1e-10);
        Assert.Equal(20, d.Trials);
        Assert.Equal(400, d.Observations);
        Assert.True(d.Dsr < d.Psr);
    }

    [Fact]
    public void Evaluate_MoreTrials_LowerDsr()
    {
        var e = Reference.Root.GetProperty("dsr_trials");
        var trials = e.GetProperty("returns").Columns();
        var sharpes = trials.Select(r => ReturnMetrics.Sharpe(r, 1)).ToArray();
        var chosen = trials[e.GetProperty("chosen").GetInt32()];
        var few = DeflatedSharpe.Evaluate(chosen, sharpes, effectiveTrials: 5);
        var many = DeflatedSharpe.Evaluate(chosen, sharpes, effectiveTrials: 500);
        Assert.True(many.ExpectedMaxSharpe > few.ExpectedMaxSharpe);
        Assert.True(many.Dsr < few.Dsr);
        Assert.Equal(few.Psr, many.Psr);
    }

    [Fact]
    public void Probabilistic_NonPositiveVarianceTerm_IsNaN()
    {
        // 1 − γ3·SR + (γ4 − 1)/4·SR² = 1 − 5·1 + 0.5·1 < 0.
        Assert.True(double.IsNaN(DeflatedSharpe.Probabilistic(1.0, 0, 100, 5, 3)));
    }

    [Fact]
    public void MinimumTrackRecordLength_InvertsPsr()
    {
        double sr = 0.05, bench = 0.01, skew = -0.5, kurt = 5;
        double t = DeflatedSharpe.MinimumTrackRecordLength(sr, bench, skew, kurt, 0.95);
        // At T = MinTRL the PSR is exactly the confidence (T enters as √(T − 1)).
        double z = (sr - bench) * Math.Sqrt(t - 1) / Math.Sqrt(1 - (skew * sr) + ((kurt - 1) / 4 * sr * sr));
        Reference.Close(0.95, StandardNormal.Cdf(z), rel: 1e-12);
        Assert.Equal(double.PositiveInfinity, DeflatedSharpe.MinimumTrackRecordLength(0.01, 0.02, 0, 3));
    }
}
