using YamlDotNet.RepresentationModel;

namespace AlphaTrade.Configuration;

/// <summary>The shipped config/symbols.yaml, embedded so a deployment without a config folder still has a universe.</summary>
internal static class DefaultUniverseYaml
{
    public static YamlMappingNode Parse()
    {
        using var stream = typeof(DefaultUniverseYaml).Assembly.GetManifestResourceStream("AlphaTrade.Configuration.symbols.yaml")
            ?? throw new InvalidOperationException("The default universe resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
