using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Statistics;

/// <summary>
/// Pearson correlation of two series over the period (TA-Lib CORREL; inputs high/low by default, or any two
/// series through the series mapping), from running sums updated remove-then-add as TA-Lib does; 0 when either
/// variance term is not positive.
/// </summary>
public static class Correl
{
    /// <summary>Computes the rolling Pearson correlation of <paramref name="x"/> and <paramref name="y"/> (TA-Lib CORREL).</summary>
    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> dst)
    {
        var core = new Core(period);
        var input = new OhlcvInput(default, default, default, default, default, default, x);
        Runner.Run(ref core, period - 1, new Columns(input, PriceInputs.None, x, y), new Outputs(dst[..x.Length]));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("correl", "CORREL", IndicatorCategory.Statistics, "Pearson's correlation coefficient", PriceInputs.None,
            [Meta.Period(30, 1)], ["correl"], Meta.TaLib, Meta.HighLow),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Window _x = new(period);
        private Window _y = new(period);
        private double _sx;
        private double _sy;
        private double _sxx;
        private double _syy;
        private double _sxy;

        public void Reset()
        {
            _x.Clear();
            _y.Clear();
            _sx = _sy = _sxx = _syy = _sxy = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            if (_x.IsFull)
            {
                double tx = _x.Oldest, ty = _y.Oldest;
                _sx -= tx;
                _sxx -= tx * tx;
                _sxy -= tx * ty;
                _sy -= ty;
                _syy -= ty * ty;
            }

            double x = t.R0, y = t.R1;
            _sx += x;
            _sxx += x * x;
            _sxy += x * y;
            _sy += y;
            _syy += y * y;
            _x.Push(x);
            _y.Push(y);
            double v = (_sxx - ((_sx * _sx) / period)) * (_syy - ((_sy * _sy) / period));
            output[0] = v >= 1e-14 ? (_sxy - ((_sx * _sy) / period)) / Math.Sqrt(v) : 0.0;
        }
    }
}

/// <summary>
/// Beta of the second series' returns on the first's over the period (TA-Lib BETA; inputs high/low by default):
/// (n·Σxy − Σx·Σy)/(n·Σx² − (Σx)²), returns (p − p₋₁)/p₋₁ (0 when p₋₁ is 0).
/// </summary>
public static class Beta
{
    /// <summary>Computes the rolling beta of <paramref name="y"/>'s returns on <paramref name="x"/>'s (TA-Lib BETA: x = inReal0, y = inReal1).</summary>
    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> dst)
    {
        var core = new Core(period);
        var input = new OhlcvInput(default, default, default, default, default, default, x);
        Runner.Run(ref core, period, new Columns(input, PriceInputs.None, x, y), new Outputs(dst[..x.Length]));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("beta", "BETA", IndicatorCategory.Statistics, "Beta", PriceInputs.None,
            [Meta.Period(5, 1)], ["beta"], Meta.TaLib, Meta.HighLow),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _sxx = new(period);
        private TrailingSum _sxy = new(period);
        private TrailingSum _sx = new(period);
        private TrailingSum _sy = new(period);
        private double _lastX;
        private double _lastY;
        private bool _started;

        public void Reset()
        {
            _sxx.Reset();
            _sxy.Reset();
            _sx.Reset();
            _sy.Reset();
            _started = false;
        }

        public void Update(in Tick t, Span<double> output)
        {
            if (!_started)
            {
                _started = true;
                _lastX = t.R0;
                _lastY = t.R1;
                output[0] = double.NaN;
                return;
            }

            double x = Zero(_lastX) ? 0.0 : (t.R0 - _lastX) / _lastX;
            double y = Zero(_lastY) ? 0.0 : (t.R1 - _lastY) / _lastY;
            _lastX = t.R0;
            _lastY = t.R1;
            double sxx = _sxx.Add(x * x), sxy = _sxy.Add(x * y), sx = _sx.Add(x), sy = _sy.Add(y);
            double n = period;
            double d = (n * sxx) - (sx * sx);
            output[0] = Zero(d) ? 0.0 : ((n * sxy) - (sx * sy)) / d;
        }

        private static bool Zero(double v) => v > -1e-14 && v < 1e-14;
    }
}

/// <summary>Average absolute deviation from the window mean (TA-Lib AVGDEV). O(period).</summary>
public static class AvgDev
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("avgdev", "AVGDEV", IndicatorCategory.Statistics, "Average deviation", PriceInputs.None,
            [Meta.Period(14)], ["avgdev"], Meta.TaLib, Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Window _w = new(period);

        public void Reset() => _w.Clear();

        public void Update(in Tick t, Span<double> output)
        {
            _w.Push(t.R0);
            if (!_w.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            var raw = _w.Raw;
            double sum = 0;
            foreach (double v in raw)
            {
                sum += v;
            }

            double mean = sum / period;
            double dev = 0;
            foreach (double v in raw)
            {
                dev += Math.Abs(v - mean);
            }

            output[0] = dev / period;
        }
    }
}
