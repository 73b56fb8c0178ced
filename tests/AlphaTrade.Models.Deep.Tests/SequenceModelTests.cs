using AlphaTrade.Models.Data;
using AlphaTrade.Models.Metrics;

namespace AlphaTrade.Models.Deep.Tests;

public class SequenceModelTests
{
    // Label: whether feature 0 summed over the sequence is positive (needs the whole sequence, not the last step).
    private static SequenceData Sequences(int samples, int steps, int features, int seed)
    {
        var rng = new Random(seed);
        var v = new float[samples * steps * features];
        var y = new float[samples];
        for (var s = 0; s < samples; s++)
        {
            double sum = 0;
            for (var t = 0; t < steps; t++)
            {
                for (var f = 0; f < features; f++)
                {
                    var x = (float)((rng.NextDouble() * 2) - 1);
                    v[(((s * steps) + t) * features) + f] = x;
                    if (f == 0)
                    {
                        sum += x;
                    }
                }
            }

            y[s] = sum > 0 ? 1 : 0;
        }

        return new SequenceData(v, samples, steps, features, y);
    }

    [Theory]
    [InlineData(SequenceArchitecture.Lstm)]
    [InlineData(SequenceArchitecture.Transformer)]
    public void Training_runs_here_and_reduces_the_loss(SequenceArchitecture arch)
    {
        var train = Sequences(384, 8, 3, 1);
        var valid = Sequences(128, 8, 3, 2);
        using var model = new SequenceModel(new SequenceModelOptions { Architecture = arch, Hidden = 16, Heads = 2, Epochs = 15, Patience = 0, Dropout = 0 });
        var history = model.Fit(train, valid);
        Assert.True(history[^1].TrainLoss < 0.6 * history[0].TrainLoss, $"{arch}: loss {history[0].TrainLoss} -> {history[^1].TrainLoss}");
        var auc = ClassificationMetrics.RocAuc(valid.Labels.Select(l => (double)l).ToArray(), model.Predict(valid));
        Assert.True(auc > 0.85, $"{arch}: validation AUC {auc}");
    }

    [Fact]
    public void Auto_device_is_cuda_exactly_when_the_loaded_libtorch_has_it_and_explicit_cuda_without_it_is_a_one_line_error()
    {
        bool cuda = TorchSharp.torch.cuda.is_available();
        using var auto = new SequenceModel(new SequenceModelOptions { Hidden = 8, Epochs = 1, Patience = 0 });
        Assert.Equal(cuda ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU, auto.Device.type);
        auto.Fit(Sequences(64, 4, 2, 5));
        Assert.Equal(64, auto.Predict(Sequences(64, 4, 2, 6)).Length);

        using var explicitCuda = new SequenceModel(new SequenceModelOptions { Hidden = 8, Epochs = 1, Device = SequenceDevice.Cuda });
        if (cuda)
        {
            Assert.Equal(TorchSharp.DeviceType.CUDA, explicitCuda.Device.type);
        }
        else
        {
            var error = Assert.Throws<AlphaTrade.Core.InputException>(() => explicitCuda.Fit(Sequences(64, 4, 2, 5)));
            Assert.DoesNotContain('\n', error.Message);
            Assert.Contains("gpu=1", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Same_seed_trains_identically()
    {
        var train = Sequences(128, 6, 2, 3);
        var options = new SequenceModelOptions { Hidden = 8, Epochs = 3, Patience = 0 };
        using var a = new SequenceModel(options);
        using var b = new SequenceModel(options);
        Assert.Equal(a.Fit(train).Select(e => e.TrainLoss), b.Fit(train).Select(e => e.TrainLoss));
        Assert.Equal(a.Predict(train), b.Predict(train));
    }

    [Fact]
    public void Learning_rate_follows_the_step_schedule()
    {
        var train = Sequences(64, 4, 2, 4);
        using var model = new SequenceModel(new SequenceModelOptions { Hidden = 4, Epochs = 6, Patience = 0, LearningRate = 0.01, LrStepEpochs = 2, LrGamma = 0.5 });
        var lrs = model.Fit(train).Select(e => e.LearningRate).ToArray();
        Assert.Equal(new[] { 0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025 }, lrs.Select(l => Math.Round(l, 10)));
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch_and_its_checkpoint_reloads_to_the_same_predictions()
    {
        // Pure-noise labels: validation loss stops improving early.
        var train = Sequences(128, 6, 2, 5);
        var valid = Sequences(64, 6, 2, 6);
        var rng = new Random(1);
        for (var i = 0; i < train.Labels.Length; i++)
        {
            train.Labels[i] = rng.Next(2);
        }

        var dir = Path.Combine(Path.GetTempPath(), "alphatrade-deep-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var model = new SequenceModel(new SequenceModelOptions { Hidden = 16, Epochs = 60, Patience = 3, LearningRate = 0.03, CheckpointDirectory = dir });
            var history = model.Fit(train, valid);
            Assert.True(history.Count < 60, "early stopping should end training before the last epoch");
            Assert.Equal(history.Count - 3, model.BestEpoch);
            Assert.Equal(history.Min(e => e.ValidationLoss), history[model.BestEpoch - 1].ValidationLoss);
            using var checkpoint = SequenceModel.Load(dir);
            Assert.Equal(model.BestEpoch, checkpoint.BestEpoch);
            Assert.Equal(model.Predict(valid), checkpoint.Predict(valid));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Sequences_from_a_dataset_never_mix_symbols_and_end_at_their_row()
    {
        // Two symbols interleaved; feature = row index, so the sequence content shows which rows were used.
        var n = 10;
        var values = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        var ts = Enumerable.Range(0, n).Select(i => (long)(i / 2)).ToArray();
        var data = new Dataset(values, 1, new double[n], ts, ts, Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "A" : "B").ToArray(), ["x"]);
        var (seq, rows) = SequenceData.FromDataset(data, 3);
        Assert.Equal(new[] { 4, 5, 6, 7, 8, 9 }, rows);
        Assert.Equal(new float[] { 0, 2, 4 }, seq.Values.Take(3));
        Assert.Equal(new float[] { 1, 3, 5 }, seq.Values.Skip(3).Take(3));
    }
}
