namespace AlphaTrade.Features.Rolling;

/// <summary>
/// Sum and count of the finite values among the last <c>capacity</c> pushed (NaN and infinities occupy a slot but
/// are not counted). The running sums are recomputed exactly from the window every <c>capacity</c> pushes, so
/// add-and-subtract rounding never accumulates; batch and streaming runs push the same values in the same order and
/// therefore agree bit for bit.
/// </summary>
internal sealed class RollingSum
{
    private readonly double[] _values;
    private int _next;
    private long _pushes;
    private int _untilRecompute;
    private double _sum;
    private int _count;

    public RollingSum(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
        Array.Fill(_values, double.NaN);
        _untilRecompute = capacity;
    }

    public int Capacity => _values.Length;

    /// <summary>Finite values in the window.</summary>
    public int Count => _count;

    /// <summary>Values pushed so far (valid or not).</summary>
    public long Pushes => _pushes;

    /// <summary>True once <see cref="Capacity"/> values were pushed.</summary>
    public bool IsFull => _pushes >= _values.Length;

    public double Sum => _sum;

    public double Mean => _count > 0 ? _sum / _count : double.NaN;

    /// <summary>The value pushed <paramref name="lag"/> pushes ago (0: the last one); NaN when not available.</summary>
    public double Lag(int lag)
    {
        if (lag < 0 || lag >= _values.Length || lag >= _pushes)
        {
            return double.NaN;
        }

        int i = _next - 1 - lag;
        if (i < 0)
        {
            i += _values.Length;
        }

        return _values[i];
    }

    public void Push(double x)
    {
        double old = _values[_next];
        if (double.IsFinite(old))
        {
            _sum -= old;
            _count--;
        }

        _values[_next] = x;
        if (double.IsFinite(x))
        {
            _sum += x;
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

    public void Reset()
    {
        Array.Fill(_values, double.NaN);
        _next = 0;
        _pushes = 0;
        _untilRecompute = _values.Length;
        _sum = 0;
        _count = 0;
    }

    private void Recompute()
    {
        double s = 0;
        int c = 0;
        foreach (int k in Order(_next, _values.Length))
        {
            double v = _values[k];
            if (double.IsFinite(v))
            {
                s += v;
                c++;
            }
        }

        _sum = s;
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
