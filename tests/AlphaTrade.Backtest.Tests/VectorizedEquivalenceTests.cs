using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

/// <summary>The reference crossover in both engines gives identical trades and equity (participation cap off).</summary>
public sealed class VectorizedEquivalenceTests
{
    private static List<BarSeries> Market(int symbols, int sessions, bool withGaps)
    {
        var starts = BarStarts(new DateOnly(2024, 2, 1), sessions);
        var list = new List<BarSeries>();
        for (int i = 0; i < symbols; i++)
        {
            var s = RandomWalk("V" + i, starts, 900 + i, 20 + (25 * i));
            if (withGaps && i % 2 == 1)
            {
                var rng = new Random(i);
                var gappy = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
                for (int k = 0; k < s.Count; k++)
                {
                    if (rng.NextDouble() > 0.1)
                    {
                        gappy.Add(s[k]);
                    }
                }

                s = gappy;
            }

            list.Add(s);
        }

        return list;
    }

    public static TheoryData<SlippageKind, bool, bool, int> Cases => new()
    {
        { SlippageKind.FixedBps, true, false, 6 },
        { SlippageKind.FixedBps, false, false, 6 },
        { SlippageKind.HalfSpread, true, false, 6 },
        { SlippageKind.SqrtImpact, true, false, 6 },
        { SlippageKind.FixedBps, true, true, 6 },
        { SlippageKind.FixedBps, true, true, 70 }, // more symbols than one 64-bit mask of weight changes holds
    };

    [Fact]
    public void TargetWeights_IntoReusedBuffer_EqualFreshMatrixAndOverwriteEveryCell()
    {
        var aligned = AlignedBars.Create(Market(5, 12, withGaps: true));
        var first = new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 9, AllowShort = true, Weight = 0.2 };
        var second = new SmaCrossoverParameters { FastPeriod = 7, SlowPeriod = 30, AllowShort = false, Weight = 0.1 };
        var buffer = new double[aligned.Cells];
        Array.Fill(buffer, double.NaN);

        SmaCrossoverStrategy.TargetWeights(aligned, first, buffer);
        Assert.Equal(SmaCrossoverStrategy.TargetWeights(aligned, first), buffer);
        SmaCrossoverStrategy.TargetWeights(aligned, second, buffer);
        var fresh = SmaCrossoverStrategy.TargetWeights(aligned, second);

        Assert.Equal(fresh, buffer);
        Assert.Contains(fresh, w => w != 0);
        Assert.Throws<ArgumentException>(() => SmaCrossoverStrategy.TargetWeights(aligned, second, new double[aligned.Cells - 1]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceCrossover_BothEngines_IdenticalTradesAndEquity(SlippageKind slippage, bool allowShort, bool withGaps, int symbols)
    {
        var bars = Market(symbols, 30, withGaps);
        var p = new SmaCrossoverParameters { FastPeriod = 5, SlowPeriod = 20, AllowShort = allowShort, Weight = 0.9 / symbols };
        var costs = CostOptions.Default with { Slippage = slippage, CashInterestAnnual = 0.03m };

        var ev = Backtester.Run(new BacktestSpec
        {
            Bars = bars,
            Calendar = Cal,
            Strategies = [new SmaCrossoverStrategy(p)],
            Costs = costs,
            Venue = NoCap,
        });

        var aligned = AlignedBars.Create(bars);
        var vec = VectorizedBacktester.Run(new VectorizedSpec
        {
            Bars = aligned,
            TargetWeights = SmaCrossoverStrategy.TargetWeights(aligned, p),
            Calendar = Cal,
            Costs = costs,
            Venue = NoCap,
            StrategyName = p.Name,
        });

        Assert.True(ev.Fills.Count > 50, "the scenario should trade");
        Assert.Equal(ev.Fills.Select(f => f.Fill), vec.Fills.Select(f => f.Fill));
        Assert.Equal(ev.Trades, vec.Trades);
        Assert.Equal(ev.Orders.Select(Strip), vec.Orders.Select(Strip));
        Assert.Equal(ev.Daily, vec.Daily);
        Assert.Equal(ev.FinalEquity, vec.FinalEquity);
        Assert.Equal(ev.Equity.Count, vec.Equity.Count);
        Assert.True(ev.Equity.TimeUtcTicks.SequenceEqual(vec.Equity.TimeUtcTicks));
        var a = ev.Equity.Equity;
        var b = vec.Equity.Equity;
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * Math.Abs(a[i]), $"equity differs at {i}: {a[i]} vs {b[i]}");
        }
    }

    private static OrderReport Strip(OrderReport o) => o with { Strategy = "x" };
}
