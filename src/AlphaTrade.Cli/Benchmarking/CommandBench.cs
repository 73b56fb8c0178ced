using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AlphaTrade.Cli.Benchmarking;

/// <summary>Wall-clock and CPU time of whole <c>alphatrade</c> processes, one per run.</summary>
/// <param name="Command">The arguments each process ran with.</param>
/// <param name="WallMs">Wall-clock milliseconds per run, in run order.</param>
/// <param name="CpuMs">User + system CPU milliseconds per run (all threads), in run order.</param>
/// <param name="TargetMs">The limit every run must stay under.</param>
internal sealed record CommandBenchResult(string Command, double[] WallMs, double[] CpuMs, double TargetMs)
{
    private double[] Sorted => [.. WallMs.Order()];

    /// <summary>Fastest run.</summary>
    public double MinMs => Sorted[0];

    /// <summary>Median run (the upper one for an even count).</summary>
    public double MedianMs => Sorted[WallMs.Length / 2];

    /// <summary>Slowest run.</summary>
    public double MaxMs => Sorted[^1];

    /// <summary>Runs under the target.</summary>
    public int Under => WallMs.Count(ms => ms < TargetMs);

    /// <summary>True when every run is under the target.</summary>
    public bool Met => Under == WallMs.Length;
}

/// <summary>
/// Runs the command line as a child process, as a user does (runtime start-up, loading the cached universe, the
/// engine, the results folder and its report), after one untimed run that fills the data cache. Measures each
/// process's wall-clock time and, from the kernel's accounting of waited-for children, its CPU time.
/// </summary>
internal static partial class CommandBench
{
    public static CommandBenchResult Measure(string rootDirectory, IReadOnlyList<string> arguments, int runs, double targetMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        string scratch = Path.Combine(Path.GetTempPath(), $"alphatrade-bench-command-{Environment.ProcessId}");
        try
        {
            string[] args = [.. arguments, "--out", scratch];
            Run(rootDirectory, args); // fills the cache, and the page cache
            var wall = new double[runs];
            var cpu = new double[runs];
            for (int i = 0; i < runs; i++)
            {
                (wall[i], cpu[i]) = Run(rootDirectory, args);
            }

            return new CommandBenchResult(string.Join(' ', arguments), wall, cpu, targetMs);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static (double WallMs, double CpuMs) Run(string rootDirectory, string[] args)
    {
        // The way this process was started: the command's own executable (./alphatrade runs the published one), or the
        // dotnet host with the command's assembly (dotnet alphatrade.dll, test runs).
        string? self = Environment.ProcessPath;
        bool viaHost = self is null || Path.GetFileNameWithoutExtension(self) == "dotnet";
        string host = viaHost ? self ?? "dotnet" : self!;
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (viaHost)
        {
            start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ALPHATRADE_HOME"] = rootDirectory;
        if (Environment.GetEnvironmentVariable("ALPHATRADE_BENCH_PGO") == "1")
        {
            // ./alphatrade turned tiered PGO on for bench's in-process loops; the timed commands run as published.
            start.Environment.Remove("DOTNET_TieredPGO");
            start.Environment.Remove("ALPHATRADE_BENCH_PGO");
        }

        double cpu0 = ChildrenCpuMs();
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + host);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        child.WaitForExit();
        double wall = clock.Elapsed.TotalMilliseconds;
        string error = stderr.GetAwaiter().GetResult();
        _ = stdout.GetAwaiter().GetResult();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"'alphatrade {string.Join(' ', args)}' exited with {child.ExitCode}: {error.Trim()}");
        }

        return (wall, ChildrenCpuMs() - cpu0);
    }

    /// <summary>User + system CPU of this process's waited-for children so far (Linux and macOS; 0 elsewhere).</summary>
    private static double ChildrenCpuMs()
    {
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && GetRUsage(RUsageChildren, out var u) == 0)
        {
            return (u.UserSeconds * 1e3) + (u.UserMicroseconds / 1e3) + (u.SystemSeconds * 1e3) + (u.SystemMicroseconds / 1e3);
        }

        return 0;
    }

    private const int RUsageChildren = -1;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}
