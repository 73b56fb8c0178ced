using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// Ehlers' Fisher transform of the median price's position in its range: v = 0.66·((hl2 − min)/max(max − min,
/// 0.001) − 0.5) + 0.67·v₋₁ clamped to ±0.999; fisher = 0.5·ln((1+v)/(1−v)) + 0.5·fisher₋₁; trigger = fisher₋₁
/// (John Ehlers, Using the Fisher Transform, TASC Nov 2002; TradingView's built-in "Fisher Transform").
/// </summary>
public static class FisherTransform
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("fisher", null, IndicatorCategory.Momentum, "Fisher transform", PriceInputs.HighLow, [Meta.Period(9, 1)], ["fisher", "trigger"],
            "John Ehlers, Using the Fisher Transform, TASC Nov 2002; TradingView Fisher Transform (length 9)"),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Extreme _max = new(period, true, false);
        private Extreme _min = new(period, false, false);
        private double _value;
        private double _fisher;

        public void Reset()
        {
            _max.Reset();
            _min.Reset();
            _value = _fisher = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double hl2 = (t.High + t.Low) / 2.0;
            _max.Update(hl2);
            _min.Update(hl2);
            output[0] = output[1] = double.NaN;
            if (!_max.IsFull)
            {
                return;
            }

            double v = (0.66 * (((hl2 - _min.Value) / Math.Max(_max.Value - _min.Value, 0.001)) - 0.5)) + (0.67 * _value);
            _value = Math.Clamp(v, -0.999, 0.999);
            double prev = _fisher;
            _fisher = (0.5 * Math.Log((1 + _value) / (1 - _value))) + (0.5 * prev);
            output[0] = _fisher;
            output[1] = prev;
        }
    }
}

/// <summary>
/// Vortex indicator: VI+ = Σ|H − L₋₁|/ΣTR and VI− = Σ|L − H₋₁|/ΣTR over the period (Botes and Siepman, TASC Jan 2010);
/// 0 when ΣTR is 0.
/// </summary>
public static class Vortex
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("vortex", null, IndicatorCategory.Momentum, "Vortex indicator", PriceInputs.Hlc, [Meta.Period(14, 1)], ["plus", "minus"],
            "Etienne Botes & Douglas Siepman, The Vortex Indicator, TASC Jan 2010 (14)"),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _plus = new(period);
        private TrailingSum _minus = new(period);
        private TrailingSum _tr = new(period);
        private double _ph;
        private double _pl;
        private double _pc;
        private bool _started;

        public void Reset()
        {
            _plus.Reset();
            _minus.Reset();
            _tr.Reset();
            _started = false;
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = output[1] = double.NaN;
            if (_started)
            {
                double p = _plus.Add(Math.Abs(t.High - _pl));
                double m = _minus.Add(Math.Abs(t.Low - _ph));
                double tr = _tr.Add(AtrState.Range(t.High, t.Low, _pc));
                output[0] = tr != 0 ? p / tr : 0.0;
                output[1] = tr != 0 ? m / tr : 0.0;
            }

            _started = true;
            _ph = t.High;
            _pl = t.Low;
            _pc = t.Close;
        }
    }
}

/// <summary>
/// Detrended price oscillator, causal form: the close n/2 + 1 bars ago minus the current n-bar SMA (StockCharts
/// ChartSchool, DPO (20)).
/// </summary>
public static class Dpo
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("dpo", null, IndicatorCategory.Momentum, "Detrended price oscillator", PriceInputs.None, [Meta.Period(20, 1)], ["dpo"],
            "StockCharts ChartSchool, Detrended Price Oscillator: close (n/2 + 1) bars ago − SMA(n)", Meta.Close),
        p => Math.Max(Meta.I(p, 0) - 1, (Meta.I(p, 0) / 2) + 1),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private readonly int _shift = (period / 2) + 1;
        private TrailingSum _sum = new(period);
        private Window _w = new((period / 2) + 2);

        public void Reset()
        {
            _sum.Reset();
            _w.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double sma = _sum.Add(t.R0) / period;
            _w.Push(t.R0);
            output[0] = _w.IsFull ? _w.Ago(_shift) - sma : double.NaN;
        }
    }
}

/// <summary>
/// Mass index (Donald Dorsey): Σ over <c>sum_period</c> bars of EMA(H−L)/EMA(EMA(H−L)), both EMAs over
/// <c>ema_period</c>, SMA-seeded (StockCharts ChartSchool, Mass Index (9, 25)).
/// </summary>
public static class MassIndex
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("mass_index", null, IndicatorCategory.Momentum, "Mass index", PriceInputs.HighLow,
            [Meta.Period(9, 1, "ema_period", "EMA period"), Meta.Period(25, 1, "sum_period", "Summation period")], ["mass_index"],
            "Donald Dorsey, TASC June 1992; StockCharts ChartSchool, Mass Index (9, 25)"),
        p => (2 * (Meta.I(p, 0) - 1)) + Meta.I(p, 1) - 1,
        p => new Core(Meta.I(p, 0), Meta.I(p, 1)));

    internal struct Core(int ema, int sum) : ICore
    {
        private EmaState _e1 = new(ema);
        private EmaState _e2 = new(ema);
        private TrailingSum _sum = new(sum);

        public void Reset()
        {
            _e1.Reset();
            _e2.Reset();
            _sum.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = double.NaN;
            double a = _e1.Update(t.High - t.Low);
            if (!_e1.IsReady)
            {
                return;
            }

            double b = _e2.Update(a);
            if (!_e2.IsReady)
            {
                return;
            }

            output[0] = _sum.Add(b != 0 ? a / b : 1.0);
        }
    }
}

