namespace AlphaTrade.Analytics.Metrics;

/// <summary>Allocation-free numeric kernels over spans used by the metrics.</summary>
public static class ReturnMath
{
    /// <summary>Writes r[i] = v[i+1] / v[i] − 1 for i in [0, n−1) into <paramref name="destination"/>.</summary>
    public static void SimpleReturns(ReadOnlySpan<double> values, Span<double> destination)
    {
        int n = values.Length - 1;
        if (n < 0)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, n, nameof(destination));
        for (int i = 0; i < n; i++)
        {
            destination[i] = (values[i + 1] / values[i]) - 1.0;
        }
    }

    /// <summary>Arithmetic mean (NaN when empty).</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
        }

        return s / x.Length;
    }

    /// <summary>Standard deviation with <paramref name="ddof"/> delta degrees of freedom (NaN when n ≤ ddof); two-pass.</summary>
    public static double StdDev(ReadOnlySpan<double> x, int ddof = 1)
    {
        if (x.Length <= ddof)
        {
            return double.NaN;
        }

        double m = Mean(x);
        double ss = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - m;
            ss += d * d;
        }

        return Math.Sqrt(ss / (x.Length - ddof));
    }

    /// <summary>
    /// Quantile <paramref name="q"/> (0..1) with linear interpolation between order statistics (numpy's default
    /// "linear" method). Reorders <paramref name="scratch"/>; O(n) expected.
    /// </summary>
    public static double Quantile(Span<double> scratch, double q)
    {
        int n = scratch.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        double h = (n - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= n - 1)
        {
            return Select(scratch, n - 1);
        }

        double a = Select(scratch, lo);
        double b = Min(scratch[(lo + 1)..]);
        return a + ((h - lo) * (b - a));
    }

    /// <summary>
    /// Mean of the k+1 smallest values where k = ⌊(n−1)·<paramref name="cutoff"/>⌋ — empyrical's conditional value at risk.
    /// Reorders <paramref name="scratch"/>.
    /// </summary>
    public static double LowerTailMean(Span<double> scratch, double cutoff)
    {
        if (scratch.IsEmpty)
        {
            return double.NaN;
        }

        int k = (int)((scratch.Length - 1) * cutoff);
        Select(scratch, k);
        return Mean(scratch[..(k + 1)]);
    }

    /// <summary>
    /// Rearranges <paramref name="x"/> so that x[k] holds the k-th smallest value, smaller-or-equal values lie before it and
    /// greater-or-equal values after it; returns x[k]. Deterministic quickselect with median-of-three pivots.
    /// </summary>
    public static double Select(Span<double> x, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)k, (uint)x.Length, nameof(k));
        int left = 0, right = x.Length - 1;
        while (right > left)
        {
            if (right - left < 16)
            {
                InsertionSort(x.Slice(left, right - left + 1));
                break;
            }

            int mid = left + ((right - left) / 2);
            if (x[mid] < x[left])
            {
                (x[mid], x[left]) = (x[left], x[mid]);
            }

            if (x[right] < x[left])
            {
                (x[right], x[left]) = (x[left], x[right]);
            }

            if (x[right] < x[mid])
            {
                (x[right], x[mid]) = (x[mid], x[right]);
            }

            double pivot = x[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (x[i] < pivot)
                {
                    i++;
                }

                while (x[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (x[i], x[j]) = (x[j], x[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return x[k];
    }

    /// <summary>Smallest value (NaN when empty).</summary>
    public static double Min(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] < m)
            {
                m = x[i];
            }
        }

        return m;
    }

    /// <summary>Largest value (NaN when empty).</summary>
    public static double Max(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double m = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
            {
                m = x[i];
            }
        }

        return m;
    }

    private static void InsertionSort(Span<double> x)
    {
        for (int i = 1; i < x.Length; i++)
        {
            double v = x[i];
            int j = i - 1;
            while (j >= 0 && x[j] > v)
            {
                x[j + 1] = x[j];
                j--;
            }

            x[j + 1] = v;
        }
    }
}
