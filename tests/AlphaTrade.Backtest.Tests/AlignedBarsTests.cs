using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Core.Market;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

public sealed class AlignedBarsTests
{
    private static List<BarSeries> GappyMarket(int seed)
    {
        var starts = BarStarts(new DateOnly(2024, 3, 1), 12);
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
}
