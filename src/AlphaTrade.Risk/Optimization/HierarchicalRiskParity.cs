namespace AlphaTrade.Risk.Optimization;

/// <summary>One merge of the agglomerative clustering, in scipy's linkage-matrix convention.</summary>
/// <param name="Left">Id of the first cluster (the smaller id); ids below the asset count are single assets.</param>
/// <param name="Right">Id of the second cluster.</param>
/// <param name="Distance">Single-linkage distance at which they merge.</param>
/// <param name="Size">Assets in the merged cluster (whose id is asset count + step index).</param>
public readonly record struct LinkageStep(int Left, int Right, double Distance, int Size);

/// <summary>The HRP allocation and the tree behind it.</summary>
/// <param name="Weights">Weights in asset order, positive, summing to one.</param>
/// <param name="Order">Quasi-diagonal order of the assets (the dendrogram's leaves, left to right).</param>
/// <param name="Linkage">The merges, in order.</param>
public sealed record HrpResult(double[] Weights, int[] Order, LinkageStep[] Linkage);

/// <summary>
/// Hierarchical risk parity (López de Prado 2016, "Building diversified portfolios that outperform out of sample"):
/// (1) distance dᵢⱼ = √(½(1 − ρᵢⱼ)); (2) single-linkage agglomerative clustering on that distance (the condensed
/// distance matrix, as <c>scipy.cluster.hierarchy.linkage(squareform(d), 'single')</c>); (3) quasi-diagonalisation:
/// the dendrogram's leaf order (<c>leaves_list</c>); (4) recursive bisection: split each list of assets in halves,
/// give each half its inverse-variance portfolio's variance V, and scale the halves by α = 1 − V₀/(V₀ + V₁) and 1 − α.
/// </summary>
public static class HierarchicalRiskParity
{
    /// <summary>HRP weights from a covariance matrix.</summary>
    public static HrpResult Compute(double[,] covariance)
    {
        int n = Covariance.CheckSquare(covariance);
        for (int i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new ArgumentException($"Asset {i} has no variance: HRP needs positive variances.", nameof(covariance));
            }
        }

        var corr = Covariance.Correlation(covariance);
        var dist = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                dist[i, j] = i == j ? 0.0 : Math.Sqrt(Math.Max(0.0, 0.5 * (1.0 - corr[i, j])));
            }
        }

        var linkage = SingleLinkage(dist);
        var order = LeafOrder(linkage, n);
        var w = new double[n];
        Array.Fill(w, 1.0);
        var stack = new Stack<int[]>();
        stack.Push(order);
        while (stack.Count > 0)
        {
            var items = stack.Pop();
            if (items.Length <= 1)
            {
                continue;
            }

            int half = items.Length / 2;
            var left = items[..half];
            var right = items[half..];
            double v0 = ClusterVariance(covariance, left);
            double v1 = ClusterVariance(covariance, right);
            double alpha = 1.0 - (v0 / (v0 + v1));
            foreach (var i in left)
            {
                w[i] *= alpha;
            }

            foreach (var i in right)
            {
                w[i] *= 1.0 - alpha;
            }

            stack.Push(right);
            stack.Push(left);
        }

        return new HrpResult(w, order, linkage);
    }

    /// <summary>
    /// Single-linkage clustering of a distance matrix: repeatedly merge the two closest clusters (the smallest
    /// distance between any of their members). Merged cluster k gets id n + k; each step lists the smaller id first.
    /// </summary>
    public static LinkageStep[] SingleLinkage(double[,] distance)
    {
        int n = Covariance.CheckSquare(distance);
        var steps = new LinkageStep[Math.Max(n - 1, 0)];
        var active = Enumerable.Range(0, n).ToList();
        var ids = Enumerable.Range(0, n).ToArray();
        var sizes = Enumerable.Repeat(1, n).ToArray();
        var d = (double[,])distance.Clone();
        for (int step = 0; step < n - 1; step++)
        {
            int ba = -1, bb = -1;
            double best = double.PositiveInfinity;
            for (int x = 0; x < active.Count; x++)
            {
                for (int y = x + 1; y < active.Count; y++)
                {
                    double v = d[active[x], active[y]];
                    if (v < best)
                    {
                        best = v;
                        ba = active[x];
                        bb = active[y];
                    }
                }
            }

            int left = Math.Min(ids[ba], ids[bb]);
            int right = Math.Max(ids[ba], ids[bb]);
            steps[step] = new LinkageStep(left, right, best, sizes[ba] + sizes[bb]);

            // The merged cluster lives in slot ba; bb leaves.
            foreach (var k in active)
            {
                if (k != ba && k != bb)
                {
                    double m = Math.Min(d[ba, k], d[bb, k]);
                    d[ba, k] = m;
                    d[k, ba] = m;
                }
            }

            ids[ba] = n + step;
            sizes[ba] += sizes[bb];
            active.Remove(bb);
        }

        return steps;
    }

    /// <summary>Leaves of the dendrogram from left to right (scipy's <c>leaves_list</c>).</summary>
    public static int[] LeafOrder(IReadOnlyList<LinkageStep> linkage, int assets)
    {
        ArgumentNullException.ThrowIfNull(linkage);
        if (assets == 1)
        {
            return [0];
        }

        var order = new List<int>(assets);
        var stack = new Stack<int>();
        stack.Push(assets + linkage.Count - 1);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (id < assets)
            {
                order.Add(id);
                continue;
            }

            var s = linkage[id - assets];
            stack.Push(s.Right);
            stack.Push(s.Left);
        }

        return [.. order];
    }

    private static double ClusterVariance(double[,] cov, int[] items)
    {
        var sub = DenseMath.Sub(cov, items);
        var ivp = new double[items.Length];
        double s = 0;
        for (int i = 0; i < ivp.Length; i++)
        {
            ivp[i] = 1.0 / sub[i, i];
            s += ivp[i];
        }

        for (int i = 0; i < ivp.Length; i++)
        {
            ivp[i] /= s;
        }

        return DenseMath.Quadratic(sub, ivp);
    }
}
