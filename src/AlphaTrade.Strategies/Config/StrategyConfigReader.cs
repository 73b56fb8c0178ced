using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Strategies.Library;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Strategies.Config;

/// <summary>
/// Reads the <c>strategies</c> section of <c>config/settings.yaml</c>: a mapping from strategy name to
/// <c>type</c> (a registered type), optional <c>allocation</c> (share of equity, default 1 / number of strategies),
/// optional <c>symbols</c> (universe subset; default all) and optional <c>params</c> (a mapping of parameter values;
/// missing ones take their defaults). Every problem raises <see cref="InputException"/> naming the file, line and key
/// and what was expected.
/// </summary>
public static class StrategyConfigReader
{
    /// <summary>Reads the declarations from <paramref name="path"/>; empty when the file or the section is absent.</summary>
    public static IReadOnlyList<StrategyDeclaration> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads the declarations from YAML text; <paramref name="displayName"/> names the file in errors.</summary>
    public static IReadOnlyList<StrategyDeclaration> Read(string yaml, string displayName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{displayName}:{e.Start.Line}: {e.Message}"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("strategies"), out var section) || IsNull(section))
        {
            return [];
        }

        if (section is not YamlMappingNode strategies)
        {
            throw Error(displayName, section, "strategies", "expected a mapping from strategy name to its settings");
        }

        var names = strategies.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? string.Empty).ToList();
        var result = new List<StrategyDeclaration>();
        foreach (var (keyNode, node) in strategies.Children)
        {
            string name = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            string at = "strategies." + name;
            if (node is not YamlMappingNode map)
            {
                throw Error(displayName, node, at, "expected a mapping with type, params, symbols, allocation");
            }

            string? type = null;
            double allocation = 1.0 / names.Count;
            IReadOnlyList<string>? symbols = null;
            var parameters = new List<(KeyValuePair<string, string> Pair, YamlNode Node)>();
            foreach (var (k, v) in map.Children)
            {
                string key = ((YamlScalarNode)k).Value ?? string.Empty;
                switch (key)
                {
                    case "type":
                        type = Scalar(displayName, v, at + ".type");
                        break;
                    case "allocation":
                        string text = Scalar(displayName, v, at + ".allocation");
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out allocation) || !(allocation > 0) || allocation > 10)
                        {
                            throw Error(displayName, v, at + ".allocation", $"'{text}' is not a share of equity in (0, 10]");
                        }

                        break;
                    case "symbols":
                        if (v is not YamlSequenceNode seq)
                        {
                            throw Error(displayName, v, at + ".symbols", "expected a list of tickers");
                        }

                        symbols = [.. seq.Children.Select(s => Scalar(displayName, s, at + ".symbols"))];
                        break;
                    case "params":
                        if (IsNull(v))
                        {
                            break;
                        }

                        if (v is not YamlMappingNode pm)
                        {
                            throw Error(displayName, v, at + ".params", "expected a mapping of parameter values");
                        }

                        foreach (var (pk, pv) in pm.Children)
                        {
                            string pname = ((YamlScalarNode)pk).Value ?? string.Empty;
                            parameters.Add((new(pname, Scalar(displayName, pv, at + ".params." + pname)), pk));
                        }

                        break;
                    default:
                        throw Error(displayName, k, at + "." + key, "unknown key; expected type, params, symbols or allocation");
                }
            }

            if (type is null)
            {
                throw Error(displayName, map, at + ".type", $"missing; expected one of {string.Join(", ", StrategyRegistry.Types.Select(t => t.Name))}");
            }

            var strategyType = StrategyRegistry.Find(type) ?? throw Error(displayName, map.Children[new YamlScalarNode("type")], at + ".type",
                $"'{type}' is not a strategy type; expected one of {string.Join(", ", StrategyRegistry.Types.Select(t => t.Name))}");
            foreach (var (pair, pnode) in parameters)
            {
                try
                {
                    Framework.StrategyParameters.Bind(strategyType.Parameters, [pair]);
                }
                catch (ArgumentException e)
                {
                    throw Error(displayName, pnode, at + ".params." + pair.Key, e.Message.Split(" (Parameter", 2)[0]);
                }
            }

            try
            {
                // Cross-parameter rules live in the strategies' Initialize; parameters bind here, the rest at start.
                Framework.StrategyParameters.Bind(strategyType.Parameters, parameters.Select(p => p.Pair));
            }
            catch (ArgumentException e)
            {
                throw Error(displayName, map, at + ".params", e.Message);
            }

            result.Add(new StrategyDeclaration(name, type, [.. parameters.Select(p => p.Pair)], symbols, allocation));
        }

        return result;
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode s && (s.Value is null || s.Value is "" or "null" or "~") && s.Style == ScalarStyle.Plain;

    private static string Scalar(string file, YamlNode node, string key) =>
        node is YamlScalarNode s ? (s.Value ?? string.Empty).Trim() : throw Error(file, node, key, "expected a single value");

    private static InputException Error(string file, YamlNode node, string key, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}:{node.Start.Line}: {key}: {message}"));
}
