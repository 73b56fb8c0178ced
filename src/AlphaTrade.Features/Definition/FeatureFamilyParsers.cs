using AlphaTrade.Features.Technical;

namespace AlphaTrade.Features.Definition;

/// <summary>A family's YAML reader and one-line description.</summary>
internal readonly record struct FamilyParser(string Description, Func<YamlEntry, FeatureFamilySpec> Parse);

/// <summary>The YAML readers of every family and label kind.</summary>
internal static class FeatureFamilyParsers
{
    public static IReadOnlyDictionary<string, FamilyParser> All { get; } = new Dictionary<string, FamilyParser>(StringComparer.Ordinal)
    {
        ["returns"] = new("log returns over horizons (bars)", e => new ReturnsSpec(e.IntList("horizons"))),
        ["vol_scaled_returns"] = new("log returns over horizons divided by rolling volatility·√h",
            e => new VolScaledReturnsSpec(e.IntList("horizons"), e.Int("vol_window", 130))),
        ["indicator"] = new("any indicator of the library at several parameter values, normalised", ParseIndicator),
    };

    public static IReadOnlyDictionary<string, Func<YamlEntry, LabelSpec>> Labels { get; } = new Dictionary<string, Func<YamlEntry, LabelSpec>>(StringComparer.Ordinal)
    {
    };

    private static IndicatorSpec ParseIndicator(YamlEntry e) => new(
        e.RequiredString("name"),
        e.NumberLists("params").Select(p => new IndicatorParameterValues(p.Name, p.Values)).ToArray(),
        e.StringList("outputs", []),
        e.Enum("transform", IndicatorTransform.None));
}
