using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Momentum;
using AlphaTrade.Indicators.Overlap;
using AlphaTrade.Indicators.Statistics;
using AlphaTrade.Indicators.Tests.Harness;
using AlphaTrade.Indicators.Volatility;
using AlphaTrade.Indicators.Volume;

namespace AlphaTrade.Indicators.Tests;

/// <summary>
/// The typed batch entry points (Mfi.Compute, Stoch.Compute, ...) give the registry's result bit for bit, with and
/// without invalid bars, so callers that skip the registry get the same numbers (already fixture-checked there).
/// </summary>
public class TypedApiTests
{
    public static TheoryData<bool> InvalidBars() => new() { false, true };

    [Theory]
    [MemberData(nameof(InvalidBars))]
    public void SingleOutputTypedApis_EqualRegistry(bool withInvalid)
    {
        var b = RandomBars.Create(withInvalid ? 11 : 10, 3000, withInvalid);
        Check(b, "mfi", [14], d => Mfi.Compute(b.High, b.Low, b.Close, b.Volume, 14, d));
        Check(b, "cci", [14], d => Cci.Compute(b.High, b.Low, b.Close, 14, d));
        Check(b, "willr", [14], d => WillR.Compute(b.High, b.Low, b.Close, 14, d));
        Check(b, "sar", [0.02, 0.2], d => Sar.Compute(b.High, b.Low, 0.02, 0.2, d));
        Check(b, "vwap", [], d => Vwap.Compute(b.Time, b.High, b.Low, b.Close, b.Volume, d));
        Check(b, "correl", [30], d => Correl.Compute(b.High, b.Low, 30, d));
        Check(b, "beta", [5], d => Beta.Compute(b.High, b.Low, 5, d));
        Check(b, "stddev", [5, 2], d => StdDev.Compute(b.Close, 5, 2, d));
        Check(b, "obv", [], d => Obv.Compute(b.Close, b.Volume, d));
        Check(b, "ad", [], d => Ad.Compute(b.High, b.Low, b.Close, b.Volume, d));
    }

    [Theory]
    [MemberData(nameof(InvalidBars))]
    public void MultiOutputTypedApis_EqualRegistry(bool withInvalid)
    {
        var b = RandomBars.Create(withInvalid ? 21 : 20, 3000, withInvalid);
        Check(b, "aroon", [14], (d0, d1) => Aroon.Compute(b.High, b.Low, 14, d0, d1));
        Check(b, "stoch", [5, 3, 0, 3, 0], (d0, d1) => Stoch.Compute(b.High, b.Low, b.Close, 5, 3, MaType.Sma, 3, MaType.Sma, d0, d1));
        Check(b, "stoch", [9, 4, 1, 5, 2], (d0, d1) => Stoch.Compute(b.High, b.Low, b.Close, 9, 4, MaType.Ema, 5, MaType.Wma, d0, d1));
        Check(b, "stochf", [5, 3, 0], (d0, d1) => StochF.Compute(b.High, b.Low, b.Close, 5, 3, MaType.Sma, d0, d1));
        Check(b, "stochf", [7, 4, 1], (d0, d1) => StochF.Compute(b.High, b.Low, b.Close, 7, 4, MaType.Ema, d0, d1));
    }

    private static void Check(FixtureBars b, string name, double[] p, Action<double[]> typed)
    {
        var expected = Registry(b, name, p);
        var actual = new double[b.Count];
        typed(actual);
        AssertSame(name, expected[0], actual);
    }

    private static void Check(FixtureBars b, string name, double[] p, Action<double[], double[]> typed)
    {
        var expected = Registry(b, name, p);
        var a0 = new double[b.Count];
        var a1 = new double[b.Count];
        typed(a0, a1);
        AssertSame(name + "[0]", expected[0], a0);
        AssertSame(name + "[1]", expected[1], a1);
    }

    private static double[][] Registry(FixtureBars b, string name, double[] p)
    {
        var def = IndicatorRegistry.Get(name);
        var outs = Enumerable.Range(0, def.Info.Outputs.Count).Select(_ => new double[b.Count]).ToArray();
        def.Compute(b.Input, p, outs);
        Assert.Contains(outs[0], double.IsFinite);
        return outs;
    }

    private static void AssertSame(string what, double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                Assert.Fail(FormattableString.Invariant($"{what} bar {i}: registry {expected[i]:R}, typed {actual[i]:R}"));
            }
        }
    }
}
