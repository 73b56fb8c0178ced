using System.Runtime.CompilerServices;

namespace AlphaTrade.Indicators.Cycle;

// Building blocks of Ehlers' Hilbert-transform indicators ("Rocket Science for Traders") exactly as TA-Lib 0.6
// computes them: same state, same update order, same arithmetic, so results agree with TA-Lib to the last bit
// wherever the C library's sin/cos/atan and .NET's agree (they call the same libm on Linux).
// All state lives in fixed-size inline buffers: a core is a plain struct, allocation-free in both forms.

/// <summary>Three doubles inline (a Hilbert filter's odd or even taps).</summary>
[InlineArray(3)]
internal struct Inline3
{
    private double _e0;
}

/// <summary>Four doubles inline (the price smoother's last four prices).</summary>
[InlineArray(4)]
internal struct Inline4
{
    private double _e0;
}

/// <summary>Fifty doubles inline (TA-Lib's smoothPrice circular buffer).</summary>
[InlineArray(50)]
internal struct Inline50
{
    private double _e0;
}

/// <summary>Sixty-four doubles inline (the raw prices the trendline averages; its window never exceeds 50).</summary>
[InlineArray(64)]
internal struct Inline64
{
    private double _e0;
}

/// <summary>Constants shared by the family, computed as TA-Lib computes them.</summary>
internal static class HilbertConstants
{
    /// <summary>Hilbert filter coefficients.</summary>
    public const double A = 0.0962;

    /// <summary>Hilbert filter coefficients.</summary>
    public const double B = 0.5769;

    /// <summary>Degrees per radian, 45 / atan(1) (equal to TA-Lib's other spelling 180 / (4·atan(1)): ×4 is exact).</summary>
    public static readonly double Rad2Deg = 45.0 / Math.Atan(1);

    /// <summary>Radians per degree, 1 / <see cref="Rad2Deg"/>.</summary>
    public static readonly double Deg2Rad = 1.0 / Rad2Deg;

    /// <summary>2π as TA-Lib writes it, atan(1)·8.</summary>
    public static readonly double TwoPi = Math.Atan(1) * 8.0;

    // sin/cos of (i·2π)/n for every window n ≤ 50 and i < n, flattened at offset n(n−1)/2: the dominant-cycle
    // phase needs up to 50 of each per bar, and a table evaluated with TA-Lib's expression gives the same bits.
    private static readonly double[] SinTable = BuildTable(Math.Sin);
    private static readonly double[] CosTable = BuildTable(Math.Cos);

    /// <summary>sin((i·2π)/n), TA-Lib's expression, for 0 ≤ i &lt; n ≤ 50.</summary>
    public static double Sin(int n, int i) => SinTable[(n * (n - 1) / 2) + i];

    /// <summary>cos((i·2π)/n), TA-Lib's expression, for 0 ≤ i &lt; n ≤ 50.</summary>
    public static double Cos(int n, int i) => CosTable[(n * (n - 1) / 2) + i];

    private static double[] BuildTable(Func<double, double> f)
    {
        var table = new double[50 * 51 / 2];
        for (int n = 1; n <= 50; n++)
        {
            for (int i = 0; i < n; i++)
            {
                table[(n * (n - 1) / 2) + i] = f(((double)i * TwoPi) / (double)n);
            }
        }

        return table;
    }
}

/// <summary>
/// Ehlers' price smoother, a 4-3-2-1 weighted average over four bars, updated incrementally the way TA-Lib's
/// DO_PRICE_WMA macro does (running sum and running sub-sum, then ×0.1).
/// </summary>
internal struct PriceSmoother
{
    private Inline4 _prices;
    private double _sub;
    private double _sum;
    private double _trailing;
    private int _count;

    /// <summary>Feeds a price; false while priming (three bars), else true with the smoothed value.</summary>
    public bool Next(double price, out double smoothed)
    {
        int n = _count++;
        _prices[n & 3] = price;
        smoothed = 0;
        switch (n)
        {
            case 0:
                _sub = price;
                _sum = price;
                return false;
            case 1:
                _sub += price;
                _sum += price * 2.0;
                return false;
            case 2:
                _sub += price;
                _sum += price * 3.0;
                return false;
        }

        _sub += price;
        _sub -= _trailing;
        _sum += price * 4.0;
        _trailing = _prices[(n - 3) & 3];
        smoothed = _sum * 0.1;
        _sum -= _sub;
        return true;
    }
}

