using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Validation;

/// <summary>One train/test split: row indices into the dataset (ascending) and the test period's first and last timestamps.</summary>
public sealed record Fold(int Index, int[] Train, int[] Test, long TestStart, long TestEnd);

/// <summary>Splits a time-ordered dataset into folds for honest out-of-sample evaluation.</summary>
public interface ISplitter
{
    /// <summary>The folds of <paramref name="data"/>.</summary>
    IReadOnlyList<Fold> Split(Dataset data);

    /// <summary>A short description for logs and model metadata.</summary>
    string Describe();
}

/// <summary>Helpers shared by the splitters: rows grouped by distinct timestamp.</summary>
internal static class TimeGroups
{
    /// <summary>Distinct timestamps in order and, for each, the first row index (plus a sentinel at the end).</summary>
    public static (long[] Times, int[] Starts) Of(Dataset data)
    {
        var times = new List<long>();
        var starts = new List<int>();
        var ts = data.Timestamps;
        for (var i = 0; i < ts.Length; i++)
        {
            if (i == 0 || ts[i] != ts[i - 1])
            {
                times.Add(ts[i]);
                starts.Add(i);
            }
        }

        starts.Add(ts.Length);
        return (times.ToArray(), starts.ToArray());
    }

    public static int[] Range(int from, int to)
    {
        var r = new int[Math.Max(0, to - from)];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = from + i;
        }

        return r;
    }
}
