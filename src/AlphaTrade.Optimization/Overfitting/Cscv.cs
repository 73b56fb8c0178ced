using System.Globalization;
using System.Numerics;

namespace AlphaTrade.Optimization.Overfitting;

/// <summary>
/// Probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, López de
/// Prado &amp; Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance, 2017; working paper
/// 2015).
/// <para>
/// The T×N matrix of per-period returns (one column per trial) is cut into S contiguous row blocks of near-equal
/// size (the first T mod S blocks one row longer, like numpy's <c>array_split</c>). For each of the C(S, S/2)
/// choices of S/2 blocks as the in-sample set J (the rest, J̄, out of sample; combinations in lexicographic order):
/// the trial n* with the best in-sample Sharpe ratio is chosen (ties: lowest index; an undefined Sharpe ratio ranks
/// worst); its out-of-sample rank r among the N trials (1 = worst, N = best, tied values sharing their average rank)
/// gives the relative rank ω̄ = r/(N + 1) and the logit λ = ln(ω̄/(1 − ω̄)). PBO is the share of combinations with
/// λ ≤ 0, i.e. where the in-sample choice does no better than the median out of sample.
/// </para>
/// <para>
/// Performance is the Sharpe ratio computed from block sums of each column centred on its own mean (no
/// recomputation from rows per combination), so each combination costs O(N·S).
/// </para>
/// </summary>
public static class Cscv
{
    /// <summary>The default number of blocks S.</summary>
    public const int DefaultBlocks = 16;

    /// <summary>The largest S accepted (C(24, 12) = 2,704,156 combinations).</summary>
    public const int MaxBlocks = 24;

    /// <summary>Runs CSCV.</summary>
    /// <param name="trialReturns">N ≥ 2 trials' per-period returns, all of the same length T ≥ 2·S, all finite.</param>
    /// <param name="blocks">S, even, 2..<see cref="MaxBlocks"/>.</param>
    /// <param name="periodsPerYear">Annualises the reported in- and out-of-sample Sharpe ratios (1 keeps them per period).</param>
    /// <param name="degreeOfParallelism">Threads; 0 or less means one per processor. The result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    public static PboResult Estimate(
        IReadOnlyList<double[]> trialReturns,
        int blocks = DefaultBlocks,
        double periodsPerYear = 1,
        int degreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trialReturns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        int n = trialReturns.Count;
        if (n < 2)
        {
            throw new ArgumentException("CSCV needs at least two trials.", nameof(trialReturns));
        }

