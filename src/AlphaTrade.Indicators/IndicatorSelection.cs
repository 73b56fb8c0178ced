using System.Globalization;

namespace AlphaTrade.Indicators;

/// <summary>
/// Which indicators to compute and with which parameters, as given on the command line:
/// <c>--only sma,rsi,macd</c> and <c>--params sma:period=20,rsi:period=7,bbands:period=20,nbdev_up=2.5</c>.
/// </summary>
public sealed class IndicatorSelection
{
    private readonly Dictionary<string, Dictionary<string, double>> _overrides;

    private IndicatorSelection(IReadOnlyList<string>? only, Dictionary<string, Dictionary<string, double>> overrides)
    {
        Only = only;
        _overrides = overrides;
    }

    /// <summary>Every registered indicator at its default parameters.</summary>
    public static IndicatorSelection Default { get; } = new(null, new Dictionary<string, Dictionary<string, double>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Selected indicator names (null: all).</summary>
    public IReadOnlyList<string>? Only { get; }

    /// <summary>
    /// Parses <paramref name="only"/> (comma-separated names; null or empty: all) and <paramref name="parameters"/>
    /// (comma- or semicolon-separated <c>name:key=value</c> items; an item <c>key=value</c> without a name applies to
    /// the last named indicator). Validates names, keys and values against the registry; throws
    /// <see cref="ArgumentException"/> with a message fit for the user.
    /// </summary>
    public static IndicatorSelection Parse(string? only, string? parameters)
    {
        List<string>? names = null;
        if (!string.IsNullOrWhiteSpace(only))
        {
            names = [];
            foreach (var raw in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(IndicatorRegistry.Get(raw).Info.Name);
            }
        }

        var overrides = new Dictionary<string, Dictionary<string, double>>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        if (!string.IsNullOrWhiteSpace(parameters))
        {
            foreach (var raw in parameters.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string item = raw;
                int colon = item.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    current = IndicatorRegistry.Get(item[..colon]).Info.Name;
                    item = item[(colon + 1)..];
                }

                if (current is null)
                {
                    throw new ArgumentException($"--params item '{raw}' names no indicator: write name:key=value.");
                }

                int eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new ArgumentException($"--params item '{raw}' is not key=value.");
                }

                string key = item[..eq].Trim();
                var def = IndicatorRegistry.Get(current);
                if (!def.Info.Parameters.Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ArgumentException($"{current} has no parameter '{key}' (it has: {string.Join(", ", def.Info.Parameters.Select(p => p.Name))}).");
                }

                if (!double.TryParse(item[(eq + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new ArgumentException($"--params {current}:{key}: '{item[(eq + 1)..]}' is not a number.");
                }

                if (!overrides.TryGetValue(current, out var map))
                {
                    overrides[current] = map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                }

                map[key] = value;
            }
        }

        var sel = new IndicatorSelection(names, overrides);
        foreach (var d in sel.Definitions())
        {
            d.Validate(sel.ParametersFor(d));
        }

        return sel;
    }

    /// <summary>The selected definitions in registry order (every one when <see cref="Only"/> is null).</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions() =>
        Only is null
            ? IndicatorRegistry.All
            : IndicatorRegistry.All.Where(d => Only.Contains(d.Info.Name, StringComparer.OrdinalIgnoreCase)).ToArray();

    /// <summary>Parameter vector for <paramref name="definition"/>: defaults with this selection's overrides.</summary>
    public double[] ParametersFor(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var p = definition.DefaultParameters();
        if (_overrides.TryGetValue(definition.Info.Name, out var map))
        {
            for (int i = 0; i < p.Length; i++)
            {
                if (map.TryGetValue(definition.Info.Parameters[i].Name, out double v))
                {
                    p[i] = v;
                }
            }
        }

        return p;
    }
}
