using AlphaTrade.Configuration;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Universe;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Risk.Limits;
using AlphaTrade.Testing;

namespace AlphaTrade.Risk.Tests;

public class LimitTests
{
    private static readonly long T0 = new DateTime(2024, 3, 4, 15, 0, 0, DateTimeKind.Utc).Ticks; // 10:00 New York

    /// <summary>The shipped defaults of config/risk_params.yaml.</summary>
    internal static readonly RiskParams Defaults = new(
        MaxPositionPct: 0.10, MaxSectorPct: 0.30, MaxGrossExposure: 1.0, MaxNetExposure: 1.0, MaxDrawdownPct: 0.15,
        DrawdownAction: ProtectiveAction.Flatten, DailyLossLimitPct: 0.03, CircuitBreakerPct: 0.03, CircuitBreakerAction: ProtectiveAction.Halt,
        MaxVarPct: 0.02, VarConfidence: 0.95, MaxOrderNotional: 250_000m, MaxOrderShares: 20_000, MinOrderNotional: 100m, PriceBandPct: 0.05,
        MaxOrdersPerMinute: 120, AllowShort: true, Restricted: [], ShortRestricted: []);

    /// <summary>Limits that never bind, so one limit can be tested alone.</summary>
    internal static readonly RiskParams Loose = Defaults with
    {
        MaxPositionPct = 100, MaxSectorPct = 100, MaxGrossExposure = 100, MaxNetExposure = 100, MaxOrderNotional = 1e12m, MaxOrderShares = int.MaxValue,
        MinOrderNotional = 0m, MaxOrdersPerMinute = int.MaxValue, PriceBandPct = 100,
    };

    private static readonly TradingUniverse Universe = new(
    [
        new SymbolInfo("AAA", "A", "Tech", "x"), new SymbolInfo("BBB", "B", "Tech", "x"), new SymbolInfo("CCC", "C", "Tech", "x"),
        new SymbolInfo("DDD", "D", "Energy", "x"), new SymbolInfo("EEE", "E", "Health", "x"), new SymbolInfo("FFF", "F", "Utilities", "x"),
        new SymbolInfo("GGG", "G", "Financials", "x"), new SymbolInfo("HHH", "H", "Materials", "x"), new SymbolInfo("III", "I", "Industrials", "x"),
        new SymbolInfo("JJJ", "J", "Real Estate", "x"), new SymbolInfo("KKK", "K", "Staples", "x"),
    ], "SPY");

    private static RiskManager Manager(RiskParams limits, RiskManagerOptions? options = null) => new(limits, Universe, options ?? RiskManagerOptions.Default with { MarginLeverage = 100 });

    private static RiskDecision Order(RiskManager rm, FakePortfolio pf, string symbol, OrderSide side, long qty, decimal last = 100m, long time = 0, decimal? limit = null)
    {
        var req = limit is { } l ? OrderRequest.Limit(symbol, side, qty, l) : OrderRequest.Market(symbol, side, qty);
        return rm.Evaluate(new OrderIntent("test", req, pf, last, time == 0 ? T0 : time));
    }

    private static void AssertDecision(RiskDecision d, RiskVerdict verdict, long qty, RiskCheck? check = null)
    {
        Assert.Equal(verdict, d.Verdict);
        Assert.Equal(qty, d.Quantity);
        if (check is { } c)
        {
            Assert.Contains(c, d.Checks);
            Assert.False(string.IsNullOrWhiteSpace(d.Reason));
        }
        else
        {
            Assert.Empty(d.Checks);
        }
    }

    // ---- position, sector, gross, net ----

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void MaxPosition_TenPercentOfEquity(long qty, RiskVerdict verdict, long final)
    {
        var d = Order(Manager(Defaults), new FakePortfolio(), "AAA", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxPosition);
    }

