using System.Globalization;
using System.Text;
using AlphaTrade.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Configuration;

/// <summary>
/// A YAML mapping being bound to typed settings. Every read records the key; <see cref="EnsureNoUnknownKeys"/>
/// then rejects keys nobody asked for, so a typo never passes silently. Every error is one line:
/// <c>file:line: key.path: what was found; what is allowed</c>.
/// </summary>
public sealed class ConfigNode
{
    private readonly YamlMappingNode _map;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<YamlNode, string> _overrides;

    internal ConfigNode(string file, string path, YamlMappingNode map, IReadOnlyDictionary<YamlNode, string>? overrides = null)
    {
        File = file;
        Path = path;
        _map = map;
        _overrides = overrides ?? new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
    }

    /// <summary>File the mapping came from (as given, usually relative).</summary>
    public string File { get; }

    /// <summary>Dotted key path of this mapping ("" at the root).</summary>
    public string Path { get; }

    private string KeyPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    private static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain
            && (s.Value is null || s.Value.Length == 0 || s.Value == "null" || s.Value == "~"));

    /// <summary>Builds the one-line error for <paramref name="key"/> at the node's line.</summary>
    public InputException Error(string key, YamlNode? at, string message)
    {
        if (at is not null && _overrides.TryGetValue(at, out var variable))
        {
            return new InputException($"environment variable {variable} ({File}: {KeyPath(key)}): {message}");
        }

        long line = at?.Start.Line ?? _map.Start.Line;
        return InputException.AtLine(File, line, $"{KeyPath(key)}: {message}");
    }

    private string Scalar(string key, YamlNode node)
    {
        if (node is not YamlScalarNode s)
        {
            throw Error(key, node, "expected a single value, found a " + (node is YamlSequenceNode ? "list" : "mapping"));
        }

        return s.Value ?? string.Empty;
    }

    /// <summary>A nested mapping; a missing or null one is an empty mapping.</summary>
    public ConfigNode Section(string key)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return new ConfigNode(File, KeyPath(key), new YamlMappingNode(), _overrides);
        }

        return node is YamlMappingNode m
            ? new ConfigNode(File, KeyPath(key), m, _overrides)
            : throw Error(key, node, "expected a mapping of keys");
    }

    /// <summary>A required string.</summary>
    public string RequiredString(string key)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            throw Error(key, node, "missing; a value is required");
        }

        var v = Scalar(key, node!).Trim();
        return v.Length > 0 ? v : throw Error(key, node, "is empty; a value is required");
    }

    /// <summary>An optional string (null when absent or null).</summary>
    public string? OptionalString(string key)
    {
        var node = Find(key);
        return IsNull(node) ? null : Scalar(key, node!).Trim();
    }

    /// <summary>A string with a default.</summary>
    public string String(string key, string defaultValue) => OptionalString(key) ?? defaultValue;

    /// <summary>A number in [min, max].</summary>
    public double Double(string key, double defaultValue, double min, double max)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw Error(key, node, $"'{text}' is not a number");
        }

        return v >= min && v <= max
            ? v
            : throw Error(key, node, string.Create(CultureInfo.InvariantCulture, $"{text} is out of range; allowed {min} to {max}"));
    }

    /// <summary>A decimal amount (money) in [min, max].</summary>
    public decimal Decimal(string key, decimal defaultValue, decimal min, decimal max)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw Error(key, node, $"'{text}' is not a number");
        }

        return v >= min && v <= max
            ? v
            : throw Error(key, node, string.Create(CultureInfo.InvariantCulture, $"{text} is out of range; allowed {min} to {max}"));
    }

    /// <summary>A whole number in [min, max].</summary>
    public int Int(string key, int defaultValue, int min, int max)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw Error(key, node, $"'{text}' is not a whole number");
        }

        return v >= min && v <= max
            ? v
            : throw Error(key, node, string.Create(CultureInfo.InvariantCulture, $"{v} is out of range; allowed {min} to {max}"));
    }

    /// <summary>A boolean (true/false, yes/no, on/off).</summary>
    public bool Bool(string key, bool defaultValue)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim().ToLowerInvariant();
        return text switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw Error(key, node, $"'{text}' is not allowed; expected true or false"),
        };
    }

    /// <summary>An optional date (yyyy-MM-dd).</summary>
    public DateOnly? Date(string key, DateOnly? defaultValue)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(key, node, $"'{text}' is not a date; expected yyyy-MM-dd");
    }

    /// <summary>An enum written in snake_case (e.g. keep_last → KeepLast).</summary>
    public TEnum Enum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return defaultValue;
        }

        var text = Scalar(key, node!).Trim();
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(SnakeCase(value.ToString()), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString())));
        throw Error(key, node, $"'{text}' is not allowed; expected one of {allowed}");
    }

    /// <summary>A list of strings (a YAML sequence; absent means empty).</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return [];
        }

        if (node is YamlScalarNode single)
        {
            // Environment overrides arrive as one comma-separated string.
            return (single.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(key, node, "expected a list");
        }

        return seq.Children.Select(c => c is YamlScalarNode s ? (s.Value ?? string.Empty).Trim() : throw Error(key, c, "expected a list of single values")).ToList();
    }

    /// <summary>A list of mappings (a YAML sequence of mappings).</summary>
    public IReadOnlyList<ConfigNode> MappingList(string key)
    {
        var node = Find(key);
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(key, node, "expected a list");
        }

        var list = new List<ConfigNode>(seq.Children.Count);
        for (int i = 0; i < seq.Children.Count; i++)
        {
            list.Add(seq.Children[i] is YamlMappingNode m
                ? new ConfigNode(File, string.Create(CultureInfo.InvariantCulture, $"{KeyPath(key)}[{i}]"), m, _overrides)
                : throw Error(key, seq.Children[i], "expected a list of mappings"));
        }

        return list;
    }

    /// <summary>Throws when the mapping has a key that no getter asked for.</summary>
    public void EnsureNoUnknownKeys()
    {
        foreach (var (k, v) in _map.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? string.Empty;
            if (!_read.Contains(key))
            {
                var known = string.Join(", ", _read.Order(StringComparer.Ordinal));
                throw Error(key, _overrides.ContainsKey(v) ? v : k, $"unknown key; known keys here: {known}");
            }
        }
    }

    /// <summary>PascalCase → snake_case.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
