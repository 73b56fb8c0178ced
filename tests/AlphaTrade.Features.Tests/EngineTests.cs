using AlphaTrade.Core.Calendar;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Technical;

namespace AlphaTrade.Features.Tests;

public class EngineTests
{
    private static FeatureSetDefinition SmallSet() => new("small", "test", new FeatureSetOptions(),
    [
        new ReturnsSpec([1, 5, 26]),
        new VolScaledReturnsSpec([1, 26], 50),
        new IndicatorSpec("rsi", [new IndicatorParameterValues("period", [7, 14])], [], IndicatorTransform.Center50),
        new IndicatorSpec("macd", [], [], IndicatorTransform.PerAtr),
        new IndicatorSpec("sma", [new IndicatorParameterValues("period", [20, 50])], [], IndicatorTransform.DistanceAtr),
    ], []);

    [Fact]
    public void SmallSet_BatchAndLive_AreBitIdentical()
    {
        var plan = FeaturePlan.Compile(SmallSet());
        var u = TestMarkets.Universe(TestMarkets.Small);
        var m = new FeatureBuilder(plan, NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = FeaturePrecision.Float64 });
        var live = TestMarkets.RunLive(plan, u);
        AssertIdentical(m, live);
    }

    internal static void AssertIdentical(FeatureMatrix m, Dictionary<string, List<(long Time, double[] Row)>> live)
    {
        int compared = 0;
        foreach (var f in m.Frames)
        {
            var rows = live[f.Symbol];
            Assert.Equal(f.Rows, rows.Count);
            for (int r = 0; r < f.Rows; r++)
            {
                Assert.Equal(f.Time[r], rows[r].Time);
                for (int c = 0; c < m.Features.Count; c++)
                {
                    double a = f[c, r], b = rows[r].Row[c];
                    if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b) && !(double.IsNaN(a) && double.IsNaN(b)))
                    {
                        Assert.Fail($"{f.Symbol} row {r} {m.Features[c].Name}: batch {a:R} live {b:R}");
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared > 0);
    }
}
