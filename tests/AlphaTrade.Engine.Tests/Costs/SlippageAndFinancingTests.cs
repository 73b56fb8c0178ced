using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;

namespace AlphaTrade.Engine.Tests.Costs;

public sealed class SlippageAndFinancingTests
{
    [Fact]
    public void FixedBps_OneBasisPoint_IsOneTenThousandthOfPrice()
    {
        var m = new FixedBpsSlippage(1.0);
        Assert.Equal(0.0101m, m.Slippage(new SlippageParameters("AAA", OrderSide.Buy, 100, 101m, default, 26)));
    }

    [Fact]
    public void FixedBps_NegativeBps_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedBpsSlippage(-1));
    }

    [Fact]
    public void CorwinSchultz_TwoBars_MatchesFormula()
    {
        var tracker = new BarStatisticsTracker(1, 26);
        tracker.Update(0, 100.5, 99.5, 100, 1000);
        tracker.Update(0, 101, 99, 100.2, 1000);
        double b = Math.Pow(Math.Log(101 / 99.0), 2) + Math.Pow(Math.Log(100.5 / 99.5), 2);
        double g = Math.Pow(Math.Log(101 / 99.0), 2);
        double k = 3 - (2 * Math.Sqrt(2));
        double a = ((Math.Sqrt(2 * b) - Math.Sqrt(b)) / k) - Math.Sqrt(g / k);
        double expected = Math.Max(0, 2 * (Math.Exp(a) - 1) / (1 + Math.Exp(a)));
        Assert.Equal(expected, tracker[0].CorwinSchultzSpread(), 12);
    }

    [Fact]
    public void HalfSpread_BeforeTwoBars_UsesFallback()
    {
        var m = new HalfSpreadSlippage(fallbackBps: 2.0);
        Assert.Equal(0.02m, m.Slippage(new SlippageParameters("AAA", OrderSide.Buy, 100, 100m, default, 26)));
    }

    [Fact]
    public void HalfSpread_WideBars_IsHalfTheEstimate()
    {
        var tracker = new BarStatisticsTracker(1, 26);
        tracker.Update(0, 102, 98, 100, 1000);
        tracker.Update(0, 102, 98, 100, 1000);
        double s = tracker[0].CorwinSchultzSpread();
        Assert.True(s > 0);
        var m = new HalfSpreadSlippage(maxBps: 10_000);
        decimal slip = m.Slippage(new SlippageParameters("AAA", OrderSide.Buy, 100, 100m, tracker[0], 26));
        Assert.Equal((double)(100m * (decimal)(s / 2)), (double)slip, 10);
    }

    [Fact]
    public void SqrtImpact_KnownStatistics_IsKSigmaSqrtParticipation()
    {
        var stats = new BarStatistics { Count = 10, ReturnVariance = 0.0001, BarVolume = 10_000, LastClose = 100 };
        var m = new SqrtImpactSlippage(k: 0.1);
        double sigma = Math.Sqrt(0.0001 * 26);
        double adv = 10_000 * 26;
        double expected = 0.1 * sigma * Math.Sqrt(2600 / adv) * 50;
        decimal slip = m.Slippage(new SlippageParameters("AAA", OrderSide.Sell, 2600, 50m, stats, 26));
        Assert.Equal(expected, (double)slip, 9);
    }

    [Fact]
    public void BorrowFee_ThreeDaysOnFiftyThousand_IsHandComputed()
    {
        var m = new AnnualRateBorrowFee(0.005m);
        Assert.Equal(2.08m, m.BorrowFee(new BorrowFeeParameters("AAA", 50_000m, 3))); // 2.0833
    }

    [Theory]
    [InlineData("1000000", 3, "416.67")] // credit 5%: 416.666…
    [InlineData("-100000", 1, "-16.67")] // debit 6%: −16.666…
    [InlineData("0", 1, "0")]
    public void Interest_CreditAndDebit_AreHandComputed(string cash, int days, string expected)
    {
        var m = new AnnualRateInterest(0.05m, 0.06m);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expected, c), m.Interest(new InterestParameters(decimal.Parse(cash, c), days)));
    }
}
