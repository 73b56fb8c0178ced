namespace AlphaTrade.Features.Selection;

/// <summary>
/// A dense, row-sampled copy of some columns of a matrix, rows ordered by time (then symbol), for statistics that need
/// random access across symbols: correlation, mutual information, walk-forward model fits. Sampling takes every k-th
/// row of the time-ordered table, so it is deterministic and spread over the whole period.
/// </summary>
internal sealed class FeatureTable
{
    private FeatureTable(string[] names, double[][] columns, long[] time, int[] timeIndex)
    {
        Names = names;
        Columns = columns;
        Time = time;
        TimeIndex = timeIndex;
    }

    public string[] Names { get; }

    /// <summary>Values, column-major.</summary>
    public double[][] Columns { get; }

    /// <summary>Row times (bar start, UTC ticks), ascending.</summary>
    public long[] Time { get; }

    /// <summary>Index of each row's time among the matrix's distinct times (for purging by bars).</summary>
    public int[] TimeIndex { get; }

    public int Rows => Time.Length;

    /// <summary>
    /// Rows of <paramref name="matrix"/> ordered by time, optionally only those where <paramref name="requireFinite"/> is
    /// finite, thinned to at most <paramref name="maxRows"/>.
    /// </summary>
    public static FeatureTable From(FeatureMatrix matrix, IReadOnlyList<string> columns, string? requireFinite, int maxRows)
    {
        var idx = columns.Select(c => matrix.ColumnIndex(c)).ToArray();
        int req = requireFinite is null ? -1 : matrix.ColumnIndex(requireFinite);
        var rows = new List<(long Time, int Frame, int Row)>();
        for (int f = 0; f < matrix.Frames.Count; f++)
        {
            var frame = matrix.Frames[f];
            for (int r = 0; r < frame.Rows; r++)
            {
                if (req < 0 || double.IsFinite(frame[req, r]))
                {
                    rows.Add((frame.Time[r], f, r));
                }
            }
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Frame.CompareTo(b.Frame));
        var distinct = rows.Select(r => r.Time).Distinct().ToArray();
        int stride = Math.Max(1, (int)Math.Ceiling(rows.Count / (double)Math.Max(1, maxRows)));
        var picked = rows.Where((_, i) => i % stride == 0).ToArray();
        var cols = new double[idx.Length][];
        for (int c = 0; c < idx.Length; c++)
        {
            cols[c] = new double[picked.Length];
            for (int i = 0; i < picked.Length; i++)
            {
                cols[c][i] = matrix.Frames[picked[i].Frame][idx[c], picked[i].Row];
            }
        }

        var time = picked.Select(p => p.Time).ToArray();
        var timeIndex = time.Select(t => Array.BinarySearch(distinct, t)).ToArray();
        return new FeatureTable(columns.ToArray(), cols, time, timeIndex);
    }

    /// <summary>A table from given columns (tests and callers with their own data).</summary>
    public static FeatureTable FromColumns(string[] names, double[][] columns, long[] time)
    {
        var distinct = time.Distinct().Order().ToArray();
        return new FeatureTable(names, columns, time, time.Select(t => Array.BinarySearch(distinct, t)).ToArray());
    }
}
