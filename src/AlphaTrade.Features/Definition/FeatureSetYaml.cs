using System.Globalization;
using AlphaTrade.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Features.Definition;

/// <summary>
/// Reads feature sets from YAML (<c>config/features/NAME.yaml</c>). Every entry of <c>features:</c> names a
/// <c>family</c> and its parameters, every entry of <c>labels:</c> a <c>kind</c>; unknown families, kinds or keys
/// stop with one line naming the file, line and key.
/// </summary>
public static class FeatureSetYaml
{
    /// <summary>Folder of feature sets under the repository root.</summary>
    public const string Directory = "config/features";

    /// <summary>The family keys accepted in <c>features:</c>, with what each produces.</summary>
    public static IReadOnlyDictionary<string, string> FamilyDescriptions =>
        FeatureFamilyParsers.All.ToDictionary(kv => kv.Key, kv => kv.Value.Description, StringComparer.Ordinal);

    /// <summary>The path of set <paramref name="name"/> under <paramref name="rootDirectory"/>.</summary>
    public static string PathOf(string rootDirectory, string name) => System.IO.Path.Combine(rootDirectory, Directory, name + ".yaml");

    /// <summary>Names of the sets in <c>config/features</c> under <paramref name="rootDirectory"/>.</summary>
    public static IReadOnlyList<string> Available(string rootDirectory)
    {
        string dir = System.IO.Path.Combine(rootDirectory, Directory);
        return System.IO.Directory.Exists(dir)
            ? System.IO.Directory.EnumerateFiles(dir, "*.yaml").Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>Loads set <paramref name="name"/> from <c>config/features/NAME.yaml</c> under <paramref name="rootDirectory"/>.</summary>
    /// <exception cref="InputException">The set does not exist or is invalid.</exception>
    public static FeatureSetDefinition LoadNamed(string rootDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string path = PathOf(rootDirectory, name);
        if (!File.Exists(path))
        {
            var available = Available(rootDirectory);
            throw new InputException($"--set {name}: no feature set {Directory}/{name}.yaml; available: {(available.Count == 0 ? "none" : string.Join(", ", available))}");
        }

        return Parse(File.ReadAllText(path), Directory + "/" + name + ".yaml", name);
    }

    /// <summary>Loads a set from a YAML file.</summary>
    public static FeatureSetDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: feature set file not found");
        }

        return Parse(File.ReadAllText(path), path, System.IO.Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses YAML text; <paramref name="file"/> names it in errors, <paramref name="defaultName"/> is used when it has no <c>name</c>.</summary>
    public static FeatureSetDefinition Parse(string yaml, string file, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw InputException.AtLine(file, ex.Start.Line, "not valid YAML: " + ex.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{file}: expected a mapping with name, features and labels");
        }

        var top = new YamlEntry(file, string.Empty, root);
        string name = top.OptionalString("name") ?? defaultName;
        string description = top.OptionalString("description") ?? string.Empty;
        var options = new FeatureSetOptions();
        top.MarkRead("options");
        if (top.Has("options"))
        {
            var o = Section(top, root, "options");
            options = new FeatureSetOptions(o.Int("atr_period", options.AtrPeriod), o.Int("bars_per_day", options.BarsPerDay));
            o.EnsureNoUnknownKeys();
            if (options.AtrPeriod < 1 || options.BarsPerDay < 1)
            {
                throw InputException.AtLine(file, root.Start.Line, "options: atr_period and bars_per_day must be at least 1");
            }
        }

        var families = new List<FeatureFamilySpec>();
        foreach (var (entry, index) in Items(top, root, "features"))
        {
            string family = entry.RequiredString("family");
            if (!FeatureFamilyParsers.All.TryGetValue(family, out var parser))
            {
                throw entry.Error("family", null, $"unknown family '{family}'; expected one of: {string.Join(", ", FeatureFamilyParsers.All.Keys.Order(StringComparer.Ordinal))}");
            }

            var spec = parser.Parse(entry) with { Origin = entry.Origin };
            entry.EnsureNoUnknownKeys();
            families.Add(spec);
        }

        var labels = new List<LabelSpec>();
        foreach (var (entry, _) in Items(top, root, "labels"))
        {
            string kind = entry.RequiredString("kind");
            if (!FeatureFamilyParsers.Labels.TryGetValue(kind, out var parser))
            {
                throw entry.Error("kind", null, $"unknown label kind '{kind}'; expected one of: {string.Join(", ", FeatureFamilyParsers.Labels.Keys.Order(StringComparer.Ordinal))}");
            }

            var spec = parser(entry) with { Origin = entry.Origin };
            entry.EnsureNoUnknownKeys();
            labels.Add(spec);
        }

        top.EnsureNoUnknownKeys();
        if (families.Count == 0)
        {
            throw new InputException($"{file}: features: the set defines no features");
        }

        return new FeatureSetDefinition(name, description, options, families, labels);
    }

    private static YamlEntry Section(YamlEntry top, YamlMappingNode root, string key)
    {
        var node = root.Children[new YamlScalarNode(key)];
        return node is YamlMappingNode m ? new YamlEntry(top.File, key, m) : throw top.Error(key, node, "expected a mapping");
    }

    private static IEnumerable<(YamlEntry Entry, int Index)> Items(YamlEntry top, YamlMappingNode root, string key)
    {
        top.MarkRead(key);
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            yield break;
        }

        if (node is not YamlSequenceNode seq)
        {
            throw top.Error(key, node, "expected a list of entries");
        }

        int i = 0;
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                throw top.Error(key, item, "expected each entry to be a mapping such as { family: returns, horizons: [1, 5] }");
            }

            yield return (new YamlEntry(top.File, string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]"), m), i);
            i++;
        }
    }
}
