using System.Buffers;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Robust z-scores of close-to-close log returns over regular-session bars, and the bad-tick/jump decision.
/// <para>
/// Overnight returns are several times more volatile than intraday ones, so when a series has enough of each
/// they are scored against their own median/MAD (whole series, as they are few); otherwise all returns form one
/// population. An outlying return starts a bad tick when the price comes back within
/// <see cref="BarCleanerOptions.BadTickMaxBars"/> bars; otherwise it is a real jump, kept and reported.
/// </para>
/// </summary>
internal static class OutlierDetector
{
    /// <summary>Fewer returns than this in a population give no trustworthy median/MAD of their own.</summary>
    private const int MinPopulation = 30;

    /// <summary>The rolling window's statistics are recomputed every window/8 returns: O(8n) instead of O(n·window).</summary>
    private const int BlocksPerWindow = 8;

    public static OutlierReport Apply(CleaningWorkspace ws, BarCleanerOptions options, List<int> splitBoundaries)
    {
        int m = 0;
        for (int i = 0; i < ws.Count; i++)
        {
            m += ws.IsRegular(i) ? 1 : 0;
        }

        if (m < 3)
        {
            return new OutlierReport(0, [], [], 0, 0);
        }

        int[] idx = ArrayPool<int>.Shared.Rent(m);
        int[] pos = ArrayPool<int>.Shared.Rent(m);
        double[] ret = ArrayPool<double>.Shared.Rent(m);
        double[] center = ArrayPool<double>.Shared.Rent(m);
        double[] scale = ArrayPool<double>.Shared.Rent(m);
        double[] scratch = ArrayPool<double>.Shared.Rent(m);
        try
        {
            int intraday = 0, overnight = 0;
            for (int i = 0, k = 0; i < ws.Count; i++)
            {
                if (!ws.IsRegular(i))
                {
                    continue;
                }

                idx[k] = i;
                if (k > 0)
                {
                    ret[k] = Math.Log(ws.Close[i] / ws.Close[idx[k - 1]]);
                    if (IsOvernight(ws, idx, k))
                    {
                        overnight++;
                    }
                    else
                    {
                        intraday++;
                    }
                }

                k++;
            }

            bool separate = overnight >= MinPopulation && intraday >= MinPopulation;
            FillStatistics(ws, idx, m, ret, separate ? Population.Intraday : Population.All, options.OutlierWindow, center, scale, pos, scratch);
            if (separate)
            {
                FillStatistics(ws, idx, m, ret, Population.Overnight, 0, center, scale, pos, scratch);
            }

            return Classify(ws, options, splitBoundaries, idx, m, ret, center, scale);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idx);
            ArrayPool<int>.Shared.Return(pos);
            ArrayPool<double>.Shared.Return(ret);
            ArrayPool<double>.Shared.Return(center);
            ArrayPool<double>.Shared.Return(scale);
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private enum Population
    {
        All,
        Intraday,
        Overnight,
    }

    private static bool IsOvernight(CleaningWorkspace ws, int[] idx, int k) => ws.Session[idx[k]] != ws.Session[idx[k - 1]];

    /// <summary>
    /// Writes the median and scale that judge each return of <paramref name="population"/>: one pair for the
    /// whole population when <paramref name="window"/> is 0 or covers it, else a centred rolling window.
    /// </summary>
    private static void FillStatistics(CleaningWorkspace ws, int[] idx, int m, double[] ret, Population population, int window,
        double[] center, double[] scale, int[] pos, double[] scratch)
    {
        int p = 0;
        for (int k = 1; k < m; k++)
        {
            bool member = population switch
            {
                Population.Intraday => !IsOvernight(ws, idx, k),
                Population.Overnight => IsOvernight(ws, idx, k),
                _ => true,
            };
            if (member)
            {
                pos[p++] = k;
            }
        }

        if (p == 0)
        {
            return;
        }

        int w = window == 0 || window >= p ? p : window;
        int block = w == p ? p : Math.Max(1, w / BlocksPerWindow);
        for (int b = 0; b < p; b += block)
        {
            int mid = Math.Min(b + (block / 2), p - 1);
            int start = Math.Clamp(mid - (w / 2), 0, p - w);
            for (int q = 0; q < w; q++)
            {
                scratch[q] = ret[pos[start + q]];
            }

            var (median, sigma) = RobustStatistics.MedianAndScale(scratch.AsSpan(0, w));
            int end = Math.Min(b + block, p);
            for (int q = b; q < end; q++)
            {
                center[pos[q]] = median;
                scale[pos[q]] = sigma;
            }
        }
    }

    private static OutlierReport Classify(CleaningWorkspace ws, BarCleanerOptions options, List<int> splitBoundaries,
        int[] idx, int m, double[] ret, double[] center, double[] scale)
    {
        List<BadTick>? badTicks = null;
        List<PriceJump>? jumps = null;
        int badBars = 0, replaced = 0, dropped = 0;
        double threshold = options.OutlierThreshold;
        double minScale = options.MinimumReturnScale;
        int k = 1;
        while (k < m)
        {
            double sigma = Math.Max(scale[k], minScale);
            double z = (ret[k] - center[k]) / sigma;
            if (!(Math.Abs(z) > threshold) || splitBoundaries.BinarySearch(idx[k]) >= 0)
            {
                k++;
                continue;
            }

            int back = FindReturn(ws, options, idx, m, ret, scale, k, sigma);
            if (back < 0)
            {
                jumps ??= [];
                jumps.Add(new PriceJump(new DateTime(ws.Time[idx[k]], DateTimeKind.Utc), ret[k], z, IsOvernight(ws, idx, k)));
                k++;
                continue;
            }

            badTicks ??= [];
            badTicks.Add(new BadTick(new DateTime(ws.Time[idx[k]], DateTimeKind.Utc), back - k, ws.Close[idx[k]], ret[k], z));
            double good = ws.Close[idx[k - 1]];
            for (int q = k; q < back; q++)
            {
                int row = idx[q];
                badBars++;
                ws.Flags[row] |= BarFlags.Outlier;
                if (options.Outliers == OutlierPolicy.Replace)
                {
                    ws.Open[row] = ws.High[row] = ws.Low[row] = ws.Close[row] = good;
                    if (ws.Vwap is not null)
                    {
                        ws.Vwap[row] = good;
                    }

                    ws.Flags[row] |= BarFlags.Repaired;
                    replaced++;
                }
                else if (options.Outliers == OutlierPolicy.Drop)
                {
                    ws.Keep[row] = false;
                    dropped++;
                }
            }

            // The return at 'back' is the way home: part of this bad tick, not a new event.
            k = back + 1;
        }

        if (dropped > 0)
        {
            ws.Compact();
        }

        return new OutlierReport(badBars, badTicks ?? (IReadOnlyList<BadTick>)[], jumps ?? (IReadOnlyList<PriceJump>)[], replaced, dropped);
    }

    /// <summary>
    /// The first return index j in (k, k + max bars] at which the close is back near the last good close (net
    /// move at most the revert fraction of the excursion and not itself outlying), or −1 when the move held.
    /// </summary>
    private static int FindReturn(CleaningWorkspace ws, BarCleanerOptions options, int[] idx, int m, double[] ret, double[] scale, int k, double sigma)
    {
        double good = ws.Close[idx[k - 1]];
        double excursion = Math.Abs(ret[k]);
        double widest = sigma;
        int last = Math.Min(k + options.BadTickMaxBars, m - 1);
        for (int j = k + 1; j <= last; j++)
        {
            // The way back may cross a session boundary: judge the net move by the widest scale on the path.
            widest = Math.Max(widest, Math.Max(scale[j], options.MinimumReturnScale));
            double net = Math.Abs(Math.Log(ws.Close[idx[j]] / good));
            if (net <= options.BadTickRevertFraction * excursion && net / widest <= options.OutlierThreshold)
            {
                return j;
            }
        }

        return -1;
    }
}
