using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AlphaTrade.Cli.Benchmarking;

/// <summary>One measured workload: CPU time per run (after untimed warm-up runs) and what a run processes.</summary>
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

/// <summary>
/// Times a workload by the CPU time of the calling thread (Linux; elsewhere the wall clock), from a collected heap each
/// run after untimed warm-up runs (at least two and at least <see cref="WarmUp"/>): background JIT compilation and other processes do not count, while the
/// collections a run triggers (the command's garbage collector runs on the allocating thread) do.
/// </summary>
internal static partial class BenchRunner
{
    public static BenchResult Measure(string name, string units, long count, double target, int runs, Func<string> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        // Warm-up: at least two runs and at least a second, so the JIT's tiers (call counting, background recompilation)
        // settle before timing: two runs alone timed the vectorized engine still partly in its precompiled tier.
        string detail = run();
        var warm = Stopwatch.StartNew();
        int warmRuns = 1;
        while (warmRuns < 2 || (warm.Elapsed < WarmUp && warmRuns < 1_000))
        {
            run();
            warmRuns++;
        }
        var ms = new double[runs];
        long allocated = 0;
        for (int i = 0; i < runs; i++)
        {
            // Each run starts from a collected heap (as BenchmarkDotNet's iterations do): the collections a run pays for
            // are its own garbage's, not the previous runs'.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            double t0 = ThreadMilliseconds();
            run();
            ms[i] = ThreadMilliseconds() - t0;
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes0;
        }

        Array.Sort(ms);
        return new BenchResult(name, units, count, ms, allocated / 1e6, target, detail);
    }

    /// <summary>The least warm-up time before a workload is timed.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>True when this process runs with tiered PGO (the DOTNET_TieredPGO variable, else the runtime configuration).</summary>
    public static bool TieredPgo => Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is { } v
        ? v.Trim() != "0"
        : AppContext.GetData("System.Runtime.TieredPGO") is not (false or "false" or "False");

    /// <summary>True when times are the thread's CPU time (else wall-clock time).</summary>
    public static bool MeasuresThreadCpu => OperatingSystem.IsLinux();

    private static double ThreadMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var t) == 0)
        {
            return (t.Seconds * 1e3) + (t.Nanoseconds / 1e6);
        }

        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
