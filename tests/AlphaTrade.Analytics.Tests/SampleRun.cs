using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Analytics.Tests;

/// <summary>A seeded synthetic backtest: 15-minute equity with a benchmark, trades, exposure, Brinson periods and risk records.</summary>
internal static class SampleRun
{
    public static readonly SymbolInfo[] Universe =
    [
        new("AAPL", "Apple", "Information Technology", "Hardware"),
        new("MSFT", "Microsoft", "Information Technology", "Software"),
        new("NVDA", "NVIDIA", "Information Technology", "Semiconductors"),
        new("JPM", "JPMorgan", "Financials", "Banks"),
        new("GS", "Goldman Sachs", "Financials", "Capital Markets"),
        new("XOM", "Exxon", "Energy", "Oil & Gas"),
        new("CVX", "Chevron", "Energy", "Oil & Gas"),
        new("UNH", "UnitedHealth", "Health Care", "Providers"),
        new("JNJ", "Johnson & Johnson", "Health Care", "Pharma"),
        new("PG", "Procter & Gamble", "Consumer Staples", "Household"),
        new("AMZN", "Amazon", "Consumer Discretionary", "Retail"),
        new("PLD", "Prologis", "Real Estate", "REITs"),
    ];

    public static TearsheetInput Build(int sessions = 504, int seed = 42, bool withExtras = true)
    {
        var rng = new Random(seed);
        int bars = 26;
        int n = (sessions * bars) + 1;
        var time = new long[n];
        var eq = new double[n];
        var bench = new double[n];
        var day = new DateTime(2022, 1, 3, 0, 0, 0, DateTimeKind.Utc);
        int k = 0;
        time[k] = day.AddHours(14.5).Ticks;
        eq[k] = 1_000_000;
        bench[k] = 475;
        k++;
        var sessionsList = new List<DateTime>();
        for (int s = 0; s < sessions; s++)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            sessionsList.Add(day);
            double regime = Math.Sin(s / 40.0) * 0.00004;
            for (int b = 1; b <= bars && k < n; b++, k++)
            {
                time[k] = day.AddHours(14.5).AddMinutes(15 * b).Ticks;
                double mkt = (Gauss(rng) * 0.0011) + 0.00002;
                double own = (Gauss(rng) * 0.0010) + 0.000014 + regime;
                bench[k] = bench[k - 1] * (1 + mkt);
                eq[k] = eq[k - 1] * (1 + (0.6 * mkt) + own);
            }

            day = day.AddDays(1);
        }

        var curve = new EquityCurve(time, eq, bench);
        var options = MetricsOptions.ForTimeFrame(TimeFrame.FifteenMinutes);
        var analytics = new AnalyticsInput { Curve = curve, Options = options };
        if (!withExtras)
        {
            return new TearsheetInput { Analytics = analytics, Metadata = new RunMetadata("Sample run") };
        }

        var sectors = Universe.Select(u => u.Sector).Distinct().ToList();
        var trades = new List<TradeRecord>();
        string[] strategies = ["momentum", "mean_reversion", "ml_ensemble"];
        for (int i = 0; i < 900; i++)
        {
            var sym = Universe[rng.Next(Universe.Length)];
            int entry = rng.Next(1, n - 60);
            int exit = entry + 1 + rng.Next(40);
            var side = rng.NextDouble() < 0.7 ? TradeSide.Long : TradeSide.Short;
            double price = 50 + (rng.NextDouble() * 400);
            double qty = Math.Round(20000 / price);
            double move = (Gauss(rng) * 0.012) + 0.0012;
            double exitPrice = price * (1 + (side == TradeSide.Long ? move : -move));
            double fees = qty * 0.005 * 2;
            double gross = (exitPrice - price) * qty * (side == TradeSide.Long ? 1 : -1);
            trades.Add(new TradeRecord(sym.Symbol, sym.Sector, strategies[rng.Next(3)], side, time[entry], time[exit], price, exitPrice, qty, gross - fees, fees));
        }

        var exposure = new ExposureSeries.Builder(sectors, sessions);
        var net = new double[sectors.Count];
        var grossW = new double[sectors.Count];
        var periods = new List<BrinsonPeriod>();
        var baseWeight = Universe.Select(_ => rng.NextDouble() * 0.1).ToArray();
        for (int s = 0; s < sessions; s++)
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            var returns = new Dictionary<string, double>(StringComparer.Ordinal);
            Array.Clear(net);
            Array.Clear(grossW);
            double lw = 0, sw = 0;
            for (int ui = 0; ui < Universe.Length; ui++)
            {
                var u = Universe[ui];
                baseWeight[ui] = u.Symbol == "PLD"
                    ? Math.Clamp(baseWeight[ui] - 0.05 + ((rng.NextDouble() - 0.5) * 0.01), -0.08, -0.01) + 0.05
                    : Math.Clamp(baseWeight[ui] + ((rng.NextDouble() - 0.5) * 0.01), 0.0, 0.12);
                double w = u.Symbol == "PLD" ? baseWeight[ui] - 0.05 : baseWeight[ui];
                weights[u.Symbol] = w;
                returns[u.Symbol] = (Gauss(rng) * 0.015) + (w * 0.01);
                int si = sectors.IndexOf(u.Sector);
                net[si] += w;
                grossW[si] += Math.Abs(w);
                if (w >= 0)
                {
                    lw += w;
                }
                else
                {
                    sw += w;
                }
            }

            long t0 = sessionsList[s].AddHours(14.5).Ticks;
            long t1 = sessionsList[s].AddHours(21).Ticks;
            exposure.Add(t1, lw, sw, net, grossW);
            periods.Add(EqualWeightBenchmark.Build(t0, t1, Universe, weights, returns));
        }

        var varTimes = sessionsList.Select(d => d.AddHours(21).Ticks).ToArray();
        var varValues = varTimes.Select((_, i) => 0.012 + (0.004 * Math.Sin(i / 25.0)) + (rng.NextDouble() * 0.002)).ToArray();
        var events = new List<RiskEvent>
        {
            new(sessionsList[sessions / 4].AddHours(18).Ticks, "sector_limit", "Information Technology weight 31.2% > 30% limit; order for NVDA reduced"),
            new(sessionsList[sessions * 3 / 5].AddHours(15).Ticks, "daily_loss", "Daily loss 3.1% reached the 3% limit; trading halted for the session"),
        };

        return new TearsheetInput
        {
            Analytics = analytics with { Trades = trades, Exposure = exposure.Build(), BrinsonPeriods = periods, BenchmarkNote = "SPY" },
            Metadata = new RunMetadata("Sample strategy: 15-minute backtest")
            {
                RunId = "sample-0001",
                Strategy = "momentum + mean_reversion + ml_ensemble",
                BarSize = "15min",
                Universe = "12 US equities (sample)",
                Benchmark = "SPY",
                GeneratedUtc = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc),
                Parameters = new Dictionary<string, string> { ["Costs"] = "$0.005/share + 1 bp slippage", ["Seed"] = "42" },
            },
            Risk = new RiskData(new RiskTimeline("1-day 95% historical VaR", varTimes, varValues), events),
        };
    }

    private static double Gauss(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
