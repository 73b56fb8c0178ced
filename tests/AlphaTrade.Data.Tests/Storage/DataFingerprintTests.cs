using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Tests.Storage;

public class DataFingerprintTests
{
    private static BarSeries Make(string symbol, double lastClose = 1.5)
    {
        var s = new BarSeries(symbol, TimeFrame.FifteenMinutes);
        s.Add(638_400_000_000_000_000, 1, 2, 0.5, 1.25, 100);
        s.Add(638_400_009_000_000_000, 1.25, 2, 1, lastClose, 200);
        return s;
    }

    [Fact]
    public void Of_Series_IsStableHexAndSensitiveToEveryBit()
    {
        string a = DataFingerprint.Of(Make("AAPL"));
        Assert.Matches("^[0-9a-f]{16}$", a);
        Assert.Equal(a, DataFingerprint.Of(Make("AAPL")));
        Assert.NotEqual(a, DataFingerprint.Of(Make("AAPL", BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.5) + 1))));
        Assert.NotEqual(a, DataFingerprint.Of(Make("MSFT")));

        // Spare capacity does not count, only the bars.
        var roomy = new BarSeries("AAPL", TimeFrame.FifteenMinutes, capacity: 100);
        roomy.Add(638_400_000_000_000_000, 1, 2, 0.5, 1.25, 100);
        roomy.Add(638_400_009_000_000_000, 1.25, 2, 1, 1.5, 200);
        Assert.Equal(a, DataFingerprint.Of(roomy));
    }

    [Fact]
    public void Of_Universe_IndependentOfOrderButNotOfContent()
    {
        string u1 = DataFingerprint.Of([Make("AAPL"), Make("MSFT")]);
        string u2 = DataFingerprint.Of([Make("MSFT"), Make("AAPL")]);
        Assert.Equal(u1, u2);
        Assert.NotEqual(u1, DataFingerprint.Of([Make("AAPL")]));
        Assert.NotEqual(u1, DataFingerprint.Of([Make("AAPL"), Make("MSFT", 9)]));
    }
}
