using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Volume;

/// <summary>
/// Chaikin money flow: Σ(money-flow multiplier × volume)/Σvolume over the period, multiplier
/// ((C−L) − (H−C))/(H−L) (0 when H = L); 0 when the window has no volume (StockCharts ChartSchool, CMF).
/// </summary>
public static class Cmf
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("cmf", null, IndicatorCategory.Volume, "Chaikin money flow", PriceInputs.Hlcv, [Meta.Period(20, 1)], ["cmf"],
            "Marc Chaikin; StockCharts ChartSchool, Chaikin Money Flow (20)"),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _mfv = new(period);
        private TrailingSum _v = new(period);

        public void Reset()
        {
            _mfv.Reset();
            _v.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double range = t.High - t.Low;
            double mfm = range > 0 ? ((t.Close - t.Low) - (t.High - t.Close)) / range : 0.0;
            double mfv = _mfv.Add(mfm * t.Volume);
            double v = _v.Add(t.Volume);
            output[0] = v > 0 ? mfv / v : 0.0;
        }
    }
}

/// <summary>Elder's force index: EMA(period) of (close − previous close) × volume, SMA-seeded (StockCharts ChartSchool, Force Index).</summary>
public static class ForceIndex
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("force_index", null, IndicatorCategory.Volume, "Elder's force index", PriceInputs.Close | PriceInputs.Volume, [Meta.Period(13, 1)], ["force_index"],
            "Alexander Elder, Trading for a Living (1993); StockCharts ChartSchool, Force Index (13-period EMA)"),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private EmaState _ema = new(period);
        private double _prev = double.NaN;

        public void Reset()
        {
            _ema.Reset();
            _prev = double.NaN;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double prev = _prev;
            _prev = t.Close;
            output[0] = double.IsNaN(prev) ? double.NaN : _ema.Update((t.Close - prev) * t.Volume);
        }
    }
}

/// <summary>
/// Arms' ease of movement: SMA(period) of ((H+L)/2 − previous (H+L)/2) / ((volume/scale)/(H − L)); a bar with
/// H = L or no volume contributes 0 (StockCharts ChartSchool, Ease of Movement, scale 100,000,000).
/// </summary>
public static class EaseOfMovement
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("eom", null, IndicatorCategory.Volume, "Ease of movement", PriceInputs.Hlcv,
            [Meta.Period(14, 1), Meta.Real("scale", 100_000_000, 1e-12, 1e18, "Volume divisor of the box ratio")], ["eom"],
            "Richard Arms; StockCharts ChartSchool, Ease of Movement (EMV) (14, 100,000,000)"),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0), p[1]));

    internal struct Core(int period, double scale) : ICore
    {
        private TrailingSum _sum = new(period);
        private double _prevMid = double.NaN;

        public void Reset()
        {
            _sum.Reset();
            _prevMid = double.NaN;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double mid = (t.High + t.Low) / 2.0;
            double prev = _prevMid;
            _prevMid = mid;
            if (double.IsNaN(prev))
            {
                output[0] = double.NaN;
                return;
            }

            double range = t.High - t.Low;
            double emv = range > 0 && t.Volume > 0 ? (mid - prev) / ((t.Volume / scale) / range) : 0.0;
            output[0] = _sum.Add(emv) / period;
        }
    }
}

/// <summary>
/// Negative / positive volume index (Fosback): starts at 1000 and compounds the close's percentage change only on
/// bars whose volume fell (NVI) or rose (PVI) from the previous bar (StockCharts ChartSchool, NVI and PVI).
/// </summary>
internal struct VolumeIndexCore(bool negative) : ICore
{
    private double _index;
    private double _prevClose;
    private double _prevVolume;
    private bool _started;

    public void Reset() => _started = false;

    public void Update(in Tick t, Span<double> output)
    {
        if (!_started)
        {
            _started = true;
            _index = 1000.0;
        }
        else if (negative ? t.Volume < _prevVolume : t.Volume > _prevVolume)
        {
            if (_prevClose != 0)
            {
                _index += _index * ((t.Close - _prevClose) / _prevClose);
            }
        }

        _prevClose = t.Close;
        _prevVolume = t.Volume;
        output[0] = _index;
    }
}

/// <summary>Negative volume index (Norman Fosback, Stock Market Logic, 1976).</summary>
public static class Nvi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("nvi", null, IndicatorCategory.Volume, "Negative volume index", PriceInputs.Close | PriceInputs.Volume, [], ["nvi"],
            "Norman Fosback (1976); StockCharts ChartSchool, Negative Volume Index (start 1000)"),
        _ => 0,
        _ => new VolumeIndexCore(negative: true));
}

