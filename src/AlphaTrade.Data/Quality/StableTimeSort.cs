namespace AlphaTrade.Data.Quality;

/// <summary>
/// Stable bottom-up merge sort of row indices by time that counts inversions as it merges: one O(n log n) pass
/// gives both the order and how unsorted the file was. An already sorted file costs one linear scan.
/// </summary>
internal static class StableTimeSort
{
    /// <summary>Writes the stable time order of the rows into <paramref name="order"/>.</summary>
    /// <param name="time">Row times in file order.</param>
    /// <param name="order">Receives row indices in time order (ties keep file order).</param>
    /// <param name="scratch">Work space at least as long as <paramref name="time"/>.</param>
    /// <param name="maxExamples">How many out-of-order rows to list.</param>
    public static OrderReport Sort(ReadOnlySpan<long> time, Span<int> order, Span<int> scratch, int maxExamples)
    {
        int n = time.Length;
        int outOfOrder = 0;
        long max = long.MinValue;
        var examples = new ExampleList(maxExamples);
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            if (time[i] < max)
            {
                outOfOrder++;
                examples.Add(time[i]);
            }
            else
            {
                max = time[i];
            }
        }

        if (outOfOrder == 0)
        {
            return new OrderReport(0, 0, []);
        }

        long inversions = 0;
        Span<int> src = order[..n];
        Span<int> dst = scratch[..n];
        for (int width = 1; width < n; width *= 2)
        {
            for (int lo = 0; lo < n; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, n);
                int hi = Math.Min(lo + (2 * width), n);
                int a = lo, b = mid, k = lo;
                while (a < mid && b < hi)
                {
                    // Strictly less: equal times take the left (earlier) row first, which keeps the sort stable
                    // and means equal times are never counted as inverted.
                    if (time[src[b]] < time[src[a]])
                    {
                        inversions += mid - a;
                        dst[k++] = src[b++];
                    }
                    else
                    {
                        dst[k++] = src[a++];
                    }
                }

                while (a < mid)
                {
                    dst[k++] = src[a++];
                }

                while (b < hi)
                {
                    dst[k++] = src[b++];
                }
            }

            var t = src;
            src = dst;
            dst = t;
        }

        if (src != order[..n])
        {
            src.CopyTo(order);
        }

        return new OrderReport(inversions, outOfOrder, examples.Items);
    }
}
