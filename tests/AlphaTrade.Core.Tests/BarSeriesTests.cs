using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Tests;

public class BarSeriesTests
{
    private static BarSeries Make(int n)
    {
        var s = new BarSeries("AAPL", TimeFrame.FifteenMinutes);
        var t0 = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc).Ticks;
        for (int i = 0; i < n; i++)
        {
            s.Add(t0 + (i * TimeSpan.TicksPerMinute * 15), 100 + i, 101 + i, 99 + i, 100.5 + i, 1000 * (i + 1));
        }

        return s;
    }

    [Fact]
    public void Add_GrowsColumnsAndKeepsValues()
    {
        var s = Make(100);
        Assert.Equal(100, s.Count);
        Assert.True(s.Capacity >= 100);
        Assert.Equal(199.5, s.Close[99]);
        Assert.Equal(100_000, s.Volume[99]);
        Assert.Equal(100, s.Time.Length);
    }

    [Fact]
    public void Slice_CopiesTheRange()
    {
        var s = Make(10).Slice(3, 4);
        Assert.Equal(4, s.Count);
        Assert.Equal(103, s.Open[0]);
        Assert.Equal(106, s.Open[3]);
    }

    [Fact]
    public void LowerBound_FindsFirstBarAtOrAfter()
    {
        var s = Make(10);
        Assert.Equal(0, s.LowerBound(s.Time[0] - 1));
        Assert.Equal(4, s.LowerBound(s.Time[4]));
        Assert.Equal(5, s.LowerBound(s.Time[4] + 1));
        Assert.Equal(10, s.LowerBound(long.MaxValue));
    }

    [Fact]
    public void Clear_KeepsCapacityForReuse()
    {
        var s = Make(50);
        int cap = s.Capacity;
        s.Clear();
        Assert.Equal(0, s.Count);
        Assert.Equal(cap, s.Capacity);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Make(3)[3]);

    [Fact]
    public void Bar_IsConsistent_DetectsHighBelowClose()
    {
        Assert.True(new Bar(0, 10, 11, 9, 10.5, 100).IsConsistent);
        Assert.False(new Bar(0, 10, 10.2, 9, 10.5, 100).IsConsistent);
        Assert.False(new Bar(0, 10, 11, 9, 10.5, -1).IsConsistent);
        Assert.False(new Bar(0, 0, 11, 9, 10.5, 1).IsConsistent);
    }
}
