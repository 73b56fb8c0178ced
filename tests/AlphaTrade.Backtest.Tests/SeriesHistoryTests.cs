using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

public sealed class SeriesHistoryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(500)]
    public void FeedHistory_AfterEverySlice_ShowsWhatACopyingHistoryShows(int capacity)
    {
        var starts = BarStarts(new DateOnly(2024, 1, 2), 3);
        var a = RandomWalk("A", starts, 1);
        // B misses every third bar and C starts late: slices differ in which symbols they hold.
        var b = RandomWalk("B", starts.Where((_, i) => i % 3 != 1).ToList(), 2);
        var c = RandomWalk("C", starts.Skip(20).ToList(), 3);
        var from = new DateTime(starts[5], DateTimeKind.Utc);
        var feed = new BarSeriesFeed([a, b, c], from);
        var history = feed.CreateHistory(capacity);
        var copy = new MarketHistory(feed.Symbols, capacity);
        var slice = new BarSlice(3);
        AssertSame(copy, history);
        int steps = 0;
        while (feed.TryReadNext(slice))
        {
            history.Append(slice);
            copy.Append(slice);
            AssertSame(copy, history);
            steps++;
        }

        Assert.Equal(starts.Count - 5, steps);
        Assert.Equal(Math.Min(capacity, starts.Count - 5), history.Length(0));
    }

    [Fact]
    public void Feed_AlignedSeries_SameSlicesAsTheGeneralMerge()
    {
        // Three series with the same bar times take the aligned path; adding a fourth with a gap forces the general merge.
        var starts = BarStarts(new DateOnly(2024, 1, 2), 12); // > one 256-row block
        BarSeries[] aligned = [RandomWalk("A", starts, 1), RandomWalk("B", starts, 2), RandomWalk("C", starts, 3)];
        var gappy = RandomWalk("D", starts.Where((_, i) => i != 40).ToList(), 4);
        var fast = new BarSeriesFeed(aligned);
        var general = new BarSeriesFeed([.. aligned, gappy]);
        var a = new BarSlice(3);
        var g = new BarSlice(4);
        int steps = 0;
        while (fast.TryReadNext(a))
        {
            Assert.True(general.TryReadNext(g));
            Assert.Equal(g.StartUtcTicks, a.StartUtcTicks);
            Assert.Equal([0, 1, 2], a.Symbols.ToArray());
            Assert.Equal(g.Symbols.ToArray().Where(id => id < 3), a.Symbols.ToArray());
            for (int id = 0; id < 3; id++)
            {
                Assert.True(a.Has(id));
                Assert.Equal(g.GetBar(id), a.GetBar(id));
                Assert.Equal(g.Flags[id], a.Flags[id]);
            }

            Assert.Equal(steps != 40, g.Has(3));
            steps++;
        }

        Assert.Equal(starts.Count, steps);
        Assert.Equal(0, fast.RemainingBars);
    }

    [Fact]
    public void FeedHistory_AfterTheFirstRead_IsRefused()
    {
        var feed = new BarSeriesFeed([RandomWalk("A", BarStarts(new DateOnly(2024, 1, 2), 1), 1)]);
        Assert.True(feed.TryReadNext(new BarSlice(1)));
        Assert.Throws<InvalidOperationException>(() => feed.CreateHistory(10));
    }

    private static void AssertSame(IMarketView expected, IMarketView actual)
    {
        Assert.Equal(expected.Capacity, actual.Capacity);
        for (int s = 0; s < expected.Symbols.Count; s++)
        {
            Assert.Equal(expected.Length(s), actual.Length(s));
            Assert.Equal(expected.Time(s).ToArray(), actual.Time(s).ToArray());
            Assert.Equal(expected.Open(s).ToArray(), actual.Open(s).ToArray());
            Assert.Equal(expected.High(s).ToArray(), actual.High(s).ToArray());
            Assert.Equal(expected.Low(s).ToArray(), actual.Low(s).ToArray());
            Assert.Equal(expected.Close(s).ToArray(), actual.Close(s).ToArray());
            Assert.Equal(expected.Volume(s).ToArray(), actual.Volume(s).ToArray());
            Assert.Equal(expected.LastClose(s), actual.LastClose(s));
        }
    }
}
