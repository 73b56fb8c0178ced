using System.Text.Json;
using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests.Patterns;

/// <summary>
/// The 61 candlestick patterns against TA-Lib's own output on both fixture data sets: identical integers on every
/// bar, in batch and in streaming form, and the same number of signals of every strength.
/// </summary>
public class CandlePatternFixtureTests
{
    /// <summary>TA-Lib 0.6's candlestick functions, as listed in issue #3.</summary>
    public static readonly string[] TaLibPatterns =
    [
        "CDL2CROWS", "CDL3BLACKCROWS", "CDL3INSIDE", "CDL3LINESTRIKE", "CDL3OUTSIDE", "CDL3STARSINSOUTH",
        "CDL3WHITESOLDIERS", "CDLABANDONEDBABY", "CDLADVANCEBLOCK", "CDLBELTHOLD", "CDLBREAKAWAY",
        "CDLCLOSINGMARUBOZU", "CDLCONCEALBABYSWALL", "CDLCOUNTERATTACK", "CDLDARKCLOUDCOVER", "CDLDOJI",
        "CDLDOJISTAR", "CDLDRAGONFLYDOJI", "CDLENGULFING", "CDLEVENINGDOJISTAR", "CDLEVENINGSTAR",
        "CDLGAPSIDESIDEWHITE", "CDLGRAVESTONEDOJI", "CDLHAMMER", "CDLHANGINGMAN", "CDLHARAMI", "CDLHARAMICROSS",
        "CDLHIGHWAVE", "CDLHIKKAKE", "CDLHIKKAKEMOD", "CDLHOMINGPIGEON", "CDLIDENTICAL3CROWS", "CDLINNECK",
        "CDLINVERTEDHAMMER", "CDLKICKING", "CDLKICKINGBYLENGTH", "CDLLADDERBOTTOM", "CDLLONGLEGGEDDOJI",
        "CDLLONGLINE", "CDLMARUBOZU", "CDLMATCHINGLOW", "CDLMATHOLD", "CDLMORNINGDOJISTAR", "CDLMORNINGSTAR",
        "CDLONNECK", "CDLPIERCING", "CDLRICKSHAWMAN", "CDLRISEFALL3METHODS", "CDLSEPARATINGLINES",
        "CDLSHOOTINGSTAR", "CDLSHORTLINE", "CDLSPINNINGTOP", "CDLSTALLEDPATTERN", "CDLSTICKSANDWICH", "CDLTAKURI",
        "CDLTASUKIGAP", "CDLTHRUSTING", "CDLTRISTAR", "CDLUNIQUE3RIVER", "CDLUPSIDEGAP2CROWS", "CDLXSIDEGAP3METHODS",
    ];

    private static readonly Lazy<Dictionary<string, Dictionary<string, int>>> ManifestCounts = new(LoadCounts);

    public static TheoryData<string> PatternCalls()
    {
        var data = new TheoryData<string>();
        foreach (var c in TaLibFixtures.Calls.Where(c => c.Function.StartsWith("CDL", StringComparison.Ordinal)))
        {
            data.Add(c.Dataset + "|" + c.Id);
        }

        return data;
    }

    [Fact]
    public void Registry_EveryTaLibPattern_RegisteredAsCdlName()
    {
        Assert.Equal(61, TaLibPatterns.Length);
        foreach (string taLib in TaLibPatterns)
        {
            var def = IndicatorRegistry.FindTaLib(taLib);
            Assert.True(def is not null, taLib + " is not registered");
            Assert.Equal("cdl_" + taLib[3..].ToLowerInvariant(), def.Info.Name);
            Assert.Equal(IndicatorCategory.Pattern, def.Info.Category);
            Assert.Equal(PriceInputs.Ohlc, def.Info.Inputs);
            Assert.Single(def.Info.Outputs);
        }

        Assert.Equal(61, IndicatorRegistry.All.Count(d => d.Info.Category == IndicatorCategory.Pattern));
    }

    [Fact]
    public void Fixtures_EveryPattern_HasCallsOnBothDataSets()
    {
        foreach (string taLib in TaLibPatterns)
        {
            var sets = TaLibFixtures.CallsOf(taLib).Select(c => c.Dataset).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["candles", "main"], sets);
        }
    }

    [Theory]
    [MemberData(nameof(PatternCalls))]
    public void Compute_Fixture_EqualsTaLibOnEveryBar(string call)
    {
        var (c, def, bars, expected) = Load(call);
        Assert.Equal(c.BegIndex, def.Lookback(c.Parameters));
        var outs = new[] { new double[bars.Count] };
        def.Compute(bars.Input, c.Parameters, outs);
        AssertIdentical(c, expected, outs[0], "batch");
    }

    [Theory]
    [MemberData(nameof(PatternCalls))]
    public void Stream_Fixture_EqualsTaLibOnEveryBar(string call)
    {
        var (c, def, bars, expected) = Load(call);
        var stream = def.CreateStream(c.Parameters);
        var got = new double[bars.Count];
        for (int i = 0; i < bars.Count; i++)
        {
            stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
            got[i] = stream[0];
            Assert.Equal(i >= c.BegIndex, stream.IsReady);
        }

        AssertIdentical(c, expected, got, "stream");
    }

    [Theory]
    [MemberData(nameof(PatternCalls))]
    public void Compute_Fixture_SignalCountsEqualTaLib(string call)
    {
        var (c, def, bars, expected) = Load(call);
        var outs = new[] { new double[bars.Count] };
        def.Compute(bars.Input, c.Parameters, outs);

        // Counted per signal strength (±80, ±100, ±200), and in total against the count the generator recorded.
        var ours = outs[0].Where(v => !double.IsNaN(v) && v != 0).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var theirs = expected.Where(v => !double.IsNaN(v) && v != 0).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(theirs.OrderBy(kv => kv.Key), ours.OrderBy(kv => kv.Key));
        Assert.Equal(ManifestCounts.Value[c.Function][c.Dataset], ours.Values.Sum());
    }

    private static (FixtureCall Call, IndicatorDefinition Definition, FixtureBars Bars, double[] Expected) Load(string call)
    {
        var c = TaLibFixtures.Calls.Single(x => x.Dataset + "|" + x.Id == call);
        var def = IndicatorRegistry.FindTaLib(c.Function)!;
        return (c, def, TaLibFixtures.Bars(c.Dataset), TaLibFixtures.Column(c.Dataset, c.Columns[0]));
    }

    private static void AssertIdentical(FixtureCall c, double[] expected, double[] actual, string form)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                Assert.Fail(FormattableString.Invariant($"{c} ({form}) bar {i}: TA-Lib {expected[i]}, ours {actual[i]}"));
            }
        }
    }

    private static Dictionary<string, Dictionary<string, int>> LoadCounts()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TaLibFixtures.Directory, "manifest.json")));
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.GetProperty("cdlCounts").EnumerateObject())
        {
            counts[p.Name] = p.Value.EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetInt32(), StringComparer.Ordinal);
        }

        return counts;
    }
}
