using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Randomness;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Risk.Limits;

namespace AlphaTrade.Risk.Tests;

/// <summary>
/// The risk layer's per-state caches (position values, sector sums, the VaR model's Σv, the trading-day range of the
/// loss monitor) must give exactly the decisions of reading the account afresh for every order.
/// </summary>
public class PositionValueTests
{
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"];
    private static readonly string[] Sectors = ["Tech", "Tech", "Tech", "Energy", "Energy", "Health", "Financials", "Health"];

    /// <summary>The ledger seen only through <see cref="IPortfolioView"/>: the risk layer must fall back to its open positions.</summary>
    private sealed class PlainView(Ledger ledger) : IPortfolioView
    {
        public decimal Cash => ledger.Cash;

        public decimal Equity => ledger.Equity;

        public decimal GrossExposure => ledger.GrossExposure;

        public decimal NetExposure => ledger.NetExposure;

        public long Quantity(string symbol) => ledger.Quantity(symbol);

        public PositionInfo Position(string symbol) => ledger.Position(symbol);

        public IReadOnlyList<PositionInfo> OpenPositions() => [.. ledger.OpenPositions()]; // a fresh list each call: no caching on it
    }

    private static RiskModel Model(Xoshiro256 rng)
    {
        int n = Symbols.Length;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = 0.01 * rng.NextGaussian();
            }
        }

        var cov = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = i == j ? 1e-4 : 0;
                for (int k = 0; k < n; k++)
                {
                    s += a[i, k] * a[j, k];
                }

                cov[i, j] = s;
            }
        }

        return new RiskModel(Symbols, cov);
    }

    [Fact]
    public void Decisions_OverTheLedgersPositionValues_EqualThoseOverItsOpenPositions()
    {
        var rng = new Xoshiro256(2024);
        var universe = new TradingUniverse([.. Symbols.Select((s, i) => new SymbolInfo(s, s, Sectors[i], "x"))], "SPY");
        var limits = LimitTests.Defaults with { MaxSectorPct = 0.25, MaxVarPct = 0.012, MaxPositionPct = 0.2, MaxDrawdownPct = 1, DailyLossLimitPct = 1, CircuitBreakerPct = 1, MaxOrdersPerMinute = int.MaxValue };
        var model = Model(rng);
        var ledger = new Ledger(new SymbolTable(Symbols), ["s"], 1_000_000m);
        var fast = new RiskManager(limits, universe) { RiskModel = model };
        var plain = new RiskManager(limits, universe) { RiskModel = model };
        var view = new PlainView(ledger);
        var prices = Symbols.Select(_ => 50 + (100 * rng.NextDouble())).ToArray();
        long time = new DateTime(2024, 3, 4, 15, 0, 0, DateTimeKind.Utc).Ticks;
        long id = 0;
        int limited = 0, byVar = 0, bySector = 0;
        for (int step = 0; step < 400; step++)
        {
            time += TimeSpan.FromMinutes(15).Ticks;
            for (int s = 0; s < Symbols.Length; s++)
            {
                prices[s] *= 1 + (0.01 * rng.NextGaussian());
                ledger.SetMark(s, prices[s]);
            }

            for (int k = 0, orders = rng.NextInt(4); k < orders; k++)
            {
                int s = rng.NextInt(Symbols.Length);
                var side = rng.NextDouble() < 0.55 ? OrderSide.Buy : OrderSide.Sell;
                var request = OrderRequest.Market(Symbols[s], side, 50 + rng.NextInt(4000));
                decimal last = ledger.MarkPrice(s);
                var a = fast.Evaluate(new OrderIntent("s", request, ledger, last, time));
                var b = plain.Evaluate(new OrderIntent("s", request, view, last, time));
                Assert.Equal(b.Verdict, a.Verdict);
                Assert.Equal(b.Quantity, a.Quantity);
                Assert.Equal(b.Checks, a.Checks);
                Assert.Equal(b.Reason, a.Reason);
                limited += a.Verdict == RiskVerdict.Accept ? 0 : 1;
                byVar += a.Checks.Contains(RiskCheck.MaxVar) ? 1 : 0;
                bySector += a.Checks.Contains(RiskCheck.MaxSector) ? 1 : 0;
                if (a.Quantity > 0 && rng.NextDouble() < 0.7)
                {
                    ledger.ApplyFill(0, s, new Fill(new OrderId(++id), Symbols[s], side, a.Quantity, last, 1m, 0m, time));
                }
            }
        }

        Assert.Equal(plain.Log.Events, fast.Log.Events);
        Assert.True(limited > 20, $"only {limited} orders were limited: the limits must bind for the comparison to mean anything");
        Assert.True(byVar > 5, $"the VaR limit cut only {byVar} orders");
        Assert.True(bySector > 5, $"the sector limit cut only {bySector} orders");
    }

    [Fact]
    public void VarProfile_FromSharedRows_EqualsTheFullProductBitForBit()
    {
        var rng = new Xoshiro256(7);
        var model = Model(rng);
        var values = Symbols.Select(_ => rng.NextDouble() < 0.3 ? 0.0 : 100_000 * rng.NextGaussian()).ToArray();
        var rows = new double[values.Length];
        double q = model.QuadraticRows(values, rows);
        for (int i = 0; i < values.Length; i++)
        {
            var full = model.Profile(values, i, 0.99);
            var shared = model.Profile(values, rows, q, i, 0.99);
            Assert.Equal(full, shared);
            Assert.Equal(BitConverter.DoubleToInt64Bits(full.At(values[i] + 12_345.6)), BitConverter.DoubleToInt64Bits(shared.At(values[i] + 12_345.6)));
        }
    }

    [Fact]
    public void LossMonitor_NewDay_IsTheEasternDateChange_AcrossMidnightsAndDaylightSwitches()
    {
        var monitor = new LossLimitMonitor(LimitTests.Defaults);
        // Every 15 minutes through 2024, daylight switches (10 March, 3 November) included.
        var t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateOnly? day = null;
        int days = 0;
        for (; t.Year == 2024; t = t.AddMinutes(15))
        {
            var eastern = DateOnly.FromDateTime(UsEasternTime.ToEastern(t));
            Assert.Equal(day != eastern, monitor.IsNewDay(t.Ticks));
            monitor.Update(t.Ticks, 1_000_000m);
            Assert.Equal(eastern, monitor.TradingDay);
            days += day != eastern ? 1 : 0;
            day = eastern;
        }

        Assert.Equal(367, days); // 31 Dec 2023 (Eastern) plus the 366 days of 2024
    }

    [Fact]
    public void LossMonitor_SameEquityAgain_TripsNothingNew_AndAFallTripsAtOnce()
    {
        var limits = LimitTests.Defaults with { DailyLossLimitPct = 0.02, CircuitBreakerPct = 0.05, MaxDrawdownPct = 0.5 };
        var monitor = new LossLimitMonitor(limits);
        long t = new DateTime(2024, 3, 4, 15, 0, 0, DateTimeKind.Utc).Ticks;
        Assert.Empty(monitor.Update(t, 1_000_000m));
        Assert.Single(monitor.Update(t, 975_000m)); // 2.5% down: the daily loss limit
        Assert.Empty(monitor.Update(t, 975_000m));
        Assert.Empty(monitor.Update(t + 1, 975_000m));
        var breaker = monitor.Update(t + 2, 940_000m);
        Assert.Equal(ProtectiveTrigger.CircuitBreaker, Assert.Single(breaker).Trigger);
        Assert.Equal(TradingState.Halted, monitor.State);
    }
}
