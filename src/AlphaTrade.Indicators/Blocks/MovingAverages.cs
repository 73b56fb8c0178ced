namespace AlphaTrade.Indicators.Blocks;

/// <summary>TA-Lib's moving-average types (MAType).</summary>
public enum MaType
{
    /// <summary>Simple.</summary>
    Sma = 0,

    /// <summary>Exponential (SMA-seeded).</summary>
    Ema = 1,

    /// <summary>Linearly weighted.</summary>
    Wma = 2,

    /// <summary>Double exponential.</summary>
    Dema = 3,

    /// <summary>Triple exponential.</summary>
    Tema = 4,

    /// <summary>Triangular.</summary>
    Trima = 5,

    /// <summary>Kaufman adaptive.</summary>
    Kama = 6,

    /// <summary>MESA adaptive (Hilbert transform).</summary>
    Mama = 7,

    /// <summary>Tillson T3 with volume factor 0.7.</summary>
    T3 = 8,
}

/// <summary>
/// A moving average as a building block, one value in, one value out, of any TA-Lib MA type. Composite indicators
/// (BBANDS, STOCH, MACDEXT, APO/PPO, ...) hold one per smoothing. <see cref="Lookback"/> is TA-Lib's; values
/// returned before it are undefined.
/// </summary>
internal abstract class MaBlock
{
    public abstract int Lookback { get; }

    public abstract double Update(double x);

    public abstract void Reset();

