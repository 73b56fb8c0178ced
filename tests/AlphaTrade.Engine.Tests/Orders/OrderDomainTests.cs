using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Tests.Orders;

public sealed class OrderDomainTests
{
    [Fact]
    public void OrderRequest_LimitWithoutPrice_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrderRequest("AAA", OrderSide.Buy, 1, OrderType.Limit));

    [Fact]
    public void OrderRequest_MarketWithLimitPrice_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrderRequest("AAA", OrderSide.Buy, 1, OrderType.Market, limitPrice: 10m));

    [Fact]
    public void OrderRequest_ZeroQuantity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderRequest.Market("AAA", OrderSide.Buy, 0));

    [Fact]
    public void OrderRequest_GtcMarketOnClose_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrderRequest("AAA", OrderSide.Buy, 1, OrderType.MarketOnClose, TimeInForce.Gtc));

    [Fact]
    public void OrderRequest_StopLimit_KeepsBothPrices()
    {
        var r = OrderRequest.StopLimit("AAA", OrderSide.Sell, 5, 9.5m, 9.4m);
        Assert.Equal(9.5m, r.StopPrice);
        Assert.Equal(9.4m, r.LimitPrice);
        Assert.Equal(-5, r.SignedQuantity);
    }

    [Fact]
    public void OrderRequest_Amend_ChangesOnlyGivenFields()
    {
        var r = OrderRequest.Limit("AAA", OrderSide.Buy, 100, 10m, TimeInForce.Gtc, "t");
        var a = r.Amend(new OrderAmendment(limitPrice: 10.5m));
        Assert.Equal(100, a.Quantity);
        Assert.Equal(10.5m, a.LimitPrice);
        Assert.Equal(TimeInForce.Gtc, a.TimeInForce);
        Assert.Equal("t", a.Tag);
    }

    [Fact]
    public void OrderAmendment_Empty_Throws() => Assert.Throws<ArgumentException>(() => new OrderAmendment());

    [Fact]
    public void OrderId_NotPositive_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new OrderId(0));

    [Fact]
    public void Fill_CashFlow_SaleIsNotionalLessCosts()
    {
        var f = new Fill(new OrderId(1), "AAA", OrderSide.Sell, 3, 12.3456m, 1m, 0.02m, 0);
        Assert.Equal(37.04m, f.Notional); // 37.0368 to the cent
        Assert.Equal(37.04m - 1.02m, f.CashFlow);
    }

    [Fact]
    public void Fill_NegativeCommission_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fill(new OrderId(1), "AAA", OrderSide.Buy, 1, 1m, -1m, 0m, 0));

    [Theory]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Expired, true)]
    [InlineData(OrderStatus.PartiallyFilled, false)]
    [InlineData(OrderStatus.Accepted, false)]
    public void IsTerminal_FinalStatuses_AreTerminal(OrderStatus status, bool terminal) => Assert.Equal(terminal, status.IsTerminal());
}
