using AlphaTrade.Features.Selection;

namespace AlphaTrade.Features.Reporting;

/// <summary>Distribution and coverage of one feature over a matrix.</summary>
/// <param name="Name">Feature.</param>
/// <param name="Family">Family.</param>
/// <param name="Rows">Rows in the matrix.</param>
/// <param name="Finite">Rows with a finite value.</param>
/// <param name="Coverage">Finite / rows.</param>
/// <param name="NaNShare">NaN / rows (warm-up and undefined values).</param>
/// <param name="Mean">Mean of the finite values.</param>
/// <param name="Std">Standard deviation of the finite values.</param>
/// <param name="Min">Minimum.</param>
/// <param name="P01">1st percentile (sampled rows).</param>
/// <param name="P25">25th percentile (sampled rows).</param>
/// <param name="Median">Median (sampled rows).</param>
/// <param name="P75">75th percentile (sampled rows).</param>
/// <param name="P99">99th percentile (sampled rows).</param>
/// <param name="Max">Maximum.</param>
/// <param name="MutualInformation">Mutual information with the report's label, nats (NaN without a label).</param>
public sealed record FeatureColumnSummary(string Name, string Family, long Rows, long Finite, double Coverage, double NaNShare, double Mean, double Std,
    double Min, double P01, double P25, double Median, double P75, double P99, double Max, double MutualInformation);

/// <summary>The feature report written next to a matrix: per-feature coverage and distribution, correlation clusters, importance.</summary>
/// <param name="Set">Feature set name.</param>
/// <param name="SetHash">Its hash.</param>
/// <param name="DataKey">Data key of the matrix.</param>
/// <param name="Symbols">Symbols.</param>
/// <param name="Rows">Rows.</param>
/// <param name="FirstTime">First bar (UTC).</param>
/// <param name="LastTime">Last bar (UTC).</param>
/// <param name="Columns">One summary per feature.</param>
/// <param name="ClusterThreshold">|correlation| at which features are clustered.</param>
/// <param name="Clusters">Groups of features linked by |correlation| ≥ the threshold (single linkage).</param>
/// <param name="ImportanceLabel">The label mutual information was measured against, or null.</param>
public sealed record FeatureReport(string Set, string SetHash, string DataKey, int Symbols, long Rows, DateTime FirstTime, DateTime LastTime,
    IReadOnlyList<FeatureColumnSummary> Columns, double ClusterThreshold, IReadOnlyList<IReadOnlyList<string>> Clusters, string? ImportanceLabel);

/// <summary>Report settings.</summary>
/// <param name="ClusterThreshold">|correlation| linking two features into a cluster.</param>
/// <param name="QuantileRows">Rows sampled for percentiles and mutual information.</param>
/// <param name="CorrelationRows">Rows sampled for the correlation matrix.</param>
/// <param name="ImportanceLabel">Label for mutual information (null: the first forward-return label when present).</param>
public sealed record FeatureReportOptions(double ClusterThreshold = 0.9, int QuantileRows = 100_000, int CorrelationRows = 10_000, string? ImportanceLabel = null);

/// <summary>Builds <see cref="FeatureReport"/>s.</summary>
public static class FeatureReportBuilder
{
    /// <summary>Summarises <paramref name="matrix"/>.</summary>
    public static FeatureReport Build(FeatureMatrix matrix, FeatureReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= new FeatureReportOptions();
        string? label = options.ImportanceLabel ?? matrix.Labels.FirstOrDefault(l => l.Kind == "forward_return")?.Name ?? matrix.Labels.FirstOrDefault()?.Name;
        var names = matrix.Features.Select(f => f.Name).ToList();
        if (label is not null)
        {
            names.Add(label);
        }

        var sample = FeatureTable.From(matrix, names, null, options.QuantileRows);
        int p = matrix.Features.Count;
        var summaries = new FeatureColumnSummary[p];
        Parallel.For(0, p, j =>
        {
            long rows = 0, finite = 0;
            double sum = 0, sumSq = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var f in matrix.Frames)
            {
                for (int r = 0; r < f.Rows; r++)
                {
                    double v = f[j, r];
                    rows++;
                    if (double.IsFinite(v))
                    {
                        finite++;
                        sum += v;
                        sumSq += v * v;
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }
            }

            double mean = finite > 0 ? sum / finite : double.NaN;
            double std = finite > 1 ? Math.Sqrt(Math.Max(0, (sumSq - (sum * mean)) / (finite - 1))) : double.NaN;
            var sorted = sample.Columns[j].Where(double.IsFinite).ToArray();
            Array.Sort(sorted);
            double Q(double q) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(q * (sorted.Length - 1))];
            double mi = label is null ? double.NaN : FeatureStatistics.MutualInformation(sample.Columns[j], sample.Columns[^1]);
            summaries[j] = new FeatureColumnSummary(matrix.Features[j].Name, matrix.Features[j].Family, rows, finite,
                rows > 0 ? finite / (double)rows : 0, rows > 0 ? (rows - finite) / (double)rows : 0, mean, std,
                finite > 0 ? min : double.NaN, Q(0.01), Q(0.25), Q(0.5), Q(0.75), Q(0.99), finite > 0 ? max : double.NaN, mi);
        });

        int stride = Math.Max(1, (int)Math.Ceiling(sample.Rows / (double)options.CorrelationRows));
        var thin = Enumerable.Range(0, p).Select(j => sample.Columns[j].Where((_, i) => i % stride == 0).ToArray()).ToArray();
        var clusters = FeatureStatistics.CorrelationClusters(FeatureStatistics.CorrelationMatrix(thin), options.ClusterThreshold)
            .Select(c => (IReadOnlyList<string>)c.Select(j => matrix.Features[j].Name).ToArray()).ToArray();
        var times = matrix.Frames.Where(f => f.Rows > 0).ToArray();
        return new FeatureReport(matrix.SetName, matrix.SetHash, matrix.DataFingerprint, matrix.Frames.Count, matrix.Rows,
            times.Length > 0 ? new DateTime(times.Min(f => f.Time[0]), DateTimeKind.Utc) : default,
            times.Length > 0 ? new DateTime(times.Max(f => f.Time[^1]), DateTimeKind.Utc) : default,
            summaries, options.ClusterThreshold, clusters, label);
    }
}
