using System.Diagnostics;
using AlphaTrade.Cli;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// <c>alphatrade backtest</c> with no arguments (the default strategy over the default 46-symbol, two-year sample universe,
/// data cache warm) as the first call in a fresh process: JIT and cold code paths included, runtime start-up excluded.
/// It loads the universe from the Parquet cache, runs the event-driven engine and writes results/&lt;run-id&gt;/ with the
/// tearsheet. The scratch root (<c>alphatrade-bench/backtest</c> under the temp folder) and its cache are made once by a
/// separate process, so no launch warms anything up for the measured call. The whole process, start-up included, is
/// measured with /usr/bin/time (docs/performance.md).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class BacktestCommandBenchmarks
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "alphatrade-bench", "backtest");

    /// <summary>Makes the scratch root and fills the data cache in a child process (only when missing).</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Directory.Exists(Path.Combine(Root, "data", "processed")))
        {
            return;
        }

        var config = Path.Combine(Root, "config");
        Directory.CreateDirectory(config);
        foreach (var f in new[] { "settings.yaml", "risk_params.yaml", "symbols.yaml" })
        {
            File.Copy(Path.Combine(RepoRoot(), "config", f), Path.Combine(config, f), overwrite: true);
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        start.ArgumentList.Add("backtest");
        start.Environment["ALPHATRADE_HOME"] = Root;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the warm-up process");
        child.StandardOutput.ReadToEnd();
        child.StandardError.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"warm-up backtest failed with exit code {child.ExitCode}");
        }
    }

    /// <summary>The whole command in process; returns its exit code.</summary>
    [Benchmark]
    public int Backtest() => CliApp.Run(["backtest"], TextWriter.Null, TextWriter.Null, Root);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlphaTrade.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AlphaTrade.slnx not found above " + AppContext.BaseDirectory);
    }
}
