namespace AlphaTrade.Features.Selection;

/// <summary>Statistics used by feature selection and the feature report.</summary>
public static class FeatureStatistics
{
    /// <summary>Mutual information (nats) of two discrete variables: H(X) + H(Y) − H(X, Y) from counts.</summary>
    public static double MutualInformation(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y differ in length.", nameof(y));
        }

        int n = x.Length;
        if (n == 0)
        {
            return 0;
        }

        var cx = new Dictionary<int, int>();
        var cy = new Dictionary<int, int>();
        var cxy = new Dictionary<(int, int), int>();
        for (int i = 0; i < n; i++)
        {
            cx[x[i]] = cx.GetValueOrDefault(x[i]) + 1;
            cy[y[i]] = cy.GetValueOrDefault(y[i]) + 1;
            cxy[(x[i], y[i])] = cxy.GetValueOrDefault((x[i], y[i])) + 1;
        }

        return Entropy(cx.Values, n) + Entropy(cy.Values, n) - Entropy(cxy.Values, n);
    }

    /// <summary>
    /// Mutual information (nats) between a continuous feature and a label over the rows where both are finite: the
    /// feature is cut into <paramref name="bins"/> equal-frequency bins; the label too unless it has at most
    /// <paramref name="bins"/> distinct values (class labels), in which case each value is its own class.
    /// </summary>
    public static double MutualInformation(ReadOnlySpan<double> feature, ReadOnlySpan<double> label, int bins = 10)
    {
        var f = new List<double>();
        var l = new List<double>();
        for (int i = 0; i < feature.Length; i++)
        {
            if (double.IsFinite(feature[i]) && double.IsFinite(label[i]))
            {
                f.Add(feature[i]);
                l.Add(label[i]);
            }
        }

        if (f.Count < 2 * bins)
        {
            return double.NaN;
        }

        var fb = QuantileBins(f.ToArray(), bins);
        var distinct = l.Distinct().Count();
        var lb = distinct <= bins ? Classes(l.ToArray()) : QuantileBins(l.ToArray(), bins);
        return MutualInformation(fb, lb);
    }

    /// <summary>Equal-frequency bin of each value (ties share a bin: bins are cut at ranked positions of the sorted values).</summary>
    public static int[] QuantileBins(double[] values, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var edges = new double[bins - 1];
        for (int b = 1; b < bins; b++)
        {
            edges[b - 1] = sorted[(int)((long)b * sorted.Length / bins)];
        }

        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int lo = 0, hi = edges.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (values[i] >= edges[mid])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            result[i] = lo;
        }

        return result;
    }

    /// <summary>Pearson correlation over the rows where both are finite (NaN with fewer than 3 or without variance).</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = x[i], b = y[i];
            if (double.IsFinite(a) && double.IsFinite(b))
            {
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
                n++;
            }
        }

        if (n < 3)
        {
            return double.NaN;
        }

        double vx = sxx - (sx * sx / n), vy = syy - (sy * sy / n);
        return vx > 0 && vy > 0 ? Math.Clamp((sxy - (sx * sy / n)) / Math.Sqrt(vx * vy), -1, 1) : double.NaN;
    }

    /// <summary>Pairwise-complete correlation matrix of the columns (upper triangle computed in parallel, mirrored).</summary>
    public static double[,] CorrelationMatrix(IReadOnlyList<double[]> columns, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int p = columns.Count;
        var c = new double[p, p];
        Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount }, i =>
        {
            c[i, i] = 1;
            for (int j = i + 1; j < p; j++)
            {
                double r = Correlation(columns[i], columns[j]);
                c[i, j] = r;
                c[j, i] = r;
            }
        });
        return c;
    }

    /// <summary>
    /// Single-linkage clusters of columns whose |correlation| reaches <paramref name="threshold"/> (connected
    /// components), each listed in column order; singletons are left out.
    /// </summary>
    public static IReadOnlyList<int[]> CorrelationClusters(double[,] correlation, double threshold)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        int p = correlation.GetLength(0);
        var parent = Enumerable.Range(0, p).ToArray();
        int Find(int a)
        {
            while (parent[a] != a)
            {
                a = parent[a] = parent[parent[a]];
            }

            return a;
        }

        for (int i = 0; i < p; i++)
        {
            for (int j = i + 1; j < p; j++)
            {
                if (Math.Abs(correlation[i, j]) >= threshold)
                {
                    int a = Find(i), b = Find(j);
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }
        }

        return Enumerable.Range(0, p).GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToArray();
    }

    private static int[] Classes(double[] values)
    {
        var map = values.Distinct().Order().Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        return values.Select(v => map[v]).ToArray();
    }

    private static double Entropy(IEnumerable<int> counts, int n)
    {
        double h = 0;
        foreach (int c in counts)
        {
            double p = c / (double)n;
            h -= p * Math.Log(p);
        }

        return h;
    }
}
