using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Cli.Benchmarking;
using AlphaTrade.Core;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade bench [--suite engine|strategies|all|command] [--runs N] [--json]</c>: measures the platform's speed
/// targets in process on the generated sample universe (never data/raw, so figures compare across machines): the
/// event-driven and vectorized engines on the reference crossover, and the strategy framework with all six library
/// strategies. The BenchmarkDotNet suite in bench/ runs the same workloads for figures of record. <c>command</c> times
/// whole <c>alphatrade backtest --strategy sma_crossover</c> processes over this root's cached universe (every run
/// under 1.5 s is the target).
/// </summary>
internal static class BenchCommand
{
    private const double EventTarget = 10e6;
    private const double VectorizedTarget = 100e6;
    private const double StrategiesTarget = 2e6;
    private const double CommandTargetMs = 1500;
    private static readonly string[] CommandArguments = ["backtest", "--strategy", "sma_crossover"];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(CliContext ctx)
    {
        var suite = new Option<string>("--suite")
        {
            Description = "engine (event-driven and vectorized engines, reference crossover 10/30 and 50/200), strategies (each library strategy and all six together), all (both), or command (whole 'backtest --strategy sma_crossover' processes over this root's data, wall clock).",
            DefaultValueFactory = _ => "all",
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Timed runs per workload after one warm-up run (the table gives the fastest and the median).",
            DefaultValueFactory = _ => 7,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (stable key order) instead of a table." };
        var cmd = new Command("bench", "Measure the speed targets in process on the generated sample universe: event-driven engine (≥ 10M bars/s), vectorized engine (≥ 100M cells/s), all six library strategies together (≥ 2M bars/s). CPU time per run of the benchmark thread, fastest and median of --runs. --suite command times whole backtest processes (every run < 1.5 s).")
        {
            suite, runs, json,
        };
        cmd.SetAction(parse =>
        {
            string which = parse.GetValue(suite) ?? "all";
            int n = parse.GetValue(runs);
            if (which is not ("engine" or "strategies" or "all" or "command"))
            {
                throw new InputException($"--suite: expected engine, strategies, all or command, got '{which}'");
            }

            if (n is < 1 or > 1000)
            {
                throw new InputException($"--runs: expected 1 to 1000 timed runs, got {n.ToString(C)}");
            }

            if (which == "command")
            {
                ctx.Error.WriteLine($"bench: alphatrade {string.Join(' ', CommandArguments)}, {n.ToString(C)} processes after one untimed run...");
                var r = CommandBench.Measure(ctx.RootDirectory, CommandArguments, n, CommandTargetMs);
                ctx.Out.WriteLine(parse.GetValue(json) ? CommandJson(r) : CommandText(r));
                return CliApp.ExitOk;
            }

            var results = new List<BenchResult>();
            if (which is "engine" or "all")
            {
                Engine(ctx, n, results);
            }

            if (which is "strategies" or "all")
            {
                Strategies(ctx, n, which == "strategies", results);
            }

            if (parse.GetValue(json))
            {
                ctx.Out.WriteLine(Json(results, n));
            }
            else
            {
                Table(ctx, results, n);
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static void Engine(CliContext ctx, int runs, List<BenchResult> results)
    {
        foreach (var crossover in new[] { "10/30", "50/200" })
        {
            ctx.Error.WriteLine($"bench: reference crossover {crossover} over the sample universe...");
            var w = CrossoverWorkload.Create(crossover);
            results.Add(BenchRunner.Measure("event " + crossover, "bars", w.BarCount, EventTarget, runs, () => Fills(w.RunEvent())));
            results.Add(BenchRunner.Measure("vectorized " + crossover, "cells", w.Aligned.Cells, VectorizedTarget, runs, () => Fills(w.RunVectorized())));
            results.Add(BenchRunner.Measure("vectorized " + crossover + " with records", "cells", w.Aligned.Cells, VectorizedTarget, runs,
                () => Fills(w.RunVectorizedWithRecords().Run) + ", round trips and positions read"));
        }
    }

    private static void Strategies(CliContext ctx, int runs, bool each, List<BenchResult> results)
    {
        ctx.Error.WriteLine("bench: library strategies over the sample market...");
        var w = StrategyWorkload.Create();
        var settings = each ? [.. StrategyWorkload.LibraryTypes, StrategyWorkload.AllSix] : new List<string> { StrategyWorkload.AllSix };
        foreach (var setting in settings)
        {
            results.Add(BenchRunner.Measure(setting == StrategyWorkload.AllSix ? "all six strategies" : setting, "bars", w.BarCount,
                setting == StrategyWorkload.AllSix ? StrategiesTarget : 0, runs, () => Fills(w.Run(setting))));
        }
    }

    private static string Fills(Engine.Results.RunResult r) => string.Create(C, $"{r.Orders.Count} orders, {r.Fills.Count} fills");

    private static void Table(CliContext ctx, List<BenchResult> results, int runs)
    {
        var rows = results.Select(r => (IReadOnlyList<string>)
        [
            r.Name,
            r.Count.ToString("N0", C) + " " + r.Units,
            r.MinMs.ToString("F1", C),
            r.MedianMs.ToString("F1", C),
            Rate(r.MedianRate, r.Units),
            r.AllocatedMb.ToString("F1", C),
            r.Target > 0 ? "≥ " + Rate(r.Target, r.Units) : "",
            r.Target > 0 ? (r.Met ? "yes" : "NO") : "",
            r.Detail,
        ]).ToList();
        TextTable.Write(ctx.Out, ["workload", "size", "cpu ms (min)", "cpu ms (median)", "median rate", "MB alloc/run", "target", "met", "run"], rows);
        ctx.Out.WriteLine(string.Create(C,
            $"{(BenchRunner.MeasuresThreadCpu ? "CPU time of the benchmark thread" : "wall-clock time")} per run, {runs} timed runs after at least {BenchRunner.WarmUp.TotalSeconds:F0} s of warm-up runs, each from a collected heap; {Environment.ProcessorCount} cores, .NET {Environment.Version}. A busy machine lowers these figures: compare runs on a quiet one."));
        ctx.Out.WriteLine(BenchRunner.TieredPgo
            ? "Tiered PGO on (the .NET default; ./alphatrade bench turns it on for these loops, while the published command, tuned for one-shot runs, has it off). The figures of record are BenchmarkDotNet's over the same workloads (bench/, see docs/performance.md)."
            : "Tiered PGO off (the published command's setting for one-shot runs), which costs sustained loops 10-20%: ./alphatrade bench runs them with it on, and the figures of record are BenchmarkDotNet's over the same workloads (bench/, see docs/performance.md).");
    }

    private static string CommandText(CommandBenchResult r)
    {
        var sb = new StringBuilder();
        sb.Append(C, $"alphatrade {r.Command}: {r.WallMs.Length} processes, wall clock min {r.MinMs / 1e3:F2} s, median {r.MedianMs / 1e3:F2} s, max {r.MaxMs / 1e3:F2} s; ");
        sb.Append(C, $"{r.Under} of {r.WallMs.Length} under {r.TargetMs / 1e3:F1} s: {(r.Met ? "met" : "NOT met")} (every run is the target)\n");
        sb.Append("wall s: ").Append(string.Join(' ', r.WallMs.Select(ms => (ms / 1e3).ToString("F2", C)))).Append('\n');
        sb.Append("cpu s:  ").Append(string.Join(' ', r.CpuMs.Select(ms => (ms / 1e3).ToString("F2", C)))).Append('\n');
        sb.Append(C, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; CPU is user + system time of all the process's threads. A busy machine lengthens these: compare runs on a quiet one.");
        return sb.ToString();
    }

    private static string CommandJson(CommandBenchResult r)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("command", "alphatrade " + r.Command);
            j.WriteNumber("runs", r.WallMs.Length);
            j.WriteNumber("cores", Environment.ProcessorCount);
            j.WriteString("runtime", Environment.Version.ToString());
            j.WriteNumber("wall_ms_min", Math.Round(r.MinMs, 1));
            j.WriteNumber("wall_ms_median", Math.Round(r.MedianMs, 1));
            j.WriteNumber("wall_ms_max", Math.Round(r.MaxMs, 1));
            j.WriteNumber("target_ms", r.TargetMs);
            j.WriteNumber("runs_under_target", r.Under);
            j.WriteBoolean("met", r.Met);
            j.WriteStartArray("wall_ms");
            foreach (var v in r.WallMs)
            {
                j.WriteNumberValue(Math.Round(v, 1));
            }

            j.WriteEndArray();
            j.WriteStartArray("cpu_ms");
            foreach (var v in r.CpuMs)
            {
                j.WriteNumberValue(Math.Round(v, 1));
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Rate(double perSecond, string units) =>
        (perSecond / 1e6).ToString(perSecond >= 100e6 ? "F0" : "F1", C) + "M " + units + "/s";

    private static string Json(List<BenchResult> results, int runs)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteNumber("runs", runs);
            j.WriteString("clock", BenchRunner.MeasuresThreadCpu ? "thread_cpu" : "wall");
            j.WriteNumber("cores", Environment.ProcessorCount);
            j.WriteString("runtime", Environment.Version.ToString());
            j.WriteStartArray("workloads");
            foreach (var r in results)
            {
                j.WriteStartObject();
                j.WriteString("name", r.Name);
                j.WriteString("units", r.Units);
                j.WriteNumber("count", r.Count);
                j.WriteNumber("cpu_ms_min", Math.Round(r.MinMs, 3));
                j.WriteNumber("cpu_ms_median", Math.Round(r.MedianMs, 3));
                j.WriteNumber("rate_median_per_s", Math.Round(r.MedianRate));
                j.WriteNumber("rate_best_per_s", Math.Round(r.BestRate));
                j.WriteNumber("allocated_mb_per_run", Math.Round(r.AllocatedMb, 3));
                if (r.Target > 0)
                {
                    j.WriteNumber("target_per_s", r.Target);
                    j.WriteBoolean("met", r.Met);
                }

                j.WriteString("run", r.Detail);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
