using System.Globalization;
using AlphaTrade.Testing;

namespace AlphaTrade.Cli.Tests;

/// <summary>A throw-away repository root (config copied from the real one) for running commands in-process.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempDir _dir = new();

    public CliHarness(string? settingsOverride = null, string? symbolsOverride = null)
    {
        var config = _dir.File("config");
        Directory.CreateDirectory(config);
        foreach (var f in new[] { "settings.yaml", "risk_params.yaml", "symbols.yaml" })
        {
            System.IO.File.Copy(Path.Combine(RepoPaths.Config, f), Path.Combine(config, f));
        }

        // Feature sets live in config/features; their synthetic alternative data is generated on demand.
        var features = Path.Combine(RepoPaths.Config, "features");
        if (Directory.Exists(features))
        {
            Directory.CreateDirectory(Path.Combine(config, "features"));
            foreach (var f in Directory.GetFiles(features, "*.yaml"))
            {
                System.IO.File.Copy(f, Path.Combine(config, "features", Path.GetFileName(f)));
            }
        }

        if (settingsOverride is not null)
        {
            System.IO.File.WriteAllText(Path.Combine(config, "settings.yaml"), settingsOverride);
        }

        if (symbolsOverride is not null)
        {
            System.IO.File.WriteAllText(Path.Combine(config, "symbols.yaml"), symbolsOverride);
        }
    }

    public string Root => _dir.Path;

    public string File(string relative) => _dir.File(relative);

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, stdout, stderr, Root);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A three-symbol universe with a planted pair (KO/PEP) and the benchmark.</summary>
    public const string SmallUniverse =
        "benchmark: SPY\nsymbols:\n" +
        "  - { symbol: KO, name: Coca-Cola, sector: Consumer Staples, industry: Beverages }\n" +
        "  - { symbol: PEP, name: PepsiCo, sector: Consumer Staples, industry: Beverages }\n" +
        "  - { symbol: XOM, name: Exxon, sector: Energy, industry: Oil }\n";

    /// <summary>Settings with a short sample period so tests that fall back to the sample market stay fast.</summary>
    public const string ShortSampleSettings = "sample:\n  seed: 7\n  start: 2024-03-01\n  end: 2024-05-31\n";
}
