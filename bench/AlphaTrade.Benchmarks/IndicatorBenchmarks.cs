using AlphaTrade.Indicators;
using AlphaTrade.Indicators.Blocks;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>Deterministic random-walk bars for the benchmarks.</summary>
public static class BenchData
{
    public static (long[] Time, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume) Bars(int n, int seed)
    {
        var r = new Random(seed);
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        double p = 100;
        var start = new DateTime(2020, 1, 2, 14, 30, 0, DateTimeKind.Utc).Ticks;
        for (int i = 0; i < n; i++)
        {
            t[i] = start + (i * TimeSpan.TicksPerMinute);
            o[i] = p;
            p *= 1 + ((r.NextDouble() - 0.5) * 0.01);
            c[i] = p;
            h[i] = Math.Max(o[i], c[i]) * (1 + (r.NextDouble() * 0.002));
            l[i] = Math.Min(o[i], c[i]) * (1 - (r.NextDouble() * 0.002));
            v[i] = 1000 + r.Next(100000);
        }

        return (t, o, h, l, c, v);
    }
}

/// <summary>Single-indicator throughput over 1M bars (batch form, typed APIs).</summary>
[MemoryDiagnoser]
public class SingleIndicatorBenchmarks
{
    private const int N = 1_000_000;
    private double[] _o = [];
    private double[] _h = [];
    private double[] _l = [];
    private double[] _c = [];
    private double[] _v = [];
    private readonly double[] _d0 = new double[N];
    private readonly double[] _d1 = new double[N];
    private readonly double[] _d2 = new double[N];
    private double[][] _outs1 = [];
    private double[][] _outs3 = [];

    [GlobalSetup]
    public void Setup()
    {
        (_, _o, _h, _l, _c, _v) = BenchData.Bars(N, 42);
        _outs1 = [_d0];
        _outs3 = [_d0, _d1, _d2];
    }

    [Benchmark]
    public void Sma() => AlphaTrade.Indicators.Overlap.Sma.Compute(_c, 30, _d0);

    [Benchmark]
    public void Ema() => AlphaTrade.Indicators.Overlap.Ema.Compute(_c, 30, _d0);

    [Benchmark]
    public void Rsi() => AlphaTrade.Indicators.Momentum.Rsi.Compute(_c, 14, _d0);

    [Benchmark]
    public void Atr() => AlphaTrade.Indicators.Volatility.Atr.Compute(_h, _l, _c, 14, _d0);

    [Benchmark]
    public void Bbands() => AlphaTrade.Indicators.Overlap.Bbands.Compute(_c, 5, 2, 2, MaType.Sma, _d0, _d1, _d2);

    [Benchmark]
    public void Adx() => IndicatorRegistry.Get("adx").Compute(new OhlcvInput(_o, _h, _l, _c, _v), [14], _outs1);

    [Benchmark]
    public void Macd() => IndicatorRegistry.Get("macd").Compute(new OhlcvInput(_o, _h, _l, _c, _v), [12, 26, 9], _outs3);
}

/// <summary>Every default indicator over 47 symbols × 13,200 bars (~620k bars), as the CLI computes them.</summary>
[MemoryDiagnoser]
public class AllIndicatorsBenchmark
{
    private (long[] Time, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume)[] _symbols = [];

    [GlobalSetup]
    public void Setup() => _symbols = Enumerable.Range(0, 47).Select(i => BenchData.Bars(13_200, 100 + i)).ToArray();

    [Benchmark]
    public int AllDefaults()
    {
        int columns = 0;
        foreach (var s in _symbols)
        {
            columns += IndicatorTable.Compute(s.Time, s.Open, s.High, s.Low, s.Close, s.Volume, null, IndicatorSelection.Default).Count;
        }

        return columns;
    }
}
