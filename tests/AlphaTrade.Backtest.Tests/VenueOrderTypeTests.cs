using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

/// <summary>Order-type semantics of the simulated venue on hand-built bars (2024-01-02/03, New York times).</summary>
public sealed class VenueOrderTypeTests
{
    private static readonly CostOptions OneBps = CostOptions.Free with { SlippageBps = 1.0 };

    /// <summary>b0 09:30 (the strategy acts at its close), then b1 09:45, b2 10:00, b3 10:15 on 01-02.</summary>
    private static BarSeries Morning((double O, double H, double L, double C) b1, (double O, double H, double L, double C)? b2 = null,
        double volume = 1_000_000, string symbol = "AAA")
    {
        var c2 = b2 ?? (100, 100.5, 99.5, 100);
        return Series(symbol,
            (Et(2, 9, 30), 100, 100.5, 99.5, 100, volume),
            (Et(2, 9, 45), b1.O, b1.H, b1.L, b1.C, volume),
            (Et(2, 10, 0), c2.O, c2.H, c2.L, c2.C, volume),
            (Et(2, 10, 15), 100.2, 100.5, 100, 100.2, volume));
    }

    [Fact]
    public void Market_NextBar_FillsAtOpenPlusSlippage()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 100)));
        Run([Morning((101, 102, 100, 101.5))], s, OneBps);
        var f = Assert.Single(s.Fills);
        Assert.Equal(101.0101m, f.Price);
        Assert.Equal(Et(2, 9, 45), f.TimeUtcTicks);
        Assert.Equal(100, f.Quantity);
    }

    [Fact]
    public void Market_Sell_FillsAtOpenMinusSlippage()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Sell, 100)));
        Run([Morning((101, 102, 100, 101.5))], s, OneBps);
        Assert.Equal(100.9899m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void Market_DefaultCosts_ChargesIbkrCommissionAndSaleFees()
    {
        var s = new Script()
            .On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 1000)))
            .On(1, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Sell, 1000)));
        Run([Morning((101, 102, 100, 101.5), (100, 100.5, 99.5, 100))], s, CostOptions.Default);
        Assert.Equal(2, s.Fills.Count);
        Assert.Equal(101.0101m, s.Fills[0].Price);
        Assert.Equal(5.00m, s.Fills[0].Commission);
        Assert.Equal(0m, s.Fills[0].Fees);
        Assert.Equal(99.99m, s.Fills[1].Price); // 100 − 0.01
        Assert.Equal(5.00m, s.Fills[1].Commission);
        Assert.Equal(2.78m + 0.17m, s.Fills[1].Fees); // SEC 99,990 × 0.0000278 = 2.7797 → 2.78; TAF 0.166 → 0.17
    }

    [Fact]
    public void Limit_BarGapsThrough_FillsAtOpen()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 100m)));
        Run([Morning((99, 99.5, 98, 99))], s);
        Assert.Equal(99m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void Limit_GapThroughWithSlippage_NeverWorseThanLimit()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 99.005m)));
        Run([Morning((99, 99.5, 98, 99))], s, OneBps);
        Assert.Equal(99.005m, Assert.Single(s.Fills).Price); // 99.0099 bounded by the limit
    }

    [Fact]
    public void Limit_BarTradesThrough_FillsAtLimit()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 100m)));
        Run([Morning((101, 101.5, 99.5, 100.8))], s, OneBps);
        var f = Assert.Single(s.Fills);
        Assert.Equal(100m, f.Price);
        Assert.Equal(Et(2, 9, 45), f.TimeUtcTicks);
    }

    [Fact]
    public void Limit_BarOnlyTouches_DoesNotFill()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 100m)));
        Run([Morning((101, 101.5, 100, 100.8), (101, 101.5, 100.5, 101))], s);
        Assert.Empty(s.Fills);
        Assert.IsType<OrderExpired>(s.Events[^1]);
    }

    [Fact]
    public void Limit_TouchWithCertainProbability_FillsAtLimit()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 100m)));
        Run([Morning((101, 101.5, 100, 100.8))], s, venue: NoCap with { TouchFillProbability = 1.0 });
        Assert.Equal(100m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void SellLimit_BarTradesThrough_FillsAtLimit()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Sell, 100, 102m)));
        Run([Morning((101, 102.5, 100.5, 102))], s);
        Assert.Equal(102m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void Stop_TriggeredIntrabar_FillsAtStopPlusSlippage()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Stop("AAA", OrderSide.Buy, 100, 102m)));
        Run([Morning((101, 102.5, 100.5, 102.2))], s, OneBps);
        var f = Assert.Single(s.Fills);
        Assert.Equal(102.0102m, f.Price);
        Assert.Equal(Et(2, 9, 45), f.TimeUtcTicks);
    }

    [Fact]
    public void Stop_GapsThrough_FillsAtOpen()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Stop("AAA", OrderSide.Buy, 100, 102m)));
        Run([Morning((103, 104, 102.5, 103.5))], s);
        Assert.Equal(103m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void SellStop_TriggeredIntrabar_FillsAtStop()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Stop("AAA", OrderSide.Sell, 100, 99m)));
        Run([Morning((100, 100.2, 98.5, 98.8))], s);
        Assert.Equal(99m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void Stop_NeverReached_NoFillAndExpiresAtClose()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Stop("AAA", OrderSide.Buy, 100, 102m)));
        Run([Morning((101, 101.5, 100.5, 101))], s);
        Assert.Empty(s.Fills);
        Assert.Equal(Et(2, 16, 0), s.Last<OrderExpired>().TimeUtcTicks);
    }

    [Fact]
    public void StopLimit_LimitAtOrAboveStop_FillsAtStopOnTriggerBar()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.StopLimit("AAA", OrderSide.Buy, 100, 102m, 102.5m)));
        Run([Morning((101, 103, 100.5, 102.8))], s);
        Assert.Equal(102m, Assert.Single(s.Fills).Price);
    }

    [Fact]
    public void StopLimit_LimitBelowStop_FillsOnLaterBarAtLimit()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.StopLimit("AAA", OrderSide.Buy, 100, 102m, 101.5m)));
        Run([Morning((101, 103, 101.0, 102.5), (101.8, 102, 101.2, 101.6))], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(101.5m, f.Price);
        Assert.Equal(Et(2, 10, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void StopLimit_GapsAboveLimit_WaitsUntilPriceComesBack()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.StopLimit("AAA", OrderSide.Buy, 100, 102m, 102.5m)));
        Run([Morning((104, 105, 103, 104), (103, 103.2, 102, 102.4))], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(102.5m, f.Price);
        Assert.Equal(Et(2, 10, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void ParticipationCap_LargeOrder_PartialFillsCarriedAcrossBars()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 120)));
        Run([Morning((101, 102, 100, 101), (102, 103, 101, 102), volume: 500)], s, CostOptions.Default with { SlippageBps = 0 },
            new VenueOptions { ParticipationCap = 0.10 });
        Assert.Equal([50L, 50L, 20L], s.Fills.Select(f => f.Quantity));
        Assert.Equal([101m, 102m, 100.2m], s.Fills.Select(f => f.Price));
        Assert.Equal([Et(2, 9, 45), Et(2, 10, 0), Et(2, 10, 15)], s.Fills.Select(f => f.TimeUtcTicks));
        Assert.Equal([1.00m, 0m, 0m], s.Fills.Select(f => f.Commission)); // the $1 minimum once per order
        var fillEvents = s.Events.OfType<OrderFillEvent>().ToList();
        Assert.Empty(fillEvents); // fills go to OnFill, not OnOrderEvent
        Assert.IsType<OrderAccepted>(Assert.Single(s.Events));
    }

    [Fact]
    public void Ioc_CapBindsOnFirstBar_FillsWhatItCanAndCancelsRest()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 120, TimeInForce.Ioc)));
        Run([Morning((101, 102, 100, 101), volume: 500)], s, venue: new VenueOptions { ParticipationCap = 0.10 });
        Assert.Equal(50, Assert.Single(s.Fills).Quantity);
        Assert.Contains("IOC", s.Last<OrderCancelled>().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ioc_LimitNotMarketable_CancelledWithoutFill()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 95m, TimeInForce.Ioc)));
        Run([Morning((101, 102, 100, 101), (94, 95, 93, 94))], s);
        Assert.Empty(s.Fills);
        Assert.Equal(Et(2, 9, 45), s.Last<OrderCancelled>().TimeUtcTicks);
    }

    [Fact]
    public void Fok_MoreThanBarAllows_CancelledWithNoFill()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 120, TimeInForce.Fok)));
        Run([Morning((101, 102, 100, 101), volume: 500)], s, venue: new VenueOptions { ParticipationCap = 0.10 });
        Assert.Empty(s.Fills);
        Assert.Contains("FOK", s.Last<OrderCancelled>().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fok_WithinBar_FillsCompletely()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 40, TimeInForce.Fok)));
        Run([Morning((101, 102, 100, 101), volume: 500)], s, venue: new VenueOptions { ParticipationCap = 0.10 });
        Assert.Equal(40, Assert.Single(s.Fills).Quantity);
        Assert.DoesNotContain(s.Events, e => e is OrderCancelled);
    }

    private static BarSeries TwoDays(double day2Low) => Series("AAA",
        (Et(2, 9, 30), 100, 100.5, 99.5, 100, 1e6),
        (Et(2, 15, 45), 100, 100.5, 99.5, 100, 1e6),
        (Et(3, 9, 30), 100, 100.5, day2Low, 100, 1e6),
        (Et(3, 9, 45), 100, 100.5, 99.5, 100, 1e6));

    [Fact]
    public void Day_UnfilledLimit_ExpiresAtSessionCloseAndNeverFillsNextDay()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 98m)));
        Run([TwoDays(day2Low: 97)], s);
        Assert.Empty(s.Fills);
        var x = s.Last<OrderExpired>();
        Assert.Equal(Et(2, 16, 0), x.TimeUtcTicks);
        Assert.Contains("DAY", x.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gtc_UnfilledLimit_WorksIntoNextDay()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 98m, TimeInForce.Gtc)));
        Run([TwoDays(day2Low: 97)], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(98m, f.Price);
        Assert.Equal(Et(3, 9, 30), f.TimeUtcTicks);
    }

    [Fact]
    public void MarketOnClose_SubmittedInSession_FillsAtLastBarClose()
    {
        var bars = Series("AAA",
            (Et(2, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 9, 45), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 15, 45), 104, 105.5, 103.5, 105, 1e6));
        var s = new Script().On(0, c => c.Submit(OrderRequest.MarketOnClose("AAA", OrderSide.Buy, 100)));
        Run([bars], s, OneBps);
        var f = Assert.Single(s.Fills);
        Assert.Equal(105.0105m, f.Price);
        Assert.Equal(Et(2, 16, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void MarketOnClose_AfterLastBarStarted_FillsAtNextSessionClose()
    {
        var bars = Series("AAA",
            (Et(2, 15, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 15, 45), 101, 101.5, 100.5, 101, 1e6),
            (Et(3, 9, 30), 102, 102.5, 101.5, 102, 1e6),
            (Et(3, 15, 45), 103, 103.5, 102.5, 103, 1e6));
        var s = new Script().On(1, c => c.Submit(OrderRequest.MarketOnClose("AAA", OrderSide.Buy, 100)));
        Run([bars], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(103m, f.Price);
        Assert.Equal(Et(3, 16, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void MarketOnOpen_SubmittedDuringSession_FillsAtNextSessionOpen()
    {
        var bars = Series("AAA",
            (Et(2, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 9, 45), 101, 101.5, 100.5, 101, 1e6),
            (Et(3, 9, 30), 97, 98.5, 96.5, 98, 1e6),
            (Et(3, 9, 45), 103, 103.5, 102.5, 103, 1e6));
        var s = new Script().On(0, c => c.Submit(OrderRequest.MarketOnOpen("AAA", OrderSide.Sell, 100)));
        Run([bars], s, OneBps);
        var f = Assert.Single(s.Fills);
        Assert.Equal(96.9903m, f.Price);
        Assert.Equal(Et(3, 9, 30), f.TimeUtcTicks);
    }

    [Fact]
    public void MissingBar_SymbolWithoutBar_FillsOnItsNextBar()
    {
        var aaa = Morning((101, 102, 100, 101));
        var bbb = Series("BBB",
            (Et(2, 9, 30), 50, 50.5, 49.5, 50, 1e6),
            (Et(2, 10, 0), 52, 52.5, 51.5, 52, 1e6));
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("BBB", OrderSide.Buy, 100)));
        Run([aaa, bbb], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(52m, f.Price);
        Assert.Equal(Et(2, 10, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void HaltedBar_ZeroVolume_DoesNotFill()
    {
        var bars = Series("AAA",
            (Et(2, 9, 30), 100, 100.5, 99.5, 100, 1e6),
            (Et(2, 9, 45), 101, 101, 101, 101, 0),
            (Et(2, 10, 0), 102, 102.5, 101.5, 102, 1e6));
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 100)));
        Run([bars], s);
        Assert.Equal(Et(2, 10, 0), Assert.Single(s.Fills).TimeUtcTicks);
    }

    [Fact]
    public void OutsideSession_PreMarketBars_DoNotFill()
    {
        var bars = Series("AAA",
        [
            (Et(2, 9, 0), 100, 100.5, 99.5, 100, 1e6, BarFlags.ExtendedHours),
            (Et(2, 9, 15), 99, 99.5, 98.5, 99, 1e6, BarFlags.ExtendedHours),
            (Et(2, 9, 30), 101, 101.5, 100.5, 101, 1e6, BarFlags.None),
        ]);
        var s = new Script().On(0, c => c.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 100)));
        Run([bars], s);
        var f = Assert.Single(s.Fills);
        Assert.Equal(101m, f.Price);
        Assert.Equal(Et(2, 9, 30), f.TimeUtcTicks);
    }

    [Fact]
    public void Cancel_WorkingLimit_CancelledAndNeverFills()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 99m)));
        s.Do(1, c => Assert.True(c.Cancel(s.Ids[0])));
        Run([Morning((100, 100.5, 99.5, 100), (98, 98.5, 97, 98))], s);
        Assert.Empty(s.Fills);
        Assert.Equal("cancelled by request", s.Last<OrderCancelled>().Reason);
    }

    [Fact]
    public void Replace_LimitPrice_FillsAtNewPriceFromNextBar()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 98m)));
        s.Do(1, c => c.Replace(s.Ids[0], new OrderAmendment(limitPrice: 99.8m)));
        Run([Morning((100, 100.5, 99.6, 100), (100, 100.2, 99.5, 100))], s);
        Assert.Equal(99.8m, s.Last<OrderReplaced>().Request.LimitPrice);
        var f = Assert.Single(s.Fills);
        Assert.Equal(99.8m, f.Price);
        Assert.Equal(Et(2, 10, 0), f.TimeUtcTicks);
    }

    [Fact]
    public void Replace_QuantityNotAboveFilled_IsRefusedAsEvent()
    {
        var s = new Script().On(0, c => c.Submit(OrderRequest.Limit("AAA", OrderSide.Buy, 100, 98m)));
        s.Do(1, c => c.Replace(s.Ids[0], new OrderAmendment(stopPrice: 97m)));
        Run([Morning((100, 100.5, 99.5, 100))], s);
        Assert.Contains("replace refused", s.Last<OrderUpdateRejected>().Reason, StringComparison.Ordinal);
    }
}