        if (blocks < 2 || blocks > MaxBlocks || blocks % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"The number of blocks must be even and in 2..{MaxBlocks}.");
        }

        int t = trialReturns[0]?.Length ?? throw new ArgumentException("Trial 0 has no returns.", nameof(trialReturns));
        if (t < 2 * blocks)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"CSCV with {blocks} blocks needs at least {2 * blocks} periods; the trials have {t}."), nameof(trialReturns));
        }

        for (int j = 0; j < n; j++)
        {
            var col = trialReturns[j];
            if (col is null || col.Length != t)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Trial {j} has {col?.Length ?? 0} returns; trial 0 has {t}. CSCV needs one common timeline."), nameof(trialReturns));
            }
        }

        int dop = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = dop, CancellationToken = cancellationToken };

        // Block boundaries (array_split) and sizes.
        var blockStart = new int[blocks + 1];
        int baseSize = t / blocks, extra = t % blocks;
        for (int b = 0; b < blocks; b++)
        {
            blockStart[b + 1] = blockStart[b] + baseSize + (b < extra ? 1 : 0);
        }

        // Per trial: mean over all rows; per block: sum and sum of squares of the centred returns. Block-major
        // layout [b·N + n] so a combination adds whole rows of N contiguous values.
        var mean = new double[n];
        var blockSum = new double[blocks * n];
        var blockSq = new double[blocks * n];
        var nonFinite = new int[n];
        Parallel.For(0, n, parallel, j =>
        {
            var col = trialReturns[j];
            double s = 0;
            foreach (double x in col)
            {
                s += x;
            }

            if (!double.IsFinite(s))
            {
                nonFinite[j] = 1;
                return;
            }

            double m = s / t;
            mean[j] = m;
            for (int b = 0; b < blocks; b++)
            {
                double d1 = 0, d2 = 0;
                for (int i = blockStart[b]; i < blockStart[b + 1]; i++)
                {
                    double d = col[i] - m;
                    d1 += d;
                    d2 += d * d;
                }

                blockSum[(b * n) + j] = d1;
                blockSq[(b * n) + j] = d2;
            }
        });
        int bad = Array.IndexOf(nonFinite, 1);
        if (bad >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Trial {bad} has a non-finite return."), nameof(trialReturns));
        }

        var totalSum = new double[n];
        var totalSq = new double[n];
        for (int b = 0; b < blocks; b++)
        {
            Add(totalSum, blockSum.AsSpan(b * n, n));
            Add(totalSq, blockSq.AsSpan(b * n, n));
        }

        var masks = Combinations(blocks, blocks / 2);
        int c = masks.Length;
        var logits = new double[c];
        var isSharpe = new double[c];
        var oosSharpe = new double[c];
        var chosen = new int[c];
        double scale = Math.Sqrt(periodsPerYear);

        Parallel.For(
            0,
            c,
            parallel,
            () => new Workspace(n),
            (k, _, w) =>
            {
                int mask = masks[k];
                Array.Clear(w.Sum);
                Array.Clear(w.Sq);
                int isCount = 0;
                for (int b = 0; b < blocks; b++)
                {
                    if ((mask & (1 << b)) != 0)
                    {
                        Add(w.Sum, blockSum.AsSpan(b * n, n));
                        Add(w.Sq, blockSq.AsSpan(b * n, n));
                        isCount += blockStart[b + 1] - blockStart[b];
                    }
                }

                int oosCount = t - isCount;
                int best = 0;
                double bestSr = double.NaN;
                for (int j = 0; j < n; j++)
                {
                    double sr = Sharpe(mean[j], w.Sum[j], w.Sq[j], isCount);
                    if (j == 0 || (!double.IsNaN(sr) && (double.IsNaN(bestSr) || sr > bestSr)))
                    {
                        best = j;
                        bestSr = sr;
                    }

                    w.Oos[j] = Sharpe(mean[j], totalSum[j] - w.Sum[j], totalSq[j] - w.Sq[j], oosCount);
                }

                double v = w.Oos[best];
                int less = 0, equal = 0;
                for (int j = 0; j < n; j++)
                {
                    double o = w.Oos[j];
                    if (double.IsNaN(v))
                    {
                        equal += double.IsNaN(o) ? 1 : 0;
                    }
                    else if (double.IsNaN(o) || o < v)
                    {
                        less++;
                    }
                    else if (o == v)
                    {
                        equal++;
                    }
                }

                double rank = less + ((equal + 1) / 2.0);
                double omega = rank / (n + 1);
                logits[k] = Math.Log(omega / (1 - omega));
                isSharpe[k] = bestSr * scale;
                oosSharpe[k] = v * scale;
                chosen[k] = best;
                return w;
            },
            _ => { });

        return PboResult.From(n, t, blocks, periodsPerYear, logits, isSharpe, oosSharpe, chosen);
    }

    /// <summary>
    /// Bit masks of the <paramref name="k"/>-subsets of {0..<paramref name="s"/>−1} in lexicographic order of the
    /// sorted member lists (the order of Python's <c>itertools.combinations</c>); bit b set means block b in sample.
    /// </summary>
    internal static int[] Combinations(int s, int k)
    {
        var result = new List<int>();
        var idx = new int[k];
        for (int i = 0; i < k; i++)
        {
            idx[i] = i;
        }

        while (true)
        {
            int mask = 0;
            foreach (int i in idx)
            {
                mask |= 1 << i;
            }

            result.Add(mask);
            int p = k - 1;
            while (p >= 0 && idx[p] == s - k + p)
            {
                p--;
            }

            if (p < 0)
            {
                return result.ToArray();
            }

            idx[p]++;
            for (int i = p + 1; i < k; i++)
            {
                idx[i] = idx[i - 1] + 1;
            }
        }
    }

    /// <summary>Per-period Sharpe ratio from the centred sums of <paramref name="count"/> returns of a column with mean <paramref name="mean"/>.</summary>
    private static double Sharpe(double mean, double centredSum, double centredSq, int count)
    {
        double d = centredSum / count;
        double variance = (centredSq - (centredSum * d)) / (count - 1);
        return variance > 0 ? (mean + d) / Math.Sqrt(variance) : double.NaN;
    }

    private static void Add(Span<double> target, ReadOnlySpan<double> source)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<double>.Count;
            for (; i <= target.Length - w; i += w)
            {
                (new Vector<double>(target[i..]) + new Vector<double>(source[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private sealed class Workspace(int n)
    {
        public double[] Sum { get; } = new double[n];

        public double[] Sq { get; } = new double[n];

        public double[] Oos { get; } = new double[n];
    }
}
