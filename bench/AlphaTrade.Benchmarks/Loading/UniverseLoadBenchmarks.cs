using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks.Loading;

/// <summary>
/// Loading a 47-symbol universe of two years of 15-minute bars (47 × 504 × 26 = 615,888 bars) with
/// <see cref="BarLoader"/> on all cores: from CSV, and from the warm Parquet cache (raw files fingerprinted,
/// entries read). Targets: CSV under 1.5 s and cache under 0.3 s whole-process (see the cold-start class).
/// </summary>
[MemoryDiagnoser]
public class UniverseLoadBenchmarks
{
    private const int Symbols = 47;
    private string _dir = "";
    private BarLoadOptions _cached = BarLoadOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        _dir = SyntheticBarFiles.WriteUniverse(Symbols, SyntheticBarFiles.TwoYearsOfSessions);
        _cached = new BarLoadOptions { Cache = new BarCache(Path.Combine(_dir, "processed")) };
        BarLoader.LoadMany(Path.Combine(_dir, "raw"), _cached);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Parse every CSV file.</summary>
    [Benchmark(Baseline = true)]
    public int LoadFromCsv() => BarLoader.LoadMany(Path.Combine(_dir, "raw")).Sum(r => r.Series.Count);

    /// <summary>Serve every file from the processed-data cache.</summary>
    [Benchmark]
    public int LoadFromCache() => BarLoader.LoadMany(Path.Combine(_dir, "raw"), _cached).Sum(r => r.Series.Count);
}
