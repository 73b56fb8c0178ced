using AlphaTrade.Backtest.Reference;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

public sealed class FeedAndReferenceTests
{
    [Fact]
    public void Feed_TwoSeries_MergedInTimeOrderWithSharedSteps()
    {
        var a = Series("A", (Et(2, 9, 30), 1, 1, 1, 1, 1), (Et(2, 10, 0), 2, 2, 2, 2, 1));
        var b = Series("B", (Et(2, 9, 45), 3, 3, 3, 3, 1), (Et(2, 10, 0), 4, 4, 4, 4, 1));
        var feed = new BarSeriesFeed([a, b]);
        var slice = new BarSlice(2);
        var steps = new List<(long, string)>();
        while (feed.TryReadNext(slice))
        {
            steps.Add((slice.StartUtcTicks, string.Join(",", slice.Symbols.ToArray().Select(i => feed.Symbols[i] + "=" + slice.Close[i]))));
        }

        Assert.Equal([(Et(2, 9, 30), "A=1"), (Et(2, 9, 45), "B=3"), (Et(2, 10, 0), "A=2,B=4")], steps);
        Assert.False(feed.TryPeekNextStart(out _));
    }

    [Fact]
    public void Feed_Window_KeepsBarsInFromToRange()
    {
        var a = Series("A", (Et(2, 9, 30), 1, 1, 1, 1, 1), (Et(2, 9, 45), 2, 2, 2, 2, 1), (Et(2, 10, 0), 3, 3, 3, 3, 1));
        var feed = new BarSeriesFeed([a], new DateTime(Et(2, 9, 45), DateTimeKind.Utc), new DateTime(Et(2, 10, 0), DateTimeKind.Utc));
        Assert.Equal(1, feed.RemainingBars);
    }

    [Fact]
    public void Feed_TimesNotAscending_ThrowsInputException()
    {
        var a = Series("A", (Et(2, 9, 45), 1, 1, 1, 1, 1), (Et(2, 9, 30), 2, 2, 2, 2, 1));
        var ex = Assert.Throws<InputException>(() => new BarSeriesFeed([a]));
        Assert.Contains("not after the previous bar", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RollingMean_StreamOfValues_MatchesNaiveMeanAfterManyWraps()
    {
        var m = new RollingMean(7);
        var rng = new Random(3);
        var values = new List<double>();
        for (int i = 0; i < 10_000; i++)
        {
            double v = 1e6 + (rng.NextDouble() * 1000);
            values.Add(v);
            m.Add(v);
            if (i >= 6)
            {
                Assert.Equal(values.Skip(i - 6).Take(7).Average(), m.Value, 1e-6);
            }
        }

        Assert.True(m.IsReady);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void RollingMeans_PerSymbolStreams_EqualOneRollingMeanEachBitForBit(int period)
    {
        const int symbols = 5;
        var bank = new RollingMeans(symbols, period);
        var single = Enumerable.Range(0, symbols).Select(_ => new RollingMean(period)).ToArray();
        var rng = new Random(11);
        for (int i = 0; i < 5_000; i++)
        {
            int s = rng.Next(symbols);
            double v = 100 + (rng.NextDouble() * 50);
            bank.Add(s, v);
            single[s].Add(v);
            Assert.Equal(single[s].IsReady, bank.IsReady(s));
            Assert.Equal(BitConverter.DoubleToInt64Bits(single[s].Value), BitConverter.DoubleToInt64Bits(bank.Value(s)));
        }

        Assert.True(double.IsNaN(new RollingMeans(2, period).Value(1)));
    }

    [Fact]
    public void Crossover_FixedShares_TradesOnlyOnStateChanges()
    {
        var starts = BarStarts(new DateOnly(2024, 1, 2), 8);
        var bars = RandomWalk("AAA", starts, 5);
        var r = Run([bars], new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 10, Sizing = CrossoverSizing.FixedShares, Shares = 100 }));
        Assert.NotEmpty(r.Fills);
        Assert.All(r.Fills, f => Assert.Equal(100, f.Fill.Quantity)); // long-only 0 ↔ 100
        long pos = 0;
        foreach (var f in r.Fills)
        {
            pos += f.Fill.SignedQuantity;
            Assert.InRange(pos, 0, 100);
        }
    }

    [Fact]
    public void ShortHeldOvernight_AccruesBorrowFeeIntoDailyAndTrade()
    {
        var bars = Series("AAA",
            (Et(5, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(5, 9, 45), 100, 100.5, 99.5, 100, 1e6),
            (Et(5, 15, 45), 100, 100.5, 99.5, 100, 1e6),
            (Et(8, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(8, 9, 45), 100, 100.5, 99.5, 100, 1e6));
        var s = new Script()
            .On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Sell, 1000)))
            .On(3, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 1000)));
        var r = Run([bars], s, CostOptions.Free with { BorrowFeeAnnual = 0.036m });
        Assert.Equal(30.00m, r.Daily[0].BorrowFee); // Friday: 100,000 × 3.6% × 3 / 360
        Assert.Equal(0m, r.Daily[1].BorrowFee);
        var trade = Assert.Single(r.Trades);
        Assert.Equal(TradeDirection.Short, trade.Direction);
        Assert.Equal(30.00m, trade.Costs);
        Assert.Equal(-30.00m, trade.NetPnl);
        Assert.Equal(1_000_000m - 30m, r.FinalEquity);
    }

    [Fact]
    public void OvernightBeyondTwoTimes_RecordsMarginCall()
    {
        var bars = Series("AAA",
            (Et(2, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 9, 45), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 15, 45), 100, 100.5, 99.5, 100, 1e6));
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 3000))); // 300k on 100k: fine intraday (4×)
        var r = Run([bars], s, capital: 100_000m, margin: MarginPolicy.RegT);
        Assert.Single(r.Fills);
        var call = Assert.Single(r.MarginCalls);
        Assert.Equal(300_000m, call.GrossExposure);
    }

    [Fact]
    public void Pnl_TotalNet_EqualsEquityChangeAndSumsOverSymbolsAndStrategies()
    {
        var starts = BarStarts(new DateOnly(2024, 1, 2), 6);
        var bars = new List<BarSeries> { RandomWalk("A", starts, 1), RandomWalk("B", starts, 2) };
        var r = Run(bars, new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 9, AllowShort = true }),
            CostOptions.Default);
        Assert.Equal(r.FinalEquity - r.InitialCapital, r.TotalPnl.NetPnl);
        Assert.Equal(r.TotalPnl.NetPnl - r.TotalPnl.Interest, r.SymbolPnl.Sum(p => p.NetPnl));
        Assert.Equal(r.TotalPnl.NetPnl - r.TotalPnl.Interest, r.StrategyPnl.Sum(p => p.NetPnl));
        Assert.Equal(r.Fills.Sum(f => f.Fill.Commission), r.TotalPnl.Commission);
        Assert.Equal(r.Trades.Sum(t => t.GrossPnl) + r.OpenTrades.Sum(t => t.GrossPnl), r.TotalPnl.RealizedPnl);
    }
}
