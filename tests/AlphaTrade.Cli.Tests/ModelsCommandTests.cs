using System.Text.Json;

namespace AlphaTrade.Cli.Tests;

[Collection("training")]
public class ModelsCommandTests
{
    [Fact]
    public void Train_registers_a_model_with_per_fold_metrics_and_the_registry_commands_manage_it()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var t = h.Run("train", "--model", "lightgbm", "--label", "direction:4", "--walk-forward", "expanding:3", "--trees", "30", "--name", "lgb");
        Assert.True(t.Code == 0, t.Err);
        Assert.Contains("Training lightgbm on", t.Err, StringComparison.Ordinal);
        Assert.Contains("auc", t.Out, StringComparison.Ordinal);
        Assert.Contains("mean", t.Out, StringComparison.Ordinal);
        Assert.Contains("Registered lgb:1 (candidate)", t.Out, StringComparison.Ordinal);

        var meta = JsonDocument.Parse(File.ReadAllText(h.File("models/lgb/v1/metadata.json"))).RootElement;
        Assert.Equal(3, meta.GetProperty("fold_metrics").GetArrayLength());
        Assert.Equal(244, meta.GetProperty("features").GetArrayLength());
        Assert.StartsWith("default@", meta.GetProperty("feature_set").GetString(), StringComparison.Ordinal);
        Assert.Equal("direction:4", meta.GetProperty("label").GetString());
        Assert.True(File.Exists(h.File("models/lgb/v1/model/lightgbm.txt")));

        var t2 = h.Run("train", "--model", "xgboost", "--label", "direction:4", "--walk-forward", "rolling:2:300", "--trees", "20", "--name", "lgb");
        Assert.True(t2.Code == 0, t2.Err);
        Assert.Contains("Registered lgb:2", t2.Out, StringComparison.Ordinal);

        var list = h.Run("models", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains("lgb:1", list.Out, StringComparison.Ordinal);
        Assert.Contains("lgb:2", list.Out, StringComparison.Ordinal);

        Assert.Equal(0, h.Run("models", "promote", "lgb:1", "--stage", "production").Code);
        var p = h.Run("models", "promote", "lgb:2", "--stage", "production");
        Assert.Equal("lgb:2 is now production", p.Out.Trim());
        var show = h.Run("models", "show", "lgb:1");
        Assert.Contains("stage archived", show.Out, StringComparison.Ordinal);
        Assert.Contains("xgboost 1.7.", show.Out, StringComparison.Ordinal);
        Assert.Contains("walk-forward expanding folds=3", show.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse(h.Run("models", "show", "lgb@production", "--json").Out).RootElement;
        Assert.Equal(2, json.GetProperty("version").GetInt32());

        var cmp = h.Run("models", "compare", "lgb:1", "lgb:2");
        Assert.Equal(0, cmp.Code);
        Assert.Contains("auc", cmp.Out, StringComparison.Ordinal);
        Assert.Contains("Note: the models were validated differently", cmp.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_with_tuning_saves_a_resumable_study_and_links_it()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var t = h.Run("train", "--model", "lightgbm", "--walk-forward", "expanding:2", "--trees", "20", "--tune", "3", "--name", "tuned", "--space", "learning_rate=log(0.02,0.2);num_leaves=int(4,16)");
        Assert.True(t.Code == 0, t.Err);
        var study = JsonDocument.Parse(File.ReadAllText(h.File("models/studies/tuned.json"))).RootElement;
        Assert.Equal(3, study.GetProperty("trials").GetArrayLength());
        var meta = JsonDocument.Parse(File.ReadAllText(h.File("models/tuned/v1/metadata.json"))).RootElement;
        Assert.EndsWith("tuned.json", meta.GetProperty("parent_study").GetString(), StringComparison.Ordinal);

        // Run again asking for 4 trials: the 3 done are kept, one more is evaluated.
        var again = h.Run("train", "--model", "lightgbm", "--walk-forward", "expanding:2", "--trees", "20", "--tune", "4", "--name", "tuned", "--space", "learning_rate=log(0.02,0.2);num_leaves=int(4,16)");
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("3 already in the study", again.Err, StringComparison.Ordinal);
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(h.File("models/studies/tuned.json"))).RootElement.GetProperty("trials").GetArrayLength());
    }

    [Theory]
    [InlineData("--model", "catboost", "--model: 'catboost' is not a model")]
    [InlineData("--label", "up:3", "--label: 'up:3' is not a label")]
    [InlineData("--walk-forward", "expanding:x", "--walk-forward: 'expanding:x' needs a whole number for FOLDS")]
    [InlineData("--label", "triple-barrier:7", "--label triple-barrier:7: feature set default has no triple-barrier label with horizon 7 (it has y_tb26_label)")]
    [InlineData("--param", "depth", "--param: 'depth' is not NAME=NUMBER")]
    [InlineData("--features", "nosuchset", "--features: 'nosuchset' is not a feature set; expected basic or one of default")]
    public void Bad_train_options_are_one_line_input_errors(string option, string value, string message)
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var r = h.Run("train", option, value);
        Assert.Equal(2, r.Code);
        Assert.StartsWith("error: " + message, r.Err.Trim(), StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_model_and_bad_stage_are_input_errors()
    {
        using var h = new CliHarness();
        Assert.Equal(2, h.Run("models", "show", "nope").Code);
        var r = h.Run("models", "promote", "nope:1", "--stage", "heaven");
        Assert.Equal(2, r.Code);
        Assert.Contains("--stage: 'heaven' is not a stage", r.Err, StringComparison.Ordinal);
        var empty = h.Run("models", "list");
        Assert.Equal(0, empty.Code);
        Assert.Contains("No models registered", empty.Err, StringComparison.Ordinal);
    }
}
