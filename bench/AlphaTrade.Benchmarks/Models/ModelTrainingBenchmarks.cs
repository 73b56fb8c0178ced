using AlphaTrade.Models;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Learners;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlphaTrade.Benchmarks.Models;

/// <summary>
/// Training on the 620k × 200 matrix, each wrapper against its native library with identical parameters (20 rounds,
/// 31 leaves / depth 6, learning rate 0.1, 255/256 bins, all cores). XGBoost's native baseline is Debian's
/// python3-xgboost on the same matrix: bench/models/xgboost_native.py.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class ModelTrainingBenchmarks
{
    private const int Rounds = 20;
    private Dataset _data = null!;
    private float[] _labels = null!;

    /// <summary>Builds the matrix once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = ModelMatrix.Create();
        _labels = _data.LabelsAsSingle();
    }

    private static ModelSpec Spec(string kind) => new()
    {
        Kind = kind,
        Threads = Environment.ProcessorCount,
        Parameters = new Dictionary<string, double>
        {
            ["n_estimators"] = Rounds, ["learning_rate"] = 0.1, ["num_leaves"] = 31, ["max_depth"] = 6, ["min_child_samples"] = 20, ["max_bin"] = 256,
        },
    };

    /// <summary>XGBoost through the AlphaTrade P/Invoke binding (DMatrix from the dense matrix + 20 rounds).</summary>
    [Benchmark]
    public void XGBoost_AlphaTrade()
    {
        using var m = ModelFactory.Create(Spec("xgboost"));
        m.Fit(_data);
    }

    /// <summary>LightGBM through the AlphaTrade learner: lib_lightgbm's C API by P/Invoke (the default `lightgbm` kind).</summary>
    [Benchmark]
    public void LightGbm_AlphaTrade()
    {
        using var m = ModelFactory.Create(Spec("lightgbm"));
        m.Fit(_data);
    }

    /// <summary>LightGBM through ML.NET's trainer (`lightgbm_mlnet`: data view + conversion + 20 rounds).</summary>
    [Benchmark]
    public void LightGbm_MlNet()
    {
        using var m = ModelFactory.Create(Spec("lightgbm_mlnet"));
        m.Fit(_data);
    }

    /// <summary>
    /// The same lib_lightgbm called directly (dataset from the matrix + 20 rounds) with exactly the parameter string the
    /// AlphaTrade learner sends (deterministic, col-wise, same seed and threads).
    /// </summary>
    [Benchmark(Baseline = true)]
    public void LightGbm_Native()
    {
        var p = new LightGbmModel(Spec("lightgbm")).NativeParameters();
        LightGbmNative.Train(_data.Values, _labels, _data.FeatureCount, p, Rounds);
    }
}
