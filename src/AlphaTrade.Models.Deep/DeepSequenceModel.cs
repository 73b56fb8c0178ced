using System.Globalization;
using System.Text.Json;
using AlphaTrade.Core.IO;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Deep;

/// <summary>
/// A <see cref="SequenceModel"/> (kind <c>lstm</c> or <c>transformer</c>) as an <see cref="IModel"/> over a dataset
/// of <see cref="SequenceWindows"/> (parameter <c>seq_length</c> steps), so it shares the splitters, evaluation,
/// tuning and registry of the tree models. Each feature is standardised with the mean and standard deviation of the
/// training rows only (pooled over the steps of the window); missing values become 0 (the training mean) and values
/// are clipped to ±10 sd. The last 10% of the training rows (by time) are held out for early stopping.
/// Parameters: seq_length (8), hidden (16), layers (1), heads (2), epochs (4), batch_size (256), learning_rate (0.003),
/// dropout (0.1), patience (2).
/// </summary>
public sealed class DeepSequenceModel : IModel
{
    private const string ScalerFile = "scaler.json";
    private readonly ModelSpec _spec;
    private SequenceModel? _net;
    private double[] _mean = [];
    private double[] _scale = [];

    /// <summary>Creates an unfitted model of <paramref name="spec"/> (kind lstm or transformer).</summary>
    public DeepSequenceModel(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
    }

    /// <summary>Registers lstm and transformer with <see cref="ModelFactory"/>.</summary>
    public static void Register()
    {
        foreach (var kind in Kinds)
        {
            ModelFactory.RegisterKind(kind, s => new DeepSequenceModel(s), Load);
        }
    }

    /// <summary>The kinds this model provides.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["lstm", "transformer"];

    /// <inheritdoc />
    public string Kind => _spec.Kind;

    /// <inheritdoc />
    public ModelTask Task => _spec.Task;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; private set; } = [];

    /// <summary>Steps per window.</summary>
    public int Length => _spec.GetInt("seq_length", 8);

    /// <summary>Training log of the last fit.</summary>
    public IReadOnlyList<EpochLog> History => _net?.History ?? [];

    private SequenceModelOptions Options() => new()
    {
        Architecture = _spec.Kind == "transformer" ? SequenceArchitecture.Transformer : SequenceArchitecture.Lstm,
        Task = _spec.Task,
        Hidden = _spec.GetInt("hidden", 16),
        Layers = _spec.GetInt("layers", 1),
        Heads = _spec.GetInt("heads", 2),
        Epochs = _spec.GetInt("epochs", 4),
        BatchSize = _spec.GetInt("batch_size", 256),
        LearningRate = _spec.Get("learning_rate", 3e-3),
        Dropout = _spec.Get("dropout", 0.1),
        Patience = _spec.GetInt("patience", 2),
        Seed = _spec.Seed,
        Device = _spec.GetInt("gpu", -1) switch { 0 => SequenceDevice.Cpu, 1 => SequenceDevice.Cuda, _ => SequenceDevice.Auto },
    };

    /// <inheritdoc />
    public void Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var length = Length;
        if (train.FeatureCount % length != 0)
        {
            throw new ArgumentException($"{train.FeatureCount} columns are not windows of {length} steps", nameof(train));
        }

        var f = train.FeatureCount / length;
        FitScaler(train, f);
        FeatureNames = train.FeatureNames;
        SequenceData all = ToSequences(train.Values, train.RowCount, f, train.Labels);
        SequenceData fitOn = all, check;
        if (validation is not null)
        {
            check = ToSequences(validation.Values, validation.RowCount, f, validation.Labels);
        }
        else
        {
            var cut = Math.Max(1, (int)(train.RowCount * 0.9));
            if (cut >= train.RowCount)
            {
                check = all;
            }
            else
            {
                fitOn = all.Subset(Enumerable.Range(0, cut).ToArray());
                check = all.Subset(Enumerable.Range(cut, train.RowCount - cut).ToArray());
            }
        }

        _net?.Dispose();
        _net = new SequenceModel(Options());
        _net.Fit(fitOn, check);
    }

    /// <inheritdoc />
    public double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        var net = _net ?? throw new InvalidOperationException("model is not trained");
        var f = _mean.Length;
        return net.Predict(ToSequences(features, rows, f, null));
    }

    private void FitScaler(Dataset train, int f)
    {
        var sum = new double[f];
        var sq = new double[f];
        var n = new long[f];
        var v = train.Values;
        for (long i = 0; i < v.Length; i++)
        {
            var c = (int)(i % f);
            double x = v[i];
            if (double.IsFinite(x))
            {
                sum[c] += x;
                sq[c] += x * x;
                n[c]++;
            }
        }

        _mean = new double[f];
        _scale = new double[f];
        for (var c = 0; c < f; c++)
        {
            _mean[c] = n[c] > 0 ? sum[c] / n[c] : 0;
            var variance = n[c] > 1 ? (sq[c] - (n[c] * _mean[c] * _mean[c])) / (n[c] - 1) : 0;
            _scale[c] = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 0;
        }
    }

    private SequenceData ToSequences(ReadOnlySpan<float> values, int rows, int f, double[]? labels)
    {
        var length = values.Length / Math.Max(1, rows) / f;
        var x = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var c = i % f;
            double z = (values[i] - _mean[c]) * _scale[c];
            x[i] = double.IsFinite(z) ? (float)Math.Clamp(z, -10, 10) : 0f;
        }

        var y = labels is null ? new float[rows] : labels.Select(l => (float)l).ToArray();
        return new SequenceData(x, rows, length, f, y);
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        var net = _net ?? throw new InvalidOperationException("model is not trained");
        net.Save(directory);
        AtomicFile.Write(Path.Combine(directory, ScalerFile), JsonSerializer.SerializeToUtf8Bytes(new Scaler(_mean, _scale)));
        new ModelHeader
        {
            Kind = Kind, Task = Task, FeatureNames = FeatureNames, Parameters = _spec.Parameters, Seed = _spec.Seed,
            Extra = new Dictionary<string, string> { ["best_epoch"] = net.BestEpoch.ToString(CultureInfo.InvariantCulture) },
        }.Write(directory);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static DeepSequenceModel Load(ModelHeader header, string directory)
    {
        ArgumentNullException.ThrowIfNull(header);
        var scaler = JsonSerializer.Deserialize<Scaler>(File.ReadAllBytes(Path.Combine(directory, ScalerFile)))
            ?? throw new Core.InputException($"{Path.Combine(directory, ScalerFile)}: empty scaler");
        return new DeepSequenceModel(new ModelSpec { Kind = header.Kind, Task = header.Task, Parameters = header.Parameters, Seed = header.Seed })
        {
            _net = SequenceModel.Load(directory), _mean = scaler.Mean, _scale = scaler.Scale, FeatureNames = header.FeatureNames,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _net?.Dispose();

    private sealed record Scaler(double[] Mean, double[] Scale);
}
