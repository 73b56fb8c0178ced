using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Engine.Tests.Portfolio;

public sealed class LedgerTests
{
    private static readonly SymbolTable Symbols = new(["AAA", "BBB"]);
    private static long _id;

    private static Fill F(string symbol, OrderSide side, long q, decimal price, decimal commission = 0m, decimal fees = 0m) =>
        new(new OrderId(++_id), symbol, side, q, price, commission, fees, 0);

    private static Ledger New(decimal cash = 100_000m) => new(Symbols, ["s1", "s2"], cash);

    [Fact]
    public void ApplyFill_BuyThenSellHigher_RealizesProfitAndMovesCash()
    {
        var l = New();
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 100, 10m, commission: 1m));
        decimal realized = l.ApplyFill(0, 0, F("AAA", OrderSide.Sell, 100, 12m, commission: 1m, fees: 0.03m));
        Assert.Equal(200m, realized);
        Assert.Equal(100_000m - 1_000m - 1m + 1_200m - 1m - 0.03m, l.Cash);
        Assert.Equal(0, l.Quantity(0));
        Assert.Equal(0m, l.AccountPosition(0).CostBasis);
        Assert.Equal(197.97m, l.TotalPnl().NetPnl);
    }

    [Fact]
    public void ApplyFill_ShortThenCoverLower_RealizesProfit()
    {
        var l = New();
        l.ApplyFill(0, 0, F("AAA", OrderSide.Sell, 50, 20m));
        Assert.Equal(-50, l.Quantity(0));
        Assert.Equal(-1000m, l.AccountPosition(0).CostBasis);
        Assert.Equal(20m, l.AccountPosition(0).AveragePrice);
        decimal realized = l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 50, 18m));
        Assert.Equal(100m, realized);
        Assert.Equal(100_100m, l.Cash);
    }

    [Fact]
    public void ApplyFill_FlipThroughZero_ClosesOldAndOpensNewAtFillPrice()
    {
        var l = New();
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 100, 10m));
        decimal realized = l.ApplyFill(0, 0, F("AAA", OrderSide.Sell, 150, 11m));
        Assert.Equal(100m, realized);
        var p = l.AccountPosition(0);
        Assert.Equal(-50, p.Quantity);
        Assert.Equal(-550m, p.CostBasis);
        Assert.Equal(11m, p.AveragePrice);
    }

    [Fact]
    public void ApplyFill_PartialReduce_RemovesBasisProRata()
    {
        var l = New();
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 100, 10m));
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 100, 12m));
        Assert.Equal(11m, l.AccountPosition(0).AveragePrice);
        decimal realized = l.ApplyFill(0, 0, F("AAA", OrderSide.Sell, 50, 13m));
        Assert.Equal(100m, realized);
        Assert.Equal(1650m, l.AccountPosition(0).CostBasis);
    }

    [Fact]
    public void Equity_MarksMoveUnrealizedNotCash()
    {
        var l = New();
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 100, 10m));
        l.SetMark(0, 10.5);
        Assert.Equal(99_000m, l.Cash);
        Assert.Equal(100_050m, l.Equity);
        Assert.Equal(50m, l.SymbolPnl(0).UnrealizedPnl);
        Assert.Equal(100_050.0, l.EquityEstimate(), 9);
    }

    [Fact]
    public void Strategies_OppositePositions_NetInAccountAndAttributeSeparately()
    {
        var l = New();
        l.ApplyFill(0, 1, F("BBB", OrderSide.Buy, 100, 10m));
        l.ApplyFill(1, 1, F("BBB", OrderSide.Sell, 100, 10m));
        l.SetMark(1, 12);
        Assert.Equal(0, l.Quantity(1));
        Assert.Equal(100, l.StrategyQuantity(0, 1));
        Assert.Equal(-100, l.StrategyQuantity(1, 1));
        Assert.Equal(200m, l.StrategyPnl(0).NetPnl);
        Assert.Equal(-200m, l.StrategyPnl(1).NetPnl);
        Assert.Equal(0m, l.TotalPnl().NetPnl);
    }

    [Fact]
    public void AccrueFinancing_ShortAndCash_ChargesBorrowAndCreditsInterest()
    {
        var l = New(1_000_000m);
        l.ApplyFill(0, 0, F("AAA", OrderSide.Sell, 1000, 50m));
        l.SetMark(0, 50);
        var (borrow, interest) = l.AccrueFinancing(new AnnualRateBorrowFee(0.005m), new AnnualRateInterest(0.05m, 0.06m), 3);
        Assert.Equal(2.08m, borrow); // 50,000 × 0.5% × 3/360
        Assert.Equal(437.50m, interest); // 1,050,000 × 5% × 3/360
        Assert.Equal(1_050_000m + 437.50m - 2.08m, l.Cash);
        Assert.Equal(2.08m, l.StrategyPosition(0, 0).BorrowFees);
    }

    [Fact]
    public void ApplyFill_WrongSymbolId_Throws()
    {
        var l = New();
        Assert.Throws<ArgumentException>(() => l.ApplyFill(0, 1, F("AAA", OrderSide.Buy, 1, 1m)));
    }

    [Fact]
    public void MarketValues_EqualThePositionsMarketValues_ZeroWhenFlat_AndFollowMarksAndFills()
    {
        var l = New();
        l.SetMark(0, 10.123456);
        l.SetMark(1, 20.5);
        l.ApplyFill(0, 0, F("AAA", OrderSide.Buy, 300, 10.12m));
        Assert.Equal(["AAA", "BBB"], l.ValueSymbols);
        Assert.Equal(0, l.ValueIndex("AAA"));
        Assert.Equal(-1, l.ValueIndex("ZZZ"));

        long version = l.ValuesVersion;
        Assert.Equal(l.Position("AAA").MarketValue, l.MarketValues()[0]);
        Assert.Equal(300 * 10.1235m, l.MarketValues()[0]); // the mark rounded to $0.0001
        Assert.Equal(0m, l.MarketValues()[1]);
        Assert.Equal(l.Cash + l.MarketValues()[0], l.Equity);

        l.SetMark(0, 11.0);
        Assert.NotEqual(version, l.ValuesVersion);
        Assert.Equal(3300m, l.MarketValues()[0]);
        l.ApplyFill(0, 1, F("BBB", OrderSide.Sell, 100, 20.5m));
        Assert.Equal(-2050m, l.MarketValues()[1]);
        Assert.Equal(l.Position("BBB").MarketValue, l.MarketValues()[1]);
        Assert.Equal(3300m + 2050m, l.GrossExposure);
        Assert.Equal(3300m - 2050m, l.NetExposure);
        Assert.Equal(l.Cash + 3300m - 2050m, l.Equity);
    }
}
