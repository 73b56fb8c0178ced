using AlphaTrade.Core.Market;
using AlphaTrade.Indicators;
using AlphaTrade.Indicators.Patterns;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// All 61 TA-Lib candlestick patterns over one million bars: batch (one output column per pattern, preallocated)
/// and streaming (61 streams fed bar by bar). Bars: a seeded random walk in cents with doji, long-line and
/// hammer-like shapes so that the patterns' early-out conditions are exercised realistically.
/// </summary>
[MemoryDiagnoser]
public class CandlePatternBenchmarks
{
    private const int Bars = 1_000_000;
    private double[] _open = [];
    private double[] _high = [];
    private double[] _low = [];
    private double[] _close = [];
    private IndicatorDefinition[] _patterns = [];
    private double[][] _parameters = [];
    private double[][][] _outputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(20260311);
        _open = new double[Bars];
        _high = new double[Bars];
        _low = new double[Bars];
        _close = new double[Bars];
        double price = 100;
        for (int i = 0; i < Bars; i++)
        {
            double o = r.NextDouble() < 0.8 ? price : price * (1 + ((r.NextDouble() - 0.5) * 0.02));
            double shape = r.NextDouble();
            double body = shape < 0.15 ? 0 : price * 0.01 * r.NextDouble();
            double c = r.NextDouble() < 0.5 ? o + body : o - body;
            double h = Math.Max(o, c) + (price * 0.005 * r.NextDouble() * (shape < 0.3 ? 2 : 1));
            double l = Math.Min(o, c) - (price * 0.005 * r.NextDouble());
            _open[i] = Math.Round(o, 2);
            _close[i] = Math.Round(c, 2);
            _high[i] = Math.Max(Math.Round(h, 2), Math.Max(_open[i], _close[i]));
            _low[i] = Math.Min(Math.Round(l, 2), Math.Min(_open[i], _close[i]));
            price = Math.Clamp(_close[i], 20, 500);
        }

        _patterns = [.. CandlePatterns.All];
        _parameters = _patterns.Select(d => d.DefaultParameters()).ToArray();
        _outputs = _patterns.Select(_ => new[] { new double[Bars] }).ToArray();
    }

    /// <summary>61 patterns × 1M bars, batch form.</summary>
    [Benchmark]
    public double AllPatterns_Batch()
    {
        var input = new OhlcvInput(_open, _high, _low, _close, default);
        double check = 0;
        for (int k = 0; k < _patterns.Length; k++)
        {
            _patterns[k].Compute(input, _parameters[k], _outputs[k]);
            check += _outputs[k][0][Bars - 1];
        }

        return check;
    }

    /// <summary>61 patterns × 1M bars, streaming form (one update per bar per pattern).</summary>
    [Benchmark]
    public double AllPatterns_Stream()
    {
        var streams = _patterns.Select(d => d.CreateStream(d.DefaultParameters())).ToArray();
        double check = 0;
        for (int i = 0; i < Bars; i++)
        {
            var bar = new Bar(i, _open[i], _high[i], _low[i], _close[i], 0);
            for (int k = 0; k < streams.Length; k++)
            {
                streams[k].Update(bar);
            }
        }

        for (int k = 0; k < streams.Length; k++)
        {
            check += streams[k][0];
        }

        return check;
    }
}

/// <summary>The seven Hilbert-transform functions (HT_* and MAMA) over one million closes, batch form.</summary>
[MemoryDiagnoser]
public class HilbertBenchmarks
{
    private const int Bars = 1_000_000;
    private double[] _close = [];
    private IndicatorDefinition[] _family = [];
    private double[][] _parameters = [];
    private double[][][] _outputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(7);
        _close = new double[Bars];
        double price = 100;
        for (int i = 0; i < Bars; i++)
        {
            price *= 1 + ((r.NextDouble() - 0.5) * 0.01);
            _close[i] = Math.Round(price, 2);
        }

        _family = new[] { "HT_DCPERIOD", "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDLINE", "HT_TRENDMODE", "MAMA" }
            .Select(n => IndicatorRegistry.FindTaLib(n)!).ToArray();
        _parameters = _family.Select(d => d.DefaultParameters()).ToArray();
        _outputs = _family.Select(d => d.Info.Outputs.Select(_ => new double[Bars]).ToArray()).ToArray();
    }

    [Benchmark]
    public double HilbertFamily_Batch()
    {
        var input = new OhlcvInput(default, default, default, _close, default);
        double check = 0;
        for (int k = 0; k < _family.Length; k++)
        {
            _family[k].Compute(input, _parameters[k], _outputs[k]);
            check += _outputs[k][0][Bars - 1];
        }

        return check;
    }
}
