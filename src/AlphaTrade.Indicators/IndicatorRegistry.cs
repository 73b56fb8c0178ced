using System.Collections.Frozen;
using AlphaTrade.Indicators.Cycle;
using AlphaTrade.Indicators.MathOperators;
using AlphaTrade.Indicators.Momentum;
using AlphaTrade.Indicators.Overlap;
using AlphaTrade.Indicators.Patterns;
using AlphaTrade.Indicators.PriceTransform;
using AlphaTrade.Indicators.Statistics;
using AlphaTrade.Indicators.Volatility;
using AlphaTrade.Indicators.Volume;

namespace AlphaTrade.Indicators;

/// <summary>
/// Every indicator definition of the library, by family, with lookup by name and by TA-Lib name.
/// Immutable and thread-safe.
/// </summary>
public static class IndicatorRegistry
{
    private static readonly Lazy<Catalog> Instance = new(Build);

    /// <summary>Every definition, by category then name.</summary>
    public static IReadOnlyList<IndicatorDefinition> All => Instance.Value.All;

    /// <summary>The definition named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static IndicatorDefinition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Instance.Value.ByName.GetValueOrDefault(name.Trim());
    }

    /// <summary>The definition of TA-Lib function <paramref name="taLibName"/> (e.g. "SMA"), or null.</summary>
    public static IndicatorDefinition? FindTaLib(string taLibName)
    {
        ArgumentNullException.ThrowIfNull(taLibName);
        return Instance.Value.ByTaLib.GetValueOrDefault(taLibName.Trim());
    }

    /// <summary>The definition named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing close names when unknown.</summary>
    public static IndicatorDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException(FormattableString.Invariant($"Unknown indicator '{name}'. Use 'alphatrade indicators --list' to see them."), nameof(name));

    private static Catalog Build()
    {
        IndicatorDefinition[] all =
        [
            .. OverlapIndicators.All,
            .. MomentumIndicators.All,
            .. VolumeIndicators.All,
            .. VolatilityIndicators.All,
            .. PriceTransformIndicators.All,
            .. StatisticsIndicators.All,
            .. MathOperatorIndicators.All,
            .. CycleIndicators.All,
            .. PatternIndicators.All,
        ];
        var ordered = all.OrderBy(d => d.Info.Category).ThenBy(d => d.Info.Name, StringComparer.Ordinal).ToArray();
        var byName = new Dictionary<string, IndicatorDefinition>(StringComparer.OrdinalIgnoreCase);
        var byTaLib = new Dictionary<string, IndicatorDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in ordered)
        {
            if (!byName.TryAdd(d.Info.Name, d))
            {
                throw new InvalidOperationException("Duplicate indicator name " + d.Info.Name);
            }

            if (d.Info.TaLibName is { } t && !byTaLib.TryAdd(t, d))
            {
                throw new InvalidOperationException("Duplicate TA-Lib name " + t);
            }
        }

        return new Catalog(ordered, byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), byTaLib.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    private sealed record Catalog(
        IndicatorDefinition[] All,
        FrozenDictionary<string, IndicatorDefinition> ByName,
        FrozenDictionary<string, IndicatorDefinition> ByTaLib);
}
