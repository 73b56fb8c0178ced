using AlphaTrade.Core;
using AlphaTrade.Models.Ensembles;
using AlphaTrade.Models.Learners;

namespace AlphaTrade.Models;

/// <summary>Builds models by kind and reads saved ones back.</summary>
public static class ModelFactory
{
    /// <summary>Kinds <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["lightgbm", "lightgbm_mlnet", "fasttree", "fastforest", "xgboost", "voting-soft", "voting-hard", "stacking", "blending", "ensemble"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Func<ModelSpec, IModel> Create, Func<ModelHeader, string, IModel> Load)> External =
        new(StringComparer.Ordinal);

    /// <summary>Kinds registered by other assemblies with <see cref="RegisterKind"/> (e.g. lstm, transformer from AlphaTrade.Models.Deep).</summary>
    public static IReadOnlyList<string> ExternalKinds => External.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Lets a layer above this one (AlphaTrade.Models.Deep) add a model kind that <see cref="Create"/> and
    /// <see cref="Load"/> then build; registering a kind again replaces it.
    /// </summary>
    public static void RegisterKind(string kind, Func<ModelSpec, IModel> create, Func<ModelHeader, string, IModel> load)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(load);
        External[kind] = (create, load);
    }

    /// <summary>
    /// An unfitted model of <paramref name="spec"/>'s kind. "ensemble" is stacking over lightgbm, fastforest and (when
    /// libxgboost is installed) xgboost; the other ensemble kinds use the same members.
    /// </summary>
    public static IModel Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            "lightgbm" => new LightGbmModel(spec),
            "lightgbm_mlnet" => new MlNetTreeModel(MlNetLearner.LightGbm, spec),
            "fasttree" => new MlNetTreeModel(MlNetLearner.FastTree, spec),
            "fastforest" => new MlNetTreeModel(MlNetLearner.FastForest, spec),
            "xgboost" => new XGBoostModel(spec),
            "voting-soft" => new EnsembleModel(EnsembleMethod.SoftVoting, spec.Task, DefaultMembers(spec)),
            "voting-hard" => new EnsembleModel(EnsembleMethod.HardVoting, spec.Task, DefaultMembers(spec)),
            "stacking" or "ensemble" => new EnsembleModel(EnsembleMethod.Stacking, spec.Task, DefaultMembers(spec), folds: spec.GetInt("folds", 5), embargoPeriods: spec.GetInt("embargo", 1)),
            "blending" => new EnsembleModel(EnsembleMethod.Blending, spec.Task, DefaultMembers(spec)),
            _ when External.TryGetValue(spec.Kind, out var external) => external.Create(spec),
            _ => throw new InputException($"model kind '{spec.Kind}': expected one of {string.Join(", ", Kinds)}"),
        };
    }

    /// <summary>The default ensemble members, sharing the ensemble's seed, threads and parameters.</summary>
    public static IReadOnlyList<ModelSpec> DefaultMembers(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var kinds = Native.XGBoostNative.IsAvailable ? new[] { "lightgbm", "xgboost", "fastforest" } : ["lightgbm", "fastforest"];
        return kinds.Select(k => spec with { Kind = k }).ToArray();
    }

    /// <summary>Reads a model saved with <see cref="IModel.Save"/> from <paramref name="directory"/>.</summary>
    public static IModel Load(string directory)
    {
        var header = ModelHeader.Read(directory);
        return header.Kind switch
        {
            // Models saved before the native learner became the default hold an ML.NET zip: still load them.
            "lightgbm" when File.Exists(Path.Combine(directory, "mlnet.zip")) => MlNetTreeModel.Load(MlNetLearner.LightGbm, header, directory),
            "lightgbm" => LightGbmModel.Load(header, directory),
            "lightgbm_mlnet" => MlNetTreeModel.Load(MlNetLearner.LightGbm, header, directory),
            "fasttree" => MlNetTreeModel.Load(MlNetLearner.FastTree, header, directory),
            "fastforest" => MlNetTreeModel.Load(MlNetLearner.FastForest, header, directory),
            "xgboost" => XGBoostModel.Load(header, directory),
            "onnx" => OnnxModel.Load(header, directory),
            "voting-soft" or "voting-hard" or "stacking" or "blending" => EnsembleModel.Load(header, directory),
            _ when External.TryGetValue(header.Kind, out var external) => external.Load(header, directory),
            _ => throw new InputException($"{Path.Combine(directory, ModelHeader.FileName)}: unknown model kind '{header.Kind}'"),
        };
    }
}
