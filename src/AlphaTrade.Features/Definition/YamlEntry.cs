using System.Globalization;
using AlphaTrade.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Features.Definition;

/// <summary>
/// A YAML mapping being read into a spec: typed getters whose errors are one line naming the file, the line and the
/// key; <see cref="EnsureNoUnknownKeys"/> rejects keys no getter asked for, so a typo never passes silently.
/// </summary>
internal sealed class YamlEntry
{
    private readonly YamlMappingNode _map;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlEntry(string file, string path, YamlMappingNode map)
    {
        File = file;
        Path = path;
        _map = map;
    }

    public string File { get; }

    public string Path { get; }

    /// <summary>file:line of the mapping's start.</summary>
    public string Origin => string.Create(CultureInfo.InvariantCulture, $"{File}:{_map.Start.Line}");

    public InputException Error(string key, YamlNode? at, string message) =>
        InputException.AtLine(File, at?.Start.Line ?? _map.Start.Line, $"{Key(key)}: {message}");

    private string Key(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>Marks <paramref name="key"/> as known without reading it (sections read separately).</summary>
    public void MarkRead(string key) => _read.Add(key);

    public bool Has(string key) => _map.Children.ContainsKey(new YamlScalarNode(key));

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return _map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;
    }

    public string RequiredString(string key)
    {
        var n = Find(key);
        return n switch
        {
            null => throw Error(key, null, "missing; it is required"),
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => s.Value!.Trim(),
            _ => throw Error(key, n, "expected a non-empty text value"),
        };
    }

    public string? OptionalString(string key)
    {
        var n = Find(key);
        return n switch
        {
            null => null,
            YamlScalarNode s => string.IsNullOrWhiteSpace(s.Value) ? null : s.Value!.Trim(),
            _ => throw Error(key, n, "expected a text value"),
        };
    }

    public int Int(string key, int defaultValue)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue;
        }

        return n is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw Error(key, n, $"'{Text(n)}' is not a whole number");
    }

    public double Double(string key, double defaultValue)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue;
        }

        return n is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw Error(key, n, $"'{Text(n)}' is not a number");
    }

    public bool Bool(string key, bool defaultValue)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue;
        }

        return n is YamlScalarNode s && bool.TryParse(s.Value, out bool v) ? v : throw Error(key, n, $"'{Text(n)}' is not true or false");
    }

    public IReadOnlyList<int> IntList(string key, IReadOnlyList<int>? defaultValue = null)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue ?? throw Error(key, null, "missing; expected a list of whole numbers such as [5, 20]");
        }

        return Sequence(key, n).Select(x => x is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw Error(key, x, $"'{Text(x)}' is not a whole number")).ToArray();
    }

    public IReadOnlyList<double> DoubleList(string key, YamlNode n) =>
        Sequence(key, n).Select(x => x is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw Error(key, x, $"'{Text(x)}' is not a number")).ToArray();

    public IReadOnlyList<string> StringList(string key, IReadOnlyList<string>? defaultValue = null)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue ?? throw Error(key, null, "missing; expected a list");
        }

        return Sequence(key, n).Select(x => x is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)
            ? s.Value!.Trim()
            : throw Error(key, x, "expected text items")).ToArray();
    }

    /// <summary>A list of [a, b] pairs of whole numbers.</summary>
    public IReadOnlyList<IReadOnlyList<int>> IntPairs(string key, IReadOnlyList<IReadOnlyList<int>>? defaultValue = null)
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue ?? throw Error(key, null, "missing; expected a list of pairs such as [[13, 130]]");
        }

        return Sequence(key, n).Select(item =>
        {
            var pair = Sequence(key, item).Select(x => x is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
                ? v
                : throw Error(key, x, $"'{Text(x)}' is not a whole number")).ToArray();
            return pair.Length == 2 ? (IReadOnlyList<int>)pair : throw Error(key, item, "expected a pair [a, b]");
        }).ToArray();
    }

    /// <summary>A mapping of name → number or list of numbers (indicator parameters).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<double> Values)> NumberLists(string key)
    {
        var n = Find(key);
        if (n is null)
        {
            return [];
        }

        if (n is not YamlMappingNode m)
        {
            throw Error(key, n, "expected a mapping such as { period: [7, 14] }");
        }

        var list = new List<(string, IReadOnlyList<double>)>();
        foreach (var (k, v) in m.Children)
        {
            string name = Text(k);
            list.Add((name, v is YamlSequenceNode ? DoubleList(key + "." + name, v) : DoubleList(key + "." + name, new YamlSequenceNode(v))));
        }

        return list;
    }

    public TEnum Enum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, System.Enum
    {
        var n = Find(key);
        if (n is null)
        {
            return defaultValue;
        }

        string text = Text(n).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var v in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        throw Error(key, n, $"'{Text(n)}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(SnakeCase))}");
    }

    public void EnsureNoUnknownKeys()
    {
        foreach (var (k, v) in _map.Children)
        {
            string key = Text(k);
            if (!_read.Contains(key))
            {
                var known = _read.Where(x => x != "family" && x != "kind").OrderBy(x => x, StringComparer.Ordinal);
                throw Error(key, k, $"unknown key; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    private IEnumerable<YamlNode> Sequence(string key, YamlNode n) =>
        n is YamlSequenceNode seq ? seq.Children : throw Error(key, n, "expected a list such as [1, 2, 3]");

    private static string Text(YamlNode n) => n is YamlScalarNode s ? s.Value ?? string.Empty : n.NodeType.ToString();

    public static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
