using System.Globalization;
using System.Text;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Native;

namespace AlphaTrade.Models.Learners;

/// <summary>
/// LightGBM through lib_lightgbm's C API by P/Invoke: the dataset is built straight from the row-major float matrix
/// (no copy into an IDataView, unlike ML.NET's trainer), boosting runs one round at a time with early stopping on the
/// validation set's first metric, prediction goes through LGBM_BoosterPredictForMat and the model is saved as
/// LightGBM's own text model. Deterministic: deterministic=true, force_col_wise=true and the spec's seed.
/// Parameters: num_leaves (31), learning_rate (0.05), n_estimators (200), min_child_samples (20), max_depth (-1),
/// feature_fraction (1), subsample (1; bagging every round when below 1), l1 (0), l2 (0), max_bin (255),
/// early_stopping_rounds (0 = off; needs a validation set), gpu (1 = device_type=gpu, when the library was built with it).
/// </summary>
public sealed class LightGbmModel : IModel
{
    private const string ModelFile = "lightgbm.txt";
    private readonly ModelSpec _spec;
    private IntPtr _booster;
    private string[] _features = [];

    /// <summary>Creates an unfitted model for <paramref name="spec"/>.</summary>
    public LightGbmModel(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
    }

    /// <inheritdoc />
    public string Kind => "lightgbm";

    /// <inheritdoc />
    public ModelTask Task => _spec.Task;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => _features;

    /// <summary>Best iteration (0-based) chosen by early stopping, or the last iteration trained.</summary>
    public int BestIteration { get; private set; } = -1;

