using System.Buffers;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Exact quantiles and lower-tail means of a large sample without sorting it. One pass counts the values into 4096
/// equal-width bins between the minimum and maximum (the bin index is monotonic in the value, so bins are ordered); the
/// order statistics asked for are then found in a handful of bins, whose members are gathered in a second pass and sorted.
/// Small samples are simply copied and sorted. Both paths give the same order statistics.
/// </summary>
internal static class TailQuantiles
{
    private const int Bins = 4096;
    private const int SortBelow = 32_768;

    /// <summary>
    /// Writes the numpy-"linear" quantile of each <paramref name="quantiles"/> entry to <paramref name="quantileOut"/> and the
    /// mean of the ⌊(n−1)·c⌋ + 1 smallest values for each <paramref name="tailCutoffs"/> entry to <paramref name="tailMeanOut"/>.
    /// <paramref name="min"/> and <paramref name="max"/> are the sample's extremes; <paramref name="scratch"/> has room for n values.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> x,
        double min,
        double max,
        ReadOnlySpan<double> quantiles,
        Span<double> quantileOut,
        ReadOnlySpan<double> tailCutoffs,
        Span<double> tailMeanOut,
        Span<double> scratch,
        bool forceHistogram = false)
    {
        int n = x.Length;
        if (n == 0)
        {
            quantileOut.Fill(double.NaN);
            tailMeanOut.Fill(double.NaN);
            return;
        }

        if (!(max > min))
        {
            quantileOut[..quantiles.Length].Fill(min);
            tailMeanOut[..tailCutoffs.Length].Fill(min);
            return;
        }

        if (n < SortBelow && !forceHistogram)
        {
            var s = scratch[..n];
            x.CopyTo(s);
            s.Sort();
            for (int i = 0; i < quantiles.Length; i++)
            {
                quantileOut[i] = Interpolate(s, quantiles[i]);
            }

            for (int i = 0; i < tailCutoffs.Length; i++)
            {
                int k = TailRank(n, tailCutoffs[i]);
                tailMeanOut[i] = ReturnMath.Mean(s[..(k + 1)]);
            }

            return;
        }

        var pool = ArrayPool<int>.Shared;
        int[] counts = pool.Rent(Bins + 1);
        double[] sums = ArrayPool<double>.Shared.Rent(Bins);
        try
        {
            Histogram(x, min, max, counts, sums, scratch, quantiles, quantileOut, tailCutoffs, tailMeanOut);
        }
        finally
        {
            pool.Return(counts);
            ArrayPool<double>.Shared.Return(sums);
        }
    }

    private static void Histogram(
        ReadOnlySpan<double> x, double min, double max, int[] countsArr, double[] sumsArr, Span<double> scratch,
        ReadOnlySpan<double> quantiles, Span<double> quantileOut, ReadOnlySpan<double> tailCutoffs, Span<double> tailMeanOut)
    {
        int n = x.Length;
        var counts = countsArr.AsSpan(0, Bins + 1);
        var sums = sumsArr.AsSpan(0, Bins);
        counts.Clear();
        sums.Clear();
        double scale = Bins / (max - min);
        for (int i = 0; i < n; i++)
        {
            int j = Math.Min((int)((x[i] - min) * scale), Bins - 1);
            counts[j]++;
            sums[j] += x[i];
        }

        // prefix[j] = number of values in bins < j (stored in place: counts[j] becomes the prefix, counts[Bins] = n).
        int acc = 0;
        var binSize = ArrayPool<int>.Shared.Rent(Bins);
        try
        {
            for (int j = 0; j < Bins; j++)
            {
                binSize[j] = counts[j];
                counts[j] = acc;
                acc += binSize[j];
            }

            counts[Bins] = acc;

            // The ranks needed and the bins that hold them.
            Span<int> ranks = stackalloc int[(quantiles.Length * 2) + tailCutoffs.Length];
            int r = 0;
            foreach (double q in quantiles)
            {
                double h = (n - 1) * q;
                int k = Math.Min((int)Math.Floor(h), n - 1);
                ranks[r++] = k;
                ranks[r++] = Math.Min(k + 1, n - 1);
            }

            foreach (double c in tailCutoffs)
            {
                ranks[r++] = TailRank(n, c);
            }

            Span<bool> needed = stackalloc bool[Bins];
            foreach (int k in ranks)
            {
                needed[BinOfRank(counts, k)] = true;
            }

            // Offsets of the needed bins inside the gathered buffer.
            Span<int> offset = stackalloc int[Bins];
            int m = 0;
            for (int j = 0; j < Bins; j++)
            {
                offset[j] = m;
                if (needed[j])
                {
                    m += binSize[j];
                }
            }

            var gathered = scratch[..m];
            int w = 0;
            for (int i = 0; i < n; i++)
            {
                int j = Math.Min((int)((x[i] - min) * scale), Bins - 1);
                if (needed[j])
                {
                    gathered[w++] = x[i];
                }
            }

            gathered.Sort();

            for (int i = 0; i < quantiles.Length; i++)
            {
                double h = (n - 1) * quantiles[i];
                int k = Math.Min((int)Math.Floor(h), n - 1);
                double a = Value(counts, offset, gathered, k);
                quantileOut[i] = k >= n - 1 || h == k ? a : a + ((h - k) * (Value(counts, offset, gathered, k + 1) - a));
            }

            for (int i = 0; i < tailCutoffs.Length; i++)
            {
                int k = TailRank(n, tailCutoffs[i]);
                int j = BinOfRank(counts, k);
                double sum = 0;
                for (int b = 0; b < j; b++)
                {
                    sum += sums[b];
                }

                int take = k + 1 - counts[j];
                for (int t = 0; t < take; t++)
                {
                    sum += gathered[offset[j] + t];
                }

                tailMeanOut[i] = sum / (k + 1);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(binSize);
        }
    }

    private static double Value(ReadOnlySpan<int> prefix, ReadOnlySpan<int> offset, ReadOnlySpan<double> gathered, int k)
    {
        int j = BinOfRank(prefix, k);
        return gathered[offset[j] + (k - prefix[j])];
    }

    /// <summary>The bin j with prefix[j] ≤ k &lt; prefix[j + 1] (prefix has Bins + 1 entries).</summary>
    private static int BinOfRank(ReadOnlySpan<int> prefix, int k)
    {
        int lo = 0, hi = Bins - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (prefix[mid] <= k)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static int TailRank(int n, double cutoff) => (int)((n - 1) * cutoff);

    private static double Interpolate(ReadOnlySpan<double> sorted, double q)
    {
        int n = sorted.Length;
        double h = (n - 1) * q;
        int k = Math.Min((int)Math.Floor(h), n - 1);
        return k >= n - 1 ? sorted[n - 1] : sorted[k] + ((h - k) * (sorted[k + 1] - sorted[k]));
    }
}
