using AlphaTrade.Models.Training;

namespace AlphaTrade.Models.Registry;

/// <summary>Life-cycle stage of a registered model version.</summary>
public enum ModelStage
{
    /// <summary>Just trained; not yet trusted.</summary>
    Candidate,

    /// <summary>Being paper-traded.</summary>
    Staging,

    /// <summary>Trading; at most one version per model name.</summary>
    Production,

    /// <summary>Replaced by a newer production version.</summary>
    Archived,
}

/// <summary>Everything needed to reproduce, audit and safely deploy one model version (metadata.json).</summary>
public sealed record ModelMetadata
{
    /// <summary>Model name (letters, digits, '-', '_', '.').</summary>
    public required string Name { get; init; }

    /// <summary>Version number, assigned by the registry (1, 2, ...).</summary>
    public int Version { get; init; }

    /// <summary>Model kind (lightgbm, xgboost, stacking...).</summary>
    public required string Kind { get; init; }

    /// <summary>Classification or regression.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>What the label is (e.g. "direction 1 bar", "triple-barrier 10 bars").</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>When the model was registered (UTC, from the caller's clock).</summary>
    public required DateTime Created { get; init; }

    /// <summary>First row timestamp of the training data (UTC).</summary>
    public required DateTime TrainingStart { get; init; }

    /// <summary>Last row timestamp of the training data (UTC).</summary>
    public required DateTime TrainingEnd { get; init; }

    /// <summary>Feature names in column order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Hash of the feature names (see <see cref="Data.Dataset.ComputeFeatureSetHash"/>).</summary>
    public required string FeatureSetHash { get; init; }

    /// <summary>The feature-pipeline set the features came from ("name@definition-hash"); null for a built-in matrix.</summary>
    public string? FeatureSet { get; init; }

    /// <summary>Fingerprint of the training data.</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>Hyper-parameters.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Seed used.</summary>
    public int Seed { get; init; }

    /// <summary>How the out-of-sample metrics were obtained (splitter description).</summary>
    public string Validation { get; init; } = string.Empty;

    /// <summary>Out-of-sample metrics per fold.</summary>
    public IReadOnlyList<FoldResult> FoldMetrics { get; init; } = [];

    /// <summary>Library versions used (ML.NET, XGBoost, ONNX Runtime, .NET).</summary>
    public IReadOnlyDictionary<string, string> LibraryVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>The tuning study the parameters came from, when any.</summary>
    public string? ParentStudy { get; init; }

    /// <summary>Current stage.</summary>
    public ModelStage Stage { get; init; } = ModelStage.Candidate;

    /// <summary>"name:version".</summary>
    public string Id => Name + ":" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Mean of each fold metric.</summary>
    public IReadOnlyDictionary<string, double> MeanMetrics() => new EvaluationResult { Folds = FoldMetrics, Predictions = [], Score = double.NaN }.MeanMetrics;
}