    /// <summary>
    /// The parameter string given to LGBM_DatasetCreateFromMat and LGBM_BoosterCreate (public so that benchmarks and
    /// tests call the native library with exactly the same parameters).
    /// </summary>
    public string NativeParameters()
    {
        var s = _spec;
        var cls = Task == ModelTask.Classification;
        var sub = s.Get("subsample", 1.0);
        var threads = s.Threads > 0 ? s.Threads : Environment.ProcessorCount;
        var sb = new StringBuilder();
        void Add(string k, string v) => sb.Append(sb.Length == 0 ? string.Empty : " ").Append(k).Append('=').Append(v);
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        Add("objective", cls ? "binary" : "regression");
        Add("metric", cls ? "binary_logloss" : "l2");
        Add("num_leaves", I(s.GetInt("num_leaves", 31)));
        Add("learning_rate", F(s.Get("learning_rate", 0.05)));
        Add("min_data_in_leaf", I(s.GetInt("min_child_samples", 20)));
        Add("max_depth", I(s.GetInt("max_depth", -1)));
        Add("feature_fraction", F(s.Get("feature_fraction", 1.0)));
        Add("bagging_fraction", F(sub));
        Add("bagging_freq", sub < 1 ? "1" : "0");
        Add("lambda_l1", F(s.Get("l1", 0.0)));
        Add("lambda_l2", F(s.Get("l2", 0.0)));
        Add("max_bin", I(s.GetInt("max_bin", 255)));
        Add("num_threads", I(threads));
        Add("seed", I(s.Seed));
        Add("deterministic", "true");
        Add("force_col_wise", "true");
        Add("verbosity", "-1");
        if (s.Get("gpu", 0) > 0)
        {
            Add("device_type", "gpu");
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public void Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        FreeBooster();
        _features = train.FeatureNames.ToArray();
        var parameters = NativeParameters();
        var dtrain = CreateDataset(train, parameters, IntPtr.Zero);
        var dvalid = IntPtr.Zero;
        try
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(dtrain, parameters, out _booster), "LGBM_BoosterCreate");
            var rounds = _spec.GetInt("n_estimators", 200);
            var patience = validation is null ? 0 : _spec.GetInt("early_stopping_rounds", 0);
            if (patience > 0)
            {
                // The validation set is binned with the training set's bin boundaries (reference = dtrain).
                dvalid = CreateDataset(validation!, parameters, dtrain);
                LightGbmNative.Check(LightGbmNative.LGBM_BoosterAddValidData(_booster, dvalid), "LGBM_BoosterAddValidData");
            }

            BestIteration = Boost(rounds, patience);
        }
        finally
        {
            _ = LightGbmNative.LGBM_DatasetFree(dtrain);
            if (dvalid != IntPtr.Zero)
            {
                _ = LightGbmNative.LGBM_DatasetFree(dvalid);
            }
        }
    }

    // Rounds until done or until the validation metric has not improved for `patience` rounds; returns the best round.
    private unsafe int Boost(int rounds, int patience)
    {
        var best = double.PositiveInfinity;
        var bestIter = -1;
        var sinceBest = 0;
        var metrics = 0;
        if (patience > 0)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetEvalCounts(_booster, out metrics), "LGBM_BoosterGetEvalCounts");
        }

        var eval = stackalloc double[Math.Max(1, metrics)];
        for (var i = 0; i < rounds; i++)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(_booster, out var finished), "LGBM_BoosterUpdateOneIter");
            if (finished != 0)
            {
                // No split improves any more: this round added nothing.
                return patience > 0 && bestIter >= 0 ? bestIter : i - 1;
            }

            bestIter = patience > 0 ? bestIter : i;
            if (patience <= 0)
            {
                continue;
            }

            LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetEval(_booster, 1, out _, eval), "LGBM_BoosterGetEval");
            if (eval[0] < best)
            {
                best = eval[0];
                bestIter = i;
                sinceBest = 0;
            }
            else if (++sinceBest >= patience)
            {
                break;
            }
        }

        return bestIter;
    }

    private static unsafe IntPtr CreateDataset(Dataset data, string parameters, IntPtr reference)
    {
        IntPtr ds;
        fixed (float* p = data.Values)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(p, LightGbmNative.Float32, data.RowCount, data.FeatureCount, 1, parameters, reference, out ds), "LGBM_DatasetCreateFromMat");
        }

        var labels = data.LabelsAsSingle();
        fixed (float* l = labels)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(ds, "label", l, labels.Length, LightGbmNative.Float32), "LGBM_DatasetSetField");
        }

        return ds;
    }

    /// <inheritdoc />
    public unsafe double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        if (_booster == IntPtr.Zero)
        {
            throw new InvalidOperationException("lightgbm model is not fitted");
        }

        var f = _features.Length;
        if (features.Length != rows * f)
        {
            throw new ArgumentException($"{features.Length} values are not {rows} rows of {f} features", nameof(features));
        }

        var output = new double[rows];
        if (rows == 0)
        {
            return output;
        }

        // One thread for a bar of the universe (OpenMP workers cost more than the work); the configured threads for batches.
        var threads = rows <= 4096 ? 1 : (_spec.Threads > 0 ? _spec.Threads : Environment.ProcessorCount);
        var parameter = "num_threads=" + threads.ToString(CultureInfo.InvariantCulture);
        fixed (float* p = features)
        fixed (double* o = output)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(_booster, p, LightGbmNative.Float32, rows, f, 1, LightGbmNative.PredictNormal, 0, BestIteration + 1, parameter, out _, o), "LGBM_BoosterPredictForMat");
        }

        return output;
    }

    /// <summary>The model as LightGBM's text format, trees up to <see cref="BestIteration"/>.</summary>
    public unsafe string ToModelString()
    {
        if (_booster == IntPtr.Zero)
        {
            throw new InvalidOperationException("lightgbm model is not fitted");
        }

        LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(_booster, 0, BestIteration + 1, 0, 0, out var needed, null), "LGBM_BoosterSaveModelToString");
        var buffer = new byte[needed];
        fixed (byte* b = buffer)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(_booster, 0, BestIteration + 1, 0, needed, out _, b), "LGBM_BoosterSaveModelToString");
        }

        // The length includes the terminating NUL.
        return Encoding.UTF8.GetString(buffer, 0, (int)Math.Max(0, needed - 1));
    }

    /// <summary>Loads a model in LightGBM's text format (written by this class or by any LightGBM).</summary>
    public void LoadModelString(string model, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        FreeBooster();
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterLoadModelFromString(model, out var iterations, out _booster), "LGBM_BoosterLoadModelFromString");
        BestIteration = iterations - 1;
        _features = featureNames.ToArray();
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Core.IO.AtomicFile.Write(Path.Combine(directory, ModelFile), Encoding.UTF8.GetBytes(ToModelString()));
        new ModelHeader
        {
            Kind = Kind, Task = Task, FeatureNames = _features, Parameters = _spec.Parameters, Seed = _spec.Seed,
            Extra = new Dictionary<string, string> { ["file"] = ModelFile, ["best_iteration"] = BestIteration.ToString(CultureInfo.InvariantCulture) },
        }.Write(directory);
    }

    internal static LightGbmModel Load(ModelHeader header, string directory)
    {
        var m = new LightGbmModel(new ModelSpec { Kind = header.Kind, Task = header.Task, Parameters = header.Parameters, Seed = header.Seed });
        var file = header.Extra.TryGetValue("file", out var f) ? f : ModelFile;
        m.LoadModelString(File.ReadAllText(Path.Combine(directory, file), Encoding.UTF8), header.FeatureNames);
        return m;
    }

    private void FreeBooster()
    {
        if (_booster != IntPtr.Zero)
        {
            _ = LightGbmNative.LGBM_BoosterFree(_booster);
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
    ~LightGbmModel() => FreeBooster();
}