    [Fact]
    public void MaxPosition_AddingToFullPosition_Rejected()
    {
        var d = Order(Manager(Defaults), new FakePortfolio().With("AAA", 1000, 100m), "AAA", OrderSide.Buy, 1);
        AssertDecision(d, RiskVerdict.Reject, 0, RiskCheck.MaxPosition);
    }

    [Fact]
    public void MaxPosition_ReducingOversizedPosition_Accepted() =>
        AssertDecision(Order(Manager(Defaults), new FakePortfolio().With("AAA", 3000, 100m), "AAA", OrderSide.Sell, 500), RiskVerdict.Accept, 500);

    [Fact]
    public void MaxPosition_FlipLongToShort_CapsTheShortSide()
    {
        // Long 500: selling 2000 would end 1500 short; at most 500 + 1000 shares may be sold.
        var d = Order(Manager(Defaults), new FakePortfolio().With("AAA", 500, 100m), "AAA", OrderSide.Sell, 2000);
        AssertDecision(d, RiskVerdict.Resize, 1500, RiskCheck.MaxPosition);
    }

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void MaxSector_ThirtyPercentGross(long qty, RiskVerdict verdict, long final)
    {
        var pf = new FakePortfolio().With("AAA", 1000, 100m).With("BBB", -1000, 100m).With("DDD", 2000, 100m);
        var d = Order(Manager(Defaults with { MaxPositionPct = 0.5 }), pf, "CCC", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxSector);
    }

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void MaxGrossExposure_OneTimesEquity(long qty, RiskVerdict verdict, long final)
    {
        var pf = new FakePortfolio().With("DDD", 3000, 100m).With("EEE", -3000, 100m).With("FFF", 3000, 100m);
        var d = Order(Manager(Loose with { MaxGrossExposure = 1.0 }), pf, "GGG", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxGrossExposure);
    }

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void MaxNetExposure_HalfEquityLong(long qty, RiskVerdict verdict, long final)
    {
        var pf = new FakePortfolio().With("DDD", 4000, 100m);
        var d = Order(Manager(Loose with { MaxNetExposure = 0.5 }), pf, "GGG", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxNetExposure);
    }

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void MaxNetExposure_HalfEquityShort(long qty, RiskVerdict verdict, long final)
    {
        var pf = new FakePortfolio().With("DDD", -4000, 100m);
        var d = Order(Manager(Loose with { MaxNetExposure = 0.5 }), pf, "GGG", OrderSide.Sell, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxNetExposure);
    }

    [Theory]
    [InlineData(999, RiskVerdict.Accept, 999)]
    [InlineData(1000, RiskVerdict.Accept, 1000)]
    [InlineData(1001, RiskVerdict.Resize, 1000)]
    public void BuyingPower_CashAccountOneTimesEquity(long qty, RiskVerdict verdict, long final)
    {
        var pf = new FakePortfolio().With("DDD", 9000, 100m);
        var d = Order(Manager(Loose, new RiskManagerOptions(AccountType.Cash)), pf, "GGG", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.BuyingPower);
    }

    // ---- order size, notional, price band, rate ----

    [Theory]
    [InlineData(2499, RiskVerdict.Accept, 2499)]
    [InlineData(2500, RiskVerdict.Accept, 2500)]
    [InlineData(2501, RiskVerdict.Resize, 2500)]
    public void MaxOrderNotional_250k(long qty, RiskVerdict verdict, long final)
    {
        var d = Order(Manager(Loose with { MaxOrderNotional = 250_000m }), new FakePortfolio(), "AAA", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxOrderNotional);
    }

