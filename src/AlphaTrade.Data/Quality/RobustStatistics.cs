namespace AlphaTrade.Data.Quality;

/// <summary>Median and MAD by quickselect: linear time, no allocation, deterministic.</summary>
internal static class RobustStatistics
{
    /// <summary>MAD × 1.4826 estimates the standard deviation of normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>
    /// Median of <paramref name="values"/> and 1.4826 × MAD. Reorders <paramref name="values"/> and overwrites it with
    /// absolute deviations. Both are NaN for an empty span.
    /// </summary>
    public static (double Median, double Scale) MedianAndScale(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        double median = Median(values);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return (median, MadToSigma * Median(values));
    }

    /// <summary>Median (mean of the two middle values for an even count). Reorders <paramref name="values"/>.</summary>
    public static double Median(Span<double> values)
    {
        int n = values.Length;
        int k = n / 2;
        double upper = Select(values, k);
        if ((n & 1) == 1)
        {
            return upper;
        }

        // After selecting k, everything left of it is ≤ it: the lower middle is the largest of those.
        double lower = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            lower = Math.Max(lower, values[i]);
        }

        return (lower + upper) / 2;
    }

    /// <summary>Hoare quickselect with a median-of-three pivot: places the k-th smallest at k and returns it.</summary>
    private static double Select(Span<double> v, int k)
    {
        int lo = 0, hi = v.Length - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (v[mid] < v[lo])
            {
                (v[mid], v[lo]) = (v[lo], v[mid]);
            }

            if (v[hi] < v[lo])
            {
                (v[hi], v[lo]) = (v[lo], v[hi]);
            }

            if (v[hi] < v[mid])
            {
                (v[hi], v[mid]) = (v[mid], v[hi]);
            }

            double pivot = v[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (v[i] < pivot)
                {
                    i++;
                }

                while (v[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (v[i], v[j]) = (v[j], v[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return v[k];
    }
}
