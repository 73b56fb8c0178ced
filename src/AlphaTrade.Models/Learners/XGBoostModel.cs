using System.Globalization;
using System.Runtime.InteropServices;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Native;

namespace AlphaTrade.Models.Learners;

/// <summary>
/// XGBoost gradient boosting through the native C API (libxgboost0). Parameters: n_estimators, learning_rate (eta),
/// max_depth, subsample, colsample_bytree, l2 (lambda), l1 (alpha), min_child_weight, max_bin,
/// early_stopping_rounds (needs a validation set; prediction then uses the trees up to the best iteration, as the
/// Python package does with iteration_range=(0, best_iteration + 1)), gpu (1 = device cuda). Saved as JSON or UBJSON.
/// </summary>
public sealed class XGBoostModel : IModel
{
    private readonly ModelSpec _spec;
    private IntPtr _booster;
    private string[] _features = [];

    /// <summary>Creates an unfitted model; throws <see cref="XGBoostUnavailableException"/> when libxgboost is missing.</summary>
    public XGBoostModel(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        XGBoostNative.EnsureLoaded();
        _spec = spec;
    }

    /// <inheritdoc />
    public string Kind => "xgboost";

    /// <inheritdoc />
    public ModelTask Task => _spec.Task;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => _features;

    /// <summary>Best iteration (0-based) chosen by early stopping, or the last iteration.</summary>
    public int BestIteration { get; private set; } = -1;

    /// <summary>The native library's version, e.g. "1.7.4".</summary>
    public static string NativeVersion
    {
        get
        {
            XGBoostNative.EnsureLoaded();
            XGBoostNative.XGBoostVersion(out var a, out var b, out var c);
            return string.Create(CultureInfo.InvariantCulture, $"{a}.{b}.{c}");
        }
    }

    /// <summary>The booster parameters sent to the library, in the order they are set (shared with the Python cross-check).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BoosterParameters()
    {
        var s = _spec;
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var p = new List<KeyValuePair<string, string>>
        {
            new("objective", Task == ModelTask.Classification ? "binary:logistic" : "reg:squarederror"),
            new("eval_metric", Task == ModelTask.Classification ? "logloss" : "rmse"),
            new("eta", F(s.Get("learning_rate", 0.1))),
            new("max_depth", F(s.GetInt("max_depth", 6))),
            new("subsample", F(s.Get("subsample", 1.0))),
            new("colsample_bytree", F(s.Get("colsample_bytree", 1.0))),
            new("lambda", F(s.Get("l2", 1.0))),
            new("alpha", F(s.Get("l1", 0.0))),
            new("min_child_weight", F(s.Get("min_child_weight", 1.0))),
            new("max_bin", F(s.GetInt("max_bin", 256))),
            new("tree_method", "hist"),
            new("seed", s.Seed.ToString(CultureInfo.InvariantCulture)),
            new("verbosity", "0"),
        };
        if (s.Threads > 0)
        {
            p.Add(new("nthread", s.Threads.ToString(CultureInfo.InvariantCulture)));
        }

        if (s.Get("gpu", 0) > 0)
        {
            p.Add(new("tree_method", "gpu_hist"));
        }

        return p;
    }