/// <summary>
/// Schaff trend cycle: a doubly smoothed stochastic of MACD. MACD = EMA(fast) − EMA(slow) (SMA-seeded); %K of MACD
/// over <c>cycle</c> bars, smoothed pf += factor·(%K − pf); %K of pf over <c>cycle</c>, smoothed the same way. The
/// first smoothed value is the first raw one; an empty range keeps the previous %K (Doug Schaff, 1999;
/// TradingView community "Schaff Trend Cycle", 10/23/50/0.5).
/// </summary>
public static class SchaffTrendCycle
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("stc", null, IndicatorCategory.Momentum, "Schaff trend cycle", PriceInputs.None,
            [Meta.Period(10, 1, "cycle", "Stochastic window"), Meta.Period(23, 1, "fast_period", "Fast EMA"), Meta.Period(50, 1, "slow_period", "Slow EMA"),
                Meta.Real("factor", 0.5, 0.0001, 1, "Smoothing factor")],
            ["stc"], "Doug Schaff (1999); TradingView Schaff Trend Cycle (10, 23, 50, 0.5)", Meta.Close),
        p => Math.Max(Meta.I(p, 1), Meta.I(p, 2)) - 1 + (2 * (Meta.I(p, 0) - 1)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), p[3]));

    internal struct Core(int cycle, int fast, int slow, double factor) : ICore
    {
        private EmaState _fast = new(fast);
        private EmaState _slow = new(slow);
        private Extreme _mMax = new(cycle, true, false);
        private Extreme _mMin = new(cycle, false, false);
        private Extreme _pMax = new(cycle, true, false);
        private Extreme _pMin = new(cycle, false, false);
        private double _k1;
        private double _pf = double.NaN;
        private double _k2;
        private double _stc = double.NaN;

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
            _mMax.Reset();
            _mMin.Reset();
            _pMax.Reset();
            _pMin.Reset();
            _k1 = _k2 = 0;
            _pf = _stc = double.NaN;
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = double.NaN;
            double f = _fast.Update(t.R0), s = _slow.Update(t.R0);
            if (!_fast.IsReady || !_slow.IsReady)
            {
                return;
            }

            double macd = f - s;
            _mMax.Update(macd);
            _mMin.Update(macd);
            if (!_mMax.IsFull)
            {
                return;
            }

            double range = _mMax.Value - _mMin.Value;
            _k1 = range > 0 ? 100.0 * (macd - _mMin.Value) / range : _k1;
            _pf = double.IsNaN(_pf) ? _k1 : _pf + (factor * (_k1 - _pf));
            _pMax.Update(_pf);
            _pMin.Update(_pf);
            if (!_pMax.IsFull)
            {
                return;
            }

            double r2 = _pMax.Value - _pMin.Value;
            _k2 = r2 > 0 ? 100.0 * (_pf - _pMin.Value) / r2 : _k2;
            _stc = double.IsNaN(_stc) ? _k2 : _stc + (factor * (_k2 - _stc));
            output[0] = _stc;
        }
    }
}

/// <summary>
/// Connors RSI: (RSI(close, 3) + RSI(streak, 2) + percent rank of the 1-bar return among the previous 100)/3, the
/// streak counting consecutive up (+) or down (−) closes, 0 on an unchanged close; Wilder RSI as TA-Lib's
/// (Connors Research, An Introduction to ConnorsRSI, 2012).
/// </summary>
public static class ConnorsRsi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("crsi", null, IndicatorCategory.Momentum, "Connors RSI", PriceInputs.None,
            [Meta.Period(3, 2, "rsi_period", "RSI of the close"), Meta.Period(2, 2, "streak_period", "RSI of the streak"), Meta.Period(100, 1, "rank_period", "Percent-rank lookback")],
            ["crsi"], "Larry Connors, Cesar Alvarez & Matt Radtke, An Introduction to ConnorsRSI (Connors Research, 2012), 3/2/100", Meta.Close),
        p => Math.Max(Math.Max(Meta.I(p, 0), Meta.I(p, 1)), Meta.I(p, 2) + 1),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)));

    internal struct Core(int rsiPeriod, int streakPeriod, int rankPeriod) : ICore
    {
        private Rsi.Core _rsi = new(rsiPeriod, cmo: false);
        private Rsi.Core _streakRsi = new(streakPeriod, cmo: false);
        private Statistics.PercentRank.Core _rank = new(rankPeriod, lessOrEqual: false);
        private double _prev = double.NaN;
        private double _streak;

        public void Reset()
        {
            _rsi.Reset();
            _streakRsi.Reset();
            _rank.Reset();
            _prev = double.NaN;
            _streak = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double x = t.R0;
            double ret = double.NaN;
            if (!double.IsNaN(_prev))
            {
                _streak = x > _prev ? Math.Max(_streak, 0) + 1 : x < _prev ? Math.Min(_streak, 0) - 1 : 0;
                ret = _prev != 0 ? (x - _prev) / _prev : 0.0;
            }

            _prev = x;
            _rsi.Update(t, output);
            double a = output[0];
            var st = t;
            st.R0 = _streak;
            _streakRsi.Update(st, output);
            double b = output[0];
            double c = double.IsNaN(ret) ? double.NaN : _rank.Step(ret);
            output[0] = (a + b + c) / 3.0;
        }
    }
}
