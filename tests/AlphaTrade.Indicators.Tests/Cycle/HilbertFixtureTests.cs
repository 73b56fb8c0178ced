using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests.Cycle;

/// <summary>
/// HT_DCPERIOD, HT_DCPHASE, HT_PHASOR, HT_SINE, HT_TRENDLINE, HT_TRENDMODE and MAMA against TA-Lib's fixtures:
/// TA-Lib's lookback, NaN before it, every output within 1e-9 relative after it (HT_TRENDMODE identical), in batch
/// and streaming form.
/// </summary>
public class HilbertFixtureTests
{
    private const double Relative = 1e-9;

    private static readonly string[] Family = ["HT_DCPERIOD", "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDLINE", "HT_TRENDMODE", "MAMA"];

    public static TheoryData<string> Calls()
    {
        var data = new TheoryData<string>();
        foreach (var c in TaLibFixtures.Calls.Where(c => Family.Contains(c.Function)))
        {
            data.Add(c.Dataset + "|" + c.Id);
        }

        return data;
    }

    [Theory]
    [InlineData("HT_DCPERIOD", "ht_dcperiod", 32, new[] { "ht_dcperiod" })]
    [InlineData("HT_DCPHASE", "ht_dcphase", 63, new[] { "ht_dcphase" })]
    [InlineData("HT_PHASOR", "ht_phasor", 32, new[] { "inphase", "quadrature" })]
    [InlineData("HT_SINE", "ht_sine", 63, new[] { "sine", "leadsine" })]
    [InlineData("HT_TRENDLINE", "ht_trendline", 63, new[] { "ht_trendline" })]
    [InlineData("HT_TRENDMODE", "ht_trendmode", 63, new[] { "ht_trendmode" })]
    [InlineData("MAMA", "mama", 32, new[] { "mama", "fama" })]
    public void Registry_HilbertFamily_HasTaLibNamesLookbacksAndOutputs(string taLib, string name, int lookback, string[] outputs)
    {
        var def = IndicatorRegistry.FindTaLib(taLib);
        Assert.NotNull(def);
        Assert.Equal(name, def.Info.Name);
        Assert.Equal(lookback, def.DefaultLookback);
        Assert.Equal(outputs, def.Info.Outputs);
    }

    [Fact]
    public void Mama_DefaultLimits_AreTaLibs()
    {
        var def = IndicatorRegistry.Get("mama");
        Assert.Equal([0.5, 0.05], def.DefaultParameters());
        Assert.Equal(["fast_limit", "slow_limit"], def.Info.Parameters.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Compute_Fixture_MatchesTaLibAfterWarmUp(string call)
    {
        var (c, def, bars) = Load(call);
        Assert.Equal(c.BegIndex, def.Lookback(c.Parameters));
        var outs = Enumerable.Range(0, c.Outputs.Length).Select(_ => new double[bars.Count]).ToArray();
        def.Compute(bars.Input, c.Parameters, outs);
        for (int k = 0; k < outs.Length; k++)
        {
            AssertMatches(c, k, outs[k], "batch");
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Stream_Fixture_MatchesTaLibAfterWarmUp(string call)
    {
        var (c, def, bars) = Load(call);
        var stream = def.CreateStream(c.Parameters);
        var got = Enumerable.Range(0, c.Outputs.Length).Select(_ => new double[bars.Count]).ToArray();
        for (int i = 0; i < bars.Count; i++)
        {
            stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
            for (int k = 0; k < got.Length; k++)
            {
                got[k][i] = stream[k];
            }
        }

        for (int k = 0; k < got.Length; k++)
        {
            AssertMatches(c, k, got[k], "stream");
        }
    }

    private static (FixtureCall Call, IndicatorDefinition Definition, FixtureBars Bars) Load(string call)
    {
        var c = TaLibFixtures.Calls.Single(x => x.Dataset + "|" + x.Id == call);
        return (c, IndicatorRegistry.FindTaLib(c.Function)!, TaLibFixtures.Bars(c.Dataset));
    }

    private static void AssertMatches(FixtureCall c, int output, double[] actual, string form)
    {
        var expected = TaLibFixtures.Column(c.Dataset, c.Columns[output]);
        bool exact = c.Function == "HT_TRENDMODE";
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            bool ok = double.IsNaN(e)
                ? double.IsNaN(a)
                : exact ? e == a : Math.Abs(e - a) <= Relative * Math.Max(Math.Abs(e), Math.Abs(a));
            if (!ok)
            {
                Assert.Fail(FormattableString.Invariant($"{c} {c.Outputs[output]} ({form}) bar {i}: TA-Lib {e:R}, ours {a:R}"));
            }
        }
    }
}
