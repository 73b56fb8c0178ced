using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Engine.Tests.Portfolio;

public sealed class BuyingPowerTests
{
    private static readonly SymbolTable Symbols = new(["AAA", "BBB"]);

    private static Ledger Funded(decimal cash = 100_000m)
    {
        var l = new Ledger(Symbols, ["s"], cash);
        l.SetMark(0, 100);
        l.SetMark(1, 50);
        return l;
    }

    [Theory]
    [InlineData(true, 4000, true)] // 4000 × 100 = 4× equity: allowed intraday
    [InlineData(true, 4001, false)]
    [InlineData(false, 2000, true)] // overnight 2×
    [InlineData(false, 2001, false)]
    public void RegT_GrossLimits_IntradayFourOvernightTwo(bool intraday, long shares, bool allowed)
    {
        var reason = BuyingPower.Check(MarginPolicy.RegT, Funded(), new long[2], 0, OrderRequest.Market("AAA", OrderSide.Buy, shares), intraday);
        Assert.Equal(allowed, reason is null);
        if (!allowed)
        {
            Assert.Contains("insufficient buying power", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CashAccount_ShortSale_IsRejectedWithReason()
    {
        var reason = BuyingPower.Check(MarginPolicy.CashAccount, Funded(), new long[2], 0, OrderRequest.Market("AAA", OrderSide.Sell, 1), true);
        Assert.NotNull(reason);
        Assert.Contains("short sale not allowed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CashAccount_OneTimesEquity_IsTheLimit()
    {
        var l = Funded();
        Assert.Null(BuyingPower.Check(MarginPolicy.CashAccount, l, new long[2], 0, OrderRequest.Market("AAA", OrderSide.Buy, 1000), true));
        Assert.NotNull(BuyingPower.Check(MarginPolicy.CashAccount, l, new long[2], 0, OrderRequest.Market("AAA", OrderSide.Buy, 1001), true));
    }

    [Fact]
    public void WorkingOrders_CountTowardsExposure()
    {
        var working = new long[] { 0, 3000 }; // 3000 × 50 = 150,000 already working in BBB
        var reason = BuyingPower.Check(MarginPolicy.RegT, Funded(), working, 0, OrderRequest.Market("AAA", OrderSide.Buy, 600), false);
        Assert.NotNull(reason); // 150,000 + 60,000 > 200,000
    }

    [Fact]
    public void ReducingOrder_AlwaysPasses()
    {
        var l = new Ledger(Symbols, ["s"], 1_000m);
        l.ApplyFill(0, 0, new Fill(new OrderId(1), "AAA", OrderSide.Buy, 100, 10m, 0m, 0m, 0));
        l.SetMark(0, 1); // equity 1000 − 1000 + 100 = 100
        Assert.Null(BuyingPower.Check(MarginPolicy.CashAccount, l, new long[2], 0, OrderRequest.Market("AAA", OrderSide.Sell, 100), true));
    }
}
