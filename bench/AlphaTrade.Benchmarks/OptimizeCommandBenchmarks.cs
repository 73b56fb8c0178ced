using AlphaTrade.Cli;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// The whole <c>alphatrade optimize</c> command, in process, on the default configuration (46 symbols of the
/// generated sample market, two years of 15-minute bars, default costs): a 1,000-configuration sweep of the reference
/// SMA crossover on the vectorized engine (fast 2..51 × slow 60..250 step 10) on every core, then the deflated Sharpe
/// ratio, CSCV over 12,870 splits and the three report files. The target is under one minute. Each iteration takes
/// tens of seconds, so it is measured a few times without warm-up iterations (the data cache is warm from the setup).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class OptimizeCommandBenchmarks
{
    private static readonly string[] Arguments =
        ["optimize", "--strategy", "sma_crossover", "--param", "fast=2:51:1", "--param", "slow=60:250:10", "--objective", "sharpe", "--out", "results/bench"];

    private string _root = null!;

    /// <summary>A scratch root with the repository's config; the first run generates and caches the sample market.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "alphatrade-bench-optimize");
        var config = Path.Combine(_root, "config");
        Directory.CreateDirectory(config);
        string repoConfig = Path.Combine(FindRepoRoot(), "config");
        foreach (var f in new[] { "settings.yaml", "risk_params.yaml", "symbols.yaml" })
        {
            File.Copy(Path.Combine(repoConfig, f), Path.Combine(config, f), overwrite: true);
        }

        // Loads (and on a fresh root generates and caches) the universe with a one-configuration run.
        int code = CliApp.Run(["optimize", "--param", "fast=10", "--param", "slow=30", "--out", "results/warm"], TextWriter.Null, TextWriter.Null, _root);
        if (code != 0)
        {
            throw new InvalidOperationException($"warm-up run failed with exit code {code}");
        }
    }

    /// <summary>The 1,000-configuration sweep, analysis and report; returns the exit code.</summary>
    [Benchmark]
    public int ThousandConfigurationSweep() => CliApp.Run(Arguments, TextWriter.Null, TextWriter.Null, _root);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlphaTrade.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AlphaTrade.slnx not found above " + AppContext.BaseDirectory);
    }
}
