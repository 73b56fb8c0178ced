namespace AlphaTrade.Models.Metrics;

/// <summary>Rank IC of one period: Spearman correlation across the symbols observed at that timestamp.</summary>
public readonly record struct PeriodIc(long Timestamp, double RankIc, int Count);

/// <summary>Rank information coefficient per period and its summary (mean, standard deviation, IR = mean / std).</summary>
public sealed record InformationCoefficient
{
    /// <summary>One entry per period with at least <c>minCount</c> symbols and some spread in both predictions and outcomes.</summary>
    public required IReadOnlyList<PeriodIc> Periods { get; init; }

    /// <summary>Mean rank IC over periods.</summary>
    public required double Mean { get; init; }

    /// <summary>Sample standard deviation of the per-period rank IC.</summary>
    public required double StdDev { get; init; }

    /// <summary>Mean / standard deviation.</summary>
    public double InformationRatio => StdDev > 0 ? Mean / StdDev : double.NaN;

    /// <summary>
    /// Computes the per-period rank IC. Rows are grouped by equal timestamps (rows need not be sorted); periods with
    /// fewer than <paramref name="minCount"/> rows or a constant side are left out (scipy returns NaN there).
    /// </summary>
    public static InformationCoefficient Compute(ReadOnlySpan<long> timestamps, ReadOnlySpan<double> predictions, ReadOnlySpan<double> outcomes, int minCount = 3)
    {
        var groups = new SortedDictionary<long, List<int>>();
        for (var i = 0; i < timestamps.Length; i++)
        {
            if (!groups.TryGetValue(timestamps[i], out var list))
            {
                groups[timestamps[i]] = list = [];
            }

            list.Add(i);
        }

        var periods = new List<PeriodIc>(groups.Count);
        foreach (var (t, rows) in groups)
        {
            if (rows.Count < minCount)
            {
                continue;
            }

            var p = new double[rows.Count];
            var o = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                p[i] = predictions[rows[i]];
                o[i] = outcomes[rows[i]];
            }

            var ic = Ranking.Spearman(p, o);
            if (!double.IsNaN(ic))
            {
                periods.Add(new PeriodIc(t, ic, rows.Count));
            }
        }

        var mean = periods.Count == 0 ? double.NaN : periods.Average(x => x.RankIc);
        var sd = periods.Count < 2 ? double.NaN : Math.Sqrt(periods.Sum(x => (x.RankIc - mean) * (x.RankIc - mean)) / (periods.Count - 1));
        return new InformationCoefficient { Periods = periods, Mean = mean, StdDev = sd };
    }
}
