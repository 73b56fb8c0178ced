using System.Text.Json;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Learners;
using AlphaTrade.Models.Native;

namespace AlphaTrade.Models.Tests;

/// <summary>The C# XGBoost binding against Debian's python3-xgboost on identical data and parameters (Fixtures/generate_fixtures.py).</summary>
public class XGBoostReferenceTests
{
    private static readonly JsonElement Ref = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "xgboost_reference.json"))).RootElement;

    private static (Dataset Train, Dataset Valid) Data(string labels)
    {
        var f = Ref.GetProperty("features").GetInt32();
        var x = Ref.GetProperty("x").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        var y = Ref.GetProperty(labels).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var n = y.Length;
        var ts = Enumerable.Range(0, n).Select(i => Synthetic.Start.AddDays(i).Ticks).ToArray();
        var names = Enumerable.Range(0, f).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var all = new Dataset(x, f, y, ts, ts, Enumerable.Repeat("X", n).ToArray(), names);
        return (all.Subset(Enumerable.Range(0, 300).ToArray()), all.Subset(Enumerable.Range(300, n - 300).ToArray()));
    }

    private static ModelSpec Spec(ModelTask task)
    {
        var p = Ref.GetProperty("params");
        return new ModelSpec
        {
            Kind = "xgboost",
            Task = task,
            Seed = p.GetProperty("seed").GetInt32(),
            Threads = p.GetProperty("threads").GetInt32(),
            Parameters = new Dictionary<string, double>
            {
                ["learning_rate"] = p.GetProperty("learning_rate").GetDouble(),
                ["max_depth"] = p.GetProperty("max_depth").GetDouble(),
                ["n_estimators"] = p.GetProperty("n_estimators").GetDouble(),
                ["early_stopping_rounds"] = p.GetProperty("early_stopping_rounds").GetDouble(),
            },
        };
    }

    [Theory]
    [InlineData(ModelTask.Classification, "classification", "y_classification")]
    [InlineData(ModelTask.Regression, "regression", "y_regression")]
    public void Training_with_early_stopping_matches_python_xgboost(ModelTask task, string section, string labels)
    {
        var (train, valid) = Data(labels);
        using var model = new XGBoostModel(Spec(task));
        model.Fit(train, valid);
        var expected = Ref.GetProperty(section);
        Assert.Equal(expected.GetProperty("best_iteration").GetInt32(), model.BestIteration);
        var want = expected.GetProperty("predictions").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var got = model.Predict(valid);
        Assert.Equal(want.Length, got.Length);
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(want[i] - got[i]) <= 1e-6, $"row {i}: python {want[i]}, C# {got[i]}");
        }
    }

    [Fact]
    public void Model_saved_by_python_as_ubjson_predicts_the_same_here()
    {
        var (_, valid) = Data("y_classification");
        var ubj = Convert.FromHexString(Ref.GetProperty("classification").GetProperty("ubj_hex").GetString()!);
        using var model = new XGBoostModel(Spec(ModelTask.Classification));
        model.LoadBytes(ubj, valid.FeatureNames);
        Assert.Equal(Ref.GetProperty("classification").GetProperty("best_iteration").GetInt32(), model.BestIteration);
        var want = Ref.GetProperty("classification").GetProperty("predictions").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var got = model.Predict(valid);
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(want[i] - got[i]) <= 1e-6, $"row {i}: python {want[i]}, C# {got[i]}");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ubj")]
    public void Json_and_ubjson_round_trips_keep_predictions_and_best_iteration(string format)
    {
        var (train, valid) = Data("y_classification");
        using var model = new XGBoostModel(Spec(ModelTask.Classification));
        model.Fit(train, valid);
        var bytes = model.ToBytes(format);
        Assert.Equal(format == "json", bytes[0] == (byte)'{' && bytes[1] == (byte)'"');
        using var back = new XGBoostModel(Spec(ModelTask.Classification));
        back.LoadBytes(bytes, train.FeatureNames);
        Assert.Equal(model.BestIteration, back.BestIteration);
        Assert.Equal(model.Predict(valid), back.Predict(valid));
    }

    [Fact]
    public void Native_version_is_the_debian_library()
    {
        Assert.StartsWith("1.7.", XGBoostModel.NativeVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_library_names_the_package_to_install()
    {
        var e = Assert.Throws<XGBoostUnavailableException>(() => XGBoostNative.Resolve(["libxgboost-does-not-exist.so"]));
        Assert.Contains("libxgboost0", e.Message, StringComparison.Ordinal);
        Assert.Contains("install-test-deps.sh", e.Message, StringComparison.Ordinal);
    }
}