/// <summary>
/// One of the four Hilbert FIR filters (detrender, Q1, jI, jQ). TA-Lib keeps separate taps for odd and even bars
/// and rotates the tap index only on even bars; this mirrors DO_HILBERT_TRANSFORM.
/// </summary>
internal struct HilbertFilter
{
    private Inline3 _odd;
    private Inline3 _even;
    private double _prevOdd;
    private double _prevEven;
    private double _prevInputOdd;
    private double _prevInputEven;

    /// <summary>Latest output.</summary>
    public double Value;

    public void Even(double input, int tap, double adjustedPrevPeriod) =>
        Value = Transform(input, ref _even[tap], ref _prevEven, ref _prevInputEven, adjustedPrevPeriod);

    public void Odd(double input, int tap, double adjustedPrevPeriod) =>
        Value = Transform(input, ref _odd[tap], ref _prevOdd, ref _prevInputOdd, adjustedPrevPeriod);

    private static double Transform(double input, ref double tapValue, ref double prev, ref double prevInput, double adjustedPrevPeriod)
    {
        double scaled = HilbertConstants.A * input;
        double value = -tapValue;
        tapValue = scaled;
        value += scaled;
        value -= prev;
        prev = HilbertConstants.B * prevInput;
        value += prev;
        prevInput = input;
        value *= adjustedPrevPeriod;
        return value;
    }
}

/// <summary>
/// The homodyne discriminator every member of the family runs: smoothed price → detrender → in-phase and
/// quadrature components → phasor → measured period, limited and smoothed as TA-Lib does.
/// </summary>
internal struct HilbertCycle
{
    private HilbertFilter _detrender;
    private HilbertFilter _q1;
    private HilbertFilter _jI;
    private HilbertFilter _jQ;
    private int _tap;
    private double _prevI2;
    private double _prevQ2;
    private double _re;
    private double _im;
    private double _i1OddPrev2;
    private double _i1OddPrev3;
    private double _i1EvenPrev2;
    private double _i1EvenPrev3;

    /// <summary>Measured period (TA-Lib's <c>period</c>).</summary>
    public double Period;

    /// <summary>Smoothed period, the dominant cycle period (TA-Lib's <c>smoothPeriod</c>).</summary>
    public double SmoothPeriod;

    /// <summary>In-phase component of this bar (TA-Lib's I1 three bars back of the same parity).</summary>
    public double InPhase;

    /// <summary>Quadrature component of this bar (TA-Lib's Q1).</summary>
    public double Quadrature;

    /// <summary>Processes one smoothed price; <paramref name="even"/> is the parity of the bar index.</summary>
    public void Step(double smoothed, bool even)
    {
        double adjustedPrevPeriod = (0.075 * Period) + 0.54;
        double q2, i2;
        if (even)
        {
            _detrender.Even(smoothed, _tap, adjustedPrevPeriod);
            _q1.Even(_detrender.Value, _tap, adjustedPrevPeriod);
            _jI.Even(_i1EvenPrev3, _tap, adjustedPrevPeriod);
            _jQ.Even(_q1.Value, _tap, adjustedPrevPeriod);
            if (++_tap == 3)
            {
                _tap = 0;
            }

            q2 = (0.2 * (_q1.Value + _jI.Value)) + (0.8 * _prevQ2);
            i2 = (0.2 * (_i1EvenPrev3 - _jQ.Value)) + (0.8 * _prevI2);
            InPhase = _i1EvenPrev3;
            _i1OddPrev3 = _i1OddPrev2;
            _i1OddPrev2 = _detrender.Value;
        }
        else
        {
            _detrender.Odd(smoothed, _tap, adjustedPrevPeriod);
            _q1.Odd(_detrender.Value, _tap, adjustedPrevPeriod);
            _jI.Odd(_i1OddPrev3, _tap, adjustedPrevPeriod);
            _jQ.Odd(_q1.Value, _tap, adjustedPrevPeriod);
            q2 = (0.2 * (_q1.Value + _jI.Value)) + (0.8 * _prevQ2);
            i2 = (0.2 * (_i1OddPrev3 - _jQ.Value)) + (0.8 * _prevI2);
            InPhase = _i1OddPrev3;
            _i1EvenPrev3 = _i1EvenPrev2;
            _i1EvenPrev2 = _detrender.Value;
        }

        Quadrature = _q1.Value;
        _re = (0.2 * ((i2 * _prevI2) + (q2 * _prevQ2))) + (0.8 * _re);
        _im = (0.2 * ((i2 * _prevQ2) - (q2 * _prevI2))) + (0.8 * _im);
        _prevQ2 = q2;
        _prevI2 = i2;

        double previous = Period;
        if (_im != 0.0 && _re != 0.0)
        {
            Period = 360.0 / (Math.Atan(_im / _re) * HilbertConstants.Rad2Deg);
        }

        double limit = 1.5 * previous;
        if (Period > limit)
        {
            Period = limit;
        }

        limit = 0.67 * previous;
        if (Period < limit)
        {
            Period = limit;
        }

        if (Period < 6)
        {
            Period = 6;
        }
        else if (Period > 50)
        {
            Period = 50;
        }

        Period = (0.2 * Period) + (0.8 * previous);
        SmoothPeriod = (0.33 * Period) + (0.67 * SmoothPeriod);
    }
}

