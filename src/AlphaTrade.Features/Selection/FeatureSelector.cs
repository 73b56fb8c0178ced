using System.Globalization;
using AlphaTrade.Features.Regimes;
using MathNet.Numerics.LinearAlgebra;

namespace AlphaTrade.Features.Selection;

/// <summary>Feature selection settings.</summary>
public sealed record FeatureSelectionOptions
{
    /// <summary>The label column to select for (e.g. <c>y_fwd_ret_26</c>).</summary>
    public required string Label { get; init; }

    /// <summary>Drop features finite on fewer than this share of the labelled rows.</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>Drop features whose most frequent value holds at least this share of their finite values.</summary>
    public double NearConstantShare { get; init; } = 0.99;

    /// <summary>Drop the less informative of two features whose |correlation| reaches this.</summary>
    public double CorrelationThreshold { get; init; } = 0.95;

    /// <summary>Equal-frequency bins of the mutual-information estimate.</summary>
    public int MutualInformationBins { get; init; } = 10;

    /// <summary>Walk-forward folds (expanding window: fold k trains on blocks 0..k−1 and validates on block k).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Training rows within this many bars before a validation block are purged (set to the label horizon).</summary>
    public int PurgeBars { get; init; } = 26;

    /// <summary>Ridge penalty per row on standardised features.</summary>
    public double RidgeLambda { get; init; } = 1e-2;

    /// <summary>Shuffles per feature and fold in permutation importance.</summary>
    public int PermutationRepeats { get; init; } = 2;

    /// <summary>Seed of the shuffles.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Rows sampled (every k-th, time-ordered) for mutual information and the model.</summary>
    public int MaxRows { get; init; } = 30_000;

    /// <summary>Rows sampled for the correlation matrix.</summary>
    public int CorrelationRows { get; init; } = 15_000;
}

/// <summary>What selection decided about one feature, and why.</summary>
/// <param name="Name">Feature.</param>
/// <param name="Family">Its family.</param>
/// <param name="Kept">True when selected.</param>
/// <param name="Reason">One line: why it was kept or dropped.</param>
/// <param name="Coverage">Share of labelled rows where it is finite.</param>
/// <param name="MutualInformation">Mutual information with the label, nats (binned).</param>
/// <param name="Importance">Mean permutation importance over the folds: increase in validation MSE when shuffled, as a share of the validation variance (NaN when not modelled).</param>
/// <param name="ImportanceStd">Standard deviation of the importance over the folds.</param>
/// <param name="PositiveFolds">Share of folds where the importance is positive.</param>
/// <param name="CorrelatedWith">For a feature dropped as correlated, the kept feature it duplicates.</param>
/// <param name="Correlation">That correlation.</param>
public sealed record FeatureDecision(string Name, string Family, bool Kept, string Reason, double Coverage, double MutualInformation,
    double Importance, double ImportanceStd, double PositiveFolds, string? CorrelatedWith, double Correlation);

/// <summary>The outcome of <see cref="FeatureSelector.Select(FeatureMatrix, FeatureSelectionOptions)"/>.</summary>
/// <param name="Label">Label selected for.</param>
/// <param name="Rows">Rows sampled.</param>
/// <param name="Folds">Walk-forward folds used.</param>
/// <param name="FoldValidationR2">Out-of-sample R² of the ridge model in each fold.</param>
/// <param name="FoldRankStability">Mean Spearman correlation of the feature importances between consecutive folds (1: the same ranking every fold).</param>
/// <param name="Features">One decision per feature, in matrix order.</param>
public sealed record FeatureSelectionReport(string Label, int Rows, int Folds, IReadOnlyList<double> FoldValidationR2, double FoldRankStability,
    IReadOnlyList<FeatureDecision> Features)
{
    /// <summary>Names of the kept features.</summary>
    public IReadOnlyList<string> Kept => Features.Where(f => f.Kept).Select(f => f.Name).ToArray();
}

/// <summary>
/// Feature selection: drops features with low coverage, near-constant ones, and the less informative of highly
/// correlated pairs (greedy by mutual information with the label), then measures the survivors' permutation
/// importance (Breiman 2001) in a ridge regression across purged walk-forward folds, and how stable that importance
/// is from fold to fold. Deterministic for a seed.
/// </summary>
public static class FeatureSelector
{
    /// <summary>Selects among <paramref name="matrix"/>'s features for <paramref name="options"/>' label.</summary>
    public static FeatureSelectionReport Select(FeatureMatrix matrix, FeatureSelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        if (matrix.ColumnIndex(options.Label) < 0 || !matrix.Labels.Any(l => l.Name == options.Label))
        {
            throw new AlphaTrade.Core.InputException($"--label {options.Label}: not a label of the matrix; labels: {string.Join(", ", matrix.Labels.Select(l => l.Name))}");
        }

        var names = matrix.Features.Select(f => f.Name).Append(options.Label).ToArray();
        var table = FeatureTable.From(matrix, names, options.Label, options.MaxRows);
        return Select(table, matrix.Features.Select(f => f.Family).ToArray(), options);
    }

