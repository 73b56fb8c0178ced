using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Features;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AlphaTrade.Benchmarks;

/// <summary>The default feature set over the default sample market (46 stocks + SPY, 2024–2025, 15-minute bars).</summary>
internal static class FeatureBenchData
{
    private static readonly Lazy<(FeaturePlan Plan, FeatureUniverse Universe)> Data = new(() =>
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions());
        var syms = market.Options.Universe;
        var universe = new FeatureUniverse(syms.Select(s => market.Clean(s.Symbol)).ToArray(),
            syms.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal), market.Clean(market.Options.Benchmark));
        var alt = SyntheticAltData.Generate(universe, NyseCalendar.Instance, 42);
        var set = FeatureSetYaml.Load(Path.Combine(RepoRoot(), "config", "features", "default.yaml"));
        return (FeaturePlan.Compile(set, new AltDataSet(alt.Values.SelectMany(v => v), "bench")), universe);
    });

    public static FeaturePlan Plan => Data.Value.Plan;

    public static FeatureUniverse Universe => Data.Value.Universe;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlphaTrade.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>Batch build of the default set (244 features + 7 labels) over ~597k bars: the 20-second target.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FeatureBuildBenchmarks
{
    private FeatureBuilder _builder = null!;

    /// <summary>Generates the market and compiles the set.</summary>
    [GlobalSetup]
    public void Setup() => _builder = new FeatureBuilder(FeatureBenchData.Plan, NyseCalendar.Instance);

    /// <summary>Every feature and label, float32 storage, every core.</summary>
    [Benchmark]
    public long BuildDefaultSet() => _builder.Build(FeatureBenchData.Universe).Rows;
}

/// <summary>
/// Live update of every feature of the 46 symbols on one new bar: the engine is warmed on the first ~9,800 timestamps
/// (all warm-ups, the regime model fitted), then each invocation feeds the next timestamp; an iteration is 260
/// consecutive timestamps (ten sessions), so session openings and regime refits are included in the mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 260)]
public class FeatureLiveUpdateBenchmarks
{
    private const int Reserved = 3_200;
    private LiveFeatureEngine _engine = null!;
    private long[] _timeline = null!;
    private Bar?[][] _bars = null!;
    private Bar?[] _bench = null!;
    private int _next;

    /// <summary>Warms the engine on all but the last <see cref="Reserved"/> timestamps.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var u = FeatureBenchData.Universe;
        _engine = new LiveFeatureEngine(FeatureBenchData.Plan, NyseCalendar.Instance, u.TimeFrame, u.Symbols, u.Sectors);
        (_timeline, _bars, _bench) = Steps(u);
        for (_next = 0; _next < _timeline.Length - Reserved; _next++)
        {
            _engine.Update(_timeline[_next], _bars[_next], _bench[_next]);
        }
    }

    /// <summary>One new bar for every symbol and the benchmark.</summary>
    [Benchmark]
    public double UpdateAllSymbolsOneBar()
    {
        int i = _next++;
        _engine.Update(_timeline[i], _bars[i], _bench[i]);
        return _engine.Row(0)[0];
    }

    /// <summary>The bars of each timestamp, per symbol (null where a symbol has none), and the benchmark's.</summary>
    internal static (long[] Timeline, Bar?[][] Bars, Bar?[] Benchmark) Steps(FeatureUniverse u)
    {
        var timeline = u.Timeline();
        var bars = new Bar?[timeline.Length][];
        var bench = new Bar?[timeline.Length];
        var cursor = new int[u.Series.Count];
        int bc = 0;
        for (int k = 0; k < timeline.Length; k++)
        {
            long t = timeline[k];
            bars[k] = new Bar?[u.Series.Count];
            for (int s = 0; s < u.Series.Count; s++)
            {
                var series = u.Series[s];
                bars[k][s] = cursor[s] < series.Count && series.Time[cursor[s]] == t ? series[cursor[s]++] : null;
            }

            bench[k] = u.Benchmark is { } b && bc < b.Count && b.Time[bc] == t ? b[bc++] : null;
        }

        return (timeline, bars, bench);
    }
}

/// <summary>A stopwatch pass: three builds, then every timestamp through a live engine with the latency distribution.</summary>
internal static class FeatureQuick
{
    public static void Run()
    {
        var plan = FeatureBenchData.Plan;
        var u = FeatureBenchData.Universe;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{plan.Features.Count} features + {plan.Labels.Count} labels, {u.Series.Count} symbols, {u.Series.Sum(s => s.Count):N0} bars, {Environment.ProcessorCount} cores"));
        var builder = new FeatureBuilder(plan, NyseCalendar.Instance);
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            builder.Build(u);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build {i + 1}: {sw.Elapsed.TotalSeconds:F2} s"));
        }

        var (timeline, bars, bench) = FeatureLiveUpdateBenchmarks.Steps(u);
        var engine = new LiveFeatureEngine(plan, NyseCalendar.Instance, u.TimeFrame, u.Symbols, u.Sectors);
        var ms = new double[timeline.Length];
        var watch = new Stopwatch();
        for (int k = 0; k < timeline.Length; k++)
        {
            watch.Restart();
            engine.Update(timeline[k], bars[k], bench[k]);
            ms[k] = watch.Elapsed.TotalMilliseconds;
        }

        var late = ms[(timeline.Length / 4)..].Order().ToArray();
        double P(double q) => late[(int)(q * (late.Length - 1))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live update, 46 symbols, last {late.Length:N0} timestamps: mean {late.Average():F3} ms, median {P(0.5):F3}, p90 {P(0.9):F3}, p99 {P(0.99):F3}, max {late[^1]:F2} ms"));
    }
}
