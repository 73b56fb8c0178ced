namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Several quantiles of one buffer without sorting it: each selection only partitions the stretch between the order
/// statistics already fixed, so the median, 1st, 5th and 95th percentiles together cost about two passes.
/// The buffer is reordered in place.
/// </summary>
internal ref struct OrderStatistics
{
    private readonly Span<double> _x;
    private readonly Span<int> _pinned;
    private int _pinnedCount;

    /// <summary>Wraps <paramref name="values"/>; <paramref name="pinStorage"/> holds the fixed ranks (one slot per quantile asked).</summary>
    public OrderStatistics(Span<double> values, Span<int> pinStorage)
    {
        _x = values;
        _pinned = pinStorage;
        _pinnedCount = 0;
    }

    /// <summary>Quantile <paramref name="q"/> with linear interpolation (numpy's default method).</summary>
    public double Quantile(double q)
    {
        int n = _x.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        double h = (n - 1) * q;
        int k = Math.Min((int)Math.Floor(h), n - 1);
        double a = Rank(k, out int hi);
        if (k == n - 1 || h == k)
        {
            return a;
        }

        // The (k+1)-th value is the smallest in (k, hi], where hi is the next fixed rank (or the end).
        double b = ReturnMath.Min(_x.Slice(k + 1, Math.Min(hi, n - 1) - k));
        return a + ((h - k) * (b - a));
    }

    /// <summary>Mean of the k+1 smallest values, k = ⌊(n−1)·cutoff⌋ (empyrical's conditional value at risk).</summary>
    public double LowerTailMean(double cutoff)
    {
        if (_x.IsEmpty)
        {
            return double.NaN;
        }

        int k = (int)((_x.Length - 1) * cutoff);
        Rank(k, out _);
        return ReturnMath.Mean(_x[..(k + 1)]);
    }

    /// <summary>Fixes rank <paramref name="k"/> and returns its value; <paramref name="hi"/> is the next fixed rank above (or n).</summary>
    private double Rank(int k, out int hi)
    {
        int lo = 0;
        hi = _x.Length;
        for (int i = 0; i < _pinnedCount; i++)
        {
            int p = _pinned[i];
            if (p == k)
            {
                hi = NextAbove(k);
                return _x[k];
            }

            if (p < k && p + 1 > lo)
            {
                lo = p + 1;
            }
            else if (p > k && p < hi)
            {
                hi = p;
            }
        }

        ReturnMath.Select(_x[lo..hi], k - lo);
        if (_pinnedCount < _pinned.Length)
        {
            _pinned[_pinnedCount++] = k;
        }

        return _x[k];
    }

    private readonly int NextAbove(int k)
    {
        int hi = _x.Length;
        for (int i = 0; i < _pinnedCount; i++)
        {
            if (_pinned[i] > k && _pinned[i] < hi)
            {
                hi = _pinned[i];
            }
        }

        return hi;
    }
}
