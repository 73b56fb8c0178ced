using AlphaTrade.Core;
using AlphaTrade.Models.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AlphaTrade.Models.Learners;

/// <summary>
/// Inference for a model exported to ONNX by another framework (CatBoost's <c>save_model(format="onnx")</c>,
/// skl2onnx, onnxmltools for LightGBM/XGBoost, PyTorch): input one float tensor [rows, features]; output for
/// classification the probability tensor [rows, 2] (column 1 is P(label = 1)) or [rows]/[rows, 1], for regression
/// [rows]/[rows, 1]. The output is picked by name ("probabilities", "variable", ...) or the first float tensor.
/// Inference only: <see cref="Fit"/> is not supported.
/// </summary>
public sealed class OnnxModel : IModel
{
    private const string ModelFile = "model.onnx";
    private readonly byte[] _bytes;
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;
    private readonly string[] _features;

    private OnnxModel(byte[] onnx, ModelTask task, IReadOnlyList<string> featureNames, string? outputName, string source)
    {
        _bytes = onnx;
        Task = task;
        _features = featureNames.ToArray();
        try
        {
            _session = new InferenceSession(onnx);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InputException($"{source}: not a valid ONNX model ({e.Message.Split('\n')[0]})", e);
        }

        _input = _session.InputMetadata.Keys.First();
        var floatOutputs = _session.OutputMetadata.Where(o => o.Value.IsTensor && o.Value.ElementType == typeof(float)).Select(o => o.Key).ToList();
        if (outputName is not null)
        {
            if (!_session.OutputMetadata.ContainsKey(outputName))
            {
                throw new InputException($"{source}: no output named '{outputName}' (outputs: {string.Join(", ", _session.OutputMetadata.Keys)})");
            }

            _output = outputName;
        }
        else
        {
            _output = floatOutputs.FirstOrDefault(n => n.Contains("prob", StringComparison.OrdinalIgnoreCase))
                ?? floatOutputs.FirstOrDefault()
                ?? throw new InputException($"{source}: no float tensor output (outputs: {string.Join(", ", _session.OutputMetadata.Keys)})");
        }
    }

    /// <summary>Loads an ONNX file for inference over <paramref name="featureNames"/> (the columns the exporter was trained on, in order).</summary>
    public static OnnxModel FromFile(string path, ModelTask task, IReadOnlyList<string> featureNames, string? outputName = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: ONNX model not found");
        }

        return new OnnxModel(File.ReadAllBytes(path), task, featureNames, outputName, path);
    }

    /// <inheritdoc />
    public string Kind => "onnx";

    /// <inheritdoc />
    public ModelTask Task { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => _features;

    /// <summary>Name of the output read for predictions.</summary>
    public string OutputName => _output;

    /// <inheritdoc />
    public void Fit(Dataset train, Dataset? validation = null) =>
        throw new NotSupportedException("ONNX models are trained by their own framework (CatBoost, scikit-learn...) and only run here");

    /// <inheritdoc />
    public double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        var f = _features.Length;
        if (features.Length != rows * f)
        {
            throw new ArgumentException($"{features.Length} values are not {rows} rows of {f} features", nameof(features));
        }

        var tensor = new DenseTensor<float>(features.ToArray(), [rows, f]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)], [_output]);
        var t = results[0].AsTensor<float>();
        var dims = t.Dimensions;
        var output = new double[rows];
        var width = dims.Length == 2 ? dims[1] : 1;
        var col = Task == ModelTask.Classification && width == 2 ? 1 : 0;
        for (var r = 0; r < rows; r++)
        {
            output[r] = dims.Length == 2 ? t[r, col] : t[r];
        }

        return output;
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Core.IO.AtomicFile.Write(Path.Combine(directory, ModelFile), _bytes);
        new ModelHeader { Kind = Kind, Task = Task, FeatureNames = _features, Extra = new Dictionary<string, string> { ["output"] = _output } }.Write(directory);
    }

    internal static OnnxModel Load(ModelHeader header, string directory)
    {
        var path = Path.Combine(directory, ModelFile);
        return new OnnxModel(File.ReadAllBytes(path), header.Task, header.FeatureNames, header.Extra.GetValueOrDefault("output"), path);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
