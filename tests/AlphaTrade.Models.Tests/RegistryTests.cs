using AlphaTrade.Models.Registry;
using AlphaTrade.Models.Training;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Tests;

public class RegistryTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);

    internal static ModelMetadata Register(ModelRegistry registry, string name, string kind = "lightgbm")
    {
        var data = Synthetic.Panel(60, 6, 4, ModelTask.Classification);
        var spec = new ModelSpec { Kind = kind, Parameters = new Dictionary<string, double> { ["n_estimators"] = 20 } };
        var splitter = new WalkForwardSplitter(2);
        var eval = WalkForwardEvaluator.Evaluate(data, splitter, spec);
        using var model = ModelFactory.Create(spec);
        model.Fit(data);
        return registry.Register(model, new ModelMetadata
        {
            Name = name, Kind = kind, Task = ModelTask.Classification, Label = "direction", Created = Now,
            TrainingStart = new DateTime(data.Timestamps[0], DateTimeKind.Utc), TrainingEnd = new DateTime(data.Timestamps[^1], DateTimeKind.Utc),
            Features = data.FeatureNames, FeatureSetHash = data.FeatureSetHash(), DataFingerprint = data.Fingerprint(),
            Parameters = spec.Parameters, Seed = spec.Seed, Validation = splitter.Describe(), FoldMetrics = eval.Folds,
            LibraryVersions = ModelRegistry.LibraryVersions(), ParentStudy = "study-1",
        });
    }

    [Fact]
    public void Versions_are_numbered_and_metadata_round_trips()
    {
        using var dir = new TempDir();
        var registry = new ModelRegistry(dir.Path);
        var v1 = Register(registry, "alpha");
        var v2 = Register(registry, "alpha", "xgboost");
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        var back = registry.Get("alpha:1");
        Assert.Equal(v1.FeatureSetHash, back.FeatureSetHash);
        Assert.Equal(v1.DataFingerprint, back.DataFingerprint);
        Assert.Equal(2, back.FoldMetrics.Count);
        Assert.Equal(v1.FoldMetrics[1].Metrics["auc"], back.FoldMetrics[1].Metrics["auc"]);
        Assert.Equal("study-1", back.ParentStudy);
        Assert.StartsWith("1.7.", back.LibraryVersions["xgboost"], StringComparison.Ordinal);
        Assert.Equal(ModelStage.Candidate, back.Stage);
        Assert.Equal(2, registry.Get("alpha").Version);
        Assert.Equal(["alpha:1", "alpha:2"], registry.List().Select(m => m.Id));
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir.Path, "alpha"), ".tmp*"));
    }

    [Fact]
    public void Promoting_to_production_archives_the_previous_production_version()
    {
        using var dir = new TempDir();
        var registry = new ModelRegistry(dir.Path);
        Register(registry, "alpha");
        Register(registry, "alpha");
        registry.Promote("alpha:1", ModelStage.Production);
        registry.Promote("alpha:2", ModelStage.Production);
        Assert.Equal(ModelStage.Archived, registry.Get("alpha:1").Stage);
        Assert.Equal(2, registry.Get("alpha@production").Version);
        Assert.Throws<AlphaTrade.Core.InputException>(() => registry.Get("alpha@staging"));
        Assert.Throws<AlphaTrade.Core.InputException>(() => registry.Get("alpha:7"));
    }

    [Fact]
    public void Loading_checks_the_feature_set_of_the_pipeline()
    {
        using var dir = new TempDir();
        var registry = new ModelRegistry(dir.Path);
        var m = Register(registry, "alpha");
        var data = Synthetic.Panel(10, 6, 4, ModelTask.Classification, seed: 2);
        using var model = registry.Load(m, data.FeatureNames);
        Assert.Equal(data.RowCount, model.Predict(data).Length);
        var e = Assert.Throws<AlphaTrade.Core.InputException>(() => registry.Load(m, ["f0", "f1", "f2", "momentum"]));
        Assert.Contains("missing f3", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected momentum", e.Message, StringComparison.Ordinal);
        Assert.Throws<AlphaTrade.Core.InputException>(() => registry.Load(m, ["f1", "f0", "f2", "f3"]));
    }
}
