using System.Text.Json;
using AlphaTrade.Features.Storage;

namespace AlphaTrade.Cli.Tests;

public class FeaturesCommandTests
{
    [Fact]
    public void List_PrintsEveryFeatureOfTheDefaultSetWithItsFamilyAndTheLabels()
    {
        using var h = new CliHarness();
        var r = h.Run("features", "list");
        Assert.Equal(0, r.Code);
        Assert.Contains("244 features in 21 families (199 per symbol, 45 across the universe) and 7 labels; set default", r.Out, StringComparison.Ordinal);
        Assert.Contains("kyle_lambda_130", r.Out, StringComparison.Ordinal);
        Assert.Contains("regime_p_bear", r.Out, StringComparison.Ordinal);
        Assert.Contains("y_tb26_label", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WritesTheMatrixAndReport_ThenReadsTheCache()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var r = h.Run("features", "build", "--out", "out");
        Assert.Equal(0, r.Code);
        Assert.Contains("Generated the SYNTHETIC sample alternative data the set reads in data/alt", r.Err, StringComparison.Ordinal);
        Assert.Contains("Alternative data marked SYNTHETIC is in use", r.Err, StringComparison.Ordinal);
        Assert.Contains("244 features and 7 labels for 3 symbols", r.Out, StringComparison.Ordinal);
        Assert.Contains("computed in", r.Out, StringComparison.Ordinal);

        var m = FeatureParquet.Read(h.File("out/features.parquet"));
        Assert.Equal(["KO", "PEP", "XOM"], m.Frames.Select(f => f.Symbol));
        Assert.Equal(244, m.Features.Count);
        Assert.Equal(64 * 26, m.Frames[0].Rows); // 2024-03-01..05-31: 64 sessions (Good Friday closed)

        var json = JsonDocument.Parse(File.ReadAllText(h.File("out/feature_report.json"))).RootElement;
        Assert.Equal("alphatrade.feature_report/1", json.GetProperty("schema").GetString());
        Assert.Equal(244, json.GetProperty("columns").GetArrayLength());
        var ret1 = json.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == "ret_1");
        Assert.Equal(1 - (1.0 / (64 * 26)), ret1.GetProperty("coverage").GetDouble(), 12);
        Assert.True(File.Exists(h.File("out/feature_report.md")));

        var again = h.Run("features", "build", "--out", "out2");
        Assert.Equal(0, again.Code);
        Assert.Contains("read from the cache", again.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(h.File("out/features.parquet")), File.ReadAllBytes(h.File("out2/features.parquet")));
    }

    [Fact]
    public void Select_WritesKeptAndDroppedFeaturesWithReasons()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var r = h.Run("features", "select", "--out", "sel", "--folds", "3");
        Assert.Equal(0, r.Code);
        Assert.Contains("Selection for y_fwd_sign_26: kept", r.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse(File.ReadAllText(h.File("sel/selection.json"))).RootElement;
        Assert.Equal("alphatrade.feature_selection/1", json.GetProperty("schema").GetString());
        Assert.Equal(3, json.GetProperty("folds").GetInt32());
        var features = json.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(244, features.Length);
        var regime = features.First(f => f.GetProperty("name").GetString() == "regime_p_bull");
        Assert.False(regime.GetProperty("kept").GetBoolean()); // three months are shorter than the HMM's 120-session warm-up
        Assert.StartsWith("dropped: coverage 0.0%", regime.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(features, f => f.GetProperty("reason").GetString()!.StartsWith("dropped: |correlation|", StringComparison.Ordinal));
        Assert.Contains(features, f => f.GetProperty("kept").GetBoolean());
        Assert.Contains("## Dropped", File.ReadAllText(h.File("sel/selection.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void AltSample_WritesFilesLabelledSynthetic()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var r = h.Run("features", "alt-sample", "--out", "alt", "--seed", "3");
        Assert.Equal(0, r.Code);
        foreach (var f in new[] { "sentiment_synthetic.csv", "economic_synthetic.csv", "options_synthetic.csv" })
        {
            Assert.StartsWith("# SYNTHETIC", File.ReadLines(h.File("alt/" + f)).First(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownSet_AndBadPrecision_AreOneLineUsageErrors()
    {
        using var h = new CliHarness();
        var r = h.Run("features", "build", "--set", "nope");
        Assert.Equal(2, r.Code);
        Assert.Equal("error: --set nope: no feature set config/features/nope.yaml; available: default", r.Err.Trim());
        r = h.Run("features", "list", "--set", "nope");
        Assert.Equal(2, r.Code);
        r = h.Run("features", "build", "--precision", "half");
        Assert.Equal(2, r.Code);
        Assert.Equal("error: --precision: 'half' is not allowed; expected float32 or float64", r.Err.Trim());
    }

    [Fact]
    public void InvalidFeatureSet_NamesTheFileAndLine()
    {
        using var h = new CliHarness();
        File.WriteAllText(h.File("config/features/bad.yaml"), "features:\n  - { family: returns, horizons: [1, x] }\n");
        var r = h.Run("features", "list", "--set", "bad");
        Assert.Equal(2, r.Code);
        Assert.Equal("error: config/features/bad.yaml:2: features[0].horizons: 'x' is not a whole number", r.Err.Trim());
    }
}
