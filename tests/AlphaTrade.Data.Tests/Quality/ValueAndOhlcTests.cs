using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class ValueAndOhlcTests
{
    [Fact]
    public void Clean_NonFiniteValues_DroppedAndCounted()
    {
        var rows = RandomWalk(Monday, 1, seed: 10);
        rows[2] = rows[2] with { Close = double.NaN };
        rows[4] = rows[4] with { High = double.PositiveInfinity };
        rows[6] = rows[6] with { Volume = double.NaN };
        var r = Clean(rows);
        Assert.Equal(3, r.Report.InvalidValues.NonFinite);
        Assert.Equal(3, r.Report.InvalidValues.Dropped);
        Assert.Equal(rows.Count - 3, r.Series.Count);
        Assert.Equal(-1, r.Series.Time.IndexOf(rows[2].TimeUtcTicks));
    }

    [Fact]
    public void Clean_ZeroAndNegativePrices_DroppedAsNonPositive()
    {
        var rows = RandomWalk(Monday, 1, seed: 11);
        rows[2] = rows[2] with { Low = 0 };
        rows[4] = rows[4] with { Open = -1 };
        var r = Clean(rows);
        Assert.Equal(2, r.Report.InvalidValues.NonPositivePrice);
        Assert.Equal(0, r.Report.InvalidValues.NonFinite);
        Assert.Equal(rows.Count - 2, r.Series.Count);
    }

    [Fact]
    public void Clean_NegativeVolume_DroppedButZeroVolumeKept()
    {
        var rows = RandomWalk(Monday, 1, seed: 12);
        rows[2] = rows[2] with { Volume = -1 };
        rows[3] = rows[3] with { Volume = 0 };
        var r = Clean(rows);
        Assert.Equal(1, r.Report.InvalidValues.NegativeVolume);
        Assert.Equal(rows.Count - 1, r.Series.Count);
        Assert.Equal(0, r.Series.Volume[r.Series.LowerBound(rows[3].TimeUtcTicks)]);
    }

    [Fact]
    public void Clean_RowBreakingSeveralValueRules_CountsOnceUnderFirstRule()
    {
        var rows = RandomWalk(Monday, 1, seed: 13);
        rows[2] = new Bar(rows[2].TimeUtcTicks, double.NaN, -1, -1, -1, -5);
        var r = Clean(rows);
        Assert.Equal((1, 0, 0), (r.Report.InvalidValues.NonFinite, r.Report.InvalidValues.NonPositivePrice, r.Report.InvalidValues.NegativeVolume));
        Assert.Equal([rows[2].TimeUtc], r.Report.InvalidValues.Examples);
    }

    [Fact]
    public void Clean_HighBelowClose_RepairedAndFlagged()
    {
        var rows = RandomWalk(Monday, 1, seed: 14);
        var b = rows[3];
        rows[3] = new Bar(b.TimeUtcTicks, 100, 100.5, 99, 101, b.Volume);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Ohlc.HighBelowBody);
        Assert.Equal(0, r.Report.Ohlc.LowAboveBody);
        Assert.Equal([rows[3].TimeUtc], r.Report.Ohlc.Examples);
        Assert.Equal(1, r.Report.Ohlc.Repaired);
        Assert.Equal(101, r.Series.High[3]);
        Assert.Equal(99, r.Series.Low[3]);
        Assert.Equal(BarFlags.Repaired, r.Series.Flags[3]);
    }

    [Fact]
    public void Clean_LowAboveOpen_RepairedToOpen()
    {
        var rows = RandomWalk(Monday, 1, seed: 15);
        var b = rows[3];
        rows[3] = new Bar(b.TimeUtcTicks, 99, 101, 99.5, 100, b.Volume);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Ohlc.LowAboveBody);
        Assert.Equal(99, r.Series.Low[3]);
        Assert.Equal(101, r.Series.High[3]);
    }

    [Fact]
    public void Clean_HighBelowLow_SwappedByRepair()
    {
        var rows = RandomWalk(Monday, 1, seed: 16);
        var b = rows[3];
        rows[3] = new Bar(b.TimeUtcTicks, 100, 99, 101, 100.5, b.Volume);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Ohlc.HighBelowLow);
        Assert.Equal(1, r.Report.Ohlc.InconsistentBars);
        Assert.Equal(101, r.Series.High[3]);
        Assert.Equal(99, r.Series.Low[3]);
    }

    [Fact]
    public void Clean_HighEqualToCloseAndLowEqualToOpen_IsConsistent()
    {
        var rows = RandomWalk(Monday, 1, seed: 17);
        var b = rows[3];
        rows[3] = new Bar(b.TimeUtcTicks, 99, 101, 99, 101, b.Volume);
        var r = Clean(rows);
        Assert.Equal(0, r.Report.Ohlc.InconsistentBars);
        Assert.Equal(BarFlags.None, r.Series.Flags[3]);
    }

    [Fact]
    public void Clean_InconsistentBarUnderDropPolicy_Removed()
    {
        var rows = RandomWalk(Monday, 1, seed: 18);
        var b = rows[3];
        rows[3] = new Bar(b.TimeUtcTicks, 100, 100.5, 99, 101, b.Volume);
        var r = Clean(rows, new BarCleanerOptions { OhlcInconsistency = OhlcInconsistencyPolicy.Drop });
        Assert.Equal(1, r.Report.Ohlc.Dropped);
        Assert.Equal(0, r.Report.Ohlc.Repaired);
        Assert.Equal(rows.Count - 1, r.Series.Count);
        Assert.Equal(1, r.Report.Gaps.MissingBars);
    }

    [Fact]
    public void Clean_EveryOutputBar_IsConsistent()
    {
        var rows = RandomWalk(Monday, 3, seed: 19);
        var rng = new Random(19);
        for (int i = 0; i < rows.Count; i += 7)
        {
            var b = rows[i];
            rows[i] = b with { High = b.Low * (1 - (0.01 * rng.NextDouble())) };
        }

        var r = Clean(rows);
        Assert.True(r.Report.Ohlc.InconsistentBars > 0);
        for (int i = 0; i < r.Series.Count; i++)
        {
            Assert.True(r.Series[i].IsConsistent);
        }
    }
}
