using AlphaTrade.Risk.Sizing;

namespace AlphaTrade.Risk.Tests;

public class SizingTests
{
    [Fact]
    public void OptimalF_MatchesScipyBoundedSearch()
    {
        var e = Reference.Root.GetProperty("optimal_f");
        var r = PositionSizer.OptimalF(e.GetProperty("trades").Doubles());
        Reference.Close(e.GetProperty("f").GetDouble(), r.F, abs: 1e-8);
        Reference.Close(e.GetProperty("twr").GetDouble(), r.TerminalWealthRelative, rel: 1e-10);
        Reference.Close(e.GetProperty("biggest_loss").GetDouble(), r.LargestLoss);
    }

    [Fact]
    public void OptimalF_CoinFlip2To1_IsQuarter()
    {
        // Vince's classic: +2, −1 equally often → f = 0.25.
        var r = PositionSizer.OptimalF([2.0, -1.0, 2.0, -1.0]);
        Reference.Close(0.25, r.F, abs: 1e-9);
        Reference.Close(4.0, r.DollarsPerUnit, rel: 1e-8);
        Assert.Equal(2500, PositionSizer.OptimalFShares(10_000m, r));
    }

    [Fact]
    public void OptimalF_NoEdge_IsZero() => Assert.Equal(0.0, PositionSizer.OptimalF([1.0, -1.0, 1.0, -1.0]).F, 6);

    [Fact]
    public void OptimalF_NoLosses_Throws() => Assert.Throws<ArgumentException>(() => PositionSizer.OptimalF([1.0, 2.0]));

    [Fact]
    public void KellyFraction_HalfKelly_IsHalfMuOverVariance()
    {
        Reference.Close(0.5 * 0.0004 / 0.0001, PositionSizer.KellyFraction(0.0004, 0.0001, 0.5, maxLeverage: 10));
        Assert.Equal(1.0, PositionSizer.KellyFraction(0.0004, 0.0001, 0.5));
    }

    [Fact]
    public void KellyFromWinLoss_EvenMoney60Percent_Is20PercentFullKelly()
    {
        Reference.Close(0.2, PositionSizer.KellyFromWinLoss(0.6, 1.0, 1.0), abs: 1e-15);
        Assert.Equal(0.0, PositionSizer.KellyFromWinLoss(0.4, 1.0, 1.0));
    }

    [Fact]
    public void FixedFractionalRisk_OnePercentWithTwoDollarStop()
    {
        var s = PositionSizer.FixedFractionalRisk(100_000m, 0.01, 50m, 48m);
        Assert.Equal(500, s.Shares);
        Assert.Equal(25_000m, s.Notional);
        Assert.Equal(-500, PositionSizer.FixedFractionalRisk(100_000m, 0.01, 50m, 52m).Shares);
    }

    [Fact]
    public void VolatilityTarget_HalvesWhenVolatilityDoubles()
    {
        var a = PositionSizer.VolatilityTarget(1_000_000m, 100m, 0.10, 0.20);
        var b = PositionSizer.VolatilityTarget(1_000_000m, 100m, 0.10, 0.40);
        Assert.Equal(5000, a.Shares);
        Assert.Equal(2500, b.Shares);
        var capped = PositionSizer.VolatilityTarget(1_000_000m, 100m, 0.30, 0.10, maxLeverage: 1.0);
        Assert.Equal(10000, capped.Shares);
        Assert.NotNull(capped.Note);
    }

    [Fact]
    public void RealizedAndAtrVolatility_Annualise()
    {
        double[] r = [0.01, -0.01, 0.01, -0.01];
        Reference.Close(Math.Sqrt(4.0 / 3.0) * 0.01 * Math.Sqrt(252), PositionSizer.RealizedVolatility(r, 252), rel: 1e-12);
        Reference.Close(0.01 * Math.Sqrt(6552), PositionSizer.AtrVolatility(1.0, 100.0, 6552), rel: 1e-12);
    }

    [Theory]
    [InlineData(1049.99, 10.5, 1, 0, 99)]
    [InlineData(1049.99, 10.5, 100, 0, 0)]
    [InlineData(2100, 10.5, 100, 0, 200)]
    [InlineData(-2100, 10.5, 100, 0, -200)]
    [InlineData(99.75, 1.05, 1, 100, 0)]
    [InlineData(100.8, 1.05, 1, 100, 96)]
    public void FromNotional_RoundsTowardZeroToLotsAndDropsSmallOrders(double notional, double price, long lot, double min, long shares) =>
        Assert.Equal(shares, PositionSizer.FromNotional((decimal)notional, (decimal)price, new LotRules(lot, (decimal)min)).Shares);

    [Fact]
    public void FromNotional_UnderMinimum_HasNote()
    {
        var s = PositionSizer.FromNotional(99m, 1m, new LotRules(1, 100m));
        Assert.Equal(0, s.Shares);
        Assert.Contains("minimum", s.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualRiskContribution_SizesEveryAsset()
    {
        var cov = Reference.Root.GetProperty("opt_cov").Matrix();
        var prices = Enumerable.Repeat(100m, 8).ToArray();
        var s = PositionSizer.EqualRiskContribution(1_000_000m, cov, prices);
        var w = Optimization.PortfolioOptimizer.RiskParity(cov).Weights;
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal((long)Math.Floor(w[i] * 10_000), s[i].Shares);
        }
    }
}
