using AlphaTrade.Core.Calendar;
using AlphaTrade.Features.Definition;

namespace AlphaTrade.Features.Tests;

public class DefaultSetTests
{
    [Fact]
    public void DefaultSet_DefinesAtLeast200UniquelyNamedFeaturesAndSevenLabelColumns()
    {
        var plan = FeaturePlan.Compile(TestMarkets.DefaultSet());
        Assert.True(plan.Features.Count >= 200, $"{plan.Features.Count} features");
        Assert.Equal(plan.Features.Count, plan.Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(7, plan.Labels.Count);
        Assert.Equal(["y_tb26_end"], plan.LabelEndColumns);
        foreach (var family in new[] { "returns", "indicator", "volatility", "volume", "calendar", "gaps", "range_position", "kyle_lambda", "vpin", "amihud",
            "roll_spread", "corwin_schultz", "realized_vol", "volume_imbalance", "benchmark", "sector", "cross_section", "breadth", "regime", "alternative" })
        {
            Assert.Contains(plan.Features, f => f.Family == family);
        }
    }

    [Fact]
    public void DefaultSet_BatchAndLive_AreBitIdenticalOnEveryFeatureOfEveryRow()
    {
        var plan = FeaturePlan.Compile(TestMarkets.DefaultSet(), TestMarkets.SmallAlt);
        var u = TestMarkets.Universe(TestMarkets.Small);
        var m = new FeatureBuilder(plan, NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = FeaturePrecision.Float64 });
        var live = TestMarkets.RunLive(plan, u);
        EngineTests.AssertIdentical(m, live);

        // Every family produced values (not only NaN) somewhere in the sample.
        foreach (var group in m.Features.Select((f, i) => (f, i)).GroupBy(x => x.f.Family))
        {
            Assert.True(group.Any(x => m.Frames.Any(fr => Enumerable.Range(0, fr.Rows).Any(r => double.IsFinite(fr[x.i, r])))), group.Key);
        }
    }

    [Fact]
    public void DefaultSet_HashIsStableAndChangesWithAnyParameter()
    {
        var a = TestMarkets.DefaultSet();
        var b = TestMarkets.DefaultSet();
        Assert.Equal(a.Hash, b.Hash);
        var text = File.ReadAllText(Path.Combine(AlphaTrade.Testing.RepoPaths.Root, "config", "features", "default.yaml"));
        var changed = FeatureSetYaml.Parse(text.Replace("vol_window: 130\n", "vol_window: 131\n", StringComparison.Ordinal), "x.yaml", "default");
        Assert.NotEqual(a.Hash, changed.Hash);
    }
}
