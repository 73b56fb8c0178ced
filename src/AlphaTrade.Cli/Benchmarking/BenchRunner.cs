using System.Diagnostics;

namespace AlphaTrade.Cli.Benchmarking;

/// <summary>One measured workload: CPU time per run (after one untimed warm-up run) and what a run processes.</summary>
/// <param name="Name">Short name, e.g. "event 10/30".</param>
/// <param name="Units">What is counted: "bars" or "cells".</param>
/// <param name="Count">Units one run processes.</param>
/// <param name="CpuMs">CPU milliseconds of each timed run, ascending.</param>
/// <param name="AllocatedMb">Megabytes allocated by one run (the calling thread's allocations).</param>
/// <param name="Target">Throughput target in units per second (0 for none).</param>
/// <param name="Detail">What a run produced (fills, orders), for the reader to check the workload.</param>
internal sealed record BenchResult(string Name, string Units, long Count, double[] CpuMs, double AllocatedMb, double Target, string Detail)
{
    /// <summary>Fastest run.</summary>
    public double MinMs => CpuMs[0];

    /// <summary>Median run.</summary>
    public double MedianMs => CpuMs[CpuMs.Length / 2];

    /// <summary>Units per second at the median run.</summary>
    public double MedianRate => Count / (MedianMs / 1e3);

    /// <summary>Units per second at the fastest run.</summary>
    public double BestRate => Count / (MinMs / 1e3);

    /// <summary>True when the median run meets the target.</summary>
    public bool Met => Target <= 0 || MedianRate >= Target;
}

/// <summary>Times a workload by the process's CPU time (a busy machine then slows a run less than its wall clock).</summary>
internal static class BenchRunner
{
    public static BenchResult Measure(string name, string units, long count, double target, int runs, Func<string> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        string detail = run(); // warm-up: JIT, caches
        var ms = new double[runs];
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            run();
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes0;
            process.Refresh();
            ms[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        }

        Array.Sort(ms);
        return new BenchResult(name, units, count, ms, allocated / 1e6, target, detail);
    }
}