/// <summary>
/// Smoother plus discriminator plus TA-Lib's warm-up schedule: three priming bars, then <c>warmBars</c> bars that
/// only feed the smoother (9 for the lookback-32 functions, 34 for the lookback-63 ones), then full steps. The bar
/// index's parity (from the start of the series or segment) selects the odd or even filter taps, as in TA-Lib.
/// </summary>
internal struct HilbertDriver
{
    private PriceSmoother _smoother;
    private int _bar;

    /// <summary>The discriminator's state after the last full step.</summary>
    public HilbertCycle Cycle;

    /// <summary>Feeds a price; true when a full step ran (then <paramref name="smoothed"/> is this bar's smoothed price).</summary>
    public bool Next(double price, int warmBars, out double smoothed)
    {
        int bar = _bar++;
        if (!_smoother.Next(price, out smoothed) || bar < 3 + warmBars)
        {
            return false;
        }

        Cycle.Step(smoothed, (bar & 1) == 0);
        return true;
    }
}

/// <summary>
/// The dominant cycle phase (HT_DCPHASE, HT_SINE, HT_TRENDMODE): a one-cycle DFT of the last smoothed prices,
/// kept in TA-Lib's 50-slot circular buffer, turned into degrees with TA-Lib's quadrant corrections.
/// </summary>
internal struct DominantCyclePhase
{
    private const int Size = 50;
    private Inline50 _smoothPrice;
    private int _idx;

    /// <summary>Phase in degrees, in (−45, 315].</summary>
    public double Phase;

    /// <summary>Stores this bar's smoothed price and updates <see cref="Phase"/> for the given dominant cycle period.</summary>
    public void Update(double smoothed, double smoothPeriod)
    {
        _smoothPrice[_idx] = smoothed;
        int n = (int)(smoothPeriod + 0.5);
        double realPart = 0.0, imagPart = 0.0;
        int idx = _idx;
        for (int i = 0; i < n; i++)
        {
            double v = _smoothPrice[idx];
            realPart += HilbertConstants.Sin(n, i) * v;
            imagPart += HilbertConstants.Cos(n, i) * v;
            idx = idx == 0 ? Size - 1 : idx - 1;
        }

        double magnitude = Math.Abs(imagPart);
        if (magnitude > 0.0)
        {
            Phase = Math.Atan(realPart / imagPart) * HilbertConstants.Rad2Deg;
        }
        else if (magnitude <= 0.01)
        {
            if (realPart < 0.0)
            {
                Phase -= 90.0;
            }
            else if (realPart > 0.0)
            {
                Phase += 90.0;
            }
        }

        Phase += 90.0;
        Phase += 360.0 / smoothPeriod;
        if (imagPart < 0.0)
        {
            Phase += 180.0;
        }

        if (Phase > 315.0)
        {
            Phase -= 360.0;
        }

        _idx = _idx == Size - 1 ? 0 : _idx + 1;
    }
}

/// <summary>
/// The instantaneous trendline (HT_TRENDLINE, HT_TRENDMODE): the mean of the raw prices over the dominant cycle,
/// then a 4-3-2-1 weighted average of the last four such means.
/// </summary>
internal struct InstantaneousTrendline
{
    private Inline64 _prices;
    private int _count;
    private double _iTrend1;
    private double _iTrend2;
    private double _iTrend3;

    /// <summary>Records a raw price (every bar, warm-up included: the window reaches back into it).</summary>
    public void Push(double price)
    {
        _prices[_count & 63] = price;
        _count++;
    }

    /// <summary>The trendline at the last pushed bar for the given dominant cycle period.</summary>
    public double Next(double smoothPeriod)
    {
        int n = (int)(smoothPeriod + 0.5);
        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            mean += _prices[(_count - 1 - i) & 63];
        }

        if (n > 0)
        {
            mean /= (double)n;
        }

        double line = ((4.0 * mean) + (3.0 * _iTrend1) + (2.0 * _iTrend2) + _iTrend3) / 10.0;
        _iTrend3 = _iTrend2;
        _iTrend2 = _iTrend1;
        _iTrend1 = mean;
        return line;
    }
}
