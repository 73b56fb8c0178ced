using AlphaTrade.Models.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace AlphaTrade.Models.Learners;

/// <summary>The ML.NET tree learners this layer wraps.</summary>
public enum MlNetLearner
{
    /// <summary>LightGBM through Microsoft.ML.LightGbm (the native lib_lightgbm it ships).</summary>
    LightGbm,

    /// <summary>ML.NET's FastTree gradient-boosted trees (MART).</summary>
    FastTree,

    /// <summary>ML.NET's FastForest random forest.</summary>
    FastForest,
}

/// <summary>
/// LightGBM, FastTree or FastForest through ML.NET, for classification (calibrated probability of label 1; FastForest's
/// uncalibrated score goes through a Platt calibrator fitted on the training data) or regression.
/// Parameters: num_leaves, learning_rate, n_estimators, min_child_samples, feature_fraction, subsample, l2,
/// early_stopping_rounds (LightGBM, needs a validation set).
/// </summary>
public sealed class MlNetTreeModel : IModel
{
    private const string ModelFile = "mlnet.zip";
    private readonly ModelSpec _spec;
    private readonly MLContext _ml;
    private readonly Lock _gate = new();
    private ITransformer? _model;
    private string[] _features = [];
    private object? _engine;

    /// <summary>Creates an unfitted model for <paramref name="spec"/> with the given learner.</summary>
    public MlNetTreeModel(MlNetLearner learner, ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Learner = learner;
        _spec = spec;
        _ml = new MLContext(spec.Seed);
    }

    /// <summary>Which ML.NET learner.</summary>
    public MlNetLearner Learner { get; }

    /// <inheritdoc />
    public string Kind => KindOf(Learner);

    /// <inheritdoc />
    public ModelTask Task => _spec.Task;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => _features;

    internal static string KindOf(MlNetLearner learner) => learner switch
    {
        MlNetLearner.LightGbm => "lightgbm_mlnet",
        MlNetLearner.FastTree => "fasttree",
        _ => "fastforest",
    };

