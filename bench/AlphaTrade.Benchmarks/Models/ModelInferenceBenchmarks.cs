using AlphaTrade.Models;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks.Models;

/// <summary>
/// Inference for the whole universe on a new bar: 46 rows × 200 features through a trained tree model (target: under
/// 5 ms). Models have 200 trees, trained once on 20k rows.
/// </summary>
[MemoryDiagnoser]
public class ModelInferenceBenchmarks
{
    private readonly Dictionary<string, IModel> _models = [];
    private float[] _bar = null!;

    /// <summary>The model kinds measured (ALPHATRADE_BENCH_KINDS=xgboost,lightgbm narrows them).</summary>
    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "lightgbm";

    /// <summary>All kinds, or those named in ALPHATRADE_BENCH_KINDS.</summary>
    public static IEnumerable<string> Kinds => Environment.GetEnvironmentVariable("ALPHATRADE_BENCH_KINDS")?.Split(',') ?? ["fastforest", "fasttree", "lightgbm", "lightgbm_mlnet", "xgboost"];

    /// <summary>Trains the model and picks 46 rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = ModelMatrix.Create(20_000);
        var m = ModelFactory.Create(new ModelSpec { Kind = Kind, Parameters = new Dictionary<string, double> { ["n_estimators"] = 200 } });
        m.Fit(data);
        _models[Kind] = m;
        _bar = data.Values.AsSpan(0, 46 * data.FeatureCount).ToArray();
        _ = m.Predict(_bar, 46);
    }

    /// <summary>One prediction per symbol for the latest bar.</summary>
    [Benchmark]
    public double[] Predict_46_symbols() => _models[Kind].Predict(_bar, 46);

    /// <summary>Frees the native model.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in _models.Values)
        {
            m.Dispose();
        }
    }
}
