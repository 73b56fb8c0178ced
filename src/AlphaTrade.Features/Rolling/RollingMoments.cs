namespace AlphaTrade.Features.Rolling;

/// <summary>
/// Mean and variance of the finite values among the last <c>capacity</c> pushed, from running sums that are
/// recomputed exactly every <c>capacity</c> pushes (see <see cref="RollingSum"/>).
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _values;
    private int _next;
    private long _pushes;
    private int _untilRecompute;
    private double _sum;
    private double _sumSq;
    private int _count;

    public RollingMoments(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
        Array.Fill(_values, double.NaN);
        _untilRecompute = capacity;
    }

    public int Capacity => _values.Length;

    public int Count => _count;

    public long Pushes => _pushes;

    public double Sum => _sum;

    public double SumOfSquares => _sumSq;

    public double Mean => _count > 0 ? _sum / _count : double.NaN;

    /// <summary>Sample variance (n − 1 denominator), NaN with fewer than 2 values; never negative.</summary>
    public double Variance
    {
        get
        {
            if (_count < 2)
            {
                return double.NaN;
            }

            double v = (_sumSq - (_sum * _sum / _count)) / (_count - 1);
            return v > 0 ? v : 0;
        }
    }

    /// <summary>Sample standard deviation.</summary>
    public double StdDev => Math.Sqrt(Variance);

    /// <summary>(x − mean)/sd over the window, NaN when the sd is zero or undefined.</summary>
    public double ZScore(double x)
    {
        double sd = StdDev;
        return sd > 0 ? (x - Mean) / sd : double.NaN;
    }

    public void Push(double x)
    {
        double old = _values[_next];
        if (double.IsFinite(old))
        {
            _sum -= old;
            _sumSq -= old * old;
            _count--;
        }

        _values[_next] = x;
        if (double.IsFinite(x))
        {
            _sum += x;
            _sumSq += x * x;
            _count++;
        }

        _next++;
        if (_next == _values.Length)
        {
            _next = 0;
        }

        _pushes++;
        if (--_untilRecompute == 0)
        {
            _untilRecompute = _values.Length;
            Recompute();
        }
    }

    private void Recompute()
    {
        double s = 0, q = 0;
        int c = 0;
        foreach (int k in Order(_next, _values.Length))
        {
            double v = _values[k];
            if (double.IsFinite(v))
            {
                s += v;
                q += v * v;
                c++;
            }
        }

        _sum = s;
        _sumSq = q;
        _count = c;
    }

    /// <summary>Slot indices from the oldest to the newest (the order values were pushed in).</summary>
    private static IEnumerable<int> Order(int next, int length)
    {
        for (int i = next; i < length; i++)
        {
            yield return i;
        }

        for (int i = 0; i < next; i++)
        {
            yield return i;
        }
    }
}