/// <summary>Positive volume index (Norman Fosback, Stock Market Logic, 1976).</summary>
public static class Pvi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("pvi", null, IndicatorCategory.Volume, "Positive volume index", PriceInputs.Close | PriceInputs.Volume, [], ["pvi"],
            "Norman Fosback (1976); StockCharts ChartSchool, Positive Volume Index (start 1000)"),
        _ => 0,
        _ => new VolumeIndexCore(negative: false));
}

/// <summary>
/// Klinger volume oscillator: volume force VF = V·|2·(dm/cm − 1)|·trend·100 (dm = H − L; cm accumulates dm while
/// the trend of H+L+C persists, restarting from the previous dm on a change; VF = 0 when cm = 0); KVO = EMA(fast)
/// − EMA(slow) of VF, signal = EMA(signal) of KVO; SMA-seeded EMAs (Stephen Klinger, TASC Dec 1997).
/// </summary>
public static class Klinger
{
    /// <summary>Warm-up bars: 1 + (slow − 1) + (signal − 1), when the signal line first exists.</summary>
    public static int Lookback(int fast, int slow, int signal) => Math.Max(fast, slow) + signal - 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("kvo", null, IndicatorCategory.Volume, "Klinger volume oscillator", PriceInputs.Hlcv,
            [Meta.Period(34, 1, "fast_period", "Fast EMA of volume force"), Meta.Period(55, 1, "slow_period", "Slow EMA of volume force"), Meta.Period(13, 1, "signal_period", "Signal EMA")],
            ["kvo", "signal"], "Stephen J. Klinger, Identifying Trends with Volume Analysis, TASC Dec 1997 (34, 55, 13)"),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)));

    internal struct Core(int fast, int slow, int signal) : ICore
    {
        private EmaState _fast = new(fast);
        private EmaState _slow = new(slow);
        private EmaState _signal = new(signal);
        private double _prevHlc;
        private double _prevDm;
        private double _cm;
        private int _trend;
        private int _count;

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
            _signal.Reset();
            _prevHlc = _prevDm = _cm = 0;
            _trend = 0;
            _count = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double hlc = t.High + t.Low + t.Close;
            double dm = t.High - t.Low;
            output[0] = output[1] = double.NaN;
            if (_count++ == 0)
            {
                _prevHlc = hlc;
                _prevDm = dm;
                _cm = dm;
                return;
            }

            int trend = hlc > _prevHlc ? 1 : -1;
            _cm = trend == _trend ? _cm + dm : _prevDm + dm;
            _trend = trend;
            _prevHlc = hlc;
            _prevDm = dm;
            double vf = _cm != 0 ? t.Volume * Math.Abs(2.0 * ((dm / _cm) - 1.0)) * trend * 100.0 : 0.0;
            double f = _fast.Update(vf);
            double s = _slow.Update(vf);
            if (!_fast.IsReady || !_slow.IsReady)
            {
                return;
            }

            double kvo = f - s;
            output[0] = kvo;
            output[1] = _signal.Update(kvo);
        }
    }
}

/// <summary>
/// Volume oscillator: 100·(EMA(volume, fast) − EMA(volume, slow))/EMA(volume, slow), SMA-seeded EMAs, 0 when the
/// slow average is 0 (TradingView "Volume Oscillator", 5/10; StockCharts PVO without signal).
/// </summary>
public static class VolumeOscillator
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("volume_osc", null, IndicatorCategory.Volume, "Volume oscillator", PriceInputs.Volume,
            [Meta.Period(5, 1, "fast_period", "Fast EMA of volume"), Meta.Period(10, 1, "slow_period", "Slow EMA of volume")], ["volume_osc"],
            "TradingView Volume Oscillator (EMA 5/10, percent); StockCharts Percentage Volume Oscillator"),
        p => Math.Max(Meta.I(p, 0), Meta.I(p, 1)) - 1,
        p => new Core(Meta.I(p, 0), Meta.I(p, 1)));

    internal struct Core(int fast, int slow) : ICore
    {
        private EmaState _fast = new(fast);
        private EmaState _slow = new(slow);

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double f = _fast.Update(t.Volume);
            double s = _slow.Update(t.Volume);
            output[0] = s != 0 ? 100.0 * ((f - s) / s) : 0.0;
        }
    }
}
