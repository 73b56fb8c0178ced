using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Core.Time;
using Xunit.Abstractions;

namespace AlphaTrade.Analytics.Tests;

public class PerformanceTests(ITestOutputHelper output)
{
    private static EquityCurve Large(int n)
    {
        var rng = new Random(5);
        var t = new long[n];
        var e = new double[n];
        var b = new double[n];
        e[0] = 1_000_000;
        b[0] = 400;
        var start = new DateTime(2000, 1, 3, 14, 30, 0, DateTimeKind.Utc).Ticks;
        for (int i = 0; i < n; i++)
        {
            t[i] = start + (i * TimeSpan.TicksPerMinute * 15);
            if (i > 0)
            {
                double m = (rng.NextDouble() - 0.499) * 0.004;
                b[i] = b[i - 1] * (1 + m);
                e[i] = e[i - 1] * (1 + (0.5 * m) + ((rng.NextDouble() - 0.499) * 0.003));
            }
        }

        return new EquityCurve(t, e, b);
    }

    [Fact]
    public void Compute_620kPeriods_AllocatesNoPerPeriodMemory()
    {
        const int n = 620_001;
        var curve = Large(n);
        var options = MetricsOptions.ForTimeFrame(TimeFrame.FifteenMinutes);
        PerformanceCalculator.Compute(curve, options); // warm up JIT and the array pool
        PerformanceCalculator.ComputeBenchmark(curve, options);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var m = PerformanceCalculator.Compute(curve, options);
        var b = PerformanceCalculator.ComputeBenchmark(curve, options);
        var top = DrawdownAnalyzer.Worst(curve, 5);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{n - 1} periods: {allocated} bytes allocated (speed: bench/AlphaTrade.Benchmarks MetricsBenchmarks)");
        Assert.Equal(n - 1, m.Periods);
        Assert.NotNull(b);
        Assert.Equal(5, top.Count);
        // Pooled buffers are reused, so the allocation is a few result objects, not n doubles.
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes for {n} periods");
    }
}
