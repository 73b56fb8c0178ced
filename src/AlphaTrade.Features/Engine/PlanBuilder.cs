using AlphaTrade.Core;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;

namespace AlphaTrade.Features.Engine;

/// <summary>Collects the blocks of a feature set while checking that column names are unique.</summary>
internal sealed class PlanBuilder
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public PlanBuilder(FeatureSetOptions options, AltDataSet alt)
    {
        Options = options;
        Alt = alt;
    }

    public FeatureSetOptions Options { get; }

    public AltDataSet Alt { get; }

    /// <summary>Origin (file:line) of the spec being built, for error messages.</summary>
    public string Origin { get; set; } = string.Empty;

    public List<SymbolBlock> SymbolBlocks { get; } = [];

    public List<UniverseBlock> UniverseBlocks { get; } = [];

    public List<LabelBlock> LabelBlocks { get; } = [];

    /// <summary>Where each universe block was defined.</summary>
    public Dictionary<UniverseBlock, string> UniverseOrigins { get; } = [];

    public void Add(SymbolBlock block)
    {
        foreach (var f in block.Features)
        {
            Claim(f.Name);
        }

        SymbolBlocks.Add(block);
    }

    public void Add(UniverseBlock block)
    {
        foreach (var f in block.Features)
        {
            Claim(f.Name);
        }

        UniverseBlocks.Add(block);
        UniverseOrigins[block] = Origin;
    }

    public void Add(LabelBlock block)
    {
        foreach (var l in block.Labels)
        {
            Claim(l.Name);
        }

        foreach (var e in block.EndColumns)
        {
            Claim(e);
        }

        LabelBlocks.Add(block);
    }

    /// <summary>An input error located at the spec being built.</summary>
    public InputException Error(string message) =>
        new(Origin.Length > 0 ? Origin + ": " + message : message);

    private void Claim(string name)
    {
        if (!_names.TryAdd(name, Origin))
        {
            string first = _names[name];
            throw Error($"feature '{name}' is defined twice{(first.Length > 0 ? " (first at " + first + ")" : string.Empty)}; change a parameter or remove one entry");
        }
    }
}