    [Theory]
    [InlineData(19_999, RiskVerdict.Accept, 19_999)]
    [InlineData(20_000, RiskVerdict.Accept, 20_000)]
    [InlineData(20_001, RiskVerdict.Resize, 20_000)]
    public void MaxOrderShares_20000(long qty, RiskVerdict verdict, long final)
    {
        var d = Order(Manager(Loose with { MaxOrderShares = 20_000 }), new FakePortfolio(), "AAA", OrderSide.Buy, qty, last: 1m);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxOrderShares);
    }

    [Theory]
    [InlineData(9, RiskVerdict.Reject, 0)]
    [InlineData(10, RiskVerdict.Accept, 10)]
    [InlineData(11, RiskVerdict.Accept, 11)]
    public void MinOrderNotional_100Dollars(long qty, RiskVerdict verdict, long final)
    {
        var d = Order(Manager(Loose with { MinOrderNotional = 100m }), new FakePortfolio(), "AAA", OrderSide.Buy, qty, last: 10m);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MinOrderNotional);
    }

    [Fact]
    public void MinOrderNotional_ClosingWholePosition_Passes() =>
        AssertDecision(Order(Manager(Loose with { MinOrderNotional = 100m }), new FakePortfolio().With("AAA", 3, 10m), "AAA", OrderSide.Sell, 3, last: 10m), RiskVerdict.Accept, 3);

    [Fact]
    public void MaxOrderNotional_AfterPositionCut_ReportsBothReasons()
    {
        var d = Order(Manager(Defaults), new FakePortfolio(), "AAA", OrderSide.Buy, 5000);
        Assert.Equal(RiskVerdict.Resize, d.Verdict);
        Assert.Equal(1000, d.Quantity);
        Assert.Equal([RiskCheck.MaxOrderNotional, RiskCheck.MaxPosition], d.Checks);
        Assert.Contains("max_order_notional", d.Reason, StringComparison.Ordinal);
        Assert.Contains("max_position_pct", d.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "104.99", RiskVerdict.Accept)]
    [InlineData(OrderSide.Buy, "105.00", RiskVerdict.Accept)]
    [InlineData(OrderSide.Buy, "105.01", RiskVerdict.Reject)]
    [InlineData(OrderSide.Sell, "95.01", RiskVerdict.Accept)]
    [InlineData(OrderSide.Sell, "95.00", RiskVerdict.Accept)]
    [InlineData(OrderSide.Sell, "94.99", RiskVerdict.Reject)]
    public void PriceBand_FivePercentOfLastTrade(OrderSide side, string limit, RiskVerdict verdict)
    {
        var pf = new FakePortfolio().With("AAA", side == OrderSide.Sell ? 10 : 0, 100m);
        var d = Order(Manager(Defaults), pf, "AAA", side, 10, limit: decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture));
        AssertDecision(d, verdict, verdict == RiskVerdict.Accept ? 10 : 0, verdict == RiskVerdict.Accept ? null : RiskCheck.PriceBand);
    }

    [Fact]
    public void NoPrice_MarketOrderBeforeFirstBar_Rejected() =>
        AssertDecision(Order(Manager(Defaults), new FakePortfolio(), "AAA", OrderSide.Buy, 10, last: 0m), RiskVerdict.Reject, 0, RiskCheck.NoPrice);

    [Fact]
    public void OrderRate_120PerMinute_121stRejectedUntilTheMinutePasses()
    {
        var rm = Manager(Defaults);
        var pf = new FakePortfolio();
        for (int i = 0; i < 120; i++)
        {
            AssertDecision(Order(rm, pf, "AAA", OrderSide.Buy, 1, time: T0 + (i * TimeSpan.TicksPerMillisecond * 100)), RiskVerdict.Accept, 1);
        }

        AssertDecision(Order(rm, pf, "AAA", OrderSide.Buy, 1, time: T0 + TimeSpan.FromSeconds(30).Ticks), RiskVerdict.Reject, 0, RiskCheck.OrderRate);
        AssertDecision(Order(rm, pf, "AAA", OrderSide.Buy, 1, time: T0 + TimeSpan.FromSeconds(60).Ticks), RiskVerdict.Accept, 1);
    }

    // ---- restricted and short-sale rules ----

    [Fact]
    public void Restricted_NewPositionRejected_ClosingAllowed()
    {
        var rm = Manager(Defaults with { Restricted = ["AAA"] });
        AssertDecision(Order(rm, new FakePortfolio(), "AAA", OrderSide.Buy, 10), RiskVerdict.Reject, 0, RiskCheck.Restricted);
        AssertDecision(Order(rm, new FakePortfolio().With("AAA", 50, 100m), "AAA", OrderSide.Sell, 50), RiskVerdict.Accept, 50);
        AssertDecision(Order(rm, new FakePortfolio().With("AAA", 50, 100m), "AAA", OrderSide.Sell, 80), RiskVerdict.Resize, 50, RiskCheck.Restricted);
    }

    [Fact]
    public void ShortSale_NotAllowed_SellsOnlyTheLong()
    {
        var rm = Manager(Defaults with { AllowShort = false });
        AssertDecision(Order(rm, new FakePortfolio(), "AAA", OrderSide.Sell, 10), RiskVerdict.Reject, 0, RiskCheck.ShortSale);
        AssertDecision(Order(rm, new FakePortfolio().With("AAA", 30, 100m), "AAA", OrderSide.Sell, 50), RiskVerdict.Resize, 30, RiskCheck.ShortSale);
        AssertDecision(Order(rm, new FakePortfolio().With("AAA", 30, 100m), "AAA", OrderSide.Sell, 30), RiskVerdict.Accept, 30);
    }

    [Fact]
    public void ShortSale_ShortRestrictedSymbol_Rejected_OthersAllowed()
    {
        var rm = Manager(Defaults with { ShortRestricted = ["BBB"] });
        AssertDecision(Order(rm, new FakePortfolio(), "BBB", OrderSide.Sell, 10), RiskVerdict.Reject, 0, RiskCheck.ShortSale);
        AssertDecision(Order(rm, new FakePortfolio(), "AAA", OrderSide.Sell, 10), RiskVerdict.Accept, 10);
        // Covering an existing short is a buy: always allowed.
        AssertDecision(Order(rm, new FakePortfolio().With("BBB", -10, 100m), "BBB", OrderSide.Buy, 10), RiskVerdict.Accept, 10);
    }

    [Fact]
    public void ShortSale_CashAccount_Rejected() =>
        AssertDecision(Order(Manager(Defaults, new RiskManagerOptions(AccountType.Cash)), new FakePortfolio(), "AAA", OrderSide.Sell, 10),
            RiskVerdict.Reject, 0, RiskCheck.ShortSale);

    // ---- VaR ----

    [Theory]
    [InlineData(6079, RiskVerdict.Accept, 6079)]
    [InlineData(6080, RiskVerdict.Resize, 6079)]
    [InlineData(20_000, RiskVerdict.Resize, 6079)]
    public void MaxVar_TwoPercentOfEquityAt95(long qty, RiskVerdict verdict, long final)
    {
        // One asset with 2% daily volatility: VaR = 1.6449 × 0.02 × value ≤ 20,000 → value ≤ 607,957 → 6,079 shares at 100.
        var rm = Manager(Loose);
        rm.RiskModel = new RiskModel(["AAA"], new double[,] { { 0.0004 } });
        var d = Order(rm, new FakePortfolio(), "AAA", OrderSide.Buy, qty);
        AssertDecision(d, verdict, final, verdict == RiskVerdict.Accept ? null : RiskCheck.MaxVar);
    }

    [Fact]
    public void MaxVar_HedgingOrderThatLowersVar_Passes()
    {
        var rm = Manager(Loose);
        rm.RiskModel = new RiskModel(["AAA", "BBB"], new double[,] { { 0.0004, 0.00036 }, { 0.00036, 0.0004 } });
        var pf = new FakePortfolio().With("AAA", 7000, 100m);
        Assert.True(rm.RiskModel.PortfolioVar(pf, 0.95) > 20_000);
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Sell, 5000), RiskVerdict.Accept, 5000);
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Buy, 10), RiskVerdict.Reject, 0, RiskCheck.MaxVar);
    }

    [Fact]
    public void RiskModel_FromBarReturns_ScalesToOneDayAndPricesGaussianVar()
    {
        var cols = Reference.Columns();
        var symbols = Reference.Root.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var sample = Reference.Root.GetProperty("sample_cov").Matrix();

        // The fixture's returns are daily: one bar a day; as hourly bars (7 a session) the daily covariance is 7×.
        var daily = RiskModel.FromBarReturns(symbols, cols, Core.Time.TimeFrame.Daily);
        var hourly = RiskModel.FromBarReturns(symbols, cols, Core.Time.TimeFrame.Hourly);
        double[] values = [200_000, -50_000, 0, 0, 0, 100_000, 0, 0];
        double q = DenseMath.Quadratic(sample, values);
        Reference.Close(1.6448536269514722 * Math.Sqrt(q), daily.DailyVar(values, 0.95), rel: 1e-12);
        Reference.Close(Math.Sqrt(7.0) * daily.DailyVar(values, 0.95), hourly.DailyVar(values, 0.95), rel: 1e-12);
    }

    [Fact]
    public void MaxVar_SymbolOutsideModel_Rejected()
    {
        var rm = Manager(Loose);
        rm.RiskModel = new RiskModel(["AAA"], new double[,] { { 0.0004 } });
        AssertDecision(Order(rm, new FakePortfolio(), "ZZZ", OrderSide.Buy, 1), RiskVerdict.Reject, 0, RiskCheck.MaxVar);
    }

    // ---- drawdown, daily loss, circuit breaker ----

    [Theory]
    [InlineData("850001", false)]
    [InlineData("850000", true)]
    [InlineData("849999", true)]
    public void Drawdown_FifteenPercentFromPeak_HaltsAndFlattens(string equity, bool trips)
    {
        var rm = Manager(Defaults with { DailyLossLimitPct = 0.5, CircuitBreakerPct = 0.5 });
        var requests = new List<ProtectiveActionRequest>();
        rm.ProtectiveActionRequested += (_, r) => requests.Add(r);
        rm.OnEquity(T0, 900_000m);
        rm.OnEquity(T0 + TimeSpan.TicksPerDay, 1_000_000m);
        rm.OnEquity(T0 + (2 * TimeSpan.TicksPerDay), decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(trips, rm.Monitor.DrawdownHalted);
        Assert.Equal(trips ? TradingState.Flattening : TradingState.Normal, rm.State);
        if (trips)
        {
            var r = Assert.Single(requests);
            Assert.Equal(ProtectiveTrigger.Drawdown, r.Trigger);
            Assert.Equal(ProtectiveAction.Flatten, r.Action);
            Assert.Contains(rm.Log.Events, e => e.Kind == "state" && e.Check == "drawdown");
        }
        else
        {
            Assert.Empty(requests);
        }
    }

    [Fact]
    public void Drawdown_HaltPersistsAcrossDaysUntilReset_ReducingOrdersPass()
    {
        var rm = Manager(Defaults with { DrawdownAction = ProtectiveAction.Halt, DailyLossLimitPct = 0.5, CircuitBreakerPct = 0.5 });
        rm.OnEquity(T0, 1_000_000m);
        rm.OnEquity(T0 + TimeSpan.TicksPerHour, 840_000m);
        rm.OnEquity(T0 + (3 * TimeSpan.TicksPerDay), 845_000m);
        Assert.Equal(TradingState.Halted, rm.State);
        var pf = new FakePortfolio(845_000m).With("AAA", 100, 100m);
        long t = T0 + (3 * TimeSpan.TicksPerDay);
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Buy, 10, time: t), RiskVerdict.Reject, 0, RiskCheck.TradingHalt);
        AssertDecision(Order(rm, pf, "AAA", OrderSide.Sell, 100, time: t), RiskVerdict.Accept, 100);
        AssertDecision(Order(rm, pf, "AAA", OrderSide.Sell, 150, time: t), RiskVerdict.Resize, 100, RiskCheck.TradingHalt);
        rm.ResetDrawdownHalt(t, 845_000m, "reviewed by the desk");
        Assert.Equal(TradingState.Normal, rm.State);
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Buy, 10, time: t), RiskVerdict.Accept, 10);
    }

    [Theory]
    [InlineData("970001", false)]
    [InlineData("970000", true)]
    [InlineData("969999", true)]
    public void DailyLossLimit_ThreePercent_NoNewRiskUntilNextDay(string equity, bool trips)
    {
        var rm = Manager(Defaults with { CircuitBreakerPct = 0.5 });
        rm.OnEquity(T0, 1_000_000m);
        rm.OnEquity(T0 + TimeSpan.TicksPerHour, decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(trips ? TradingState.NoNewRisk : TradingState.Normal, rm.State);
        var pf = new FakePortfolio(970_000m);
        var d = Order(rm, pf, "AAA", OrderSide.Buy, 10, time: T0 + TimeSpan.TicksPerHour);
        Assert.Equal(trips ? RiskVerdict.Reject : RiskVerdict.Accept, d.Verdict);

        // Next trading day: cleared.
        rm.OnEquity(T0 + TimeSpan.TicksPerDay, 970_000m);
        Assert.Equal(TradingState.Normal, rm.State);
        AssertDecision(Order(rm, pf, "AAA", OrderSide.Buy, 10, time: T0 + TimeSpan.TicksPerDay), RiskVerdict.Accept, 10);
    }

    [Theory]
    [InlineData("970001", false)]
    [InlineData("970000", true)]
    [InlineData("969999", true)]
    public void CircuitBreaker_ThreePercentIntraday_FlattenPolicy(string equity, bool trips)
    {
        var rm = Manager(Defaults with { DailyLossLimitPct = 0.5, CircuitBreakerAction = ProtectiveAction.Flatten });
        var requests = new List<ProtectiveActionRequest>();
        rm.ProtectiveActionRequested += (_, r) => requests.Add(r);
        rm.OnEquity(T0, 1_000_000m);
        rm.OnEquity(T0 + TimeSpan.TicksPerHour, decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(trips, rm.Monitor.CircuitBreakerTripped);
        Assert.Equal(trips ? TradingState.Flattening : TradingState.Normal, rm.State);
        Assert.Equal(trips ? 1 : 0, requests.Count);
        if (trips)
        {
            Assert.Equal(ProtectiveAction.Flatten, requests[0].Action);
            Assert.Equal(ProtectiveTrigger.CircuitBreaker, requests[0].Trigger);
        }
    }

    [Fact]
    public void CircuitBreaker_HaltPolicy_TripsOncePerDay()
    {
        var rm = Manager(Defaults);
        rm.OnEquity(T0, 1_000_000m);
        var first = rm.OnEquity(T0 + TimeSpan.TicksPerHour, 960_000m);
        var again = rm.OnEquity(T0 + (2 * TimeSpan.TicksPerHour), 950_000m);
        Assert.Equal([ProtectiveTrigger.CircuitBreaker, ProtectiveTrigger.DailyLossLimit], first.Select(r => r.Trigger));
        Assert.All(first, r => Assert.Equal(ProtectiveAction.Halt, r.Action));
        Assert.Empty(again);
        Assert.Equal(TradingState.Halted, rm.State);
    }

    [Fact]
    public void DayBoundary_IsTheNewYorkDate()
    {
        // 23:30 UTC on 4 March is 18:30 in New York: still 4 March; 05:00 UTC on 5 March is midnight in New York.
        var rm = Manager(Defaults with { CircuitBreakerPct = 0.5 });
        rm.OnEquity(new DateTime(2024, 3, 4, 15, 0, 0, DateTimeKind.Utc).Ticks, 1_000_000m);
        rm.OnEquity(new DateTime(2024, 3, 4, 23, 30, 0, DateTimeKind.Utc).Ticks, 960_000m);
        Assert.Equal(TradingState.NoNewRisk, rm.State);
        rm.OnEquity(new DateTime(2024, 3, 5, 5, 0, 0, DateTimeKind.Utc).Ticks, 960_000m);
        Assert.Equal(TradingState.Normal, rm.State);
        Assert.Equal(960_000m, rm.Monitor.DayStartEquity);
    }

    // ---- kill switch ----

    [Fact]
    public void KillSwitch_RejectsEverythingUntilReleased_AndRaisesEvents()
    {
        var rm = Manager(Defaults);
        var changes = new List<KillSwitchChange>();
        rm.KillSwitch.Changed += (_, c) => changes.Add(c);
        var pf = new FakePortfolio().With("AAA", 100, 100m);
        Assert.True(rm.KillSwitch.Engage("operator", T0));
        Assert.False(rm.KillSwitch.Engage("again", T0));
        Assert.Equal(TradingState.Killed, rm.State);
        AssertDecision(Order(rm, pf, "AAA", OrderSide.Sell, 100), RiskVerdict.Reject, 0, RiskCheck.KillSwitch);
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Buy, 1), RiskVerdict.Reject, 0, RiskCheck.KillSwitch);
        Assert.True(rm.KillSwitch.Release("resolved", T0 + 1));
        AssertDecision(Order(rm, pf, "BBB", OrderSide.Buy, 1), RiskVerdict.Accept, 1);
        Assert.Equal([true, false], changes.Select(c => c.Engaged));
        Assert.Equal(2, rm.Log.Events.Count(e => e.Kind == "state" && e.Check == "kill_switch"));
    }

    // ---- logging, counting, writing, gate ----

    [Fact]
    public void Log_CountsDecisionsPerCheck()
    {
        var rm = Manager(Defaults);
        var pf = new FakePortfolio();
        Order(rm, pf, "AAA", OrderSide.Buy, 10);
        Order(rm, pf, "AAA", OrderSide.Buy, 5000);
        Order(rm, pf, "AAA", OrderSide.Buy, 10, last: 0m);
        Assert.Equal(1, rm.Log.Accepted);
        Assert.Equal(1, rm.Log.Resized);
        Assert.Equal(1, rm.Log.Rejected);
        Assert.Equal(1, rm.Log.ResizedBy(RiskCheck.MaxPosition));
        Assert.Equal(1, rm.Log.RejectedBy(RiskCheck.NoPrice));
        Assert.Equal(3, rm.Log.Events.Count);
        Assert.StartsWith("risk: 1 accepted, 1 resized, 1 rejected", rm.Log.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWriter_WritesHeaderRowsWithUtcAndNewYorkTimesAndNoTemporaryFile()
    {
        var rm = Manager(Defaults);
        Order(rm, new FakePortfolio(), "AAA", OrderSide.Buy, 5000);
        using var dir = new TempDir();
        var path = dir.File("results/risk_events.csv");
        RiskEventCsvWriter.Write(path, rm.Log.Events);
        var lines = File.ReadAllLines(path);
        Assert.Equal(RiskEventCsvWriter.Header, lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2024-03-04T15:00:00Z,2024-03-04T10:00:00-05:00,order,test,AAA,buy,5000,1000,resize,max_order_notional;max_position,", lines[1], StringComparison.Ordinal);
        Assert.Equal(["risk_events.csv"], Directory.GetFiles(dir.File("results")).Select(Path.GetFileName)); // no temporary file left
    }

    [Fact]
    public void CsvWriter_Row_ExchangeTimeFollowsDaylightSavingAndQuotesReasonsWithCommasAndQuotes()
    {
        // 2024-03-08 is EST (−05:00); 2024-03-11, after the second Sunday of March, is EDT (−04:00).
        var winter = new RiskEvent(new DateTime(2024, 3, 8, 14, 30, 0, DateTimeKind.Utc).Ticks, "order", "s", "AAA", "buy", 100, 0, "reject", "restricted",
            "AAA is on the \"restricted\" list, only closing");
        var summer = new RiskEvent(new DateTime(2024, 3, 11, 13, 30, 0, DateTimeKind.Utc).Ticks, "state", string.Empty, string.Empty, string.Empty, 0, 0, "halted",
            "circuit_breaker", "tripped");
        Assert.Equal("2024-03-08T14:30:00Z,2024-03-08T09:30:00-05:00,order,s,AAA,buy,100,0,reject,restricted,\"AAA is on the \"\"restricted\"\" list, only closing\"",
            RiskEventCsvWriter.Row(winter));
        Assert.Equal("2024-03-11T13:30:00Z,2024-03-11T09:30:00-04:00,state,,,,0,0,halted,circuit_breaker,tripped", RiskEventCsvWriter.Row(summer));
        Assert.Equal(RiskEventCsvWriter.Header + "\n" + RiskEventCsvWriter.Row(winter) + "\n" + RiskEventCsvWriter.Row(summer) + "\n",
            RiskEventCsvWriter.ToCsv([winter, summer]));
        Assert.Equal(11, RiskEventCsvWriter.Header.Split(',').Length);
    }

    [Fact]
    public void Gate_MapsDecisionsToEngineVerdicts()
    {
        var gate = new RiskOrderGate(Manager(Defaults));
        var pf = new FakePortfolio();
        var ok = gate.Check(new OrderCheck("s", 0, OrderRequest.Market("AAA", OrderSide.Buy, 10), pf, 100m, T0));
        var cut = gate.Check(new OrderCheck("s", 0, OrderRequest.Market("AAA", OrderSide.Buy, 1500), pf, 100m, T0));
        var no = gate.Check(new OrderCheck("s", 0, OrderRequest.Market("AAA", OrderSide.Buy, 10), pf, 0m, T0));
        Assert.Equal(GateVerdict.Accept, ok.Verdict);
        Assert.Equal(GateVerdict.Resize, cut.Verdict);
        Assert.Equal(1000, cut.Quantity);
        Assert.Contains("max_position_pct", cut.Reason, StringComparison.Ordinal);
        Assert.Equal(GateVerdict.Reject, no.Verdict);
    }

    [Fact]
    public void Gate_FeedsEquityToTheMonitor()
    {
        var gate = new RiskOrderGate(Manager(Defaults));
        gate.Check(new OrderCheck("s", 0, OrderRequest.Market("AAA", OrderSide.Buy, 10), new FakePortfolio(1_000_000m), 100m, T0));
        var d = gate.Check(new OrderCheck("s", 0, OrderRequest.Market("AAA", OrderSide.Buy, 10), new FakePortfolio(960_000m), 100m, T0 + TimeSpan.TicksPerHour));
        Assert.Equal(GateVerdict.Reject, d.Verdict);
        Assert.Equal(TradingState.Halted, gate.RiskManager.State);
    }

    [Fact]
    public void ShippedRiskParams_LoadAndDriveTheManager()
    {
        var cfg = ConfigLoader.Load(RepoPaths.Root, new Dictionary<string, string>());
        var rm = new RiskManager(cfg.Risk, cfg.Universe);
        Assert.Equal(Defaults with { Restricted = cfg.Risk.Restricted, ShortRestricted = cfg.Risk.ShortRestricted }, cfg.Risk);
        Assert.Equal("Information Technology", rm.SectorOf("AAPL"));
        var d = rm.Evaluate(new OrderIntent("s", OrderRequest.Market("AAPL", OrderSide.Buy, 1001), new FakePortfolio(), 100m, T0));
        Assert.Equal(1000, d.Quantity);
    }
}