    internal static FeatureSelectionReport Select(FeatureTable table, string[] families, FeatureSelectionOptions options)
    {
        int p = table.Names.Length - 1;
        var y = table.Columns[p];
        int n = table.Rows;
        var coverage = new double[p];
        var mi = new double[p];
        var reason = new string?[p];
        var correlatedWith = new string?[p];
        var correlation = new double[p];
        Parallel.For(0, p, j =>
        {
            var x = table.Columns[j];
            int finite = x.Count(double.IsFinite);
            coverage[j] = n == 0 ? 0 : finite / (double)n;
            mi[j] = FeatureStatistics.MutualInformation(x, y, options.MutualInformationBins);
            if (coverage[j] < options.MinCoverage)
            {
                reason[j] = string.Create(CultureInfo.InvariantCulture, $"dropped: coverage {Pct(coverage[j], 1)} < {Pct(options.MinCoverage, 0)}");
                return;
            }

            var mode = x.Where(double.IsFinite).GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Key).First();
            double share = mode.Count / (double)finite;
            if (share >= options.NearConstantShare)
            {
                reason[j] = string.Create(CultureInfo.InvariantCulture, $"dropped: near-constant, {Pct(share, 1)} of values equal {mode.Key:G6}");
            }
        });

        // Greedy decorrelation, most informative first.
        var candidates = Enumerable.Range(0, p).Where(j => reason[j] is null).OrderByDescending(j => double.IsNaN(mi[j]) ? -1 : mi[j]).ThenBy(j => table.Names[j], StringComparer.Ordinal).ToArray();
        var corrRows = Math.Max(1, (int)Math.Ceiling(n / (double)Math.Max(1, options.CorrelationRows)));
        var thin = candidates.Select(j => table.Columns[j].Where((_, i) => i % corrRows == 0).ToArray()).ToArray();
        var corr = FeatureStatistics.CorrelationMatrix(thin);
        var kept = new List<int>();
        for (int a = 0; a < candidates.Length; a++)
        {
            int j = candidates[a];
            int dup = -1;
            double best = 0;
            foreach (int b in kept.Select(k => Array.IndexOf(candidates, k)))
            {
                double r = corr[a, b];
                if (Math.Abs(r) >= options.CorrelationThreshold && Math.Abs(r) > Math.Abs(best))
                {
                    best = r;
                    dup = candidates[b];
                }
            }

            if (dup >= 0)
            {
                correlatedWith[j] = table.Names[dup];
                correlation[j] = best;
                reason[j] = string.Create(CultureInfo.InvariantCulture, $"dropped: |correlation| {Math.Abs(best):F3} with {table.Names[dup]} (kept: higher mutual information)");
            }
            else
            {
                kept.Add(j);
            }
        }

        kept.Sort();
        var (importance, foldR2) = PermutationImportance(table, kept.ToArray(), options);
        var mean = new double[p];
        var std = new double[p];
        var positive = new double[p];
        Array.Fill(mean, double.NaN);
        Array.Fill(std, double.NaN);
        Array.Fill(positive, double.NaN);
        for (int k = 0; k < kept.Count; k++)
        {
            var vals = importance.Select(f => f[k]).ToArray();
            if (vals.Length == 0)
            {
                continue;
            }

            double m = vals.Average();
            mean[kept[k]] = m;
            std[kept[k]] = vals.Length > 1 ? Math.Sqrt(vals.Sum(v => (v - m) * (v - m)) / (vals.Length - 1)) : 0;
            positive[kept[k]] = vals.Count(v => v > 0) / (double)vals.Length;
        }