    /// <inheritdoc />
    public unsafe void Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        FreeBooster();
        _features = train.FeatureNames.ToArray();
        var dtrain = CreateDMatrix(train.Values, train.RowCount, train.FeatureCount, train.LabelsAsSingle(), _spec.Threads);
        var dvalid = validation is null ? IntPtr.Zero : CreateDMatrix(validation.Values, validation.RowCount, validation.FeatureCount, validation.LabelsAsSingle(), _spec.Threads);
        try
        {
            var cache = stackalloc IntPtr[2] { dtrain, dvalid };
            XGBoostNative.Check(XGBoostNative.XGBoosterCreate(cache, dvalid == IntPtr.Zero ? 1UL : 2UL, out _booster), "XGBoosterCreate");
            foreach (var (k, v) in BoosterParameters())
            {
                XGBoostNative.Check(XGBoostNative.XGBoosterSetParam(_booster, k, v), "XGBoosterSetParam " + k);
            }

            var rounds = _spec.GetInt("n_estimators", 200);
            var patience = _spec.GetInt("early_stopping_rounds", 0);
            var best = double.PositiveInfinity;
            var bestIter = rounds - 1;
            var sinceBest = 0;
            var name = Marshal.StringToCoTaskMemUTF8("valid");
            try
            {
                for (var i = 0; i < rounds; i++)
                {
                    XGBoostNative.Check(XGBoostNative.XGBoosterUpdateOneIter(_booster, i, dtrain), "XGBoosterUpdateOneIter");
                    if (dvalid == IntPtr.Zero || patience <= 0)
                    {
                        continue;
                    }

                    var dm = dvalid;
                    var nm = name;
                    XGBoostNative.Check(XGBoostNative.XGBoosterEvalOneIter(_booster, i, &dm, &nm, 1, out var res), "XGBoosterEvalOneIter");
                    var score = ParseEval(Marshal.PtrToStringUTF8(res) ?? string.Empty);
                    if (score < best)
                    {
                        best = score;
                        bestIter = i;
                        sinceBest = 0;
                    }
                    else if (++sinceBest >= patience)
                    {
                        break;
                    }
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(name);
            }

            BestIteration = bestIter;
            XGBoostNative.Check(XGBoostNative.XGBoosterSetAttr(_booster, "best_iteration", bestIter.ToString(CultureInfo.InvariantCulture)), "XGBoosterSetAttr");
            if (!double.IsPositiveInfinity(best))
            {
                XGBoostNative.Check(XGBoostNative.XGBoosterSetAttr(_booster, "best_score", best.ToString("R", CultureInfo.InvariantCulture)), "XGBoosterSetAttr");
            }
        }
        finally
        {
            _ = XGBoostNative.XGDMatrixFree(dtrain);
            if (dvalid != IntPtr.Zero)
            {
                _ = XGBoostNative.XGDMatrixFree(dvalid);
            }
        }
    }

