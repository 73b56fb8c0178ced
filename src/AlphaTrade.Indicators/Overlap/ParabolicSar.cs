using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Wilder's parabolic stop-and-reverse as TA-Lib runs it (SAR and SAREXT): the first direction comes from the
/// first bar's −DM (long unless −DM &gt; 0) or from a non-zero start value; on a reversal the SAR jumps to the
/// extreme point, clamped to the last two bars' range and shifted by the reversal offset; the acceleration steps
/// up on each new extreme to its maximum.
/// </summary>
internal struct ParabolicSar : ICore
{
    private readonly double _start;
    private readonly double _offset;
    private readonly double _initLong;
    private readonly double _stepLong;
    private readonly double _maxLong;
    private readonly double _initShort;
    private readonly double _stepShort;
    private readonly double _maxShort;
    private readonly bool _signed;
    private int _count;
    private bool _isLong;
    private double _afLong;
    private double _afShort;
    private double _ep;
    private double _sar;
    private double _newHigh;
    private double _newLow;

    public ParabolicSar(double start, double offset, double initLong, double stepLong, double maxLong,
        double initShort, double stepShort, double maxShort, bool signed)
    {
        // TA-Lib caps the initial and step accelerations at the maximum.
        _start = start;
        _offset = offset;
        _initLong = Math.Min(initLong, maxLong);
        _stepLong = Math.Min(stepLong, maxLong);
        _maxLong = maxLong;
        _initShort = Math.Min(initShort, maxShort);
        _stepShort = Math.Min(stepShort, maxShort);
        _maxShort = maxShort;
        _signed = signed;
        Reset();
    }

    public void Reset()
    {
        _count = 0;
        _afLong = _initLong;
        _afShort = _initShort;
        _isLong = true;
        _ep = _sar = _newHigh = _newLow = 0;
    }

    public void Update(in Tick t, Span<double> output)
    {
        double high = t.High, low = t.Low;
        if (_count == 0)
        {
            _count = 1;
            _newHigh = high;
            _newLow = low;
            output[0] = double.NaN;
            return;
        }

        if (_count == 1)
        {
            _count = 2;
            if (_start == 0)
            {
                double diffP = high - _newHigh;
                double diffM = _newLow - low;
                bool minusDm = diffM > 0 && diffP < diffM;
                _isLong = !minusDm;
                if (_isLong)
                {
                    _ep = high;
                    _sar = _newLow;
                }
                else
                {
                    _ep = low;
                    _sar = _newHigh;
                }
            }
            else if (_start > 0)
            {
                _isLong = true;
                _ep = high;
                _sar = _start;
            }
            else
            {
                _isLong = false;
                _ep = low;
                _sar = Math.Abs(_start);
            }

            // On the first step TA-Lib's "previous" bar is the current one.
            _newHigh = high;
            _newLow = low;
        }

        double prevLow = _newLow, prevHigh = _newHigh;
        _newLow = low;
        _newHigh = high;
        if (_isLong)
        {
            if (_newLow <= _sar)
            {
                _isLong = false;
                _sar = Math.Max(Math.Max(_ep, prevHigh), _newHigh);
                if (_offset != 0.0)
                {
                    _sar += _sar * _offset;
                }

                output[0] = _signed ? -_sar : _sar;
                _afShort = _initShort;
                _ep = _newLow;
                _sar += _afShort * (_ep - _sar);
                _sar = Math.Max(Math.Max(_sar, prevHigh), _newHigh);
            }
            else
            {
                output[0] = _sar;
                if (_newHigh > _ep)
                {
                    _ep = _newHigh;
                    _afLong = Math.Min(_afLong + _stepLong, _maxLong);
                }

                _sar += _afLong * (_ep - _sar);
                _sar = Math.Min(Math.Min(_sar, prevLow), _newLow);
            }
        }
        else
        {
            if (_newHigh >= _sar)
            {
                _isLong = true;
                _sar = Math.Min(Math.Min(_ep, prevLow), _newLow);
                if (_offset != 0.0)
                {
                    _sar -= _sar * _offset;
                }

                output[0] = _sar;
                _afLong = _initLong;
                _ep = _newHigh;
                _sar += _afLong * (_ep - _sar);
                _sar = Math.Min(Math.Min(_sar, prevLow), _newLow);
            }
            else
            {
                output[0] = _signed ? -_sar : _sar;
                if (_newLow < _ep)
                {
                    _ep = _newLow;
                    _afShort = Math.Min(_afShort + _stepShort, _maxShort);
                }

                _sar += _afShort * (_ep - _sar);
                _sar = Math.Max(Math.Max(_sar, prevHigh), _newHigh);
            }
        }
    }
}

/// <summary>Parabolic SAR (TA-Lib SAR): acceleration 0.02 stepping by 0.02 to 0.2.</summary>
public static class Sar
{
    /// <summary>Warm-up bars: 1.</summary>
    public const int Lookback = 1;

    /// <summary>Computes the parabolic SAR (TA-Lib SAR) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, double acceleration, double maximum, Span<double> dst)
    {
        var core = new ParabolicSar(0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum, signed: false);
        Runner.Bars(ref core, Lookback, new OhlcvInput(default, high, low, default, default), PriceInputs.HighLow, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("sar", "SAR", IndicatorCategory.Overlap, "Parabolic SAR", PriceInputs.HighLow,
            [Meta.Real("acceleration", 0.02, 0, 3e37, "Acceleration factor initial value and step"), Meta.Real("maximum", 0.2, 0, 3e37, "Acceleration factor maximum")],
            ["sar"], Meta.TaLib),
        _ => Lookback,
        p => new ParabolicSar(0, 0, p[0], p[0], p[1], p[0], p[0], p[1], signed: false));
}

/// <summary>Parabolic SAR, extended (TA-Lib SAREXT): separate long/short accelerations, start value, reversal offset; negative while short.</summary>
public static class SarExt
{
    /// <summary>Warm-up bars: 1.</summary>
    public const int Lookback = 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("sarext", "SAREXT", IndicatorCategory.Overlap, "Parabolic SAR, extended (negative while short)", PriceInputs.HighLow,
            [
                Meta.Real("start_value", 0, -3e37, 3e37, "Start value and direction: 0 auto, > 0 long, < 0 short"),
                Meta.Real("offset_on_reverse", 0, 0, 3e37, "Fraction added to (short) or removed from (long) the SAR on a reversal"),
                Meta.Real("af_init_long", 0.02, 0, 3e37, "Initial acceleration, long"),
                Meta.Real("af_long", 0.02, 0, 3e37, "Acceleration step, long"),
                Meta.Real("af_max_long", 0.2, 0, 3e37, "Maximum acceleration, long"),
                Meta.Real("af_init_short", 0.02, 0, 3e37, "Initial acceleration, short"),
                Meta.Real("af_short", 0.02, 0, 3e37, "Acceleration step, short"),
                Meta.Real("af_max_short", 0.2, 0, 3e37, "Maximum acceleration, short"),
            ],
            ["sarext"], Meta.TaLib),
        _ => Lookback,
        p => new ParabolicSar(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], signed: true));
}
