using AlphaTrade.Core.Time;

namespace AlphaTrade.Risk.Tests;

public class CovarianceTests
{
    [Fact]
    public void Sample_MatchesNumpyCov() =>
        Reference.Close(Reference.Root.GetProperty("sample_cov").Matrix(), Covariance.Sample(Reference.Columns()));

    [Fact]
    public void Correlation_MatchesNumpyCorrcoef() =>
        Reference.Close(Reference.Root.GetProperty("correlation").Matrix(), Covariance.Correlation(Covariance.Sample(Reference.Columns())));

    [Fact]
    public void Ewma_MatchesPandasEwmCovBiased()
    {
        double lambda = Reference.Root.GetProperty("ewma_lambda").GetDouble();
        Reference.Close(Reference.Root.GetProperty("ewma_cov").Matrix(), Covariance.Ewma(Reference.Columns(), lambda), rel: 1e-8);
    }

    [Fact]
    public void LedoitWolf_MatchesPaperReimplementation()
    {
        var lw = Reference.Root.GetProperty("ledoit_wolf");
        var est = Covariance.LedoitWolf(Reference.Columns());
        Reference.Close(lw.GetProperty("shrinkage").GetDouble(), est.Shrinkage, rel: 1e-9);
        Reference.Close(lw.GetProperty("cov").Matrix(), est.Matrix, rel: 1e-9);
    }

    [Fact]
    public void LedoitWolf_FewObservations_ShrinksMoreThanManyObservations()
    {
        var cols = Reference.Columns();
        var few = cols.Select(c => c[..20]).ToArray();
        Assert.True(Covariance.LedoitWolf(few).Shrinkage > Covariance.LedoitWolf(cols).Shrinkage);
        Assert.InRange(Covariance.LedoitWolf(few).Shrinkage, 0.0, 1.0);
    }

    [Fact]
    public void Estimate_UnequalColumns_Throws() =>
        Assert.Throws<ArgumentException>(() => Covariance.Sample([[1.0, 2.0, 3.0], [1.0, 2.0]]));

    [Fact]
    public void Ewma_LambdaOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Covariance.Ewma(Reference.Columns(), 1.0));

    [Theory]
    [InlineData(15, 26, 6552)]
    [InlineData(5, 78, 19656)]
    [InlineData(60, 7, 1764)]
    public void Annualization_IntradayBars_CountsSessionBars(int minutes, double perDay, double perYear)
    {
        var tf = TimeFrame.FromMinutes(minutes);
        Assert.Equal(perDay, Annualization.PeriodsPerDay(tf));
        Assert.Equal(perYear, Annualization.PeriodsPerYear(tf));
    }

    [Fact]
    public void Annualization_Daily_Is252()
    {
        Assert.Equal(252.0, Annualization.PeriodsPerYear(TimeFrame.Daily));
        Reference.Close(0.01 * Math.Sqrt(252), Annualization.AnnualVolatility(0.01, TimeFrame.Daily));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(46)]
    public void Sample_IsBitForBitTheTimeOrderedSumOfCentredProducts(int p)
    {
        // The estimator's blocked loop must keep each entry's sum exactly as the textbook loop forms it (risk limits
        // compare VaR against thresholds, so the last bit decides borderline orders).
        var rng = new AlphaTrade.Core.Randomness.Xoshiro256((ulong)p);
        int n = 61;
        var columns = Enumerable.Range(0, p).Select(_ => Enumerable.Range(0, n).Select(_ => 0.01 * rng.NextGaussian()).ToArray()).ToList();
        var mean = Covariance.Means(columns);
        var cov = Covariance.Sample(columns);
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double s = 0;
                for (int t = 0; t < n; t++)
                {
                    s += (columns[a][t] - mean[a]) * (columns[b][t] - mean[b]);
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(s * (1.0 / (n - 1))), BitConverter.DoubleToInt64Bits(cov[a, b]));
            }
        }
    }
}