    /// <inheritdoc />
    public void Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        _features = train.FeatureNames.ToArray();
        var trainView = ToDataView(train);
        var validView = validation is null ? null : ToDataView(validation);
        var s = _spec;
        var threads = s.Threads > 0 ? s.Threads : (int?)null;
        var leaves = s.GetInt("num_leaves", 31);
        var lr = s.Get("learning_rate", 0.05);
        var trees = s.GetInt("n_estimators", 200);
        var minLeaf = s.GetInt("min_child_samples", 20);
        var ff = s.Get("feature_fraction", Learner == MlNetLearner.FastForest ? 0.7 : 1.0);
        var sub = s.Get("subsample", Learner == MlNetLearner.FastForest ? 0.7 : 1.0);
        var l2 = s.Get("l2", 0.0);
        var early = s.GetInt("early_stopping_rounds", 0);
        var cls = Task == ModelTask.Classification;
        ITransformer model;
        switch (Learner)
        {
            case MlNetLearner.LightGbm:
                var booster = new GradientBooster.Options { L2Regularization = l2, FeatureFraction = ff, SubsampleFraction = sub, SubsampleFrequency = sub < 1 ? 1 : 0 };
                if (cls)
                {
                    var o = new LightGbmBinaryTrainer.Options
                    {
                        NumberOfLeaves = leaves, LearningRate = lr, NumberOfIterations = trees, MinimumExampleCountPerLeaf = minLeaf,
                        Seed = s.Seed, NumberOfThreads = threads, Booster = booster, Silent = true, Verbose = false,
                        EarlyStoppingRound = validView is null ? 0 : early, UseCategoricalSplit = false,
                    };
                    var t = _ml.BinaryClassification.Trainers.LightGbm(o);
                    model = validView is null ? t.Fit(trainView) : t.Fit(trainView, validView);
                }
                else
                {
                    var o = new LightGbmRegressionTrainer.Options
                    {
                        NumberOfLeaves = leaves, LearningRate = lr, NumberOfIterations = trees, MinimumExampleCountPerLeaf = minLeaf,
                        Seed = s.Seed, NumberOfThreads = threads, Booster = booster, Silent = true, Verbose = false,
                        EarlyStoppingRound = validView is null ? 0 : early, UseCategoricalSplit = false,
                    };
                    var t = _ml.Regression.Trainers.LightGbm(o);
                    model = validView is null ? t.Fit(trainView) : t.Fit(trainView, validView);
                }

                break;
            case MlNetLearner.FastTree:
                if (cls)
                {
                    model = _ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                    {
                        NumberOfLeaves = leaves, LearningRate = lr, NumberOfTrees = trees, MinimumExampleCountPerLeaf = minLeaf,
                        FeatureFraction = ff, Seed = s.Seed, NumberOfThreads = threads,
                    }).Fit(trainView);
                }
                else
                {
                    model = _ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                    {
                        NumberOfLeaves = leaves, LearningRate = lr, NumberOfTrees = trees, MinimumExampleCountPerLeaf = minLeaf,
                        FeatureFraction = ff, Seed = s.Seed, NumberOfThreads = threads,
                    }).Fit(trainView);
                }

                break;
            default:
                if (cls)
                {
                    // FastForest's binary score is not a probability: a Platt calibrator maps it to one.
                    var forest = _ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                    {
                        NumberOfLeaves = leaves, NumberOfTrees = trees, MinimumExampleCountPerLeaf = minLeaf,
                        FeatureFraction = ff, BaggingExampleFraction = sub, Seed = s.Seed, NumberOfThreads = threads,
                    });
                    model = forest.Append(_ml.BinaryClassification.Calibrators.Platt()).Fit(trainView);
                }
                else
                {
                    model = _ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
                    {
                        NumberOfLeaves = leaves, NumberOfTrees = trees, MinimumExampleCountPerLeaf = minLeaf,
                        FeatureFraction = ff, BaggingExampleFraction = sub, Seed = s.Seed, NumberOfThreads = threads,
                    }).Fit(trainView);
                }

                break;
        }

        lock (_gate)
        {
            _model = model;
            _engine = null;
        }
    }

    /// <inheritdoc />
    public double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        var model = _model ?? throw new InvalidOperationException($"{Kind} model is not fitted");
        var f = _features.Length;
        if (features.Length != rows * f)
        {
            throw new ArgumentException($"{features.Length} values are not {rows} rows of {f} features", nameof(features));
        }

        var result = new double[rows];
        if (rows > 256)
        {
            // Large batches: one pass of the transformer over a data view.
            var view = ToDataView(features.ToArray(), rows, f, null);
            var scored = model.Transform(view);
            var column = Task == ModelTask.Classification ? "Probability" : "Score";
            var i = 0;
            foreach (var v in scored.GetColumn<float>(column))
            {
                result[i++] = v;
            }

            return result;
        }

        lock (_gate)
        {
            if (Task == ModelTask.Classification)
            {
                var engine = (PredictionEngine<ClassRow, ClassScore>)(_engine ??= _ml.Model.CreatePredictionEngine<ClassRow, ClassScore>(model, inputSchemaDefinition: Schema<ClassRow>(f)));
                var row = new ClassRow { Features = new float[f] };
                var output = new ClassScore();
                for (var r = 0; r < rows; r++)
                {
                    features.Slice(r * f, f).CopyTo(row.Features);
                    engine.Predict(row, ref output);
                    result[r] = output.Probability;
                }
            }
            else
            {
                var engine = (PredictionEngine<RegressionRow, RegressionScore>)(_engine ??= _ml.Model.CreatePredictionEngine<RegressionRow, RegressionScore>(model, inputSchemaDefinition: Schema<RegressionRow>(f)));
                var row = new RegressionRow { Features = new float[f] };
                var output = new RegressionScore();
                for (var r = 0; r < rows; r++)
                {
                    features.Slice(r * f, f).CopyTo(row.Features);
                    engine.Predict(row, ref output);
                    result[r] = output.Score;
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        var model = _model ?? throw new InvalidOperationException($"{Kind} model is not fitted");
        Directory.CreateDirectory(directory);
        var schema = ToDataView(new float[_features.Length], 1, _features.Length, null).Schema;
        Core.IO.AtomicFile.Write(Path.Combine(directory, ModelFile), s => _ml.Model.Save(model, schema, s));
        new ModelHeader { Kind = Kind, Task = Task, FeatureNames = _features, Parameters = _spec.Parameters, Seed = _spec.Seed }.Write(directory);
    }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
    internal static MlNetTreeModel Load(MlNetLearner learner, ModelHeader header, string directory)
    {
        var m = new MlNetTreeModel(learner, new ModelSpec { Kind = header.Kind, Task = header.Task, Parameters = header.Parameters, Seed = header.Seed });
        using var stream = File.OpenRead(Path.Combine(directory, ModelFile));
        m._model = m._ml.Model.Load(stream, out _);
        m._features = header.FeatureNames.ToArray();
        return m;
    }

    private IDataView ToDataView(Dataset d) => ToDataView(d.Values, d.RowCount, d.FeatureCount, d.Labels);

    private IDataView ToDataView(float[] values, int rows, int f, double[]? labels)
    {
        if (Task == ModelTask.Classification)
        {
            return _ml.Data.LoadFromEnumerable(ClassRows(values, rows, f, labels), Schema<ClassRow>(f));
        }

        return _ml.Data.LoadFromEnumerable(RegressionRows(values, rows, f, labels), Schema<RegressionRow>(f));
    }

    private static IEnumerable<ClassRow> ClassRows(float[] values, int rows, int f, double[]? labels)
    {
        for (var r = 0; r < rows; r++)
        {
            yield return new ClassRow { Features = values.AsSpan(r * f, f).ToArray(), Label = labels is not null && labels[r] > 0.5 };
        }
    }

    private static IEnumerable<RegressionRow> RegressionRows(float[] values, int rows, int f, double[]? labels)
    {
        for (var r = 0; r < rows; r++)
        {
            yield return new RegressionRow { Features = values.AsSpan(r * f, f).ToArray(), Label = labels is null ? 0f : (float)labels[r] };
        }
    }

    private static SchemaDefinition Schema<T>(int features)
    {
        var def = SchemaDefinition.Create(typeof(T));
        def[nameof(ClassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return def;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        (_engine as IDisposable)?.Dispose();
        _engine = null;
    }

#pragma warning disable CA1812, CA1819 // instantiated by ML.NET through reflection; ML.NET needs array fields
    internal sealed class ClassRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class RegressionRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    internal sealed class ClassScore
    {
        public float Probability { get; set; }
    }

    internal sealed class RegressionScore
    {
        public float Score { get; set; }
    }
#pragma warning restore CA1812, CA1819
}
