using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Tests;

public class NumericsAndEdgeCaseTests
{
    private const long Day = TimeSpan.TicksPerDay;

    private static EquityCurve Curve(params double[] equity) =>
        new(Enumerable.Range(0, equity.Length).Select(i => (i + 1) * Day).ToArray(), equity);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(1.0)]
    public void Quantile_RandomData_MatchesSortedLinearInterpolation(double q)
    {
        var rng = new Random(7);
        foreach (int n in new[] { 1, 2, 3, 17, 1000, 4097 })
        {
            var x = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 20, 1) - 10).ToArray(); // many ties
            var sorted = (double[])x.Clone();
            Array.Sort(sorted);
            double h = (n - 1) * q;
            int lo = (int)Math.Floor(h);
            double expected = lo >= n - 1 ? sorted[n - 1] : sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
            Assert.Equal(expected, ReturnMath.Quantile((double[])x.Clone(), q), 12);
        }
    }

    [Theory]
    [InlineData(40_000, false)]
    [InlineData(40_000, true)]
    [InlineData(200_000, true)]
    public void TailQuantiles_HistogramPath_EqualsSortedReference(int n, bool manyZeros)
    {
        var rng = new Random(n);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            x[i] = manyZeros && u < 0.4 ? 0 : (rng.NextDouble() - 0.5) * 0.01 * (u < 0.01 ? 20 : 1);
        }

        var sorted = (double[])x.Clone();
        Array.Sort(sorted);
        double[] qs = [0.5, 0.05, 0.01, 0.95, 0.0, 1.0];
        double[] cut = [0.05, 0.01];
        var q = new double[qs.Length];
        var t = new double[cut.Length];
        TailQuantiles.Compute(x, sorted[0], sorted[^1], qs, q, cut, t, new double[n], forceHistogram: true);
        for (int i = 0; i < qs.Length; i++)
        {
            double h = (n - 1) * qs[i];
            int k = (int)Math.Floor(h);
            double expected = k >= n - 1 ? sorted[n - 1] : sorted[k] + ((h - k) * (sorted[k + 1] - sorted[k]));
            Assert.Equal(expected, q[i]);
        }

        for (int i = 0; i < cut.Length; i++)
        {
            int k = (int)((n - 1) * cut[i]);
            Assert.Equal(sorted.Take(k + 1).Average(), t[i], 12);
        }
    }

    [Fact]
    public void Select_PutsKthSmallestInPlaceWithPartition()
    {
        var rng = new Random(11);
        var x = Enumerable.Range(0, 5000).Select(_ => rng.NextDouble()).ToArray();
        var sorted = (double[])x.Clone();
        Array.Sort(sorted);
        foreach (int k in new[] { 0, 1, 249, 2500, 4999 })
        {
            var y = (double[])x.Clone();
            Assert.Equal(sorted[k], ReturnMath.Select(y, k));
            Assert.All(y.Take(k), v => Assert.True(v <= y[k]));
            Assert.All(y.Skip(k + 1), v => Assert.True(v >= y[k]));
        }
    }

    [Fact]
    public void Compute_MonotonicRise_HasNoDrawdownAndUndefinedCalmar()
    {
        var m = PerformanceCalculator.Compute(Curve(100, 101, 102, 103.5, 104), new MetricsOptions(Annualization.Daily));
        Assert.Equal(0, m.MaxDrawdown);
        Assert.Null(m.MaxDrawdownEpisode);
        Assert.True(double.IsNaN(m.Calmar));
        Assert.True(double.IsPositiveInfinity(m.Sortino));
        Assert.True(double.IsPositiveInfinity(m.Omega));
        Assert.Equal(0.04, m.TotalReturn, 12);
        Assert.Empty(DrawdownAnalyzer.Worst(Curve(100, 101, 102), 5));
    }

    [Fact]
    public void Compute_FlatEquity_GivesNaNRatiosNotExceptions()
    {
        var m = PerformanceCalculator.Compute(Curve(100, 100, 100), new MetricsOptions(Annualization.Daily));
        Assert.Equal(0, m.TotalReturn);
        Assert.Equal(0, m.AnnualVolatility);
        Assert.True(double.IsNaN(m.Sharpe));
        Assert.True(double.IsNaN(m.Skew));
        Assert.True(double.IsNaN(m.Stability));
    }

    [Fact]
    public void Worst_HandMadeCurve_FindsEpisodesWithPeakTroughRecovery()
    {
        // index: 0    1    2   3    4    5    6   7    8
        var c = Curve(100, 110, 99, 104, 110, 120, 90, 95, 100);
        var eps = DrawdownAnalyzer.Episodes(c);
        Assert.Equal(2, eps.Count);
        Assert.Equal((1, 2, (int?)4), (eps[0].PeakIndex, eps[0].TroughIndex, eps[0].RecoveryIndex));
        Assert.Equal(99.0 / 110 - 1, eps[0].Depth, 12);
        Assert.Equal(3, eps[0].DurationPeriods);
        Assert.Equal((5, 6, (int?)null), (eps[1].PeakIndex, eps[1].TroughIndex, eps[1].RecoveryIndex));
        Assert.Equal(-0.25, eps[1].Depth, 12);
        Assert.Equal(3, eps[1].DurationPeriods);
        Assert.False(eps[1].IsRecovered);
        var worst = DrawdownAnalyzer.Worst(c, 5);
        Assert.Equal([eps[1], eps[0]], worst);
        Assert.Equal([eps[1]], DrawdownAnalyzer.Worst(c, 1));

        var uw = new double[c.Count];
        DrawdownAnalyzer.Underwater(c.Equity, uw);
        Assert.Equal(-0.25, uw[6], 12);
        Assert.Equal(0, uw[5]);
    }

    [Fact]
    public void EquityCurve_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EquityCurve([1], [100]));
        Assert.Throws<ArgumentException>(() => new EquityCurve([2, 1], [100, 101]));
        Assert.Throws<ArgumentException>(() => new EquityCurve([1, 2], [100, 0]));
        Assert.Throws<ArgumentException>(() => new EquityCurve([1, 2], [100, double.NaN]));
        Assert.Throws<ArgumentException>(() => new EquityCurve([1, 2], [100, 101], [1]));
        Assert.Throws<InvalidOperationException>(() => Curve(1, 2).BenchmarkReturns(new double[1]));
    }

    [Fact]
    public void Rolling_WindowStatistics_MatchDirectComputation()
    {
        var rng = new Random(3);
        var r = Enumerable.Range(0, 300).Select(_ => (rng.NextDouble() - 0.48) * 0.02).ToArray();
        var b = r.Select(v => (v * 0.7) + ((rng.NextDouble() - 0.5) * 0.01)).ToArray();
        var sharpe = new double[r.Length];
        var vol = new double[r.Length];
        var beta = new double[r.Length];
        RollingStatistics.Sharpe(r, 60, 252, sharpe);
        RollingStatistics.Volatility(r, 60, 252, vol);
        RollingStatistics.Beta(r, b, 60, beta);
        Assert.True(double.IsNaN(sharpe[58]));
        foreach (int end in new[] { 59, 150, 299 })
        {
            var w = r.AsSpan(end - 59, 60);
            var wb = b.AsSpan(end - 59, 60);
            double mean = ReturnMath.Mean(w), sd = ReturnMath.StdDev(w);
            Assert.Equal(mean / sd * Math.Sqrt(252), sharpe[end], 9);
            Assert.Equal(sd * Math.Sqrt(252), vol[end], 9);
            double mb = ReturnMath.Mean(wb), cov = 0, vb = 0;
            for (int i = 0; i < 60; i++)
            {
                cov += (w[i] - mean) * (wb[i] - mb);
                vb += (wb[i] - mb) * (wb[i] - mb);
            }

            Assert.Equal(cov / vb, beta[end], 9);
        }
    }
}
