using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;

namespace AlphaTrade.Engine.Tests.Costs;

public sealed class CommissionModelTests
{
    private static TradeCostParameters Buy(long q, decimal notional) => new("AAA", OrderSide.Buy, q, notional);

    private static TradeCostParameters Sell(long q, decimal notional) => new("AAA", OrderSide.Sell, q, notional);

    [Theory]
    [InlineData(100, "5000", "1.00")] // 0.50 raises to the $1 minimum
    [InlineData(1000, "50000", "5.00")] // 1000 × 0.005
    [InlineData(333, "6660", "1.67")] // 1.665 rounds half away from zero
    [InlineData(10, "50", "0.50")] // minimum $1 capped at 1% of $50
    [InlineData(100000, "40000", "400.00")] // $500 capped at 1% of $40,000
    public void PerShare_IbkrFixed_MatchesHandComputedCents(long shares, string notional, string expected)
    {
        var model = new PerShareCommission(0.005m, 1.00m, 0.01m);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            model.Commission(Buy(shares, decimal.Parse(notional, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void PerShare_PartialFillsOnRunningTotals_ChargeMinimumOnce()
    {
        var model = new PerShareCommission();
        decimal first = model.Commission(Buy(50, 5000m));
        decimal second = model.Commission(Buy(100, 10000m)) - first;
        decimal third = model.Commission(Buy(400, 40000m)) - first - second;
        Assert.Equal(1.00m, first);
        Assert.Equal(0.00m, second);
        Assert.Equal(1.00m, third); // 400 × 0.005 = 2.00 in total
    }

    [Fact]
    public void Percent_OfNotional_RoundsToCent()
    {
        var model = new PercentCommission(0.0005m);
        Assert.Equal(6.17m, model.Commission(Buy(1000, 12345.67m))); // 6.172835
    }

    [Fact]
    public void Zero_AnyTrade_IsZero()
    {
        Assert.Equal(0m, ZeroCommission.Instance.Commission(Sell(1000, 50000m)));
    }

    [Theory]
    [InlineData(1000, "50000", "1.56")] // SEC 1.39 + TAF 0.166 → 0.17
    [InlineData(100, "12345", "0.37")] // SEC 0.343191 → 0.35 + TAF 0.0166 → 0.02
    [InlineData(60000, "600000", "24.98")] // SEC 16.68 + TAF 9.96 capped at 8.30
    public void UsRegulatoryFees_Sale_MatchesHandComputedCents(long shares, string notional, string expected)
    {
        var model = new UsRegulatoryFees(0.0000278m, 0.000166m, 8.30m);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            model.Fees(Sell(shares, decimal.Parse(notional, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void UsRegulatoryFees_Purchase_IsFree()
    {
        Assert.Equal(0m, new UsRegulatoryFees().Fees(Buy(1000, 50000m)));
    }

    [Fact]
    public void CostModels_FromDefaults_BuildsSettingsModels()
    {
        var m = CostModels.FromOptions(CostOptions.Default);
        Assert.IsType<PerShareCommission>(m.Commission);
        Assert.IsType<UsRegulatoryFees>(m.Fees);
        Assert.IsType<FixedBpsSlippage>(m.Slippage);
        Assert.IsType<AnnualRateBorrowFee>(m.BorrowFee);
        Assert.IsType<AnnualRateInterest>(m.Interest);
        Assert.Equal(5.00m, m.Commission.Commission(Buy(1000, 50000m)));
    }

    [Fact]
    public void CostModels_Free_ChargesNothing()
    {
        var m = CostModels.FromOptions(CostOptions.Free);
        Assert.Equal(0m, m.Commission.Commission(Sell(1000, 50000m)));
        Assert.Equal(0m, m.Fees.Fees(Sell(1000, 50000m)));
        Assert.Equal(0m, m.Slippage.Slippage(new SlippageParameters("AAA", OrderSide.Buy, 10, 100m, default, 26)));
    }
}
