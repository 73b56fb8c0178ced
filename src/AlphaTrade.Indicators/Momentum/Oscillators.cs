using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// Commodity channel index (Lambert; TA-Lib CCI): (tp − mean(tp))/(0.015·mean |tp − mean|) over the period, tp the
/// typical price; 0 when either term is 0. O(period) per bar, as the definition's mean deviation requires.
/// </summary>
public static class Cci
{
    /// <summary>Computes the CCI (TA-Lib CCI) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> dst)
    {
        var core = new Core(period);
        Runner.Bars(ref core, period - 1, new OhlcvInput(default, high, low, close, default), PriceInputs.Hlc, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("cci", "CCI", IndicatorCategory.Momentum, "Commodity channel index", PriceInputs.Hlc,
            [Meta.Period(14)], ["cci"], Meta.TaLib),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Window _w = new(period);

        public void Reset() => _w.Clear();

        public void Update(in Tick t, Span<double> output)
        {
            double last = (t.High + t.Low + t.Close) / 3;
            _w.Push(last);
            if (!_w.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            // TA-Lib sums the circular buffer in storage order.
            var raw = _w.Raw;
            double avg = 0;
            for (int j = 0; j < raw.Length; j++)
            {
                avg += raw[j];
            }

            avg /= period;
            double dev = 0;
            for (int j = 0; j < raw.Length; j++)
            {
                dev += Math.Abs(raw[j] - avg);
            }

            double d = last - avg;
            output[0] = d != 0.0 && dev != 0.0 ? d / (0.015 * (dev / period)) : 0.0;
        }
    }
}

/// <summary>Williams' %R: (highest − close)/((highest − lowest)/−100) over the period (TA-Lib WILLR).</summary>
public static class WillR
{
    /// <summary>Computes Williams' %R (TA-Lib WILLR) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> dst)
    {
        var core = new Core(period);
        Runner.Bars(ref core, period - 1, new OhlcvInput(default, high, low, close, default), PriceInputs.Hlc, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("willr", "WILLR", IndicatorCategory.Momentum, "Williams' %R", PriceInputs.Hlc,
            [Meta.Period(14)], ["willr"], Meta.TaLib),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Extreme _high = new(period, true, false);
        private Extreme _low = new(period, false, false);

        public void Reset()
        {
            _high.Reset();
            _low.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _high.Update(t.High);
            _low.Update(t.Low);
            double diff = (_high.Value - _low.Value) / -100.0;
            output[0] = diff != 0.0 ? (_high.Value - t.Close) / diff : 0.0;
        }
    }
}

/// <summary>Aroon up/down: 100·(n − bars since the highest high / lowest low) over n + 1 bars (TA-Lib AROON; latest extreme wins ties).</summary>
public static class Aroon
{
    /// <summary>Computes Aroon down and up (TA-Lib AROON).</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> down, Span<double> up)
    {
        var core = new Core(period, oscillator: false);
        Runner.Bars(ref core, period, new OhlcvInput(default, high, low, default, default), PriceInputs.HighLow, new Outputs(down, up));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("aroon", "AROON", IndicatorCategory.Momentum, "Aroon", PriceInputs.HighLow,
            [Meta.Period(14)], ["down", "up"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0), oscillator: false));

    internal struct Core(int period, bool oscillator) : ICore
    {
        private readonly double _factor = 100.0 / period;
        private Extreme _high = new(period + 1, true, true);
        private Extreme _low = new(period + 1, false, true);

        public void Reset()
        {
            _high.Reset();
            _low.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _high.Update(t.High);
            _low.Update(t.Low);
            long today = _high.Bar;
            if (oscillator)
            {
                output[0] = _factor * (_high.Index - _low.Index);
                return;
            }

            output[0] = _factor * (period - (today - _low.Index));
            output[1] = _factor * (period - (today - _high.Index));
        }
    }
}

/// <summary>Aroon oscillator: Aroon up − Aroon down (TA-Lib AROONOSC).</summary>
public static class AroonOsc
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("aroonosc", "AROONOSC", IndicatorCategory.Momentum, "Aroon oscillator", PriceInputs.HighLow,
            [Meta.Period(14)], ["aroonosc"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new Aroon.Core(Meta.I(p, 0), oscillator: true));
}

/// <summary>Balance of power: (close − open)/(high − low), 0 for an empty range (TA-Lib BOP).</summary>
public static class Bop
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("bop", "BOP", IndicatorCategory.Momentum, "Balance of power", PriceInputs.Ohlc, [], ["bop"], Meta.TaLib),
        _ => 0,
        _ => default(Core));

    internal struct Core : ICore
    {
        public readonly void Reset()
        {
        }

        public readonly void Update(in Tick t, Span<double> output)
        {
            double range = t.High - t.Low;
            output[0] = range < 1e-14 ? 0.0 : (t.Close - t.Open) / range;
        }
    }
}

/// <summary>Intraday momentum index: 100·Σ up bodies/Σ bodies over the period (TA-Lib IMI; NaN when every body is empty, as TA-Lib).</summary>
public static class Imi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("imi", "IMI", IndicatorCategory.Momentum, "Intraday momentum index", PriceInputs.Open | PriceInputs.Close,
            [Meta.Period(14)], ["imi"], Meta.TaLib),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Window _open = new(period);
        private Window _close = new(period);

        public void Reset()
        {
            _open.Clear();
            _close.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _open.Push(t.Open);
            _close.Push(t.Close);
            if (!_open.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            // Both windows share one ring position, so their raw storage pairs up bar by bar.
            var closes = _close.Raw;
            var opens = _open.Raw;
            double up = 0, down = 0;
            for (int k = 0; k < closes.Length; k++)
            {
                double c = closes[k], o = opens[k];
                if (c > o)
                {
                    up += c - o;
                }
                else
                {
                    down += o - c;
                }
            }

            output[0] = 100.0 * (up / (up + down));
        }
    }
}
