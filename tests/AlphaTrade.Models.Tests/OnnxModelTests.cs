using AlphaTrade.Models.Learners;

namespace AlphaTrade.Models.Tests;

/// <summary>
/// A CatBoost-style ONNX export (ai.onnx.ml TreeEnsembleClassifier with "label" and "probabilities" outputs), built by
/// Fixtures/generate_fixtures.py with python3-onnx: tree 0 is x0 &lt;= 0.5 ? -0.4 : 0.6, tree 1 is x1 &lt;= -1 ? 0.3 : -0.2,
/// probability = logistic(sum of leaves).
/// </summary>
public class OnnxModelTests
{
    private static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tree_classifier.onnx");

    private static double Expected(float x0, float x1)
    {
        var s = (x0 <= 0.5f ? -0.4 : 0.6) + (x1 <= -1f ? 0.3 : -0.2);
        return 1 / (1 + Math.Exp(-s));
    }

    [Fact]
    public void Onnx_tree_ensemble_probabilities_match_the_trees_by_hand()
    {
        using var model = OnnxModel.FromFile(FixturePath, ModelTask.Classification, ["x0", "x1"]);
        Assert.Equal("probabilities", model.OutputName);
        float[] rows = [0f, 0f, 1f, 0f, 0f, -2f, 1f, -2f, 0.5f, -1f];
        var p = model.Predict(rows, 5);
        for (var r = 0; r < 5; r++)
        {
            Assert.True(Math.Abs(Expected(rows[2 * r], rows[(2 * r) + 1]) - p[r]) < 1e-6, $"row {r}: {p[r]} vs {Expected(rows[2 * r], rows[(2 * r) + 1])}");
        }
    }

    [Fact]
    public void Onnx_model_saves_and_loads_through_the_factory()
    {
        using var model = OnnxModel.FromFile(FixturePath, ModelTask.Classification, ["x0", "x1"]);
        using var dir = new TempDir();
        model.Save(dir.Path);
        using var loaded = ModelFactory.Load(dir.Path);
        Assert.Equal("onnx", loaded.Kind);
        float[] rows = [2f, -3f];
        Assert.Equal(model.Predict(rows, 1), loaded.Predict(rows, 1));
        Assert.Throws<NotSupportedException>(() => loaded.Fit(Synthetic.Panel(5, 2, 2, ModelTask.Classification)));
    }

    [Fact]
    public void Corrupt_onnx_file_is_an_input_error_naming_the_file()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bad.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var e = Assert.Throws<AlphaTrade.Core.InputException>(() => OnnxModel.FromFile(path, ModelTask.Classification, ["a"]));
        Assert.Contains("bad.onnx", e.Message, StringComparison.Ordinal);
    }
}
