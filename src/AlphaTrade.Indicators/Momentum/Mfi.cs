using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// Money flow index (TA-Lib MFI): 100·positive flow/(positive + negative flow) over the period, flow = typical
/// price × volume signed by the typical price's change; 0 when total flow is below 1 (TA-Lib's rule).
/// </summary>
public static class Mfi
{
    /// <summary>Computes the money flow index (TA-Lib MFI) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, int period, Span<double> dst)
    {
        var core = new Core(period);
        Runner.Bars(ref core, period, new OhlcvInput(default, high, low, close, volume), PriceInputs.Hlcv, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("mfi", "MFI", IndicatorCategory.Momentum, "Money flow index", PriceInputs.Hlcv,
            [Meta.Period(14)], ["mfi"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Window _pos = new(period);
        private Window _neg = new(period);
        private double _prev;
        private double _posSum;
        private double _negSum;
        private int _count;

        public void Reset()
        {
            _pos.Clear();
            _neg.Clear();
            _prev = _posSum = _negSum = 0;
            _count = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double tp = (t.High + t.Low + t.Close) / 3.0;
            if (_count++ == 0)
            {
                _prev = tp;
                output[0] = double.NaN;
                return;
            }

            // TA-Lib removes the flow leaving the window before adding the new one.
            if (_pos.IsFull)
            {
                _posSum -= _pos.Oldest;
                _negSum -= _neg.Oldest;
            }

            double diff = tp - _prev;
            _prev = tp;
            double flow = tp * t.Volume;
            double p = 0, n = 0;
            if (diff < 0)
            {
                n = flow;
                _negSum += flow;
            }
            else if (diff > 0)
            {
                p = flow;
                _posSum += flow;
            }

            _pos.Push(p);
            _neg.Push(n);
            double total = _posSum + _negSum;
            output[0] = total < 1.0 ? 0.0 : 100.0 * (_posSum / total);
        }
    }
}

/// <summary>TRIX: one-bar rate of change (percent) of a triple SMA-seeded EMA (TA-Lib TRIX).</summary>
public static class Trix
{
    /// <summary>Warm-up bars: 3·(period − 1) + 1.</summary>
    public static int Lookback(int period) => (3 * (period - 1)) + 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("trix", "TRIX", IndicatorCategory.Momentum, "1-day rate of change of a triple smooth EMA", PriceInputs.None,
            [Meta.Period(30, 1)], ["trix"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private EmaState _e1 = new(period);
        private EmaState _e2 = new(period);
        private EmaState _e3 = new(period);
        private double _prev = double.NaN;

        public void Reset()
        {
            _e1.Reset();
            _e2.Reset();
            _e3.Reset();
            _prev = double.NaN;
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = double.NaN;
            double v = _e1.Update(t.R0);
            if (!_e1.IsReady)
            {
                return;
            }

            v = _e2.Update(v);
            if (!_e2.IsReady)
            {
                return;
            }

            v = _e3.Update(v);
            if (!_e3.IsReady)
            {
                return;
            }

            if (!double.IsNaN(_prev))
            {
                output[0] = _prev != 0.0 ? ((v / _prev) - 1.0) * 100.0 : 0.0;
            }

            _prev = v;
        }
    }
}

/// <summary>
/// Ultimate oscillator (Williams; TA-Lib ULTOSC): 100·(4·A₁ + 2·A₂ + A₃)/7 with A = Σ buying pressure / Σ true
/// range over the shortest, middle and longest period (TA-Lib sorts the three periods).
/// </summary>
public static class UltOsc
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ultosc", "ULTOSC", IndicatorCategory.Momentum, "Ultimate oscillator", PriceInputs.Hlc,
            [Meta.Period(7, 1, "period1", "First period"), Meta.Period(14, 1, "period2", "Second period"), Meta.Period(28, 1, "period3", "Third period")],
            ["ultosc"], Meta.TaLib),
        p => Math.Max(Math.Max(Meta.I(p, 0), Meta.I(p, 1)), Meta.I(p, 2)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)));

    internal struct Core : ICore
    {
        private TrailingSum _a1;
        private TrailingSum _a2;
        private TrailingSum _a3;
        private TrailingSum _b1;
        private TrailingSum _b2;
        private TrailingSum _b3;
        private double _prevClose;
        private bool _started;

        public Core(int p1, int p2, int p3)
        {
            int[] s = [p1, p2, p3];
            Array.Sort(s);
            _a1 = new TrailingSum(s[0]);
            _b1 = new TrailingSum(s[0]);
            _a2 = new TrailingSum(s[1]);
            _b2 = new TrailingSum(s[1]);
            _a3 = new TrailingSum(s[2]);
            _b3 = new TrailingSum(s[2]);
            _prevClose = 0;
            _started = false;
        }

        public void Reset()
        {
            _a1.Reset();
            _a2.Reset();
            _a3.Reset();
            _b1.Reset();
            _b2.Reset();
            _b3.Reset();
            _started = false;
        }

        public void Update(in Tick t, Span<double> output)
        {
            if (!_started)
            {
                _started = true;
                _prevClose = t.Close;
                output[0] = double.NaN;
                return;
            }

            double trueLow = Math.Min(t.Low, _prevClose);
            double bp = t.Close - trueLow;
            double tr = AtrState.Range(t.High, t.Low, _prevClose);
            _prevClose = t.Close;
            double a1 = _a1.Add(bp), a2 = _a2.Add(bp), a3 = _a3.Add(bp);
            double b1 = _b1.Add(tr), b2 = _b2.Add(tr), b3 = _b3.Add(tr);
            double o = 0.0;
            if (!Zero(b1))
            {
                o += 4.0 * (a1 / b1);
            }

            if (!Zero(b2))
            {
                o += 2.0 * (a2 / b2);
            }

            if (!Zero(b3))
            {
                o += a3 / b3;
            }

            output[0] = 100.0 * (o / 7.0);
        }

        private static bool Zero(double v) => v > -1e-14 && v < 1e-14;
    }
}
