using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class OutlierTests
{
    private const double Step = 0.001;
    private const double Sigma = RobustStatistics.MadToSigma * Step;

    [Fact]
    public void Clean_SpikeThatComesBackNextBar_FlaggedAsOneBarBadTick()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, 20 * Sigma);
        var r = Clean(rows);
        var tick = Assert.Single(r.Report.Outliers.BadTicks);
        Assert.Equal(rows[100].TimeUtc, tick.TimeUtc);
        Assert.Equal(1, tick.Bars);
        Assert.Equal(20, tick.ZScore, 6);
        Assert.Equal(1, r.Report.Outliers.BadTickBars);
        Assert.Empty(r.Report.Outliers.Jumps);
        Assert.Equal(BarFlags.Outlier, r.Series.Flags[100]);
        Assert.Equal(rows[100].Close, r.Series.Close[100]);
    }

    [Fact]
    public void Clean_DownwardSpike_FlaggedToo()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 57, -30 * Sigma);
        var r = Clean(rows);
        Assert.Equal(rows[57].TimeUtc, Assert.Single(r.Report.Outliers.BadTicks).TimeUtc);
    }

    [Theory]
    [InlineData(7.9, 0)]
    [InlineData(8.1, 1)]
    public void Clean_SpikeNearThreshold_FlaggedOnlyAboveIt(double z, int expected)
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, z * Sigma);
        var r = Clean(rows);
        Assert.Equal(expected, r.Report.Outliers.BadTickBars);
        Assert.Empty(r.Report.Outliers.Jumps);
    }

    [Fact]
    public void Clean_LowerThresholdSetting_FlagsSmallerSpike()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, 6 * Sigma);
        Assert.Equal(0, Clean(rows).Report.Outliers.BadTickBars);
        Assert.Equal(1, Clean(rows, new BarCleanerOptions { OutlierThreshold = 5 }).Report.Outliers.BadTickBars);
    }

    [Fact]
    public void Clean_TwoBarExcursion_OneBadTickSpanningTwoBars()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        double away = rows[99].Close * Math.Exp(25 * Sigma);
        rows[100] = rows[100].WithPrice(away);
        rows[101] = rows[101].WithPrice(away);
        var r = Clean(rows);
        var tick = Assert.Single(r.Report.Outliers.BadTicks);
        Assert.Equal(2, tick.Bars);
        Assert.Equal(BarFlags.Outlier, r.Series.Flags[100]);
        Assert.Equal(BarFlags.Outlier, r.Series.Flags[101]);
        Assert.Equal(BarFlags.None, r.Series.Flags[102]);
    }

    [Fact]
    public void Clean_ThreeBarExcursion_IsTwoJumpsByDefaultAndABadTickWhenAllowed()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        double away = rows[99].Close * Math.Exp(25 * Sigma);
        for (int i = 100; i < 103; i++)
        {
            rows[i] = rows[i].WithPrice(away);
        }

        var byDefault = Clean(rows).Report.Outliers;
        Assert.Equal(0, byDefault.BadTickBars);
        Assert.Equal([rows[100].TimeUtc, rows[103].TimeUtc], byDefault.Jumps.Select(j => j.TimeUtc));

        var allowed = Clean(rows, new BarCleanerOptions { BadTickMaxBars = 3 }).Report.Outliers;
        Assert.Equal(3, Assert.Single(allowed.BadTicks).Bars);
        Assert.Empty(allowed.Jumps);
    }

    [Fact]
    public void Clean_JumpThatHolds_ReportedAsJumpAndNotFlagged()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        double factor = Math.Exp(40 * Sigma);
        for (int i = 120; i < rows.Count; i++)
        {
            rows[i] = rows[i].WithPrice(rows[i].Close * factor);
        }

        var r = Clean(rows);
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        var jump = Assert.Single(r.Report.Outliers.Jumps);
        Assert.Equal(rows[120].TimeUtc, jump.TimeUtc);
        Assert.False(jump.Overnight);
        Assert.True(jump.ZScore > 8);
        Assert.DoesNotContain(r.Series.Flags.ToArray(), f => f != BarFlags.None);
        Assert.Equal(1.0, r.Report.Score.Outliers);
    }

    [Fact]
    public void Clean_PartialReversion_IsAJumpNotABadTick()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, 30 * Sigma);
        double partway = rows[99].Close * Math.Exp(18 * Sigma); // 60 % of the excursion is kept: more than half
        for (int i = 101; i < rows.Count; i++)
        {
            rows[i] = rows[i].WithPrice(rows[i].Close * (partway / rows[99].Close));
        }

        var r = Clean(rows);
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        Assert.Contains(r.Report.Outliers.Jumps, j => j.TimeUtc == rows[100].TimeUtc);
    }

    [Fact]
    public void Clean_CloseOnlyBadPrint_FlaggedBecauseNextBarOpensBackAtTheTrueLevel()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        var b = rows[100];
        double bad = b.Close * 1.1;
        rows[100] = b with { High = bad, Close = bad }; // opens where it should, prints a wrong close
        var r = Clean(rows);
        Assert.Equal(rows[100].TimeUtc, Assert.Single(r.Report.Outliers.BadTicks).TimeUtc);
    }

    [Fact]
    public void Clean_WhipsawTradedThroughItsBars_IsTwoJumpsNotABadTick()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        double before = rows[99].Close, away = before * Math.Exp(20 * Sigma), after = rows[101].Close;
        rows[100] = new Bar(rows[100].TimeUtcTicks, before, away, before, away, 1000);
        rows[101] = new Bar(rows[101].TimeUtcTicks, away, away, after, after, 1000);
        var r = Clean(rows);
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        Assert.Equal([rows[100].TimeUtc, rows[101].TimeUtc], r.Report.Outliers.Jumps.Select(j => j.TimeUtc));

        var noGapTest = Clean(rows, new BarCleanerOptions { BadTickGapFraction = 0 });
        Assert.Equal(1, noGapTest.Report.Outliers.BadTickBars);
    }

    [Fact]
    public void Clean_LastBarOfSessionTradedAwayAndNextSessionOpeningBack_IsNotABadTick()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        int last = 51; // last bar of the second session
        double before = rows[last - 1].Close, away = before * Math.Exp(20 * Sigma);
        rows[last] = new Bar(rows[last].TimeUtcTicks, before, away, before, away, 1000);
        var r = Clean(rows);
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        Assert.Contains(r.Report.Outliers.Jumps, j => j.TimeUtc == rows[last].TimeUtc);
    }

    [Fact]
    public void Clean_BadTickWithReplacePolicy_ReplacedByLastGoodClose()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, 20 * Sigma);
        var r = Clean(rows, new BarCleanerOptions { Outliers = OutlierPolicy.Replace });
        Assert.Equal(1, r.Report.Outliers.Replaced);
        Assert.Equal(BarFlags.Outlier | BarFlags.Repaired, r.Series.Flags[100]);
        var good = rows[99].Close;
        Assert.Equal(new Bar(rows[100].TimeUtcTicks, good, good, good, good, rows[100].Volume), r.Series[100]);
    }

    [Fact]
    public void Clean_BadTickWithDropPolicy_RemovedAndCountedMissing()
    {
        var rows = Zigzag(Monday, 10, step: Step);
        Spike(rows, 100, 20 * Sigma);
        var r = Clean(rows, new BarCleanerOptions { Outliers = OutlierPolicy.Drop });
        Assert.Equal(1, r.Report.Outliers.Dropped);
        Assert.Equal(rows.Count - 1, r.Series.Count);
        Assert.Equal(-1, r.Series.Time.IndexOf(rows[100].TimeUtcTicks));
        Assert.Equal(1, r.Report.Gaps.MissingBars);
    }

    [Fact]
    public void Clean_SpikeInCalmStretchOfVolatileSeries_FoundByRollingWindowOnly()
    {
        // 10 calm sessions (±0.1 %) then 10 wild ones (±1 %): over the whole series the scale is dominated by
        // the wild half and a 2 % spike in the calm half looks ordinary; a rolling window judges it by its
        // neighbours.
        var rows = Zigzag(Monday, 20, step: Step);
        for (int i = 260; i < rows.Count; i++)
        {
            double level = rows[259].Close;
            rows[i] = rows[i].WithPrice(((i - 259) & 1) == 1 ? level * Math.Exp(0.01) : level);
        }

        Spike(rows, 100, 0.02);
        var rolling = Clean(rows, new BarCleanerOptions { OutlierWindow = 200 }).Report.Outliers;
        Assert.Equal(rows[100].TimeUtc, Assert.Single(rolling.BadTicks).TimeUtc);
        var whole = Clean(rows, new BarCleanerOptions { OutlierWindow = 0 }).Report.Outliers;
        Assert.Equal(0, whole.BadTickBars);
    }

    [Fact]
    public void Clean_RandomWalk_HasNoOutliers()
    {
        var r = Clean(RandomWalk(Monday, 60, seed: 40));
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        Assert.Empty(r.Report.Outliers.Jumps);
    }

    [Fact]
    public void Clean_VolatileSecondBarOfEverySession_IsScaledByTimeOfDayNotReportedAsJumps()
    {
        // Bar 1 of every session moves ~8x more than the rest, as real opens do. Against the all-day scale its
        // ordinary moves would be 10-20 sigma; against its own time-of-day scale they are ordinary.
        var rng = new Random(41);
        var rows = new List<Bar>();
        double price = 100;
        foreach (var s in Nyse.Sessions(Monday, Monday.AddDays(120)).Take(60))
        {
            for (int j = 0; j < 26; j++)
            {
                double sigma = j == 1 ? 0.008 : 0.001;
                double open = price;
                price *= Math.Exp(sigma * ((2 * rng.NextDouble()) - 1) * 1.7);
                rows.Add(new Bar(Slot(s.Date, j), open, Math.Max(open, price), Math.Min(open, price), price, 1000));
            }
        }

        var r = Clean(rows).Report;
        Assert.Empty(r.Outliers.Jumps);
        Assert.Equal(0, r.Outliers.BadTickBars);

        // A move of that size at midday is an outlier (here a bad print: the next bar opens back at the old level).
        var midday = rows.ToList();
        int at = (26 * 30) + 13;
        double prev = midday[at - 1].Close, moved = prev * 1.02;
        midday[at] = new Bar(midday[at].TimeUtcTicks, prev, moved, prev, moved, 1000);
        Assert.Equal(midday[at].TimeUtc, Assert.Single(Clean(midday).Report.Outliers.BadTicks).TimeUtc);
    }

    [Fact]
    public void Clean_DailyBarsWithOneBadDay_FlaggedWithoutTheIntradayGapTest()
    {
        var rows = Zigzag(Monday, 101, step: 0.01, timeFrame: AlphaTrade.Core.Time.TimeFrame.Daily);
        Spike(rows, 50, 0.3);
        var r = Clean(rows, timeFrame: AlphaTrade.Core.Time.TimeFrame.Daily).Report;
        Assert.Equal(rows[50].TimeUtc, Assert.Single(r.Outliers.BadTicks).TimeUtc);
        Assert.Equal(0, r.Gaps.MissingBars);
    }

    [Fact]
    public void RobustStatistics_KnownValues_MedianAndScale()
    {
        double[] odd = [5, 1, 4, 2, 3];
        Assert.Equal(3, RobustStatistics.Median(odd));
        double[] even = [10, 1, 3, 2];
        Assert.Equal(2.5, RobustStatistics.Median(even));
        double[] values = [1, 2, 3, 4, 100];
        var (median, scale) = RobustStatistics.MedianAndScale(values);
        Assert.Equal(3, median);
        Assert.Equal(1.4826, scale, 12);
    }

    private static void Spike(List<Bar> rows, int index, double logReturn) =>
        rows[index] = rows[index].WithPrice(rows[index - 1].Close * Math.Exp(logReturn));
}
