using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Core.Time;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>Performance metrics over a 620k-period (two years × 47 symbols of 15-minute bars) equity curve.</summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private EquityCurve _curve = null!;
    private readonly MetricsOptions _options = MetricsOptions.ForTimeFrame(TimeFrame.FifteenMinutes);

    /// <summary>A random-walk equity curve and benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int n = 620_001;
        var rng = new Random(5);
        var t = new long[n];
        var e = new double[n];
        var b = new double[n];
        e[0] = 1_000_000;
        b[0] = 400;
        long start = new DateTime(2000, 1, 3, 14, 30, 0, DateTimeKind.Utc).Ticks;
        for (int i = 0; i < n; i++)
        {
            t[i] = start + (i * TimeSpan.TicksPerMinute * 15);
            if (i > 0)
            {
                e[i] = e[i - 1] * (1 + ((rng.NextDouble() - 0.499) * 0.004));
                b[i] = b[i - 1] * (1 + ((rng.NextDouble() - 0.4995) * 0.003));
            }
        }

        _curve = new EquityCurve(t, e, b);
    }

    /// <summary>Every strategy metric.</summary>
    [Benchmark]
    public object Compute() => PerformanceCalculator.Compute(_curve, _options);

    /// <summary>Benchmark-relative metrics (beta, alpha, information ratio, tracking error).</summary>
    [Benchmark]
    public object ComputeBenchmark() => PerformanceCalculator.ComputeBenchmark(_curve, _options)!;

    /// <summary>The five worst drawdowns.</summary>
    [Benchmark]
    public object WorstDrawdowns() => DrawdownAnalyzer.Worst(_curve, 5);
}
