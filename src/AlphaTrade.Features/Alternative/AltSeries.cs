namespace AlphaTrade.Features.Alternative;

/// <summary>
/// One external time series (a sentiment score, an economic indicator, an implied volatility...): values with the
/// instant each became public. Release times are ascending; a value may be used from its release time on, never
/// before.
/// </summary>
public sealed class AltSeries
{
    /// <summary>Creates a series; <paramref name="releaseTicks"/> must be ascending and as long as <paramref name="values"/>.</summary>
    public AltSeries(string dataset, string column, string? symbol, long[] releaseTicks, double[] values, bool isSynthetic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentNullException.ThrowIfNull(releaseTicks);
        ArgumentNullException.ThrowIfNull(values);
        if (releaseTicks.Length != values.Length)
        {
            throw new ArgumentException("Release times and values differ in length.", nameof(values));
        }

        for (int i = 1; i < releaseTicks.Length; i++)
        {
            if (releaseTicks[i] < releaseTicks[i - 1])
            {
                throw new ArgumentException("Release times must be ascending.", nameof(releaseTicks));
            }
        }

        Dataset = dataset;
        Column = column;
        Symbol = symbol;
        ReleaseTicks = releaseTicks;
        Values = values;
        IsSynthetic = isSynthetic;
    }

    /// <summary>Dataset name (e.g. <c>sentiment</c>).</summary>
    public string Dataset { get; }

    /// <summary>Value column (e.g. <c>score</c>, <c>iv30</c>).</summary>
    public string Column { get; }

    /// <summary>The symbol the series belongs to, or null for a market-wide series.</summary>
    public string? Symbol { get; }

    /// <summary>Release instants, UTC ticks, ascending.</summary>
    public long[] ReleaseTicks { get; }

    /// <summary>Values, one per release.</summary>
    public double[] Values { get; }

    /// <summary>True when the data are synthetic (generated, not observed).</summary>
    public bool IsSynthetic { get; }

    /// <summary>Number of releases.</summary>
    public int Count => Values.Length;

    /// <summary>Index of the last release at or before <paramref name="ticks"/>, or −1.</summary>
    public int LastAtOrBefore(long ticks)
    {
        int lo = 0, hi = ReleaseTicks.Length - 1, ans = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ReleaseTicks[mid] <= ticks)
            {
                ans = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ans;
    }

    /// <summary>The releases at or before <paramref name="ticks"/> (what was public at that instant).</summary>
    public AltSeries KnownAt(long ticks)
    {
        int n = LastAtOrBefore(ticks) + 1;
        return new AltSeries(Dataset, Column, Symbol, ReleaseTicks[..n], Values[..n], IsSynthetic);
    }
}
