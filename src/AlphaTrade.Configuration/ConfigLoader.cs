using AlphaTrade.Core;
using AlphaTrade.Core.Universe;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Configuration;

/// <summary>The whole validated configuration of a run.</summary>
/// <param name="Settings">config/settings.yaml.</param>
/// <param name="Risk">config/risk_params.yaml.</param>
/// <param name="Universe">config/symbols.yaml.</param>
/// <param name="Secrets">Secrets from the environment and .env.</param>
public sealed record AlphaTradeConfig(Settings Settings, RiskParams Risk, TradingUniverse Universe, SecretStore Secrets);

/// <summary>
/// Loads <c>settings.yaml</c>, <c>risk_params.yaml</c> and <c>symbols.yaml</c> from a configuration folder, applies
/// environment overrides (<c>ALPHATRADE__SECTION__KEY=value</c>; <c>ALPHATRADE__RISK__KEY</c> for risk limits,
/// <c>ALPHATRADE__SYMBOLS__BENCHMARK</c> for the benchmark) and validates every key. A missing file means its
/// built-in defaults (the same values as the shipped files).
/// </summary>
public static class ConfigLoader
{
    /// <summary>Prefix of environment overrides.</summary>
    public const string EnvironmentPrefix = "ALPHATRADE__";

    /// <summary>Loads the configuration below <paramref name="rootDirectory"/> (its <c>config/</c> folder and <c>.env</c>).</summary>
    /// <param name="rootDirectory">Repository or deployment root.</param>
    /// <param name="environment">Environment variables (pass <see cref="Environment.GetEnvironmentVariables()"/> in hosts).</param>
    public static AlphaTradeConfig Load(string rootDirectory, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        var configDir = Path.Combine(rootDirectory, "config");
        var settingsDoc = ReadMapping(configDir, "settings.yaml");
        var riskDoc = ReadMapping(configDir, "risk_params.yaml");
        var symbolsDoc = ReadMapping(configDir, "symbols.yaml");

        var overrides = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, value) in environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = name[EnvironmentPrefix.Length..].Split("__");
            if (parts.Length == 0 || parts.Any(p => p.Length == 0))
            {
                throw new InputException($"environment variable {name}: expected ALPHATRADE__SECTION__KEY");
            }

            var keys = parts.Select(p => p.ToLowerInvariant()).ToArray();
            var (doc, path) = keys[0] switch
            {
                "risk" => (riskDoc, keys[1..]),
                "symbols" => (symbolsDoc, keys[1..]),
                _ => (settingsDoc, keys),
            };
            if (path.Length == 0)
            {
                throw new InputException($"environment variable {name}: names a whole file; expected ALPHATRADE__{parts[0]}__KEY");
            }

            var node = SetScalar(doc.Map, path, value, name);
            overrides[node] = name;
        }

        var settings = SettingsBinder.BindSettings(new ConfigNode(settingsDoc.File, string.Empty, settingsDoc.Map, overrides));
        var risk = SettingsBinder.BindRisk(new ConfigNode(riskDoc.File, "risk", riskDoc.Map, overrides));
        var universe = SettingsBinder.BindUniverse(new ConfigNode(symbolsDoc.File, string.Empty, symbolsDoc.Map, overrides));
        var secrets = SecretStore.Load(Path.Combine(rootDirectory, ".env"), environment);
        return new AlphaTradeConfig(settings, risk, universe, secrets);
    }

    /// <summary>Loads with the process environment.</summary>
    public static AlphaTradeConfig LoadFromProcess(string rootDirectory)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string ?? string.Empty;
        }

        return Load(rootDirectory, env);
    }

    /// <summary>Loads a universe file other than the configured one (e.g. <c>--universe my_symbols.yaml</c>).</summary>
    public static TradingUniverse LoadUniverse(string path, string displayName)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputException($"{displayName}: file not found; expected a universe YAML like config/symbols.yaml");
        }

        var doc = ReadFile(path, displayName);
        return SettingsBinder.BindUniverse(new ConfigNode(doc.File, string.Empty, doc.Map));
    }

    private sealed record Doc(string File, YamlMappingNode Map);

    private static Doc ReadMapping(string configDir, string fileName)
    {
        var path = Path.Combine(configDir, fileName);
        var display = Path.Combine("config", fileName);
        if (!File.Exists(path))
        {
            if (string.Equals(fileName, "symbols.yaml", StringComparison.Ordinal))
            {
                return new Doc(display, DefaultUniverseYaml.Parse());
            }

            return new Doc(display, new YamlMappingNode());
        }

        return ReadFile(path, display);
    }

    private static Doc ReadFile(string path, string display)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new Doc(display, new YamlMappingNode());
            }

            return stream.Documents[0].RootNode is YamlMappingNode map
                ? new Doc(display, map)
                : throw InputException.AtLine(display, 1, "expected a mapping of keys at the top level");
        }
        catch (YamlException ex)
        {
            throw InputException.AtLine(display, ex.Start.Line, "not valid YAML: " + FirstLine(ex.Message));
        }
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }

    private static YamlScalarNode SetScalar(YamlMappingNode root, string[] path, string value, string variable)
    {
        var map = root;
        for (int i = 0; i < path.Length - 1; i++)
        {
            var key = new YamlScalarNode(path[i]);
            if (!map.Children.TryGetValue(key, out var child) || child is YamlScalarNode { Value: null or "" or "null" or "~" })
            {
                var created = new YamlMappingNode();
                map.Children[key] = created;
                map = created;
            }
            else if (child is YamlMappingNode m)
            {
                map = m;
            }
            else
            {
                throw new InputException($"environment variable {variable}: '{path[i]}' is a single value, not a section");
            }
        }

        var leaf = new YamlScalarNode(value) { Style = ScalarStyle.Plain };
        map.Children[new YamlScalarNode(path[^1])] = leaf;
        return leaf;
    }
}