        double stability = importance.Count < 2 ? double.NaN
            : Enumerable.Range(1, importance.Count - 1).Select(f => Spearman(importance[f - 1], importance[f])).Average();
        var decisions = Enumerable.Range(0, p).Select(j => new FeatureDecision(
            table.Names[j], families[j], reason[j] is null, reason[j] ?? string.Create(CultureInfo.InvariantCulture,
                $"kept: mutual information {mi[j]:F4} nats; permutation importance {mean[j]:+0.00000;-0.00000} ± {std[j]:0.00000}, positive in {Pct(positive[j], 0)} of folds"),
            coverage[j], mi[j], mean[j], std[j], positive[j], correlatedWith[j], correlation[j])).ToArray();
        return new FeatureSelectionReport(table.Names[p], n, foldR2.Count, foldR2, stability, decisions);
    }

    /// <summary>Per fold: importance of each kept feature (validation MSE increase when shuffled / validation variance); and the fold's R².</summary>
    private static (List<double[]> Importance, List<double> R2) PermutationImportance(FeatureTable table, int[] features, FeatureSelectionOptions o)
    {
        int n = table.Rows, p = features.Length;
        var y = table.Columns[^1];
        var result = new List<double[]>();
        var r2 = new List<double>();
        if (p == 0 || o.Folds < 1)
        {
            return (result, r2);
        }

        var rng = new SplitMix((ulong)o.Seed);
        int blocks = o.Folds + 1;
        for (int fold = 1; fold <= o.Folds; fold++)
        {
            int valStart = (int)((long)fold * n / blocks), valEnd = (int)((long)(fold + 1) * n / blocks);
            int purgeFrom = table.TimeIndex[valStart] - o.PurgeBars;
            var train = Enumerable.Range(0, valStart).Where(i => table.TimeIndex[i] < purgeFrom).ToArray();
            if (train.Length < p + 10 || valEnd - valStart < 10)
            {
                continue;
            }

            // Standardise on the training rows; missing values become the training mean (0).
            var mu = new double[p];
            var sd = new double[p];
            for (int k = 0; k < p; k++)
            {
                var col = table.Columns[features[k]];
                var vals = train.Select(i => col[i]).Where(double.IsFinite).ToArray();
                mu[k] = vals.Length > 0 ? vals.Average() : 0;
                double v = vals.Length > 1 ? vals.Sum(x => (x - mu[k]) * (x - mu[k])) / (vals.Length - 1) : 0;
                sd[k] = v > 0 ? Math.Sqrt(v) : 1;
            }

            Matrix<double> Z(int[] rows) => Matrix<double>.Build.Dense(rows.Length, p, (i, k) =>
            {
                double x = table.Columns[features[k]][rows[i]];
                return double.IsFinite(x) ? (x - mu[k]) / sd[k] : 0;
            });

            var zt = Z(train);
            double ym = train.Average(i => y[i]);
            var yt = Vector<double>.Build.Dense(train.Length, i => y[train[i]] - ym);
            var gram = zt.TransposeThisAndMultiply(zt) + Matrix<double>.Build.DenseIdentity(p) * (o.RidgeLambda * train.Length);
            var beta = gram.Cholesky().Solve(zt.TransposeThisAndMultiply(yt));
            var val = Enumerable.Range(valStart, valEnd - valStart).ToArray();
            var zv = Z(val);
            var pred = (zv * beta).Add(ym);
            double yv = val.Average(i => y[i]);
            double var = val.Sum(i => (y[i] - yv) * (y[i] - yv)) / val.Length;
            double mse = val.Select((i, r) => (y[i] - pred[r]) * (y[i] - pred[r])).Sum() / val.Length;
            r2.Add(1 - (mse / var));
            var imp = new double[p];
            var perm = Enumerable.Range(0, val.Length).ToArray();
            for (int k = 0; k < p; k++)
            {
                double acc = 0;
                for (int rep = 0; rep < o.PermutationRepeats; rep++)
                {
                    rng.Shuffle(perm.AsSpan());
                    double s = 0;
                    for (int r = 0; r < val.Length; r++)
                    {
                        double e = y[val[r]] - (pred[r] + (beta[k] * (zv[perm[r], k] - zv[r, k])));
                        s += e * e;
                    }

                    acc += (s / val.Length) - mse;
                }

                imp[k] = acc / o.PermutationRepeats / var;
            }

            result.Add(imp);
        }

        return (result, r2);
    }

    /// <summary>A share as a percentage without a space: 0.123 → "12.3%".</summary>
    internal static string Pct(double share, int decimals) =>
        double.IsFinite(share) ? (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : "–";

    private static double Spearman(double[] a, double[] b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        return FeatureStatistics.Correlation(ra, rb);
    }

    private static double[] Ranks(double[] x)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        var r = new double[x.Length];
        int i0 = 0;
        while (i0 < order.Length)
        {
            int i1 = i0;
            while (i1 + 1 < order.Length && x[order[i1 + 1]] == x[order[i0]])
            {
                i1++;
            }

            for (int k = i0; k <= i1; k++)
            {
                r[order[k]] = (i0 + i1) / 2.0;
            }

            i0 = i1 + 1;
        }

        return r;
    }
}
