using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

/// <summary>
/// No look-ahead: changing every bar after t at random leaves every order decided up to t's close, and every fill up to
/// t, exactly as it was.
/// </summary>
public sealed class LookAheadTests
{
    private static List<BarSeries> Market(out List<long> starts)
    {
        starts = BarStarts(new DateOnly(2024, 3, 1), 12);
        var s = starts;
        return Enumerable.Range(0, 4).Select(i => RandomWalk("S" + i, s, 100 + i, 50 + (20 * i))).ToList();
    }

    private static List<BarSeries> PerturbAfter(List<BarSeries> original, long cut, int seed)
    {
        var rng = new Random(seed);
        var result = new List<BarSeries>();
        foreach (var s in original)
        {
            var p = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
            for (int i = 0; i < s.Count; i++)
            {
                var b = s[i];
                if (b.TimeUtcTicks <= cut)
                {
                    p.Add(b);
                    continue;
                }

                double f = 0.85 + (0.3 * rng.NextDouble());
                double o = Math.Round(b.Open * f, 2), c = Math.Round(b.Close * (0.85 + (0.3 * rng.NextDouble())), 2);
                double h = Math.Max(o, c) + Math.Round(rng.NextDouble(), 2), l = Math.Min(o, c) - Math.Round(rng.NextDouble(), 2);
                p.Add(b.TimeUtcTicks, o, h, l, c, Math.Round(b.Volume * (0.2 + (2 * rng.NextDouble()))));
            }

            result.Add(p);
        }

        return result;
    }

    private static RunResult Run(List<BarSeries> bars) => Backtester.Run(new BacktestSpec
    {
        Bars = bars,
        Calendar = Cal,
        Strategies =
        [
            new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 8, AllowShort = true }),
            new HistoryProbe(),
        ],
        Costs = CostOptions.Default with { Slippage = SlippageKind.SqrtImpact },
        Venue = new VenueOptions { ParticipationCap = 0.05, TouchFillProbability = 0.5, Seed = 7 },
        InitialCapital = 500_000m,
    });

    [Theory]
    [InlineData(40, 1)]
    [InlineData(130, 2)]
    [InlineData(222, 3)]
    [InlineData(290, 4)]
    public void PerturbingBarsAfterT_LeavesDecisionsUpToTUnchanged(int cutIndex, int seed)
    {
        var bars = Market(out var starts);
        long cut = starts[cutIndex];
        long decisionTime = cut + TimeFrame.FifteenMinutes.Duration.Ticks;
        var a = Run(bars);
        var b = Run(PerturbAfter(bars, cut, seed));

        static string Key(OrderReport o) => string.Join('|', o.OrderId, o.Strategy, o.Request.Symbol, o.Request.Side, o.Request.Quantity,
            o.Request.Type, o.Request.TimeInForce, o.Request.LimitPrice, o.Request.StopPrice, o.SubmittedUtcTicks);

        var ordersA = a.Orders.Where(o => o.SubmittedUtcTicks <= decisionTime).Select(Key).ToList();
        var ordersB = b.Orders.Where(o => o.SubmittedUtcTicks <= decisionTime).Select(Key).ToList();
        Assert.True(ordersA.Count > 5, "the scenario should trade before the cut");
        Assert.Equal(ordersA, ordersB);

        var fillsA = a.Fills.Where(f => f.Fill.TimeUtcTicks <= cut).Select(f => f.Fill).ToList();
        var fillsB = b.Fills.Where(f => f.Fill.TimeUtcTicks <= cut).Select(f => f.Fill).ToList();
        Assert.Equal(fillsA, fillsB);

        // And the perturbation did change the future, so the comparison is not vacuous.
        Assert.NotEqual(a.Orders.Select(Key), b.Orders.Select(Key));
    }
}
