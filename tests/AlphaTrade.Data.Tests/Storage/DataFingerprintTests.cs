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

    [Fact]
    public void Of_UniverseFromPrecomputedHashes_SameTextAsFromSeries()
    {
        BarSeries[] universe = [Make("MSFT"), Make("AAPL", 2.5)];
        Assert.Equal(DataFingerprint.Of(universe), DataFingerprint.Of(universe.Select(s => (s, DataFingerprint.HashOf(s)))));
        Assert.Equal(DataFingerprint.Of(universe[0]), DataFingerprint.ToText(DataFingerprint.HashOf(universe[0])));
    }

    [Fact]
    public void MarketData_FingerprintOf_KnownForItsOwnSeriesComputedForOthers()
    {
        var aapl = Make("AAPL");
        var spy = Make("SPY", 3);
        var known = new Dictionary<string, string> { ["AAPL"] = "from-the-loader", ["SPY"] = "spy-from-the-loader" };
        var md = new AlphaTrade.Data.Universe.MarketData([aapl], spy, TimeFrame.FifteenMinutes, false, "raw", "u", [], known);
        Assert.Equal("from-the-loader", md.FingerprintOf(aapl));
        Assert.Equal("spy-from-the-loader", md.FingerprintOf(spy));
        var other = Make("AAPL", 7);
        Assert.Equal(DataFingerprint.Of(other), md.FingerprintOf(other)); // same symbol, not the set's series
        var plain = new AlphaTrade.Data.Universe.MarketData([aapl], null, TimeFrame.FifteenMinutes, false, "raw", "u", []);
        Assert.Equal(DataFingerprint.Of(aapl), plain.FingerprintOf(aapl));
    }
}
