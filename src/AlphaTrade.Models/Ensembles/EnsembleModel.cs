using System.Globalization;
using System.Text.Json;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Metrics;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Ensembles;

/// <summary>How an ensemble combines its members.</summary>
public enum EnsembleMethod
{
    /// <summary>Weighted majority of thresholded votes (classification) or weighted mean (regression).</summary>
    HardVoting,

    /// <summary>Weighted mean of probabilities / values.</summary>
    SoftVoting,

    /// <summary>A meta-learner fitted on the members' out-of-fold predictions (purged k-fold).</summary>
    Stacking,

    /// <summary>A meta-learner fitted on the members' predictions for a held-out final slice of time.</summary>
    Blending,
}

/// <summary>
/// An ensemble of models. Everything it learns is learned out of sample: voting weights from the members' scores on a
/// held-out final slice of time (AUC above 0.5, or rank IC above 0, per member), stacking's meta-learner from purged
/// k-fold out-of-fold predictions, blending's from a held-out slice the members never trained on.
/// </summary>
public sealed class EnsembleModel : IModel
{
    private readonly ModelSpec[] _memberSpecs;
    private readonly int _folds;
    private readonly int _embargo;
    private readonly double _holdout;
    private readonly bool _learnWeights;
    private IModel[] _members = [];
    private double[] _weights = [];
    private string[] _features = [];

