using System.Text.Json;
using AlphaTrade.Core.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace AlphaTrade.Models.Deep;

/// <summary>Which network.</summary>
public enum SequenceArchitecture
{
    /// <summary>Bidirectional LSTM.</summary>
    Lstm,

    /// <summary>Transformer encoder with self-attention.</summary>
    Transformer,
}

/// <summary>Where a <see cref="SequenceModel"/> trains and predicts.</summary>
public enum SequenceDevice
{
    /// <summary>CUDA when the loaded libtorch has it and a GPU is visible, else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>CUDA; an error when the loaded libtorch has no CUDA or no GPU is visible.</summary>
    Cuda,
}

/// <summary>Architecture and training settings of a <see cref="SequenceModel"/>.</summary>
public sealed record SequenceModelOptions
{
    /// <summary>Network.</summary>
    public SequenceArchitecture Architecture { get; init; } = SequenceArchitecture.Lstm;

    /// <summary>Classification (binary cross-entropy on a logit) or regression (squared error).</summary>
    public ModelTask Task { get; init; } = ModelTask.Classification;

    /// <summary>Hidden size (LSTM) or model width (Transformer).</summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Stacked layers.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Attention heads (Transformer; must divide <see cref="Hidden"/>).</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Dropout between layers.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Initial learning rate (Adam).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Step learning-rate schedule: multiply by <see cref="LrGamma"/> every <see cref="LrStepEpochs"/> epochs.</summary>
    public int LrStepEpochs { get; init; } = 10;

    /// <summary>Learning-rate decay factor.</summary>
    public double LrGamma { get; init; } = 0.5;

    /// <summary>Maximum epochs.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Early stopping: epochs without a better validation loss before stopping (0 = off).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Seed of weights, dropout and batch order.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Folder for checkpoints of the best weights so far (null = none).</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Device (CUDA needs a CUDA build of libtorch, e.g. the TorchSharp-cuda-linux package, and a GPU).</summary>
    public SequenceDevice Device { get; init; } = SequenceDevice.Auto;
}

/// <summary>One epoch of training.</summary>
public sealed record EpochLog(int Epoch, double TrainLoss, double ValidationLoss, double LearningRate);

/// <summary>
/// A bidirectional LSTM or Transformer encoder trained with TorchSharp on the CPU (CUDA when the loaded libtorch has it
/// and <see cref="SequenceModelOptions.Device"/> allows): Adam, a step learning-rate schedule,
/// early stopping on the validation loss (restoring the best weights), checkpoints of the best weights, and fixed seeds
/// (torch.manual_seed and a seeded batch order; one intra-op thread, so runs repeat exactly).
/// </summary>
public sealed class SequenceModel : IDisposable
{
    private const string WeightsFile = "weights.dat";
    private const string OptionsFile = "sequence-model.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private nn.Module<Tensor, Tensor>? _net;
    private int _steps;
    private int _features;

