namespace AlphaTrade.Features.Rolling;

/// <summary>
/// Rolling least-squares statistics of pairs (x, y) over the last <c>capacity</c> pushes; a pair counts only when both
/// values are finite. Gives covariance, correlation, the slope of y on x (beta) and the intercept. Running sums are
/// recomputed exactly every <c>capacity</c> pushes.
/// </summary>
internal sealed class RollingCovariance
{
    private readonly double[] _x;
    private readonly double[] _y;
    private int _next;
    private long _pushes;
    private int _untilRecompute;
    private double _sx;
    private double _sy;
    private double _sxx;
    private double _syy;
    private double _sxy;
    private int _n;

    public RollingCovariance(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _x = new double[capacity];
        _y = new double[capacity];
        Array.Fill(_x, double.NaN);
        Array.Fill(_y, double.NaN);
        _untilRecompute = capacity;
    }

    public int Capacity => _x.Length;

    /// <summary>Valid pairs in the window.</summary>
    public int Count => _n;

    public long Pushes => _pushes;

    /// <summary>Mean of x over the valid pairs.</summary>
    public double MeanX => _n > 0 ? _sx / _n : double.NaN;

    /// <summary>Mean of y over the valid pairs.</summary>
    public double MeanY => _n > 0 ? _sy / _n : double.NaN;

    /// <summary>Mean of |x| is not tracked; this is the sum of x over the valid pairs.</summary>
    public double SumX => _sx;

    private double Sxx => _sxx - (_sx * _sx / _n);

    private double Syy => _syy - (_sy * _sy / _n);

    private double Sxy => _sxy - (_sx * _sy / _n);

    /// <summary>Sample covariance (n − 1).</summary>
    public double Covariance => _n >= 2 ? Sxy / (_n - 1) : double.NaN;

    /// <summary>Sample variance of x (n − 1).</summary>
    public double VarianceX => _n >= 2 ? Math.Max(Sxx, 0) / (_n - 1) : double.NaN;

    /// <summary>Sample variance of y (n − 1).</summary>
    public double VarianceY => _n >= 2 ? Math.Max(Syy, 0) / (_n - 1) : double.NaN;

    /// <summary>Pearson correlation, NaN when either variance is zero.</summary>
    public double Correlation
    {
        get
        {
            if (_n < 2)
            {
                return double.NaN;
            }

            double sxx = Sxx, syy = Syy;
            if (sxx <= 0 || syy <= 0)
            {
                return double.NaN;
            }

            double r = Sxy / Math.Sqrt(sxx * syy);
            return Math.Clamp(r, -1.0, 1.0);
        }
    }

    /// <summary>OLS slope of y on x (with intercept), NaN when x has no variance.</summary>
    public double Slope
    {
        get
        {
            if (_n < 2)
            {
                return double.NaN;
            }

            double sxx = Sxx;
            return sxx > 0 ? Sxy / sxx : double.NaN;
        }
    }

    /// <summary>OLS intercept of y on x.</summary>
    public double Intercept => MeanY - (Slope * MeanX);

    public void Push(double x, double y)
    {
        double ox = _x[_next], oy = _y[_next];
        if (double.IsFinite(ox) && double.IsFinite(oy))
        {
            _sx -= ox;
            _sy -= oy;
            _sxx -= ox * ox;
            _syy -= oy * oy;
            _sxy -= ox * oy;
            _n--;
        }

        _x[_next] = x;
        _y[_next] = y;
        if (double.IsFinite(x) && double.IsFinite(y))
        {
            _sx += x;
            _sy += y;
            _sxx += x * x;
            _syy += y * y;
            _sxy += x * y;
            _n++;
        }

        _next++;
        if (_next == _x.Length)
        {
            _next = 0;
        }

        _pushes++;
        if (--_untilRecompute == 0)
        {
            _untilRecompute = _x.Length;
            Recompute();
        }
    }

    private void Recompute()
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        foreach (int i in Order(_next, _x.Length))
        {
            double x = _x[i], y = _y[i];
            if (double.IsFinite(x) && double.IsFinite(y))
            {
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
                n++;
            }
        }

        (_sx, _sy, _sxx, _syy, _sxy, _n) = (sx, sy, sxx, syy, sxy, n);
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