    /// <summary>Lookback of TA-Lib's MA for a type and period (period 1 copies the input for every type).</summary>
    public static int LookbackOf(MaType type, int period)
    {
        if (period == 1)
        {
            return 0;
        }

        return type switch
        {
            MaType.Sma or MaType.Ema or MaType.Wma or MaType.Trima => period - 1,
            MaType.Dema => 2 * (period - 1),
            MaType.Tema => 3 * (period - 1),
            MaType.Kama => period,
            MaType.Mama => 32,
            MaType.T3 => 6 * (period - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Creates TA-Lib's MA of <paramref name="type"/> (period 1: the identity, as in TA-Lib's MA).</summary>
    public static MaBlock Create(MaType type, int period)
    {
        if (period == 1)
        {
            return new Identity();
        }

        return type switch
        {
            MaType.Sma => new SmaBlock(period),
            MaType.Ema => new EmaBlock(period),
            MaType.Wma => new WmaBlock(period),
            MaType.Dema => new DemaBlock(period),
            MaType.Tema => new TemaBlock(period),
            MaType.Trima => new TrimaBlock(period),
            MaType.Kama => new KamaBlock(period),
            MaType.T3 => new T3Block(period, 0.7),
            MaType.Mama => CreateMama?.Invoke() ?? throw new NotSupportedException("MA type 7 (MAMA) needs the Hilbert-transform family."),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Factory for MAMA as an MA type (set by the Hilbert-transform family when present).</summary>
    internal static Func<MaBlock>? CreateMama { get; set; }

    /// <summary>Creates from a parameter value.</summary>
    public static MaBlock Create(double type, int period) => Create((MaType)(int)type, period);

    private sealed class Identity : MaBlock
    {
        public override int Lookback => 0;

        public override double Update(double x) => x;

        public override void Reset()
        {
        }
    }
}

/// <summary>SMA block (TA-Lib running-sum order).</summary>
internal sealed class SmaBlock(int period) : MaBlock
{
    private TrailingSum _sum = new(period);

    public override int Lookback => period - 1;

    public override double Update(double x) => _sum.Add(x) / period;

    public override void Reset() => _sum.Reset();
}

/// <summary>EMA block.</summary>
internal sealed class EmaBlock(int period) : MaBlock
{
    private EmaState _ema = new(period);

    public override int Lookback => period - 1;

    public override double Update(double x) => _ema.Update(x);

    public override void Reset() => _ema.Reset();
}

/// <summary>WMA block: weights 1..period, newest heaviest, in TA-Lib's incremental form.</summary>
internal sealed class WmaBlock(int period) : MaBlock
{
    private readonly double _divider = (period * (period + 1)) >> 1;
    private Window _window = new(period);
    private double _periodSum;
    private double _periodSub;
    private int _count;

    public override int Lookback => period - 1;

    public override double Update(double x)
    {
        double trailing = _window.Count == period ? _window.Oldest : 0.0;
        _window.Push(x);
        if (_count < period - 1)
        {
            _count++;
            _periodSub += x;
            _periodSum += x * _count;
            return double.NaN;
        }

        _periodSub += x;
        _periodSub -= trailing;
        _periodSum += x * period;
        double result = _periodSum / _divider;
        _periodSum -= _periodSub;
        return result;
    }

    public override void Reset()
    {
        _window.Clear();
        _periodSum = _periodSub = 0;
        _count = 0;
    }
}

/// <summary>DEMA block: 2·EMA − EMA(EMA).</summary>
internal sealed class DemaBlock(int period) : MaBlock
{
    private EmaState _e1 = new(period);
    private EmaState _e2 = new(period);

    public override int Lookback => 2 * (period - 1);

    public override double Update(double x)
    {
        double e1 = _e1.Update(x);
        if (!_e1.IsReady)
        {
            return double.NaN;
        }

        double e2 = _e2.Update(e1);
        return (2.0 * e1) - e2;
    }

    public override void Reset()
    {
        _e1.Reset();
        _e2.Reset();
    }
}

/// <summary>TEMA block: 3·EMA − 3·EMA² + EMA³.</summary>
internal sealed class TemaBlock(int period) : MaBlock
{
    private EmaState _e1 = new(period);
    private EmaState _e2 = new(period);
    private EmaState _e3 = new(period);

    public override int Lookback => 3 * (period - 1);

    public override double Update(double x)
    {
        double e1 = _e1.Update(x);
        if (!_e1.IsReady)
        {
            return double.NaN;
        }

        double e2 = _e2.Update(e1);
        if (!_e2.IsReady)
        {
            return double.NaN;
        }

        double e3 = _e3.Update(e2);
        return e3 + ((3.0 * e1) - (3.0 * e2));
    }

    public override void Reset()
    {
        _e1.Reset();
        _e2.Reset();
        _e3.Reset();
    }
}

/// <summary>
/// TRIMA block: triangular weights, computed as an SMA of an SMA (odd period n: both of (n+1)/2; even n: n/2
/// then n/2+1), which gives exactly TA-Lib's weights and lookback period − 1.
/// </summary>
internal sealed class TrimaBlock : MaBlock
{
    private readonly int _period;
    private readonly SmaBlock _first;
    private readonly SmaBlock _second;
    private readonly int _firstLookback;
    private int _count;

    public TrimaBlock(int period)
    {
        _period = period;
        int a = (period % 2 == 1) ? (period + 1) / 2 : period / 2;
        int b = (period % 2 == 1) ? a : a + 1;
        _first = new SmaBlock(a);
        _second = new SmaBlock(b);
        _firstLookback = a - 1;
    }

    public override int Lookback => _period - 1;

    public override double Update(double x)
    {
        double s = _first.Update(x);
        if (_count < _firstLookback)
        {
            _count++;
            return double.NaN;
        }

        return _second.Update(s);
    }

    public override void Reset()
    {
        _first.Reset();
        _second.Reset();
        _count = 0;
    }
}

/// <summary>
/// KAMA block (Kaufman): efficiency ratio over <c>period</c> bars scales a smoothing constant between 2/(2+1) and
/// 2/(30+1), squared; seeded at the previous input, in TA-Lib's order (including its signed ratio test).
/// </summary>
internal sealed class KamaBlock(int period) : MaBlock
{
    private const double ConstMax = 2.0 / (30.0 + 1.0);
    private const double ConstDiff = (2.0 / (2.0 + 1.0)) - ConstMax;
    private Window _values = new(period + 1);
    private Window _diffs = new(period);
    private double _sumRoc;
    private double _kama;
    private int _count;

    public override int Lookback => period;

    public override double Update(double x)
    {
        double prev = _values.Count > 0 ? _values.Ago(0) : double.NaN;
        double trailingDiff = _diffs.IsFull ? _diffs.Oldest : 0;
        _values.Push(x);
        _count++;
        if (_count == 1)
        {
            return double.NaN;
        }

        double d = Math.Abs(prev - x);
        _diffs.Push(d);
        if (_count <= period)
        {
            _sumRoc += d;
            return double.NaN;
        }

        double periodRoc = x - _values.Ago(period);
        if (_count == period + 1)
        {
            _sumRoc += d;
            _kama = prev;
        }
        else
        {
            _sumRoc -= trailingDiff;
            _sumRoc += d;
        }

        double er = (_sumRoc <= periodRoc || Math.Abs(_sumRoc) < 1e-14) ? 1.0 : Math.Abs(periodRoc / _sumRoc);
        double sc = (er * ConstDiff) + ConstMax;
        sc *= sc;
        return _kama = ((x - _kama) * sc) + _kama;
    }

    public override void Reset()
    {
        _values.Clear();
        _diffs.Clear();
        _sumRoc = _kama = 0;
        _count = 0;
    }
}

/// <summary>
/// Tillson T3: six chained EMAs (k·x + (1−k)·e form, each seeded with the mean of its first <c>period</c> inputs)
/// combined with the volume factor's binomial weights, as TA-Lib computes it.
/// </summary>
internal sealed class T3Block : MaBlock
{
    private readonly int _period;
    private readonly double _k;
    private readonly double _oneMinusK;
    private readonly double _c1;
    private readonly double _c2;
    private readonly double _c3;
    private readonly double _c4;
    private readonly double[] _e = new double[6];
    private readonly double[] _sum = new double[6];
    private readonly int[] _n = new int[6];

    public T3Block(int period, double vFactor)
    {
        _period = period;
        _k = 2.0 / (period + 1.0);
        _oneMinusK = 1.0 - _k;
        double t = vFactor * vFactor;
        _c1 = -(t * vFactor);
        _c2 = 3.0 * (t - _c1);
        _c3 = (-6.0 * t) - (3.0 * (vFactor - _c1));
        _c4 = 1.0 + (3.0 * vFactor) - _c1 + (3.0 * t);
    }

    public override int Lookback => 6 * (_period - 1);

    public override double Update(double x)
    {
        double v = x;
        for (int s = 0; s < 6; s++)
        {
            if (_n[s] < _period)
            {
                // Seeding stage s: the first value seeds the sum; TA-Lib averages the stage's first period inputs.
                _sum[s] += v;
                if (++_n[s] < _period)
                {
                    return double.NaN;
                }

                _e[s] = _sum[s] / _period;
                v = _e[s];
                if (s < 5)
                {
                    // The seed is also the first input of the next stage.
                    continue;
                }

                break;
            }

            _e[s] = (_k * v) + (_oneMinusK * _e[s]);
            v = _e[s];
        }

        return (_c1 * _e[5]) + (_c2 * _e[4]) + (_c3 * _e[3]) + (_c4 * _e[2]);
    }

    public override void Reset()
    {
        Array.Clear(_e);
        Array.Clear(_sum);
        Array.Clear(_n);
    }
}
