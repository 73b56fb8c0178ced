using AlphaTrade.Core;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Technical;

namespace AlphaTrade.Features.Tests;

public class FeatureSetYamlTests
{
    private static InputException Fails(string yaml) =>
        Assert.Throws<InputException>(() => FeaturePlan.Compile(FeatureSetYaml.Parse(yaml, "config/features/x.yaml", "x")));

    [Fact]
    public void Parse_ReadsFamiliesParametersAndLabels()
    {
        var set = FeatureSetYaml.Parse(
            "name: mine\noptions: { atr_period: 20 }\nfeatures:\n  - { family: returns, horizons: [1, 5] }\n" +
            "  - { family: indicator, name: bbands, params: { period: [10, 20], nbdev_up: 2.5 }, outputs: [upper], transform: distance_atr }\n" +
            "labels:\n  - { kind: triple_barrier, horizon: 13, vertical: sign }\n", "f.yaml", "fallback");
        Assert.Equal("mine", set.Name);
        Assert.Equal(20, set.Options.AtrPeriod);
        var plan = FeaturePlan.Compile(set);
        Assert.Equal(["ret_1", "ret_5", "bbands_upper_10_2.5_2_dist_atr", "bbands_upper_20_2.5_2_dist_atr"], plan.Features.Select(f => f.Name));
        Assert.Equal(["y_tb13_label", "y_tb13_ret", "y_tb13_bars"], plan.Labels.Select(l => l.Name));
        var spec = Assert.IsType<IndicatorSpec>(set.Families[1]);
        Assert.Equal("f.yaml:5", spec.Origin);
    }

    [Fact]
    public void UnknownFamily_NamesTheLineAndTheChoices()
    {
        var ex = Fails("features:\n  - { family: returns, horizons: [1] }\n  - { family: retruns, horizons: [1] }\n");
        Assert.StartsWith("config/features/x.yaml:3: features[1].family: unknown family 'retruns'; expected one of: alternative, amihud,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsRejectedWithItsLine()
    {
        var ex = Fails("features:\n  - family: returns\n    horizons: [1]\n    horizon: 5\n");
        Assert.Equal("config/features/x.yaml:4: features[0].horizon: unknown key; expected one of: horizons", ex.Message);
    }

    [Fact]
    public void BadValues_AreOneLineErrors()
    {
        Assert.Equal("config/features/x.yaml:2: features[0].horizons: 'five' is not a whole number",
            Fails("features:\n  - { family: returns, horizons: [1, five] }\n").Message);
        Assert.Equal("config/features/x.yaml:2: horizons: 0 is outside [1, 1000000]",
            Fails("features:\n  - { family: returns, horizons: [0] }\n").Message);
        Assert.StartsWith("config/features/x.yaml:2: params: rsi has no parameter 'length'",
            Fails("features:\n  - { family: indicator, name: rsi, params: { length: 14 } }\n").Message, StringComparison.Ordinal);
        Assert.StartsWith("config/features/x.yaml:2: name: unknown indicator 'rsx'",
            Fails("features:\n  - { family: indicator, name: rsx }\n").Message, StringComparison.Ordinal);
        Assert.StartsWith("config/features/x.yaml:2: features[0].transform: 'atr_distance' is not one of: none, center50, percent, distance_atr",
            Fails("features:\n  - { family: indicator, name: rsi, transform: atr_distance }\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateFeatureNames_AreRejected()
    {
        var ex = Fails("features:\n  - { family: returns, horizons: [1, 5] }\n  - { family: returns, horizons: [5] }\n");
        Assert.Equal("config/features/x.yaml:3: feature 'ret_5' is defined twice (first at config/features/x.yaml:2); change a parameter or remove one entry", ex.Message);
    }

    [Fact]
    public void CrossSection_OfAnUndefinedFeature_IsRejected()
    {
        var ex = Fails("features:\n  - { family: returns, horizons: [1] }\n  - { family: cross_section, features: [ret_9] }\n");
        Assert.StartsWith("config/features/x.yaml:3: 'cross_section' reads the per-symbol feature 'ret_9', which the set does not define", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_NamesTheLine()
    {
        var ex = Assert.Throws<InputException>(() => FeatureSetYaml.Parse("features:\n  - { family: returns\n", "f.yaml", "f"));
        Assert.StartsWith("f.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadNamed_ListsTheAvailableSetsWhenOneIsMissing()
    {
        var ex = Assert.Throws<InputException>(() => FeatureSetYaml.LoadNamed(AlphaTrade.Testing.RepoPaths.Root, "nope"));
        Assert.Equal("--set nope: no feature set config/features/nope.yaml; available: default", ex.Message);
    }
}
