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
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args)
    {
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
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
            var sw = Stopwatch.StartNew();
            d.Compute(input, p, outs);
            rows.Add((sw.Elapsed.TotalMilliseconds, d.Info.Name));
        }

        foreach (var (ms, name) in rows.OrderByDescending(r => r.Ms).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {ms,8:F1} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {rows.Sum(r => r.Ms):F0} ms over {rows.Count} indicators"));
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
            int reps = 5;
            for (int i = 0; i < reps; i++)
            {
                run();
            }

            double s = sw.Elapsed.TotalSeconds / reps;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {s * 1e3,8:F2} ms  {1.0 / s,8:F1} M bars/s"));
        }

        var all = new AllIndicatorsBenchmark();
        all.Setup();
        var w = Stopwatch.StartNew();
        int cols = all.AllDefaults();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all defaults, 47 x 13,200 bars: {w.Elapsed.TotalSeconds:F2} s ({cols} columns)"));
    }
}