    /// <summary>Creates an untrained model.</summary>
    public SequenceModel(SequenceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public SequenceModelOptions Options { get; }

    /// <summary>Per-epoch losses of the last <see cref="Fit"/>.</summary>
    public IReadOnlyList<EpochLog> History { get; private set; } = [];

    /// <summary>Epoch (1-based) whose weights were kept.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The device the model runs on, resolved from <see cref="SequenceModelOptions.Device"/>.</summary>
    public Device Device => _device ??= ResolveDevice(Options.Device);

    private Device? _device;

    private static Device ResolveDevice(SequenceDevice device)
    {
        bool cuda = torch.cuda.is_available();
        return device switch
        {
            SequenceDevice.Cuda when !cuda => throw new Core.InputException(
                "gpu=1: the loaded libtorch has no CUDA or no GPU is visible (TorchSharp-cpu is CPU only; use gpu=0 or -1)"),
            SequenceDevice.Cuda => torch.CUDA,
            SequenceDevice.Auto when cuda => torch.CUDA,
            _ => torch.CPU,
        };
    }

    private nn.Module<Tensor, Tensor> Build(int steps, int features)
    {
        torch.manual_seed(Options.Seed);
        nn.Module<Tensor, Tensor> net = Options.Architecture == SequenceArchitecture.Lstm
            ? new BiLstmNet(features, Options.Hidden, Options.Layers, Options.Dropout)
            : new TransformerNet(features, steps, Options.Hidden, Options.Heads, Options.Layers, Options.Dropout);
        return net.to(Device);
    }

    private Tensor Input(SequenceData data) => torch.tensor(data.Values, [data.Samples, data.Length, data.Features]).to(Device);

    /// <summary>Trains on <paramref name="train"/>; <paramref name="validation"/> drives early stopping and checkpoints.</summary>
    public IReadOnlyList<EpochLog> Fit(SequenceData train, SequenceData? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        torch.set_num_threads(1);
        _steps = train.Length;
        _features = train.Features;
        _net?.Dispose();
        var net = _net = Build(_steps, _features);
        using var optimizer = torch.optim.Adam(net.parameters(), Options.LearningRate);
        var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, Options.LrStepEpochs, Options.LrGamma);
        var rng = new Random(Options.Seed);
        var order = Enumerable.Range(0, train.Samples).ToArray();
        var best = double.PositiveInfinity;
        Dictionary<string, Tensor>? bestState = null;
        var since = 0;
        var log = new List<EpochLog>();
        for (var epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            var lr = optimizer.ParamGroups.First().LearningRate;
            net.train();
            rng.Shuffle(order);
            double total = 0;
            for (var start = 0; start < order.Length; start += Options.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                var idx = order.AsSpan(start, Math.Min(Options.BatchSize, order.Length - start)).ToArray();
                var batch = train.Subset(idx);
                var x = Input(batch);
                var y = torch.tensor(batch.Labels).to(Device);
                optimizer.zero_grad();
                var loss = Loss(net.call(x), y);
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * idx.Length;
            }

            scheduler.step();
            var trainLoss = total / train.Samples;
            var validLoss = validation is null ? trainLoss : Evaluate(validation);
            log.Add(new EpochLog(epoch, trainLoss, validLoss, lr));
            if (validLoss < best - 1e-9)
            {
                best = validLoss;
                BestEpoch = epoch;
                since = 0;
                DisposeState(bestState);
                bestState = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
                if (Options.CheckpointDirectory is { } dir)
                {
                    Save(dir);
                }
            }
            else if (Options.Patience > 0 && validation is not null && ++since >= Options.Patience)
            {
                break;
            }
        }

        if (bestState is not null)
        {
            net.load_state_dict(bestState);
            DisposeState(bestState);
        }

        History = log;
        return log;
    }

    private Tensor Loss(Tensor output, Tensor target) => Options.Task == ModelTask.Classification
        ? nn.functional.binary_cross_entropy_with_logits(output, target)
        : nn.functional.mse_loss(output, target);

    /// <summary>Mean loss on <paramref name="data"/> without training.</summary>
    public double Evaluate(SequenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var net = _net ?? throw new InvalidOperationException("model is not trained");
        net.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return Loss(net.call(Input(data)), torch.tensor(data.Labels).to(Device)).item<float>();
    }

    /// <summary>P(label = 1) for classification, the value for regression, one per sequence.</summary>
    public double[] Predict(SequenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var net = _net ?? throw new InvalidOperationException("model is not trained");
        net.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var output = net.call(Input(data));
        if (Options.Task == ModelTask.Classification)
        {
            output = torch.sigmoid(output);
        }

        return output.cpu().data<float>().ToArray().Select(v => (double)v).ToArray();
    }

    /// <summary>Writes the weights and settings into <paramref name="directory"/> (weights atomically).</summary>
    public void Save(string directory)
    {
        var net = _net ?? throw new InvalidOperationException("model is not trained");
        Directory.CreateDirectory(directory);
        var tmp = Path.Combine(directory, WeightsFile + AtomicFile.TempSuffix);
        net.save(tmp);
        File.Move(tmp, Path.Combine(directory, WeightsFile), overwrite: true);
        // Saved with the device left to the loading machine: a model trained on a GPU loads on a CPU-only host.
        var header = new SavedHeader(Options with { CheckpointDirectory = null, Device = SequenceDevice.Auto }, _steps, _features, BestEpoch);
        AtomicFile.Write(Path.Combine(directory, OptionsFile), JsonSerializer.SerializeToUtf8Bytes(header, Json));
    }

    /// <summary>Reads a model written by <see cref="Save"/> (or a checkpoint).</summary>
    public static SequenceModel Load(string directory)
    {
        var header = JsonSerializer.Deserialize<SavedHeader>(File.ReadAllBytes(Path.Combine(directory, OptionsFile)), Json)
            ?? throw new Core.InputException($"{directory}: empty sequence model header");
        var m = new SequenceModel(header.Options) { _steps = header.Steps, _features = header.Features, BestEpoch = header.BestEpoch };
        m._net = m.Build(header.Steps, header.Features);
        m._net.load(Path.Combine(directory, WeightsFile)).to(m.Device);
        return m;
    }

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        if (state is null)
        {
            return;
        }

        foreach (var t in state.Values)
        {
            t.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _net?.Dispose();

    private sealed record SavedHeader(SequenceModelOptions Options, int Steps, int Features, int BestEpoch);
}
