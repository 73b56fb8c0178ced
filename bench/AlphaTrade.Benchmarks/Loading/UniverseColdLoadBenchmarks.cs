using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlphaTrade.Benchmarks.Loading;

/// <summary>
/// The universe load of <see cref="UniverseLoadBenchmarks"/> as the first call in a fresh process (JIT and cold
/// code paths included, runtime start-up excluded): what a command-line run pays. The synthetic files and cache
/// live in a fixed temporary folder (<c>alphatrade-bench/cold-universe</c>) made by the first launch and reused by
/// the next ones, so later launches load with nothing warmed up.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class UniverseColdLoadBenchmarks
{
    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "alphatrade-bench", "cold-universe");
    private static readonly string Raw = Path.Combine(Dir, "raw");
    private BarLoadOptions _cached = BarLoadOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        _cached = new BarLoadOptions { Cache = new BarCache(Path.Combine(Dir, "processed")) };
        if (Directory.Exists(Path.Combine(Dir, "processed")))
        {
            return;
        }

        string made = SyntheticBarFiles.WriteUniverse(47, SyntheticBarFiles.TwoYearsOfSessions);
        Directory.CreateDirectory(Dir);
        Directory.Move(Path.Combine(made, "raw"), Raw);
        Directory.Delete(made, recursive: true);
        BarLoader.LoadMany(Raw, _cached);
    }

    /// <summary>First CSV load in the process.</summary>
    [Benchmark]
    public int ColdLoadFromCsv() => BarLoader.LoadMany(Raw).Sum(r => r.Series.Count);

    /// <summary>First cache load in the process.</summary>
    [Benchmark]
    public int ColdLoadFromCache() => BarLoader.LoadMany(Raw, _cached).Sum(r => r.Series.Count);
}
