using AlphaTrade.Models.Learners;
using AlphaTrade.Models.Native;

namespace AlphaTrade.Models.Tests;

public class LightGbmNativeTests
{
    private static ModelSpec Spec(ModelTask task, int trees = 40) => new()
    {
        Kind = "lightgbm", Task = task, Seed = 7, Threads = 2,
        Parameters = new Dictionary<string, double> { ["n_estimators"] = trees, ["num_leaves"] = 15, ["learning_rate"] = 0.1, ["subsample"] = 0.8, ["feature_fraction"] = 0.7 },
    };

    // The reference: lib_lightgbm's C API called step by step with the learner's parameter string, no AlphaTrade code.
    private static unsafe double[] NativeReference(Data.Dataset train, Data.Dataset test, string parameters, int rounds)
    {
        var labels = train.LabelsAsSingle();
        IntPtr ds;
        fixed (float* p = train.Values)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(p, 0, train.RowCount, train.FeatureCount, 1, parameters, IntPtr.Zero, out ds), "create");
        }

        fixed (float* l = labels)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(ds, "label", l, labels.Length, 0), "label");
        }

        LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(ds, parameters, out var booster), "booster");
        for (var i = 0; i < rounds; i++)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(booster, out _), "update");
        }

        var output = new double[test.RowCount];
        fixed (float* p = test.Values)
        fixed (double* o = output)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(booster, p, 0, test.RowCount, test.FeatureCount, 1, 0, 0, -1, string.Empty, out var n, o), "predict");
            Assert.Equal(test.RowCount, n);
        }

        _ = LightGbmNative.LGBM_BoosterFree(booster);
        _ = LightGbmNative.LGBM_DatasetFree(ds);
        return output;
    }

    [Theory]
    [InlineData(ModelTask.Classification)]
    [InlineData(ModelTask.Regression)]
    public void Predictions_equal_the_native_library_called_directly_with_the_same_parameters(ModelTask task)
    {
        var data = Synthetic.Panel(80, 8, 6, task);
        var (train, test) = Synthetic.SplitAt(data, 0.75);
        using var model = new LightGbmModel(Spec(task));
        model.Fit(train);
        var expected = NativeReference(train, test, model.NativeParameters(), 40);
        Assert.Equal(expected, model.Predict(test));
    }

    [Fact]
    public void Parameters_make_the_library_deterministic_with_the_spec_seed()
    {
        var p = new LightGbmModel(Spec(ModelTask.Classification)).NativeParameters();
        Assert.Contains("deterministic=true", p, StringComparison.Ordinal);
        Assert.Contains("seed=7", p, StringComparison.Ordinal);
        Assert.Contains("num_threads=2", p, StringComparison.Ordinal);
        Assert.Contains("objective=binary", p, StringComparison.Ordinal);
        Assert.Contains("objective=regression", new LightGbmModel(Spec(ModelTask.Regression)).NativeParameters(), StringComparison.Ordinal);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_validation_round_and_saves_only_those_trees()
    {
        var data = Synthetic.Panel(120, 10, 6, ModelTask.Classification);
        var (train, valid) = Synthetic.SplitAt(data, 0.75);
        var spec = Spec(ModelTask.Classification, 2000).With("learning_rate", 0.3).With("early_stopping_rounds", 5);
        using var model = new LightGbmModel(spec);
        model.Fit(train, valid);
        Assert.InRange(model.BestIteration, 0, 1000);
        var text = model.ToModelString();
        var trees = text.Split('\n').Count(l => l.StartsWith("Tree=", StringComparison.Ordinal));
        Assert.Equal(model.BestIteration + 1, trees);
        using var dir = new TempDir();
        model.Save(dir.Path);
        using var loaded = ModelFactory.Load(dir.Path);
        Assert.Equal(model.Predict(valid), loaded.Predict(valid));
    }

    [Fact]
    public void Default_lightgbm_kind_is_native_and_the_mlnet_trainer_stays_available()
    {
        using var native = ModelFactory.Create(new ModelSpec { Kind = "lightgbm" });
        using var mlnet = ModelFactory.Create(new ModelSpec { Kind = "lightgbm_mlnet" });
        Assert.IsType<LightGbmModel>(native);
        Assert.IsType<MlNetTreeModel>(mlnet);
        Assert.Equal("lightgbm_mlnet", mlnet.Kind);
    }

    [Fact]
    public void A_lightgbm_model_saved_by_the_mlnet_trainer_before_the_switch_still_loads()
    {
        var data = Synthetic.Panel(60, 8, 5, ModelTask.Classification);
        var (train, test) = Synthetic.SplitAt(data, 0.7);
        using var mlnet = new MlNetTreeModel(MlNetLearner.LightGbm, new ModelSpec { Kind = "lightgbm_mlnet", Parameters = new Dictionary<string, double> { ["n_estimators"] = 20 } });
        mlnet.Fit(train);
        using var dir = new TempDir();
        mlnet.Save(dir.Path);

        // Rewrite the header as the old default wrote it: kind "lightgbm" over an ML.NET zip.
        var header = ModelHeader.Read(dir.Path) with { Kind = "lightgbm" };
        header.Write(dir.Path);
        using var loaded = ModelFactory.Load(dir.Path);
        Assert.IsType<MlNetTreeModel>(loaded);
        Assert.Equal(mlnet.Predict(test), loaded.Predict(test));
    }
}
