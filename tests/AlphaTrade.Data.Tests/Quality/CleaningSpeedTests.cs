using System.Diagnostics;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Sample;
using Xunit.Abstractions;

namespace AlphaTrade.Data.Tests.Quality;

/// <summary>Runs alone, after the parallel tests, so the process's CPU time is the cleaner's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CleaningSpeedCollection
{
    public const string Name = "Cleaning speed";
}

/// <summary>
/// The whole universe (~620k bars) must clean in well under a second. Measured as CPU time of one thread's
/// sequential loop, best of three: the machine is shared, and wall time there measures the neighbours.
/// </summary>
[Collection(CleaningSpeedCollection.Name)]
public sealed class CleaningSpeedTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<BarSeries>> FaultedSample = new(() =>
        new SampleMarketGenerator(QualityBars.Nyse).Generate(new SampleMarketOptions { Seed = 42, Faults = true }).Series);

    [Fact]
    public void Clean_SampleUniverseTwoYearsOfFifteenMinuteBars_UnderASecond()
    {
        var series = FaultedSample.Value;
        Assert.Equal(47, series.Count);
        AssertFast(series);
    }

    [IbkrDataFact]
    public void Clean_RealFiveMinuteUniverse_UnderASecond() => AssertFast(RealDataQualityTests.Raw.Value);

    private void AssertFast(IReadOnlyList<BarSeries> series)
    {
        var cleaner = new BarCleaner(QualityBars.Nyse);
        _ = cleaner.CleanAll(series); // JIT and pools warm
        var best = TimeSpan.MaxValue;
        long wall = 0;
        for (int run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var s in series)
            {
                _ = cleaner.Clean(s);
            }

            var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (spent < best)
            {
                best = spent;
                wall = sw.ElapsedMilliseconds;
            }
        }

        int bars = series.Sum(s => s.Count);
        output.WriteLine($"{series.Count} symbols, {bars} bars: {best.TotalMilliseconds:F0} ms CPU ({wall} ms wall)");
        Assert.True(bars > 600_000);
        Assert.True(best.TotalMilliseconds < 1000, $"cleaning {bars} bars took {best.TotalMilliseconds:F0} ms of CPU");
    }
}
