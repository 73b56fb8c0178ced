using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/AlphaTrade.Benchmarks -- --filter '*' --job short</c>, or
/// <c>-- features</c> for a stopwatch pass over the feature pipeline (build times and the distribution of live update
/// latencies), or <c>-- quick</c> for a stopwatch pass over the same benchmarks (a rough figure in seconds, not a measurement).
/// </summary>
public static class Program
{
    /// <summary>The strategy benchmark's settings, in the order the stopwatch modes print them.</summary>
    private static readonly string[] StrategySettings =
        ["idle", "sma_crossover", "mtf_momentum", "donchian_breakout", "bollinger_reversion", "pairs", "sector_rotation", "factors", "all_six"];

    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args)
    {
        // `-- export-model-matrix PATH` writes the model-training matrix for bench/models/xgboost_native.py.
        if (args.Length == 2 && args[0] == "export-model-matrix")
        {
            Models.ModelMatrix.Export(args[1]);
            return;
        }

        // `-- model-training [runs]`: the training benchmarks by stopwatch, in process, interleaved (AlphaTrade learner,
        // then the native library, per run) so a busy machine slows both alike; prints every run.
        if (args.Length > 0 && args[0] == "model-training")
        {
            Models.ModelTrainingStopwatch.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args.Length > 0 && args[0] == "quick")
        {
            Quick();
            return;
        }

        if (args.Length > 0 && args[0] == "features")
        {
            FeatureQuick.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "each")
        {
            Each();
            return;
        }

        if (args.Length > 2 && args[0] == "engine-loop")
        {
            // A profiling target: one engine benchmark called in a loop (engine-loop EventDriven|Vectorized 10/30 [calls]).
            var b = new EngineBenchmarks { Crossover = args[2] };
            b.Setup();
            int calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
            var pause0 = GC.GetTotalPauseDuration();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            int gc0 = GC.CollectionCount(0), gc1 = GC.CollectionCount(1), gc2 = GC.CollectionCount(2);
            for (int i = 0; i < calls; i++)
            {
                _ = args[1] == "Vectorized" ? b.Vectorized() : b.EventDriven();
            }

            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / calls;
            double pause = (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / calls;
            double mb = (GC.GetTotalAllocatedBytes(precise: true) - alloc0) / 1e6 / calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{args[1]} {args[2]}: {cpu:F1} ms CPU per call, {pause:F1} ms GC pause per call, {mb:F1} MB allocated per call, GCs gen0/1/2 {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2} over {calls} calls"));

            return;
        }

        if (args.Length > 0 && args[0] == "engine-hash")
        {
            // Fingerprints of complete vectorized runs (several cost, venue and margin settings): equal before and after an
            // engine change means equal results.
            EngineFingerprint.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "strategies")
        {
            StrategiesQuick(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7, args.Length > 2 ? args[2] : null);
            return;
        }

        if (args.Length > 0 && args[0] == "feed-clean")
        {
            // The feed over the cleaned sample market with faults (as the strategy benchmarks use it): CPU per pass.
            var m = new AlphaTrade.Data.Sample.SampleMarketGenerator(AlphaTrade.Core.Calendar.NyseCalendar.Instance).Generate(new AlphaTrade.Data.Sample.SampleMarketOptions
            {
                Start = new DateOnly(2024, 1, 2),
                End = new DateOnly(2025, 12, 31),
            });
            var series = m.CleanSeries;
            Console.WriteLine(string.Join(" ", series.Select(x => x.Count)));
            for (int rep = 0; rep < 8; rep++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var feed = new AlphaTrade.Backtest.BarSeriesFeed(series);
                var slice = new AlphaTrade.Core.Market.BarSlice(feed.Symbols.Count);
                long bars = 0, steps = 0;
                while (feed.TryReadNext(slice))
                {
                    bars += slice.Count;
                    steps++;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bars} bars {steps} steps {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:F1} ms"));
            }

            return;
        }

        if (args.Length > 0 && args[0] == "strategies-hash")
        {
            StrategiesHash(args.Length > 1 ? args[1] : null);
            return;
        }

        if (args.Length > 0 && args[0] == "engine")
        {
            // engine [calls] [benchmark] [crossover]: e.g. engine 30 Vectorized 10/30 times that one alone.
            Engine(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15, args.Length > 2 ? args[2] : null, args.Length > 3 ? args[3] : null);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// CPU time per call of <see cref="EngineBenchmarks"/> (min and median of <paramref name="reps"/> calls after one warm-up
    /// call): on a shared machine the fastest calls are the ones that waited least for a core or a cache.
    /// <paramref name="only"/> and <paramref name="onlyCrossover"/> restrict it to one benchmark and one parameter set.
    /// </summary>
    private static void Engine(int reps, string? only, string? onlyCrossover)
    {
        foreach (var crossover in onlyCrossover is null ? new[] { "10/30", "50/200" } : [onlyCrossover])
        {
            var b = new EngineBenchmarks { Crossover = crossover };
            b.Setup();
            foreach (var (name, run, units) in new (string, Action, string)[]
                     {
                         ("EventDriven", () => b.EventDriven(), "bars"), ("Vectorized", () => b.Vectorized(), "cells"), ("VecRecords", () => b.VectorizedWithRecords(), "cells"),
                         ("VecNoTrades", () => b.VectorizedNoTrades(), "cells"), ("Align", () => b.Align(), "cells"), ("Feed", () => b.Feed(), "bars"),
                     })
            {
                if (only is not null && name != only)
                {
                    continue;
                }

                run();
                var ms = new double[reps];
                for (int i = 0; i < reps; i++)
                {
                    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                    run();
                    ms[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
                }

                Array.Sort(ms);
                long n = units == "bars" ? EngineBenchmarks.Bars : EngineBenchmarks.Cells;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{crossover,-7} {name,-12} cpu min {ms[0],7:F1} ms  median {ms[reps / 2],7:F1} ms  {n / ms[0] / 1e3,6:F1} M {units}/s (min)  {n / ms[reps / 2] / 1e3,6:F1} M {units}/s (median)"));
            }
        }
    }

    /// <summary>
    /// CPU time per backtest of <see cref="StrategyBenchmarks"/> (min and median of <paramref name="reps"/> runs after one
    /// warm-up run) for each strategy setting, or only <paramref name="only"/>: a profiling aid, not a measurement of record.
    /// </summary>
    private static void StrategiesQuick(int reps, string? only)
    {
        string[] names = only is null
            ? StrategySettings
            : [only];
        foreach (var name in names)
        {
            var b = new StrategyBenchmarks { Strategy = name };
            b.Setup();
            var result = b.Backtest();
            var ms = new double[reps];
            for (int i = 0; i < reps; i++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                result = b.Backtest();
                ms[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            }

            Array.Sort(ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} cpu min {ms[0],7:F1} ms  median {ms[reps / 2],7:F1} ms  {StrategyBenchmarks.Bars / ms[reps / 2] / 1e3,6:F2} M bars/s (median)  orders {result.Orders.Count}  fills {result.Fills.Count}"));
        }
    }

    /// <summary>
    /// One backtest per strategy setting (or only <paramref name="only"/>) and a SHA-256 of its decisions: every fill's
    /// (strategy, time, symbol, side, quantity, price) in booking order, then the final equity. Two builds that print the
    /// same hashes made the same decisions; a speed change must leave them unchanged.
    /// </summary>
    private static void StrategiesHash(string? only)
    {
        string[] names = only is null
            ? StrategySettings
            : [only];
        foreach (var name in names)
        {
            var b = new StrategyBenchmarks { Strategy = name };
            b.Setup();
            var result = b.Backtest();
            var text = new System.Text.StringBuilder();
            foreach (var f in result.Fills)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{f.Strategy}|{f.Fill.TimeUtcTicks}|{f.Fill.Symbol}|{f.Fill.Side}|{f.Fill.Quantity}|{f.Fill.Price}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"equity {result.FinalEquity}\n");
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} orders {result.Orders.Count}  fills {result.Fills.Count}  final equity {result.FinalEquity}  sha256 {hash}"));
        }
    }

    private static void Each()
    {
        var (t, o, h, l, c, v) = BenchData.Bars(620_000, 7);
        var input = new AlphaTrade.Indicators.OhlcvInput(o, h, l, c, v, t, c);
        var rows = new List<(double Ms, string Name)>();
        foreach (var d in AlphaTrade.Indicators.IndicatorRegistry.All)
        {
            var outs = d.Info.Outputs.Select(_ => new double[c.Length]).ToArray();
            var p = d.DefaultParameters();
            d.Compute(input, p, outs); // first call: JIT
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            d.Compute(input, p, outs);
            rows.Add(((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds, d.Info.Name));
        }

        foreach (var (ms, name) in rows.OrderByDescending(r => r.Ms).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {ms,8:F1} ms cpu"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {rows.Sum(r => r.Ms):F0} ms cpu over {rows.Count} indicators (second call of each, 620k bars)"));
    }

    private static void Quick()
    {
        var b = new SingleIndicatorBenchmarks();
        b.Setup();
        foreach (var (name, run) in new (string, Action)[]
                 {
                     ("SMA", b.Sma), ("EMA", b.Ema), ("RSI", b.Rsi), ("ATR", b.Atr), ("BBANDS", b.Bbands), ("ADX", b.Adx), ("MACD", b.Macd),
                 })
        {
            run();
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            int reps = 10;
            for (int i = 0; i < reps; i++)
            {
                run();
            }

            double s = sw.Elapsed.TotalSeconds / reps;
            double c = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / reps;
            // CPU time is the better figure on a shared machine: wall time includes waiting for a core.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} wall {s * 1e3,8:F2} ms  cpu {c * 1e3,8:F2} ms  {1.0 / c,8:F1} M bars/s (cpu)"));
        }

        var all = new AllIndicatorsBenchmark();
        all.Setup();
        all.AllDefaults();
        var w = Stopwatch.StartNew();
        var cpuAll = Process.GetCurrentProcess().TotalProcessorTime;
        int cols = all.AllDefaults();
        double cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpuAll).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all defaults, sample universe ({all.Bars:N0} bars): wall {w.Elapsed.TotalSeconds:F2} s, cpu {cpuS:F2} s over all cores ({cols} columns)"));
    }
}
