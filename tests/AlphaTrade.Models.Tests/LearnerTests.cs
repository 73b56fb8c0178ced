using AlphaTrade.Models.Metrics;

namespace AlphaTrade.Models.Tests;

public class LearnerTests
{
    public static TheoryData<string> TreeKinds => new() { "lightgbm", "lightgbm_mlnet", "fasttree", "fastforest", "xgboost" };

    [Theory]
    [MemberData(nameof(TreeKinds))]
    public void Classifier_learns_the_direction_out_of_sample(string kind)
    {
        var data = Synthetic.Panel(120, 10, 6, ModelTask.Classification);
        var (train, test) = Synthetic.SplitAt(data, 0.75);
        using var model = ModelFactory.Create(new ModelSpec { Kind = kind, Task = ModelTask.Classification, Parameters = new Dictionary<string, double> { ["n_estimators"] = 80 } });
        model.Fit(train);
        var p = model.Predict(test);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
        var m = ClassificationMetrics.Compute(test.Labels, p);
        Assert.True(m.Auc > 0.75, $"{kind} AUC {m.Auc}");
        Assert.True(m.Accuracy > 0.65, $"{kind} accuracy {m.Accuracy}");
    }

    [Theory]
    [MemberData(nameof(TreeKinds))]
    public void Regressor_ranks_forward_returns_out_of_sample(string kind)
    {
        var data = Synthetic.Panel(120, 10, 6, ModelTask.Regression);
        var (train, test) = Synthetic.SplitAt(data, 0.75);
        using var model = ModelFactory.Create(new ModelSpec { Kind = kind, Task = ModelTask.Regression, Parameters = new Dictionary<string, double> { ["n_estimators"] = 80, ["min_child_samples"] = 10 } });
        model.Fit(train);
        var m = RegressionMetrics.Compute(test.Labels, model.Predict(test));
        Assert.True(m.RankIc > 0.4, $"{kind} rank IC {m.RankIc}");
    }

    [Theory]
    [MemberData(nameof(TreeKinds))]
    public void Saved_model_loads_back_with_identical_predictions(string kind)
    {
        var data = Synthetic.Panel(60, 8, 5, ModelTask.Classification);
        var (train, test) = Synthetic.SplitAt(data, 0.7);
        using var model = ModelFactory.Create(new ModelSpec { Kind = kind, Parameters = new Dictionary<string, double> { ["n_estimators"] = 30 } });
        model.Fit(train);
        using var dir = new TempDir();
        model.Save(dir.Path);
        using var loaded = ModelFactory.Load(dir.Path);
        Assert.Equal(kind, loaded.Kind);
        Assert.Equal(train.FeatureNames, loaded.FeatureNames);
        Assert.Equal(model.Predict(test), loaded.Predict(test));

        // Few rows go through the per-row prediction engine, many through the batch transform: same numbers.
        var few = loaded.Predict(test.Values.AsSpan(0, 5 * test.FeatureCount), 5);
        Assert.Equal(model.Predict(test).Take(5), few);
    }

    [Theory]
    [MemberData(nameof(TreeKinds))]
    public void Same_seed_gives_identical_models(string kind)
    {
        var data = Synthetic.Panel(60, 8, 5, ModelTask.Classification);
        var (train, test) = Synthetic.SplitAt(data, 0.7);
        var spec = new ModelSpec { Kind = kind, Seed = 3, Parameters = new Dictionary<string, double> { ["n_estimators"] = 30, ["subsample"] = 0.8, ["feature_fraction"] = 0.8, ["colsample_bytree"] = 0.8 } };
        using var a = ModelFactory.Create(spec);
        using var b = ModelFactory.Create(spec);
        a.Fit(train);
        b.Fit(train);
        Assert.Equal(a.Predict(test), b.Predict(test));
    }

    [Fact]
    public void LightGbm_early_stopping_uses_the_validation_set()
    {
        var data = Synthetic.Panel(120, 10, 6, ModelTask.Classification);
        var (train, valid) = Synthetic.SplitAt(data, 0.75);
        var spec = new ModelSpec { Kind = "lightgbm", Parameters = new Dictionary<string, double> { ["n_estimators"] = 2000, ["learning_rate"] = 0.3, ["early_stopping_rounds"] = 5 } };
        using var early = ModelFactory.Create(spec);
        using var full = ModelFactory.Create(spec);
        early.Fit(train, valid);
        full.Fit(train);
        var lEarly = ClassificationMetrics.Compute(valid.Labels, early.Predict(valid)).LogLoss;
        var lFull = ClassificationMetrics.Compute(valid.Labels, full.Predict(valid)).LogLoss;
        Assert.True(lEarly < lFull, $"early-stopped log loss {lEarly} should beat 2000 overfitted rounds {lFull}");
    }

    [Fact]
    public void Unknown_kind_is_an_input_error_naming_the_choices()
    {
        var e = Assert.Throws<AlphaTrade.Core.InputException>(() => ModelFactory.Create(new ModelSpec { Kind = "catboost" }));
        Assert.Contains("lightgbm", e.Message, StringComparison.Ordinal);
    }
}
