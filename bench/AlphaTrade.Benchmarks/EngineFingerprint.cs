using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// <c>-- engine-hash</c>: SHA-256 fingerprints of complete vectorized runs over the benchmark market, for proving that a
/// change to the engine leaves every result unchanged. Each fingerprint covers the equity curve (doubles, round-trip
/// text), orders, fills, round trips (closed and open), positions, daily snapshots, P&amp;L breakdowns, margin calls and
/// final cash/equity, every decimal in its invariant text (so the scale, e.g. 1.50 vs 1.5, counts too).
/// </summary>
internal static class EngineFingerprint
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Prints one line per configuration: name, fills, hash.</summary>
    public static void Run()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions { Seed = 42, Faults = false });
        var bars = market.Series.Where(s => s.Symbol != SampleMarketOptions.DefaultBenchmark).ToList();
        var aligned = AlignedBars.Create(bars);
        var gappy = AlignedBars.Create(Gappy(bars));
        var noCap = new VenueOptions { ParticipationCap = null };
        var cap = new VenueOptions();
        var d = CostOptions.Default;
        var cases = new (string Name, AlignedBars Bars, int Fast, int Slow, bool Short, double Weight, CostOptions Costs, VenueOptions Venue, MarginPolicy Margin, decimal Capital)[]
        {
            ("10/30 default cap-off", aligned, 10, 30, true, double.NaN, d, noCap, MarginPolicy.RegT, 1_000_000m),
            ("50/200 default cap-off", aligned, 50, 200, true, double.NaN, d, noCap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 default cap-10%", aligned, 10, 30, true, double.NaN, d, cap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 half-spread", aligned, 10, 30, true, double.NaN, d with { Slippage = SlippageKind.HalfSpread }, noCap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 sqrt-impact cap-10%", aligned, 10, 30, true, double.NaN, d with { Slippage = SlippageKind.SqrtImpact }, cap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 fixed-2.5bps percent long-only", aligned, 10, 30, false, double.NaN, d with { Commission = CommissionSchedule.Percent, SlippageBps = 2.5 }, noCap, MarginPolicy.RegT, 1_000_000m),
            ("20/60 zero-commission interest", aligned, 20, 60, true, double.NaN, d with { Commission = CommissionSchedule.Zero, CashInterestAnnual = 0.03m }, noCap, MarginPolicy.RegT, 1_000_000m),
            ("20/60 free", aligned, 20, 60, true, double.NaN, CostOptions.Free, noCap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 gaps long/short", gappy, 10, 30, true, double.NaN, d with { CashInterestAnnual = 0.02m }, cap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 gaps long-only half-spread", gappy, 10, 30, false, double.NaN, d with { Slippage = SlippageKind.HalfSpread }, noCap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 cash account 5% weights (rejections)", aligned, 10, 30, false, 0.05, d, noCap, MarginPolicy.CashAccount, 1_000_000m),
            ("10/30 reg-t 10% weights long/short (margin calls)", aligned, 10, 30, true, 0.10, d with { Slippage = SlippageKind.SqrtImpact }, cap, MarginPolicy.RegT, 1_000_000m),
            ("10/30 $500M cap-1% (partial fills, expiries)", aligned, 10, 30, true, double.NaN, d, new VenueOptions { ParticipationCap = 0.01 }, MarginPolicy.RegT, 500_000_000m),
            ("50/200 $20M cap-2% sqrt-impact interest", aligned, 50, 200, true, double.NaN, d with { Slippage = SlippageKind.SqrtImpact, CashInterestAnnual = 0.01m }, new VenueOptions { ParticipationCap = 0.02 }, MarginPolicy.RegT, 20_000_000m),
        };

        foreach (var c in cases)
        {
            var p = new SmaCrossoverParameters { FastPeriod = c.Fast, SlowPeriod = c.Slow, AllowShort = c.Short, Weight = c.Weight };
            var spec = new VectorizedSpec
            {
                Bars = c.Bars,
                TargetWeights = SmaCrossoverStrategy.TargetWeights(c.Bars, p),
                Calendar = NyseCalendar.Instance,
                Costs = c.Costs,
                Venue = c.Venue,
                Margin = c.Margin,
                InitialCapital = c.Capital,
                StrategyName = p.Name,
            };
            int fallbacks = VectorizedBacktester.ExactFallbacks;
            var result = VectorizedBacktester.Run(spec);
            string path = !VectorizedBacktester.UsesExactPath(spec) ? "decimal" : VectorizedBacktester.ExactFallbacks > fallbacks ? "exact->decimal" : "exact";

            // The same models as custom CostModels take the decimal path: its fingerprint must be the same.
            var viaDecimal = VectorizedBacktester.Run(new VectorizedSpec
            {
                Bars = spec.Bars, TargetWeights = spec.TargetWeights, Calendar = spec.Calendar, CostModels = CostModels.FromOptions(c.Costs),
                Venue = spec.Venue, Margin = spec.Margin, InitialCapital = spec.InitialCapital, StrategyName = spec.StrategyName,
            });
            string hash = Hash(result);
            Console.WriteLine(string.Create(C,
                $"{c.Name,-52} orders {result.Orders.Count,6} fills {result.Fills.Count,6} trades {result.Trades.Count,6} margin calls {result.MarginCalls.Count,4} {hash}"));
            Console.Error.WriteLine(string.Create(C, $"   path {path}; decimal path {(Hash(viaDecimal) == hash ? "same" : "DIFFERENT " + Hash(viaDecimal))}"));
        }
    }

    /// <summary>SHA-256 of everything <paramref name="r"/> holds, as text.</summary>
    public static string Hash(RunResult r)
    {
        var sb = new StringBuilder();
        sb.Append(ResultsFormat.EquityCsv(r)).Append(ResultsFormat.OrdersCsv(r)).Append(ResultsFormat.FillsCsv(r))
            .Append(ResultsFormat.TradesCsv(r)).Append(ResultsFormat.PositionsCsv(r));
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

        sb.Append(C, $"{r.Engine},{r.InitialCapital},{r.FinalCash},{r.FinalEquity},{r.BarsProcessed},{r.TimeSteps},{string.Join('|', r.Strategies)}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    /// <summary>The market with about one bar in ten dropped from every other symbol (gaps the engine must skip).</summary>
    private static List<BarSeries> Gappy(List<BarSeries> bars)
    {
        var list = new List<BarSeries>(bars.Count);
        for (int i = 0; i < bars.Count; i++)
        {
            var s = bars[i];
            if (i % 2 == 0)
            {
                list.Add(s);
                continue;
            }

            var rng = new Random(i);
            var gappy = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
            for (int k = 0; k < s.Count; k++)
            {
                if (rng.NextDouble() > 0.1)
                {
                    gappy.Add(s[k]);
                }
            }

            list.Add(gappy);
        }

        return list;
    }
}
