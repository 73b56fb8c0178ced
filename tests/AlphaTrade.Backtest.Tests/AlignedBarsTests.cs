using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Market;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

public sealed class AlignedBarsTests
{
    private static List<BarSeries> GappyMarket(int seed)
    {
        var starts = BarStarts(new DateOnly(2024, 3, 1), 30); // 780 steps: the feed transposes 256 at a time
        var rng = new Random(seed);
        var list = new List<BarSeries>();
        for (int i = 0; i < 7; i++)
        {
            var full = RandomWalk("G" + i, starts, seed + i, 30 + i);
            var s = new BarSeries(full.Symbol, full.TimeFrame, full.Count);
            double keep = i == 0 ? 1.0 : 0.6 + (0.4 * rng.NextDouble());
            int from = i == 3 ? 40 : 0; // one symbol starts late
            for (int k = from; k < full.Count; k++)
            {
                if (rng.NextDouble() < keep)
                {
                    s.Add(full[k]);
                }
            }

            list.Add(s);
        }

        return list;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Create_GappySeries_EqualsTheFeedStepByStep(int seed, bool window)
    {
        // Independent reference: the event-driven feed's time-ordered merge.
        var market = GappyMarket(seed);
        DateTime? from = window ? new DateTime(Et(5, 11, 0, month: 3), DateTimeKind.Utc) : null;
        DateTime? to = window ? new DateTime(Et(12, 14, 0, month: 3), DateTimeKind.Utc) : null;
        var aligned = AlignedBars.Create(market, from, to);
        var feed = new BarSeriesFeed(market, from, to);
        var slice = new BarSlice(market.Count);
        int row = 0, n = market.Count;
        while (feed.TryReadNext(slice))
        {
            Assert.Equal(slice.StartUtcTicks, aligned.Times[row]);
            for (int s = 0; s < n; s++)
            {
                int at = (row * n) + s;
                Assert.Equal(slice.Has(s), aligned.Present[at]);
                if (slice.Has(s))
                {
                    Assert.Equal(slice.Open[s], aligned.Open[at]);
                    Assert.Equal(slice.High[s], aligned.High[at]);
                    Assert.Equal(slice.Low[s], aligned.Low[at]);
                    Assert.Equal(slice.Close[s], aligned.Close[at]);
                    Assert.Equal(slice.Volume[s], aligned.Volume[at]);
                    Assert.Equal(slice.Flags[s], aligned.Flags[at]);
                }
                else
                {
                    Assert.True(double.IsNaN(aligned.Close[at]) && double.IsNaN(aligned.Open[at]));
                }
            }

            row++;
        }

        Assert.Equal(row, aligned.Rows);
        Assert.True(row > 50);
    }

    [Fact]
    public void TradableOpen_IsTheOpenOfEveryFillableBarAndNaNElsewhere()
    {
        // Every fourth bar of each series gets something that makes it unfillable (an outlier or filled flag, extended
        // hours, zero volume); the rest keep their open. Absent cells are NaN.
        var market = new List<BarSeries>();
        foreach (var full in GappyMarket(5))
        {
            var s = new BarSeries(full.Symbol, full.TimeFrame, full.Count);
            for (int k = 0; k < full.Count; k++)
            {
                var bar = full[k];
                switch (k % 16)
                {
                    case 3: s.Add(bar, BarFlags.Outlier); break;
                    case 7: s.Add(bar, BarFlags.Filled); break;
                    case 11: s.Add(bar, BarFlags.ExtendedHours); break;
                    case 15: s.Add(bar with { Volume = 0 }); break;
                    default: s.Add(bar); break;
                }
            }

            market.Add(s);
        }

        var aligned = AlignedBars.Create(market);
        int fillable = 0, unfillable = 0;
        for (int at = 0; at < aligned.Cells; at++)
        {
            bool tradable = aligned.Present[at] && FillPricing.IsTradable(aligned.Open[at], aligned.High[at], aligned.Low[at],
                aligned.Close[at], aligned.Volume[at], aligned.Flags[at]);
            if (tradable)
            {
                Assert.Equal(aligned.Open[at], aligned.TradableOpen[at]);
                fillable++;
            }
            else
            {
                Assert.True(double.IsNaN(aligned.TradableOpen[at]));
                unfillable++;
            }
        }

        Assert.True(fillable > 1000 && unfillable > 500, $"{fillable} fillable, {unfillable} not");
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Feed_GappySeries_DeliversEveryBarOnceInTimeAndSymbolOrder(int seed, bool window)
    {
        // Independent reference: every bar in the window, grouped by start time, symbols in id order.
        var market = GappyMarket(seed);
        long from = window ? Et(5, 11, 0, month: 3) : long.MinValue;
        long to = window ? Et(28, 14, 0, month: 3) : long.MaxValue;
        var expected = market
            .SelectMany((s, id) => Enumerable.Range(0, s.Count).Select(k => (Id: id, Bar: s[k])))
            .Where(x => x.Bar.TimeUtcTicks >= from && x.Bar.TimeUtcTicks < to)
            .GroupBy(x => x.Bar.TimeUtcTicks)
            .OrderBy(g => g.Key)
            .ToList();
        var feed = new BarSeriesFeed(market, window ? new DateTime(from, DateTimeKind.Utc) : null, window ? new DateTime(to, DateTimeKind.Utc) : null);
        Assert.Equal(expected.Sum(g => g.Count()), feed.RemainingBars);
        var slice = new BarSlice(market.Count);
        long delivered = 0;
        foreach (var step in expected)
        {
            Assert.True(feed.TryPeekNextStart(out long next));
            Assert.Equal(step.Key, next);
            Assert.True(feed.TryReadNext(slice));
            Assert.Equal(step.Key, slice.StartUtcTicks);
            Assert.Equal(step.Select(x => x.Id).Order().ToArray(), slice.Symbols.ToArray());
            foreach (var (id, bar) in step)
            {
                Assert.Equal(bar.Open, slice.Open[id]);
                Assert.Equal(bar.High, slice.High[id]);
                Assert.Equal(bar.Low, slice.Low[id]);
                Assert.Equal(bar.Close, slice.Close[id]);
                Assert.Equal(bar.Volume, slice.Volume[id]);
            }

            delivered += step.Count();
            Assert.Equal(expected.Sum(g => g.Count()) - delivered, feed.RemainingBars);
        }

        Assert.False(feed.TryReadNext(slice));
        Assert.False(feed.TryPeekNextStart(out _));
        Assert.True(expected.Count > 300);
    }
}
