using System.Globalization;
using AlphaTrade.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Risk.Optimization;

/// <summary>
/// Black–Litterman inputs from a YAML file:
/// <code>
/// tau: 0.05                 # optional
/// risk_aversion: 2.5        # optional
/// market_weights: { AAPL: 0.07, MSFT: 0.06 }   # benchmark weights; optional (equal weights when absent)
/// views:
///   - { assets: { AAPL: 1 }, return: 0.10, confidence: 0.6 }     # absolute view, Idzorek confidence
///   - { assets: { MSFT: 1, GOOGL: -1 }, return: 0.02 }            # relative view, He–Litterman ω
/// </code>
/// Returns are in the same units as the optimiser's (annual). Symbols must be columns of the returns.
/// </summary>
/// <param name="Views">Views in file order, picks in the given symbol order.</param>
/// <param name="MarketWeights">Benchmark weights in symbol order (normalised to sum to one), or null when absent.</param>
/// <param name="Tau">τ, or null.</param>
/// <param name="RiskAversion">δ, or null.</param>
public sealed record ViewsFile(IReadOnlyList<BlackLittermanView> Views, double[]? MarketWeights, double? Tau, double? RiskAversion)
{
    private static readonly string[] TopKeys = ["tau", "risk_aversion", "market_weights", "views"];
    private static readonly string[] ViewKeys = ["assets", "return", "confidence"];

    /// <summary>Reads and checks the file against <paramref name="symbols"/>; errors are one-line <see cref="InputException"/>s.</summary>
    public static ViewsFile Load(string path, IReadOnlyList<string> symbols, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        string name = displayName ?? path;
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: file not found");
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw InputException.AtLine(name, ex.Start.Line, "not valid YAML: " + ex.Message);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{name}: expected a mapping with 'views' (and optionally tau, risk_aversion, market_weights)");
        }

        foreach (var key in root.Children.Keys)
        {
            var k = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!TopKeys.Contains(k, StringComparer.Ordinal))
            {
                throw InputException.AtLine(name, key.Start.Line, $"unknown key '{k}'; known keys: {string.Join(", ", TopKeys)}");
            }
        }

        double? tau = OptionalNumber(root, "tau", name, 1e-9, 10);
        double? delta = OptionalNumber(root, "risk_aversion", name, 1e-9, 1e6);
        double[]? market = null;
        if (root.Children.TryGetValue(new YamlScalarNode("market_weights"), out var mwNode))
        {
            market = Picks(mwNode, symbols, name, "market_weights");
            double sum = market.Sum();
            if (market.Any(w => w < 0) || !(sum > 0))
            {
                throw InputException.AtLine(name, mwNode.Start.Line, "market_weights: expected non-negative weights with a positive sum");
            }

            market = [.. market.Select(w => w / sum)];
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("views"), out var viewsNode) || viewsNode is not YamlSequenceNode seq)
        {
            throw InputException.AtLine(name, root.Start.Line, "expected 'views': a list of { assets: {SYMBOL: weight, ...}, return: R, confidence: C }");
        }

        var views = new List<BlackLittermanView>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode view)
            {
                throw InputException.AtLine(name, item.Start.Line, "views: each view is a mapping with assets, return and an optional confidence");
            }

            foreach (var key in view.Children.Keys)
            {
                var k = ((YamlScalarNode)key).Value ?? string.Empty;
                if (!ViewKeys.Contains(k, StringComparer.Ordinal))
                {
                    throw InputException.AtLine(name, key.Start.Line, $"views: unknown key '{k}'; known keys: {string.Join(", ", ViewKeys)}");
                }
            }

            if (!view.Children.TryGetValue(new YamlScalarNode("assets"), out var assets))
            {
                throw InputException.AtLine(name, view.Start.Line, "views: a view needs 'assets' (e.g. {AAPL: 1} or {MSFT: 1, GOOGL: -1})");
            }

            var pick = Picks(assets, symbols, name, "views.assets");
            if (pick.All(v => v == 0))
            {
                throw InputException.AtLine(name, assets.Start.Line, "views.assets: a view needs a non-zero weight on some asset");
            }

            double ret = OptionalNumber(view, "return", name, double.MinValue, double.MaxValue)
                ?? throw InputException.AtLine(name, view.Start.Line, "views: a view needs 'return' (the expected return of the pick portfolio)");
            double? confidence = OptionalNumber(view, "confidence", name, 1e-12, 1.0);
            views.Add(new BlackLittermanView(pick, ret, confidence));
        }

        return new ViewsFile(views, market, tau, delta);
    }

    private static double[] Picks(YamlNode node, IReadOnlyList<string> symbols, string name, string key)
    {
        if (node is not YamlMappingNode map)
        {
            throw InputException.AtLine(name, node.Start.Line, $"{key}: expected a mapping of SYMBOL: weight");
        }

        var w = new double[symbols.Count];
        foreach (var (k, v) in map.Children)
        {
            var symbol = ((YamlScalarNode)k).Value ?? string.Empty;
            int i = -1;
            for (int j = 0; j < symbols.Count; j++)
            {
                if (string.Equals(symbols[j], symbol, StringComparison.OrdinalIgnoreCase))
                {
                    i = j;
                }
            }

            if (i < 0)
            {
                throw InputException.AtLine(name, k.Start.Line, $"{key}: '{symbol}' is not a column of the returns file");
            }

            w[i] = Number(v, name, key + "." + symbol);
        }

        return w;
    }

    private static double? OptionalNumber(YamlMappingNode map, string key, string name, double min, double max)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        double v = Number(node, name, key);
        if (v < min || v > max)
        {
            throw InputException.AtLine(name, node.Start.Line, string.Create(CultureInfo.InvariantCulture, $"{key}: {v} is out of range [{min}, {max}]"));
        }

        return v;
    }

    private static double Number(YamlNode node, string name, string key)
    {
        if (node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        throw InputException.AtLine(name, node.Start.Line, $"{key}: expected a number");
    }
}
