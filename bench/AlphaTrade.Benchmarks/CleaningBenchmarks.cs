using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Sample;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>Cleaning the faulted sample universe (46 stocks + SPY, two years of 15-minute bars, ~610k bars).</summary>
[MemoryDiagnoser]
public class CleaningBenchmarks
{
    private IReadOnlyList<BarSeries> _raw = null!;
    private readonly BarCleaner _cleaner = new(NyseCalendar.Instance);

    /// <summary>Generates the faulted sample market once.</summary>
    [GlobalSetup]
    public void Setup() =>
        _raw = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions { Seed = 42, Faults = true }).Series;

    /// <summary>Every symbol cleaned one after another on one thread.</summary>
    [Benchmark]
    public int CleanUniverseSequential()
    {
        int rows = 0;
        foreach (var s in _raw)
        {
            rows += _cleaner.Clean(s).Series.Count;
        }

        return rows;
    }

    /// <summary>The universe cleaned in parallel on all cores (what <c>data check</c> does).</summary>
    [Benchmark]
    public int CleanUniverseParallel() => _cleaner.CleanAll(_raw).Results.Sum(r => r.Series.Count);
}