    // "[12]\tvalid-logloss:0.693147" -> 0.693147 (the last metric printed).
    private static double ParseEval(string s)
    {
        var colon = s.LastIndexOf(':');
        return double.Parse(s.AsSpan(colon + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public unsafe double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        if (_booster == IntPtr.Zero)
        {
            throw new InvalidOperationException("xgboost model is not fitted");
        }

        var f = _features.Length;
        if (features.Length != rows * f)
        {
            throw new ArgumentException($"{features.Length} values are not {rows} rows of {f} features", nameof(features));
        }

        // Few rows: one thread. OpenMP's worker threads cost more than the work for a bar of the universe (and spin
        // badly on a busy machine); large batches use the configured threads.
        SetPredictionThreads(rows <= 4096 ? 1 : _spec.Threads);

        // In-place prediction straight from the dense matrix (no DMatrix): what a new bar for the universe needs.
        var config = string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\": 0, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": {BestIteration + 1}, \"strict_shape\": false, \"missing\": NaN, \"cache_id\": 0}}");
        var output = new double[rows];
        fixed (float* p = features)
        {
            var array = string.Create(CultureInfo.InvariantCulture,
                $"{{\"data\": [{(ulong)p}, true], \"shape\": [{rows}, {f}], \"typestr\": \"<f4\", \"version\": 3}}");
            XGBoostNative.Check(XGBoostNative.XGBoosterPredictFromDense(_booster, array, config, IntPtr.Zero, out _, out _, out var result), "XGBoosterPredictFromDense");
            for (var i = 0; i < rows; i++)
            {
                output[i] = result[i];
            }
        }

        return output;
    }

    private int _predictionThreads = -1;

    private void SetPredictionThreads(int threads)
    {
        if (threads != _predictionThreads)
        {
            XGBoostNative.Check(XGBoostNative.XGBoosterSetParam(_booster, "nthread", threads.ToString(CultureInfo.InvariantCulture)), "XGBoosterSetParam nthread");
            _predictionThreads = threads;
        }
    }

    /// <summary>The model in XGBoost's own format: "json" or "ubj".</summary>
    public unsafe byte[] ToBytes(string format = "json")
    {
        if (_booster == IntPtr.Zero)
        {
            throw new InvalidOperationException("xgboost model is not fitted");
        }

        XGBoostNative.Check(XGBoostNative.XGBoosterSaveModelToBuffer(_booster, $"{{\"format\": \"{format}\"}}", out var len, out var data), "XGBoosterSaveModelToBuffer");
        return new ReadOnlySpan<byte>(data, checked((int)len)).ToArray();
    }

    /// <summary>Loads a booster saved as JSON or UBJSON (by this class or by the Python package).</summary>
    public unsafe void LoadBytes(ReadOnlySpan<byte> model, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        FreeBooster();
        XGBoostNative.Check(XGBoostNative.XGBoosterCreate(null, 0, out _booster), "XGBoosterCreate");
        fixed (byte* p = model)
        {
            XGBoostNative.Check(XGBoostNative.XGBoosterLoadModelFromBuffer(_booster, p, (ulong)model.Length), "XGBoosterLoadModelFromBuffer");
        }

        XGBoostNative.Check(XGBoostNative.XGBoosterGetAttr(_booster, "best_iteration", out var v, out var ok), "XGBoosterGetAttr");
        BestIteration = ok != 0 ? int.Parse(Marshal.PtrToStringUTF8(v) ?? "0", CultureInfo.InvariantCulture) : _spec.GetInt("n_estimators", 200) - 1;
        _features = featureNames.ToArray();
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var format = _spec.Get("save_ubj", 0) > 0 ? "ubj" : "json";
        var file = "xgboost." + format;
        Core.IO.AtomicFile.Write(Path.Combine(directory, file), ToBytes(format));
        new ModelHeader
        {
            Kind = Kind, Task = Task, FeatureNames = _features, Parameters = _spec.Parameters, Seed = _spec.Seed,
            Extra = new Dictionary<string, string> { ["file"] = file, ["best_iteration"] = BestIteration.ToString(CultureInfo.InvariantCulture) },
        }.Write(directory);
    }

    internal static XGBoostModel Load(ModelHeader header, string directory)
    {
        var m = new XGBoostModel(new ModelSpec { Kind = header.Kind, Task = header.Task, Parameters = header.Parameters, Seed = header.Seed });
        var file = header.Extra.TryGetValue("file", out var f) ? f : "xgboost.json";
        m.LoadBytes(File.ReadAllBytes(Path.Combine(directory, file)), header.FeatureNames);
        return m;
    }

    // The multi-threaded constructor (0 threads = all cores), as the Python package builds a DMatrix from numpy.
    private static unsafe IntPtr CreateDMatrix(float[] values, int rows, int cols, float[] labels, int threads)
    {
        IntPtr dm;
        fixed (float* p = values)
        {
            XGBoostNative.Check(XGBoostNative.XGDMatrixCreateFromMat_omp(p, (ulong)rows, (ulong)cols, float.NaN, out dm, threads), "XGDMatrixCreateFromMat_omp");
        }

        fixed (float* l = labels)
        {
            XGBoostNative.Check(XGBoostNative.XGDMatrixSetFloatInfo(dm, "label", l, (ulong)labels.Length), "XGDMatrixSetFloatInfo");
        }

        return dm;
    }

    private void FreeBooster()
    {
        _predictionThreads = -1;
        if (_booster != IntPtr.Zero)
        {
            _ = XGBoostNative.XGBoosterFree(_booster);
            _booster = IntPtr.Zero;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        FreeBooster();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native booster if <see cref="Dispose"/> was not called.</summary>
    ~XGBoostModel() => FreeBooster();
}