    /// <summary>Creates an unfitted ensemble.</summary>
    /// <param name="method">How members are combined.</param>
    /// <param name="task">Classification or regression (every member must be of this task).</param>
    /// <param name="members">The member models to build with <see cref="ModelFactory.Create"/>.</param>
    /// <param name="learnWeights">Voting: learn weights out of sample (otherwise equal weights).</param>
    /// <param name="folds">Stacking: purged k-fold folds for the out-of-fold predictions.</param>
    /// <param name="embargoPeriods">Stacking: embargo periods after each test block.</param>
    /// <param name="holdoutFraction">Blending and learned voting weights: share of the final periods held out.</param>
    public EnsembleModel(EnsembleMethod method, ModelTask task, IReadOnlyList<ModelSpec> members, bool learnWeights = true, int folds = 5, int embargoPeriods = 1, double holdoutFraction = 0.2)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2)
        {
            throw new ArgumentException("an ensemble needs at least two members", nameof(members));
        }

        Method = method;
        Task = task;
        _memberSpecs = members.Select(m => m with { Task = task }).ToArray();
        _learnWeights = learnWeights;
        _folds = folds;
        _embargo = embargoPeriods;
        _holdout = holdoutFraction;
    }

    /// <summary>How members are combined.</summary>
    public EnsembleMethod Method { get; }

    /// <inheritdoc />
    public string Kind => Method switch
    {
        EnsembleMethod.HardVoting => "voting-hard",
        EnsembleMethod.SoftVoting => "voting-soft",
        EnsembleMethod.Stacking => "stacking",
        _ => "blending",
    };

    /// <inheritdoc />
    public ModelTask Task { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames => _features;

    /// <summary>Voting weights (one per member) or the meta-learner's coefficients (intercept first).</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The fitted members.</summary>
    public IReadOnlyList<IModel> Members => _members;

    /// <inheritdoc />
    public void Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        _features = train.FeatureNames.ToArray();
        DisposeMembers();
        switch (Method)
        {
            case EnsembleMethod.Stacking:
                FitStacking(train);
                break;
            case EnsembleMethod.Blending:
                FitBlending(train);
                break;
            default:
                FitVoting(train);
                break;
        }
    }

    private void FitVoting(Dataset train)
    {
        var m = _memberSpecs.Length;
        _weights = Enumerable.Repeat(1.0 / m, m).ToArray();
        if (_learnWeights)
        {
            var (fitRows, holdRows) = HoldoutSplit(train);
            var fit = train.Subset(fitRows);
            var hold = train.Subset(holdRows);
            var scores = new double[m];
            for (var i = 0; i < m; i++)
            {
                using var member = ModelFactory.Create(_memberSpecs[i]);
                member.Fit(fit);
                var p = member.Predict(hold);
                scores[i] = Task == ModelTask.Classification
                    ? Math.Max(0, ClassificationMetrics.RocAuc(hold.Labels, p) - 0.5)
                    : Math.Max(0, RegressionMetrics.Compute(hold.Labels, p).RankIc);
                if (double.IsNaN(scores[i]))
                {
                    scores[i] = 0;
                }
            }

            var total = scores.Sum();
            if (total > 0)
            {
                _weights = scores.Select(s => s / total).ToArray();
            }
        }

        _members = _memberSpecs.Select(s => ModelFactory.Create(s)).ToArray();
        foreach (var member in _members)
        {
            member.Fit(train);
        }
    }

    private void FitStacking(Dataset train)
    {
        var m = _memberSpecs.Length;
        var oof = new double[train.RowCount][];
        var covered = new bool[train.RowCount];
        foreach (var fold in new PurgedKFoldSplitter(_folds, _embargo).Split(train))
        {
            var fit = train.Subset(fold.Train);
            var test = train.Subset(fold.Test);
            for (var i = 0; i < m; i++)
            {
                using var member = ModelFactory.Create(_memberSpecs[i]);
                member.Fit(fit);
                var p = member.Predict(test);
                for (var r = 0; r < fold.Test.Length; r++)
                {
                    var row = fold.Test[r];
                    oof[row] ??= new double[m];
                    oof[row][i] = p[r];
                    covered[row] = true;
                }
            }
        }

        FitMeta(Enumerable.Range(0, train.RowCount).Where(r => covered[r]).ToArray(), oof, train);
        _members = _memberSpecs.Select(s => ModelFactory.Create(s)).ToArray();
        foreach (var member in _members)
        {
            member.Fit(train);
        }
    }

    private void FitBlending(Dataset train)
    {
        var (fitRows, holdRows) = HoldoutSplit(train);
        var fit = train.Subset(fitRows);
        var hold = train.Subset(holdRows);
        _members = _memberSpecs.Select(s => ModelFactory.Create(s)).ToArray();
        var preds = new double[hold.RowCount][];
        for (var r = 0; r < preds.Length; r++)
        {
            preds[r] = new double[_members.Length];
        }

        for (var i = 0; i < _members.Length; i++)
        {
            _members[i].Fit(fit);
            var p = _members[i].Predict(hold);
            for (var r = 0; r < p.Length; r++)
            {
                preds[r][i] = p[r];
            }
        }

        FitMeta(Enumerable.Range(0, hold.RowCount).ToArray(), preds, hold);
    }

    private void FitMeta(int[] rows, double[][] predictions, Dataset data)
    {
        var x = new double[rows.Length][];
        var y = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var p = predictions[rows[i]];
            x[i] = Task == ModelTask.Classification ? p.Select(LinearMeta.Logit).ToArray() : (double[])p.Clone();
            y[i] = data.Labels[rows[i]];
        }

        _weights = LinearMeta.Fit(x, y, Task);
    }

    // The final share of periods, with the fit part purged of labels that reach into it.
    private (int[] Fit, int[] Hold) HoldoutSplit(Dataset train)
    {
        var split = new WalkForwardSplitter(1, WalkForwardWindow.Expanding, 1 - _holdout).Split(train)[0];
        return (split.Train, split.Test);
    }

    /// <inheritdoc />
    public double[] Predict(ReadOnlySpan<float> features, int rows)
    {
        if (_members.Length == 0)
        {
            throw new InvalidOperationException($"{Kind} ensemble is not fitted");
        }

        var preds = new double[_members.Length][];
        for (var i = 0; i < _members.Length; i++)
        {
            preds[i] = _members[i].Predict(features, rows);
        }

        var output = new double[rows];
        Span<double> x = stackalloc double[_members.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < _members.Length; i++)
            {
                x[i] = preds[i][r];
            }

            output[r] = Combine(x);
        }

        return output;
    }

    private double Combine(ReadOnlySpan<double> x)
    {
        switch (Method)
        {
            case EnsembleMethod.Stacking:
            case EnsembleMethod.Blending:
                return LinearMeta.Apply(_weights, x, Task);
            case EnsembleMethod.HardVoting when Task == ModelTask.Classification:
                var votes = 0.0;
                for (var i = 0; i < x.Length; i++)
                {
                    votes += x[i] >= 0.5 ? _weights[i] : 0;
                }

                return votes / _weights.Sum();
            default:
                var s = 0.0;
                for (var i = 0; i < x.Length; i++)
                {
                    s += _weights[i] * x[i];
                }

                return s / _weights.Sum();
        }
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < _members.Length; i++)
        {
            _members[i].Save(Path.Combine(directory, MemberDir(i)));
        }

        new ModelHeader
        {
            Kind = Kind,
            Task = Task,
            FeatureNames = _features,
            Extra = new Dictionary<string, string>
            {
                ["members"] = _members.Length.ToString(CultureInfo.InvariantCulture),
                ["weights"] = JsonSerializer.Serialize(_weights),
            },
        }.Write(directory);
    }

    internal static EnsembleModel Load(ModelHeader header, string directory)
    {
        var method = header.Kind switch
        {
            "voting-hard" => EnsembleMethod.HardVoting,
            "voting-soft" => EnsembleMethod.SoftVoting,
            "stacking" => EnsembleMethod.Stacking,
            _ => EnsembleMethod.Blending,
        };
        var count = int.Parse(header.Extra["members"], CultureInfo.InvariantCulture);
        var members = Enumerable.Range(0, count).Select(i => ModelFactory.Load(Path.Combine(directory, MemberDir(i)))).ToArray();
        var e = new EnsembleModel(method, header.Task, members.Select(mm => new ModelSpec { Kind = mm.Kind, Task = header.Task }).ToArray())
        {
            _members = members,
            _weights = JsonSerializer.Deserialize<double[]>(header.Extra["weights"]) ?? [],
            _features = header.FeatureNames.ToArray(),
        };
        return e;
    }

    private static string MemberDir(int i) => "member-" + i.ToString(CultureInfo.InvariantCulture);

    private void DisposeMembers()
    {
        foreach (var m in _members)
        {
            m.Dispose();
        }

        _members = [];
    }

    /// <inheritdoc />
    public void Dispose() => DisposeMembers();
}
