using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlphaTrade.Core;
using AlphaTrade.Core.IO;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Registry;

/// <summary>
/// Versioned models on disk: <c>&lt;root&gt;/&lt;name&gt;/v&lt;version&gt;/</c> holding <c>metadata.json</c> and the saved
/// model in <c>model/</c>. A version is written into a temporary folder and renamed into place, so a crash never leaves a
/// half-written version. Loading checks that the model's feature set is the pipeline's.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>Metadata file name inside a version folder.</summary>
    public const string MetadataFile = "metadata.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Creates a registry rooted at <paramref name="root"/> (usually &lt;repo&gt;/models).</summary>
    public ModelRegistry(string root) => Root = root;

    /// <summary>The registry folder.</summary>
    public string Root { get; }

    /// <summary>Registers a fitted model as the next version of <paramref name="metadata"/>'s name; returns the stored metadata.</summary>
    public ModelMetadata Register(IModel model, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        CheckName(metadata.Name);
        var nameDir = Path.Combine(Root, metadata.Name);
        Directory.CreateDirectory(nameDir);
        var version = Versions(metadata.Name).DefaultIfEmpty(0).Max() + 1;
        var stored = metadata with { Version = version, Stage = ModelStage.Candidate };
        var tmp = Path.Combine(nameDir, ".tmp-v" + version.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(tmp))
        {
            Directory.Delete(tmp, true);
        }

        model.Save(Path.Combine(tmp, "model"));
        AtomicFile.Write(Path.Combine(tmp, MetadataFile), JsonSerializer.SerializeToUtf8Bytes(stored, Json));
        Directory.Move(tmp, VersionDir(metadata.Name, version));
        return stored;
    }

    /// <summary>Every version of every model (or of <paramref name="name"/>), by name then version.</summary>
    public IReadOnlyList<ModelMetadata> List(string? name = null)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        IEnumerable<string> names = name is null ? Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.') && n != "studies").Order(StringComparer.Ordinal) : [name];
        return names.SelectMany(n => Versions(n).Order().Select(v => Read(n, v))).ToList();
    }

    /// <summary>
    /// Resolves "name" (latest version), "name:3" (version 3) or "name@production" (the version in that stage).
    /// </summary>
    public ModelMetadata Get(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (at > 0)
        {
            var name = reference[..at];
            if (!Enum.TryParse<ModelStage>(reference[(at + 1)..], true, out var stage))
            {
                throw new InputException($"model '{reference}': unknown stage '{reference[(at + 1)..]}' (expected candidate, staging, production or archived)");
            }

            return List(name).LastOrDefault(m => m.Stage == stage) ?? throw new InputException($"model '{name}' has no version in {stage.ToString().ToLowerInvariant()}");
        }

        if (colon > 0)
        {
            var name = reference[..colon];
            if (!int.TryParse(reference[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) || !Versions(name).Contains(v))
            {
                throw new InputException($"model '{reference}': no such version (versions: {string.Join(", ", Versions(name).Order())})");
            }

            return Read(name, v);
        }

        var versions = Versions(reference).ToArray();
        return versions.Length == 0 ? throw new InputException($"model '{reference}' is not registered under {Root}") : Read(reference, versions.Max());
    }

    /// <summary>
    /// Moves a version to <paramref name="stage"/>. Promoting to production archives the previous production version.
    /// </summary>
    public ModelMetadata Promote(string reference, ModelStage stage)
    {
        var m = Get(reference);
        if (stage == ModelStage.Production)
        {
            foreach (var other in List(m.Name).Where(o => o.Stage == ModelStage.Production && o.Version != m.Version))
            {
                Write(other with { Stage = ModelStage.Archived });
            }
        }

        var updated = m with { Stage = stage };
        Write(updated);
        return updated;
    }

    /// <summary>
    /// Loads a registered model for a pipeline producing <paramref name="pipelineFeatures"/>; a different feature set
    /// (names or order) is an <see cref="InputException"/> naming the first difference.
    /// </summary>
    public IModel Load(ModelMetadata metadata, IReadOnlyList<string> pipelineFeatures)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(pipelineFeatures);
        var hash = Dataset.ComputeFeatureSetHash(pipelineFeatures);
        if (hash != metadata.FeatureSetHash)
        {
            var missing = metadata.Features.Except(pipelineFeatures, StringComparer.Ordinal).Take(3).ToArray();
            var extra = pipelineFeatures.Except(metadata.Features, StringComparer.Ordinal).Take(3).ToArray();
            var detail = missing.Length + extra.Length == 0 ? "same names in another order"
                : $"missing {(missing.Length == 0 ? "none" : string.Join(", ", missing))}; unexpected {(extra.Length == 0 ? "none" : string.Join(", ", extra))}";
            throw new InputException($"model {metadata.Id} needs feature set {metadata.FeatureSetHash} ({metadata.Features.Count} features) but the pipeline has {hash} ({pipelineFeatures.Count}): {detail}");
        }

        return ModelFactory.Load(Path.Combine(VersionDir(metadata.Name, metadata.Version), "model"));
    }

    /// <summary>The folder of one version.</summary>
    public string VersionDir(string name, int version) => Path.Combine(Root, name, "v" + version.ToString(CultureInfo.InvariantCulture));

    /// <summary>Versions of the libraries a model depends on, for its metadata.</summary>
    public static IReadOnlyDictionary<string, string> LibraryVersions()
    {
        static string Of(Type t) => t.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? t.Assembly.GetName().Version?.ToString() ?? "?";
        var d = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dotnet"] = Environment.Version.ToString(),
            ["ml.net"] = Of(typeof(Microsoft.ML.MLContext)),
            ["onnxruntime"] = Of(typeof(Microsoft.ML.OnnxRuntime.InferenceSession)),
        };
        if (Native.XGBoostNative.IsAvailable)
        {
            d["xgboost"] = Learners.XGBoostModel.NativeVersion;
        }

        return d;
    }

    private IEnumerable<int> Versions(string name)
    {
        var dir = Path.Combine(Root, name);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>()
            .Where(n => n.Length > 1 && n[0] == 'v' && File.Exists(Path.Combine(dir, n, MetadataFile)))
            .Select(n => int.TryParse(n.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .Where(v => v > 0);
    }

    private ModelMetadata Read(string name, int version)
    {
        var path = Path.Combine(VersionDir(name, version), MetadataFile);
        try
        {
            return JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllBytes(path), Json) ?? throw new InputException($"{path}: empty metadata");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not model metadata ({e.Message})", e);
        }
    }

    private void Write(ModelMetadata m) =>
        AtomicFile.Write(Path.Combine(VersionDir(m.Name, m.Version), MetadataFile), JsonSerializer.SerializeToUtf8Bytes(m, Json));

    private static void CheckName(string name)
    {
        if (name.Length == 0 || name.StartsWith('.') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new InputException($"model name '{name}': use letters, digits, '-', '_' and '.' only");
        }
    }
}
