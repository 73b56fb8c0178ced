using System.Globalization;
using System.Text;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

/// <summary>
/// The vectorized engine's exact scaled-integer accounting (built-in cost models) gives the decimal path's results to the
/// last digit and scale: the same run with the same models passed as custom <see cref="VectorizedSpec.CostModels"/> takes
/// the decimal ledger and recorder, and every record, decimal (as text, so 1.50 ≠ 1.5) and equity double must match.
/// </summary>
public sealed class VectorizedExactPathTests
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A random walk whose prices carry 0 to 4 decimals (so tick scales vary) and whose volume is small enough for the cap to bite.</summary>
    private static List<BarSeries> Market(int symbols, int sessions, bool withGaps, int seed)
    {
        var starts = BarStarts(new DateOnly(2024, 3, 1), sessions);
        var list = new List<BarSeries>();
        for (int i = 0; i < symbols; i++)
        {
            var rng = new Random(seed + i);
            var s = new BarSeries("X" + i, TimeFrame.FifteenMinutes, starts.Count);
            double price = 5 + (40 * i) + (rng.NextDouble() * 10);
            foreach (long t in starts)
            {
                if (withGaps && i % 2 == 1 && rng.NextDouble() < 0.1)
                {
                    continue;
                }

                int places = rng.Next(5);
                double open = Math.Round(price * (1 + (0.002 * (rng.NextDouble() - 0.5))), places);
                double close = Math.Round(open * (1 + (0.006 * (rng.NextDouble() - 0.5))), places);
                double high = Math.Max(open, close) + Math.Round(rng.NextDouble() * 0.05, 2);
                double low = Math.Min(open, close) - Math.Round(rng.NextDouble() * 0.05, 2);
                s.Add(t, open, high, low, close, Math.Round(200 + (4_000 * rng.NextDouble())));
                price = close;
            }

            list.Add(s);
        }

        return list;
    }

    public static TheoryData<string> Cases => new()
    {
        "fixed long/short",
        "fixed long-only",
        "half-spread",
        "sqrt-impact capped",
        "percent 2.5bps interest",
        "zero commission gaps",
        "free",
        "cash account rejections",
        "big weights margin calls",
        "partial fills and expiries",
    };

    private static (VectorizedSpec Spec, CostOptions Costs) Scenario(string name)
    {
        var d = CostOptions.Default;
        var (costs, venue, margin, capital, p, gaps) = name switch
        {
            "fixed long/short" => (d, NoCap, MarginPolicy.RegT, 1_000_000m, Params(3, 12, true, 0.15), false),
            "fixed long-only" => (d with { CashInterestAnnual = 0.03m }, NoCap, MarginPolicy.RegT, 1_000_000m, Params(3, 12, false, 0.15), true),
            "half-spread" => (d with { Slippage = SlippageKind.HalfSpread }, NoCap, MarginPolicy.RegT, 250_000m, Params(4, 15, true, 0.2), true),
            "sqrt-impact capped" => (d with { Slippage = SlippageKind.SqrtImpact, ImpactK = 0.3 }, new VenueOptions(), MarginPolicy.RegT, 2_000_000m, Params(3, 12, true, 0.2), false),
            "percent 2.5bps interest" => (d with { Commission = CommissionSchedule.Percent, SlippageBps = 2.5, CashInterestAnnual = 0.045m, DebitInterestAnnual = 0.07m }, NoCap, MarginPolicy.RegT, 1_000_000m, Params(3, 12, true, 0.45), false),
            "zero commission gaps" => (d with { Commission = CommissionSchedule.Zero, BorrowFeeAnnual = 0.031m, DayCountBasis = 365 }, NoCap, MarginPolicy.RegT, 1_000_000m, Params(2, 9, true, 0.15), true),
            "free" => (CostOptions.Free, NoCap, MarginPolicy.RegT, 1_000_000m, Params(3, 12, true, 0.15), false),
            "cash account rejections" => (d, NoCap, MarginPolicy.CashAccount, 1_000_000m, Params(3, 12, false, 0.4), false),
            "big weights margin calls" => (d with { Slippage = SlippageKind.SqrtImpact }, NoCap, MarginPolicy.RegT, 1_000_000m, Params(3, 12, true, 0.6), true),
            _ => (d with { PerShare = 0.0035m, MinPerOrder = 0.35m, MaxPctOfValue = 0.005m }, new VenueOptions { ParticipationCap = 0.05 }, MarginPolicy.RegT, 50_000_000m, Params(3, 12, true, 0.2), false),
        };

        var aligned = AlignedBars.Create(Market(5, 25, gaps, name.Length * 7919));
        var spec = new VectorizedSpec
        {
            Bars = aligned,
            TargetWeights = SmaCrossoverStrategy.TargetWeights(aligned, p),
            Calendar = Cal,
            Costs = costs,
            Venue = venue,
            Margin = margin,
            InitialCapital = capital,
            StrategyName = p.Name,
        };
        return (spec, costs);
    }

    private static SmaCrossoverParameters Params(int fast, int slow, bool allowShort, double weight) =>
        new() { FastPeriod = fast, SlowPeriod = slow, AllowShort = allowShort, Weight = weight };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuiltInCosts_ExactPath_GiveTheDecimalPathsResultsToTheLastDigitAndScale(string name)
    {
        var (spec, costs) = Scenario(name);
        var decimalSpec = new VectorizedSpec
        {
            Bars = spec.Bars,
            TargetWeights = spec.TargetWeights,
            Calendar = spec.Calendar,
            Costs = spec.Costs,
            CostModels = CostModels.FromOptions(costs),
            Venue = spec.Venue,
            Margin = spec.Margin,
            InitialCapital = spec.InitialCapital,
            StrategyName = spec.StrategyName,
        };
        Assert.True(VectorizedBacktester.UsesExactPath(spec));
        Assert.False(VectorizedBacktester.UsesExactPath(decimalSpec));

        var exact = VectorizedBacktester.Run(spec);
        var reference = VectorizedBacktester.Run(decimalSpec);

        Assert.True(reference.Fills.Count > 100, $"the scenario should trade ({reference.Fills.Count} fills)");
        Assert.Equal(ResultsFormat.OrdersCsv(reference), ResultsFormat.OrdersCsv(exact));
        Assert.Equal(ResultsFormat.FillsCsv(reference), ResultsFormat.FillsCsv(exact));
        Assert.Equal(ResultsFormat.TradesCsv(reference), ResultsFormat.TradesCsv(exact));
        Assert.Equal(ResultsFormat.PositionsCsv(reference), ResultsFormat.PositionsCsv(exact));
        Assert.Equal(ResultsFormat.EquityCsv(reference), ResultsFormat.EquityCsv(exact));
        Assert.Equal(Accounts(reference), Accounts(exact));
        Assert.Equal(reference.BarsProcessed, exact.BarsProcessed);
        Assert.Equal(reference.TimeSteps, exact.TimeSteps);
        Assert.Equal(reference.Strategies, exact.Strategies);
    }

    [Fact]
    public void Scenarios_ReachTheCasesTheyNameAtLeastOnce()
    {
        // The scenarios are only a proof if they reach the paths in question: partial fills, expiries, rejections, margin
        // calls, borrow fees, interest both ways, shorts.
        var partial = VectorizedBacktester.Run(Scenario("partial fills and expiries").Spec);
        Assert.Contains(partial.Orders, o => o.Status == OrderStatus.Expired && o.FilledQuantity > 0);
        Assert.True(partial.Fills.Count > partial.Orders.Count(o => o.FilledQuantity > 0), "orders should fill in parts");
        var cash = VectorizedBacktester.Run(Scenario("cash account rejections").Spec);
        Assert.Contains(cash.Orders, o => o.Status == OrderStatus.Rejected);
        var margin = VectorizedBacktester.Run(Scenario("big weights margin calls").Spec);
        Assert.NotEmpty(margin.MarginCalls);
        var interest = VectorizedBacktester.Run(Scenario("percent 2.5bps interest").Spec);
        Assert.Contains(interest.Daily, d => d.Interest > 0m);
        Assert.Contains(interest.Daily, d => d.Interest < 0m);
        Assert.Contains(interest.Daily, d => d.BorrowFee > 0m);
    }

    [Theory]
    [InlineData("fixed long/short")]
    [InlineData("zero commission gaps")]
    [InlineData("partial fills and expiries")]
    public void RoundTripsAndPositions_RebuiltWhenRead_HaveTheRunsCounts_AndTheSameRecordsFromEveryThreadAndRead(string name)
    {
        // The exact path rebuilds the round trips (from its fill and borrow logs) and the positions at each close (from its
        // fill and mark logs) on the first read: the counts it reports before that read must be those of the records, and
        // concurrent first reads must all see the decimal path's records.
        var (spec, costs) = Scenario(name);
        var reference = VectorizedBacktester.Run(new VectorizedSpec
        {
            Bars = spec.Bars, TargetWeights = spec.TargetWeights, Calendar = spec.Calendar, CostModels = CostModels.FromOptions(costs),
            Venue = spec.Venue, Margin = spec.Margin, InitialCapital = spec.InitialCapital, StrategyName = spec.StrategyName,
        });
        var exact = VectorizedBacktester.Run(spec);
        Assert.Equal(reference.Trades.Count, exact.Trades.Count);
        Assert.Equal(reference.OpenTrades.Count, exact.OpenTrades.Count);
        Assert.Equal(reference.Positions.Count, exact.Positions.Count);
        Assert.True(exact.Trades.Count > 20, $"the scenario should close round trips ({exact.Trades.Count})");
        Assert.Contains(exact.Trades, t => t.Costs > 0m);

        static List<string> Records(RunResult r) =>
            r.Trades.Concat(r.OpenTrades).Select(t => t.ToString()).Concat(r.Positions.Select(p => p.ToString())).ToList();
        var expected = Records(reference);
        var reads = new List<string>[4];
        Parallel.For(0, reads.Length, i => reads[i] = Records(exact));
        foreach (var read in reads)
        {
            Assert.Equal(expected, read);
        }

        for (int i = 0; i < exact.Trades.Count; i += 7)
        {
            Assert.Equal(reference.Trades[i], exact.Trades[i]);
        }

        for (int i = 0; i < exact.Positions.Count; i += 11)
        {
            Assert.Equal(reference.Positions[i], exact.Positions[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => exact.Trades[exact.Trades.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => exact.Positions[-1]);
    }

    [Fact]
    public void ScaledAmount_Arithmetic_MatchesDecimalValueAndScale()
    {
        var rng = new Random(20261124);
        int refused = 0;
        for (int i = 0; i < 20_000; i++)
        {
            decimal a = RandomDecimal(rng), b = RandomDecimal(rng);
            var x = ScaledAmount.FromDecimal(a);
            var y = ScaledAmount.FromDecimal(b);
            SameOrOutOfRange(a + b, () => x + y);
            SameOrOutOfRange(a - b, () => x - y);
            Same(-a, -x);
            Same(Math.Abs(a), x.Abs());
            Same(Math.Max(a, b), ScaledAmount.Max(x, y));
            Same(Math.Min(a, b), ScaledAmount.Min(x, y));
            Assert.Equal(a.CompareTo(b), ScaledAmount.Compare(x, y));
            long q = rng.Next(-100_000, 100_000);
            var xs = ScaledAmount.FromDecimal(Small(a, rng));
            Same(q * xs.ToDecimal(), xs * q);
            var ys = ScaledAmount.FromDecimal(Small(b, rng));
            Same(xs.ToDecimal() * ys.ToDecimal(), xs * ys);
            Same(a * 0m, x * new ScaledAmount(0, 0));
            Same(a * 0.000m, x * new ScaledAmount(0, 3));
            Same(0.00m * a, new ScaledAmount(0, 2) * x);
            Same(a * 0, x * 0L);
            int places = rng.Next(0, 9);
            Same(decimal.Round(a, places, MidpointRounding.AwayFromZero), x.Round(places));
            Same(decimal.Ceiling(a), x.Ceiling());
            if (a >= 0)
            {
                Same(PriceMath.CeilingCents(a), x.CeilingCents());
            }

            long divisor = rng.Next(1, 200_000) * (rng.Next(2) == 0 ? 1 : -1);
            int decimals = rng.Next(0, 9);
            Same(PriceMath.DivRound(a, divisor, decimals), ScaledAmount.DivRound(x, divisor, decimals));
            long m = rng.NextInt64(1, 1_000_000);
            try
            {
                Same(PriceMath.DivRound(a * m, divisor, decimals), ScaledAmount.MulDivRound(x, m, divisor, decimals));
            }
            catch (OverflowException)
            {
                refused++; // beyond PriceMath's integer path: the run would go to the decimal path
            }

            double price = Math.Round(rng.NextDouble() * 500, rng.Next(0, 7));
            Same(PriceMath.ToPrice(price), ScaledAmount.Price(price));
            Assert.Equal((double)a, x.ToDouble());
        }

        Assert.True(refused < 2_000, $"{refused} of 20,000 products refused");
    }

    [Fact]
    public void ScaledAmount_DivPow10_EqualsTruncatedAndHalfAwayRoundedDivision_AcrossTheWholeRange()
    {
        var rng = new Random(20261125);
        var values = new List<long> { 0, 1, -1, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1 };
        long p = 1;
        for (int k = 0; k <= 18; k++)
        {
            values.AddRange([p, -p, p - 1, 1 - p, p + 1, -p - 1, (p * 5) - 1, 1 - (p * 5), p * 9, -p * 9]);
            if (k < 17)
            {
                values.AddRange([p * 5, -p * 5, p * 15, -p * 15, (p * 15) + 1, (p * 25) - 1]); // halves of the next power
            }

            p = k < 18 ? p * 10 : p;
        }

        for (int i = 0; i < 200_000; i++)
        {
            int bits = rng.Next(1, 64);
            long v = rng.NextInt64() & ((1L << bits) - 1);
            values.Add(rng.Next(2) == 0 ? v : -v);
        }

        long d = 1;
        for (int k = 0; k <= 18; k++)
        {
            foreach (long v in values)
            {
                Assert.Equal(v / d, ScaledAmount.DivPow10(v, k));
                if (k > 0)
                {
                    Assert.Equal((long)decimal.Round((decimal)v / d, 0, MidpointRounding.AwayFromZero), ScaledAmount.DivPow10RoundHalfAway(v, k));
                }
            }

            d = k < 18 ? d * 10 : d;
        }
    }

    [Fact]
    public void ScaledAmount_Price_RoundsAsPriceMathToPrice_IncludingHalfTicks()
    {
        var rng = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            double price = (i % 4) switch
            {
                0 => (rng.Next(1, 100_000_000) + 0.5) / 10_000.0, // half a tick (as near as double gets)
                1 => Math.Round(rng.NextDouble() * 2_000, rng.Next(0, 8)),
                2 => rng.NextDouble() * Math.Pow(10, rng.Next(-6, 10)),
                _ => -rng.NextDouble() * 1_000,
            };
            Same(PriceMath.ToPrice(price), ScaledAmount.Price(price));
        }

        foreach (double price in new[] { 0.0, 0.00004999, 0.00005, 0.00015, 1.00005, 99_999_999_999.9999 })
        {
            Same(PriceMath.ToPrice(price), ScaledAmount.Price(price));
        }
    }

    [Fact]
    public void ScaledAmount_BeyondItsRange_Throws_AndTheRunFallsBackToTheDecimalPath()
    {
        Assert.Throws<OverflowException>(() => ScaledAmount.FromDecimal(decimal.MaxValue));
        Assert.Throws<OverflowException>(() => new ScaledAmount(long.MaxValue / 2, 2) + new ScaledAmount(long.MaxValue / 2, 0));
        Assert.Throws<OverflowException>(() => new ScaledAmount(3_000_000_000, 4) * new ScaledAmount(4_000_000_000, 4));

        // An account of 10^13 dollars leaves the 64-bit range on the exact path; the run still gives the decimal results.
        var (spec, costs) = Scenario("fixed long/short");
        var huge = new VectorizedSpec
        {
            Bars = spec.Bars, TargetWeights = spec.TargetWeights, Calendar = spec.Calendar, Costs = costs, Venue = spec.Venue,
            InitialCapital = 10_000_000_000_000m, StrategyName = spec.StrategyName,
        };
        var viaDecimal = new VectorizedSpec
        {
            Bars = spec.Bars, TargetWeights = spec.TargetWeights, Calendar = spec.Calendar, CostModels = CostModels.FromOptions(costs),
            Venue = spec.Venue, InitialCapital = huge.InitialCapital, StrategyName = spec.StrategyName,
        };
        int fallbacks = VectorizedBacktester.ExactFallbacks;
        var a = VectorizedBacktester.Run(huge);
        Assert.True(VectorizedBacktester.ExactFallbacks > fallbacks, "the run should have left the exact range");
        var b = VectorizedBacktester.Run(viaDecimal);
        Assert.True(b.Fills.Count > 100);
        Assert.Equal(ResultsFormat.FillsCsv(b), ResultsFormat.FillsCsv(a));
        Assert.Equal(Accounts(b), Accounts(a));
    }

    /// <summary><paramref name="d"/> cut to at most 9 digits (products of two stay within 63 bits), zero one time in ten.</summary>
    private static decimal Small(decimal d, Random rng)
    {
        if (rng.Next(10) == 0)
        {
            return new decimal(0, 0, 0, false, (byte)rng.Next(0, 6));
        }

        var bits = decimal.GetBits(d);
        long units = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]) % 1_000_000_000;
        return new decimal((int)units, 0, 0, bits[3] < 0, (byte)((bits[3] >> 16) & 0xFF));
    }

    private static decimal RandomDecimal(Random rng)
    {
        if (rng.Next(10) == 0)
        {
            return new decimal(0, 0, 0, false, (byte)rng.Next(0, 11));
        }

        int scale = rng.Next(0, 11);
        long units = rng.NextInt64(-10_000_000_000_000, 10_000_000_000_000) / (long)Math.Pow(10, rng.Next(0, 10));
        return new decimal((int)(uint)Math.Abs(units), (int)(uint)((ulong)Math.Abs(units) >> 32), 0, units < 0, (byte)scale);
    }

    /// <summary>Equal to <paramref name="expected"/> when that fits 63 bits; else the operation must refuse (overflow).</summary>
    private static void SameOrOutOfRange(decimal expected, Func<ScaledAmount> actual)
    {
        var bits = decimal.GetBits(expected);
        if (bits[2] == 0 && bits[1] >= 0)
        {
            Same(expected, actual());
        }
        else
        {
            Assert.Throws<OverflowException>(() => actual());
        }
    }

    private static void Same(decimal expected, ScaledAmount actual)
    {
        var d = actual.ToDecimal();
        Assert.Equal(expected.ToString(C), d.ToString(C));
        Assert.Equal(expected, d);
    }

    /// <summary>Daily snapshots, P&amp;L breakdowns, margin calls and final cash/equity as invariant text.</summary>
    private static string Accounts(RunResult r)
    {
        var sb = new StringBuilder();
        foreach (var x in r.Daily)
        {
            sb.Append(C, $"{x.Date:yyyy-MM-dd},{x.CloseUtcTicks},{x.Cash},{x.Equity},{x.GrossExposure},{x.NetExposure},{x.BorrowFee},{x.Interest}\n");
        }

        foreach (var x in r.SymbolPnl.Concat(r.StrategyPnl).Append(r.TotalPnl))
        {
            sb.Append(C, $"{x.Name},{x.RealizedPnl},{x.UnrealizedPnl},{x.Commission},{x.Fees},{x.BorrowFees},{x.Interest}\n");
        }

        foreach (var x in r.MarginCalls)
        {
            sb.Append(C, $"{x.Date:yyyy-MM-dd},{x.GrossExposure},{x.Equity},{x.AllowedLeverage}\n");
        }

        sb.Append(C, $"{r.InitialCapital},{r.FinalCash},{r.FinalEquity}\n");
        foreach (var t in r.OpenTrades)
        {
            sb.Append(C, $"{t}\n");
        }

        return sb.ToString();
    }
}
