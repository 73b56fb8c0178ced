namespace AlphaTrade.Analytics.IO;

/// <summary>The rows of two series that share a timestamp, as index pairs.</summary>
/// <param name="LeftIndices">Row indices into the left series, ascending.</param>
/// <param name="RightIndices">Row indices into the right series, ascending.</param>
/// <param name="ByDate">True when rows were matched by UTC calendar date rather than exact instant.</param>
public sealed record SeriesAlignment(int[] LeftIndices, int[] RightIndices, bool ByDate)
{
    /// <summary>Number of matched rows.</summary>
    public int Count => LeftIndices.Length;

    /// <summary>
    /// Matches rows with equal instants. When none match and both series have at most one row per UTC date, matches by
    /// date instead (a daily equity file stamped at the close against a daily price file stamped at midnight).
    /// </summary>
    public static SeriesAlignment Align(ReadOnlySpan<long> left, ReadOnlySpan<long> right)
    {
        var exact = Merge(left, right, 1);
        if (exact.Count > 0 || !OnePerDay(left) || !OnePerDay(right))
        {
            return exact;
        }

        var byDate = Merge(left, right, TimeSpan.TicksPerDay);
        return byDate with { ByDate = true };
    }

    private static SeriesAlignment Merge(ReadOnlySpan<long> left, ReadOnlySpan<long> right, long unit)
    {
        var li = new List<int>();
        var ri = new List<int>();
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            long a = left[i] / unit, b = right[j] / unit;
            if (a == b)
            {
                li.Add(i++);
                ri.Add(j++);
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new SeriesAlignment(li.ToArray(), ri.ToArray(), false);
    }

    private static bool OnePerDay(ReadOnlySpan<long> t)
    {
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] / TimeSpan.TicksPerDay == t[i - 1] / TimeSpan.TicksPerDay)
            {
                return false;
            }
        }

        return true;
    }
}
