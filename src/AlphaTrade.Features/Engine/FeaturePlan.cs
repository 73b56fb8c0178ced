using AlphaTrade.Core;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;

namespace AlphaTrade.Features;

/// <summary>
/// A feature set compiled into executable blocks: the per-symbol stage, the universe stage and the labels, with the
/// column layout they fill. Immutable and shareable between the batch builder and live engines.
/// </summary>
public sealed class FeaturePlan
{
    private FeaturePlan(FeatureSetDefinition definition, Engine.PlanBuilder b)
    {
        Definition = definition;
        Alt = b.Alt;
        SymbolBlocks = b.SymbolBlocks.ToArray();
        UniverseBlocks = b.UniverseBlocks.ToArray();
        LabelBlocks = b.LabelBlocks.ToArray();
        SymbolOffsets = Offsets(SymbolBlocks.Select(x => x.Features.Count));
        UniverseOffsets = Offsets(UniverseBlocks.Select(x => x.Features.Count));
        LabelOffsets = Offsets(LabelBlocks.Select(x => x.Labels.Count));
        LabelEndOffsets = Offsets(LabelBlocks.Select(x => x.EndColumns.Count));
        SymbolFeatureCount = SymbolBlocks.Sum(x => x.Features.Count);
        UniverseFeatureCount = UniverseBlocks.Sum(x => x.Features.Count);
        Features = SymbolBlocks.SelectMany(x => x.Features).Concat(UniverseBlocks.SelectMany(x => x.Features)).ToArray();
        Labels = LabelBlocks.SelectMany(x => x.Labels).ToArray();
        LabelEndColumns = LabelBlocks.SelectMany(x => x.EndColumns).ToArray();
        var symbolNames = SymbolBlocks.SelectMany(x => x.Features).Select(f => f.Name).ToList();
        KeyFeatures = UniverseBlocks.SelectMany(x => x.RequiredSymbolFeatures).Distinct(StringComparer.Ordinal).ToArray();
        KeyColumns = new int[KeyFeatures.Count];
        for (int i = 0; i < KeyFeatures.Count; i++)
        {
            int col = symbolNames.IndexOf(KeyFeatures[i]);
            if (col < 0)
            {
                var user = UniverseBlocks.First(x => x.RequiredSymbolFeatures.Contains(KeyFeatures[i]));
                string origin = b.UniverseOrigins.GetValueOrDefault(user) is { Length: > 0 } o ? o : definition.Name;
                throw new InputException($"{origin}: '{user.Features[0].Family}' reads the per-symbol feature '{KeyFeatures[i]}', which the set does not define; add it or choose one of: {string.Join(", ", symbolNames.Take(12))}...");
            }

            KeyColumns[i] = col;
        }
    }

    /// <summary>The definition compiled.</summary>
    public FeatureSetDefinition Definition { get; }

    /// <summary>External series the alternative-data families read.</summary>
    public AltDataSet Alt { get; }

    /// <summary>Every feature column: the per-symbol stage first, then the universe stage.</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>Every label column.</summary>
    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Names of the label end-time columns (UTC ticks).</summary>
    public IReadOnlyList<string> LabelEndColumns { get; }

    /// <summary>Number of per-symbol features (they come first in <see cref="Features"/>).</summary>
    public int SymbolFeatureCount { get; }

    /// <summary>Number of universe-stage features.</summary>
    public int UniverseFeatureCount { get; }

    internal Engine.SymbolBlock[] SymbolBlocks { get; }

    internal int[] SymbolOffsets { get; }

    internal Engine.UniverseBlock[] UniverseBlocks { get; }

    internal int[] UniverseOffsets { get; }

    internal Engine.LabelBlock[] LabelBlocks { get; }

    internal int[] LabelOffsets { get; }

    internal int[] LabelEndOffsets { get; }

    /// <summary>Per-symbol features the universe stage reads.</summary>
    internal IReadOnlyList<string> KeyFeatures { get; }

    /// <summary>Column of each key feature among the per-symbol features.</summary>
    internal int[] KeyColumns { get; }

    /// <summary>Compiles <paramref name="definition"/>; <paramref name="alt"/> holds the external series (empty: none loaded).</summary>
    /// <exception cref="InputException">A spec is invalid (names the YAML line).</exception>
    public static FeaturePlan Compile(FeatureSetDefinition definition, AltDataSet? alt = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var b = new Engine.PlanBuilder(definition.Options, alt ?? AltDataSet.Empty);
        foreach (var f in definition.Families)
        {
            b.Origin = f.Origin;
            f.Build(b);
        }

        foreach (var l in definition.Labels)
        {
            b.Origin = l.Origin;
            l.Build(b);
        }

        return new FeaturePlan(definition, b);
    }

    private static int[] Offsets(IEnumerable<int> counts)
    {
        var list = new List<int>();
        int o = 0;
        foreach (int c in counts)
        {
            list.Add(o);
            o += c;
        }

        return list.ToArray();
    }
}
