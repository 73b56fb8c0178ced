using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlphaTrade.Features.Definition;

/// <summary>
/// A declarative feature set: which feature families with which parameters, and which labels. Loaded from
/// <c>config/features/NAME.yaml</c> (<see cref="FeatureSetYaml"/>) or built in code. The same definition drives
/// training, backtests and live inference; its <see cref="Hash"/> keys the on-disk cache.
/// </summary>
public sealed class FeatureSetDefinition
{
    /// <summary>Version of the feature code; bumping it invalidates every cached matrix.</summary>
    public const string PipelineVersion = "features-1";

    /// <summary>Creates a definition.</summary>
    public FeatureSetDefinition(string name, string description, FeatureSetOptions options,
        IReadOnlyList<FeatureFamilySpec> families, IReadOnlyList<LabelSpec> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(labels);
        Name = name;
        Description = description ?? string.Empty;
        Options = options;
        Families = families;
        Labels = labels;
        Canonical = BuildCanonical();
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)))[..16];
    }

    /// <summary>Set name (the YAML file's base name for sets loaded from config/features).</summary>
    public string Name { get; }

    /// <summary>What the set is for.</summary>
    public string Description { get; }

    /// <summary>Shared settings.</summary>
    public FeatureSetOptions Options { get; }

    /// <summary>Feature families in column order.</summary>
    public IReadOnlyList<FeatureFamilySpec> Families { get; }

    /// <summary>Labels in column order.</summary>
    public IReadOnlyList<LabelSpec> Labels { get; }

    /// <summary>The canonical text of everything that changes the matrix (pipeline version, options, every spec).</summary>
    public string Canonical { get; }

    /// <summary>16 hex digits of SHA-256 over <see cref="Canonical"/>.</summary>
    public string Hash { get; }

    private string BuildCanonical()
    {
        var sb = new StringBuilder();
        sb.Append(PipelineVersion).Append('\n');
        sb.Append(JsonSerializer.Serialize(Options)).Append('\n');
        foreach (var f in Families)
        {
            sb.Append(f.Family).Append(' ').Append(JsonSerializer.Serialize(f, f.GetType())).Append('\n');
        }

        foreach (var l in Labels)
        {
            sb.Append("label ").Append(l.Kind).Append(' ').Append(JsonSerializer.Serialize(l, l.GetType())).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Families.Count} families, hash {Hash})");
}
