using System.Text.Json.Serialization;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features.Definition;

/// <summary>
/// One entry of a feature set: a family of features and its parameters. Concrete specs are immutable records whose
/// public properties are the parameters; their JSON form is the canonical text hashed into the set's hash.
/// </summary>
public abstract record FeatureFamilySpec
{
    /// <summary>The family key used in YAML (<c>family: returns</c>).</summary>
    [JsonIgnore]
    public abstract string Family { get; }

    /// <summary>Where the entry was defined (<c>file:line</c>) for error messages; empty for sets built in code.</summary>
    [JsonIgnore]
    public string Origin { get; init; } = string.Empty;

    /// <summary>Adds this family's blocks to a plan.</summary>
    internal abstract void Build(PlanBuilder builder);
}

/// <summary>One label entry of a feature set (forward-looking targets, kept apart from features).</summary>
public abstract record LabelSpec
{
    /// <summary>The label kind used in YAML (<c>kind: triple_barrier</c>).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>Where the entry was defined (<c>file:line</c>); empty for sets built in code.</summary>
    [JsonIgnore]
    public string Origin { get; init; } = string.Empty;

    /// <summary>Adds this label's block to a plan.</summary>
    internal abstract void Build(PlanBuilder builder);
}

/// <summary>Settings shared by every family of a set.</summary>
/// <param name="AtrPeriod">ATR period used to normalise price distances (bars).</param>
/// <param name="BarsPerDay">Bars in a full session, used to express per-bar volatilities in daily units.</param>
public sealed record FeatureSetOptions(int AtrPeriod = 14, int BarsPerDay = 26);
