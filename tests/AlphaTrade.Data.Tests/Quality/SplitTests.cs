using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class SplitTests
{
    [Theory]
    [InlineData(2.0, "2:1")]
    [InlineData(3.0, "3:1")]
    [InlineData(1.5, "3:2")]
    [InlineData(4.0, "4:1")]
    [InlineData(5.0, "5:1")]
    [InlineData(10.0, "10:1")]
    [InlineData(20.0, "20:1")]
    [InlineData(0.5, "1:2")]
    [InlineData(0.1, "1:10")]
    [InlineData(1 / 1.5, "2:3")]
    [InlineData(0.05, "1:20")]
    public void Clean_UnadjustedSplitOvernight_ReportedWithDateAndRatio(double ratio, string label)
    {
        var rows = RandomWalk(Monday, 4, seed: 50);
        Rescale(rows, 52, 1 / ratio);
        var r = Clean(rows);
        var split = Assert.Single(r.Report.Splits);
        Assert.Equal(Monday.AddDays(2), split.SessionDate);
        Assert.Equal(rows[52].TimeUtc, split.TimeUtc);
        Assert.Equal(ratio, split.NominalRatio, 12);
        Assert.Equal(label, split.Ratio);
        Assert.Equal(ratio, split.ObservedRatio, 1);
        Assert.False(split.Adjusted);
        Assert.Equal(rows[0].Close, r.Series.Close[0]);
        Assert.Empty(r.Report.Outliers.Jumps);
        Assert.Equal(0, r.Report.Score.Splits);
    }

    [Theory]
    [InlineData(1.049, 1)]
    [InlineData(1.051, 0)]
    [InlineData(0.951, 1)]
    [InlineData(0.949, 0)]
    public void Clean_RatioNearTolerance_MatchedOnlyInside(double deviation, int expected)
    {
        var rows = Zigzag(Monday, 4);
        double target = 2 * deviation;
        Rescale(rows, 26, rows[25].Close / (rows[26].Close * target));
        Assert.Equal(expected, Clean(rows).Report.Splits.Count);
    }

    [Fact]
    public void Clean_OrdinaryLargeGap_IsNoSplit()
    {
        var rows = RandomWalk(Monday, 4, seed: 51);
        Rescale(rows, 52, 1 / 1.3);
        var r = Clean(rows);
        Assert.Empty(r.Report.Splits);
        Assert.Single(r.Report.Outliers.Jumps);
    }

    [Fact]
    public void Clean_HalvingInsideASession_IsAJumpNotASplit()
    {
        var rows = RandomWalk(Monday, 4, seed: 52);
        Rescale(rows, 60, 0.5);
        var r = Clean(rows);
        Assert.Empty(r.Report.Splits);
        Assert.Equal(rows[60].TimeUtc, Assert.Single(r.Report.Outliers.Jumps).TimeUtc);
    }

    [Fact]
    public void Clean_OpeningPrintAtHalfThatDoesNotHold_IsNoSplit()
    {
        var rows = RandomWalk(Monday, 4, seed: 53);
        var b = rows[52];
        rows[52] = b with { Open = b.Open / 2, Low = b.Open / 2 };
        Assert.Empty(Clean(rows).Report.Splits);
    }

    [Fact]
    public void Clean_SplitWithAdjustPolicy_ScalesEarlierPricesAndVolumes()
    {
        var rows = RandomWalk(Monday, 4, seed: 54);
        Rescale(rows, 52, 0.5);
        var r = Clean(rows, new BarCleanerOptions { Splits = SplitPolicy.Adjust });
        var split = Assert.Single(r.Report.Splits);
        Assert.True(split.Adjusted);
        Assert.Equal(rows[0].Close / 2, r.Series.Close[0], 12);
        Assert.Equal(rows[0].Volume * 2, r.Series.Volume[0], 12);
        Assert.Equal(rows[51].High / 2, r.Series.High[51], 12);
        Assert.Equal(rows[52].Close, r.Series.Close[52]);
        Assert.Equal(rows[52].Volume, r.Series.Volume[52]);
        Assert.Empty(r.Report.Outliers.Jumps);
        Assert.Equal(QualityScorer.AdjustedSplitCredit, r.Report.Score.Splits);
    }

    [Fact]
    public void Clean_TwoSplitsWithAdjustPolicy_EarliestBarsGetTheProduct()
    {
        var rows = RandomWalk(Monday, 5, seed: 55);
        Rescale(rows, 26, 0.5);
        Rescale(rows, 78, 1.0 / 3);
        var r = Clean(rows, new BarCleanerOptions { Splits = SplitPolicy.Adjust });
        Assert.Equal(["2:1", "3:1"], r.Report.Splits.Select(s => s.Ratio));
        Assert.Equal(rows[0].Close / 6, r.Series.Close[0], 12);
        Assert.Equal(rows[30].Close / 3, r.Series.Close[30], 12);
        Assert.Equal(rows[80].Close, r.Series.Close[80], 12);
    }

    [Fact]
    public void SplitDetector_Label_WritesSmallestIntegerRatio()
    {
        Assert.Equal("2:1", SplitDetector.Label(2));
        Assert.Equal("3:2", SplitDetector.Label(1.5));
        Assert.Equal("1:10", SplitDetector.Label(0.1));
        Assert.Equal("2:3", SplitDetector.Label(1 / 1.5));
    }

    /// <summary>Multiplies prices from <paramref name="from"/> on by <paramref name="factor"/> and volumes by its inverse.</summary>
    private static void Rescale(List<Bar> rows, int from, double factor)
    {
        for (int i = from; i < rows.Count; i++)
        {
            var b = rows[i];
            rows[i] = new Bar(b.TimeUtcTicks, b.Open * factor, b.High * factor, b.Low * factor, b.Close * factor, b.Volume / factor);
        }
    }
}
