using System.Buffers;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Robust z-scores of close-to-close log returns over regular-session bars, and the bad-tick/jump decision.
/// <para>
/// Overnight returns are several times more volatile than intraday ones, so when a series has enough of each
/// they are scored against their own median/MAD (whole series, as they are few); otherwise all returns form one
/// population. Intraday volatility is U-shaped (the first half hour moves several times more than midday), so
/// with enough sessions each intraday return is first divided by its time-of-day factor: the robust scale of
/// the returns at that bar position over the scale of all intraday returns. Without this the open would supply
/// most "outliers".
/// </para>
/// <para>
/// An outlying return starts a bad tick when the price comes back within
/// <see cref="BarCleanerOptions.BadTickMaxBars"/> bars; otherwise it is a real jump, kept and reported.
/// </para>
/// </summary>
internal static class OutlierDetector
{
    /// <summary>Fewer returns than this in a population give no trustworthy median/MAD of their own.</summary>
    private const int MinPopulation = 30;

    /// <summary>Fewer returns than this at one bar position leave that position's time-of-day factor at 1.</summary>
    private const int MinSlotSamples = 20;

    /// <summary>Time-of-day factors are clamped to [1/MaxSeasonalFactor, MaxSeasonalFactor].</summary>
    private const double MaxSeasonalFactor = 5;

    /// <summary>The rolling window's statistics are recomputed every window/4 returns: O(4n) instead of O(n·window).</summary>
    private const int BlocksPerWindow = 4;

    public static OutlierReport Apply(CleaningWorkspace ws, TradingSession[] sessions, TimeFrame timeFrame, BarCleanerOptions options,
        List<int> splitBoundaries)
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
        double[] norm = ArrayPool<double>.Shared.Rent(m);
        double[] unit = ArrayPool<double>.Shared.Rent(m);
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
            unit.AsSpan(0, m).Fill(1);
            if (separate && !timeFrame.IsDaily)
            {
                FillTimeOfDayFactors(ws, sessions, timeFrame, idx, m, ret, unit, scratch);
            }

            for (int k = 1; k < m; k++)
            {
                norm[k] = ret[k] / unit[k];
            }

            FillStatistics(ws, idx, m, norm, separate ? Population.Intraday : Population.All, options.OutlierWindow, center, scale, pos, scratch);
            if (separate)
            {
                FillStatistics(ws, idx, m, norm, Population.Overnight, 0, center, scale, pos, scratch);
            }

            // From here on 'scale' is in raw log-return units: the normalised scale times the time-of-day factor.
            for (int k = 1; k < m; k++)
            {
                center[k] *= unit[k];
                scale[k] = Math.Max(scale[k], options.MinimumReturnScale) * unit[k];
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
            ArrayPool<double>.Shared.Return(norm);
            ArrayPool<double>.Shared.Return(unit);
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
    /// Writes each intraday return's time-of-day factor into <paramref name="unit"/>: the robust scale of the
    /// returns at its bar position (bars since the open) over the robust scale of all intraday returns. Returns
    /// are grouped by position with a counting sort, so this is linear.
    /// </summary>
    private static void FillTimeOfDayFactors(CleaningWorkspace ws, TradingSession[] sessions, TimeFrame timeFrame, int[] idx, int m,
        double[] ret, double[] unit, double[] scratch)
    {
        long step = timeFrame.Duration.Ticks;
        int slots = 0;
        for (int k = 1; k < m; k++)
        {
            if (!IsOvernight(ws, idx, k))
            {
                slots = Math.Max(slots, SlotOf(ws, sessions, idx[k], step) + 1);
            }
        }

        int[] start = ArrayPool<int>.Shared.Rent(slots + 1);
        int[] cursor = ArrayPool<int>.Shared.Rent(slots);
        double[] factor = ArrayPool<double>.Shared.Rent(slots);
        try
        {
            var starts = start.AsSpan(0, slots + 1);
            starts.Clear();
            int n = 0;
            for (int k = 1; k < m; k++)
            {
                if (!IsOvernight(ws, idx, k))
                {
                    starts[SlotOf(ws, sessions, idx[k], step) + 1]++;
                    scratch[n++] = ret[k];
                }
            }

            double overall = RobustStatistics.MedianAndScale(scratch.AsSpan(0, n)).Scale;
            for (int q = 0; q < slots; q++)
            {
                starts[q + 1] += starts[q];
            }

            // Counting sort of the intraday returns by slot.
            starts[..slots].CopyTo(cursor);
            for (int k = 1; k < m; k++)
            {
                if (!IsOvernight(ws, idx, k))
                {
                    scratch[cursor[SlotOf(ws, sessions, idx[k], step)]++] = ret[k];
                }
            }

            for (int q = 0; q < slots; q++)
            {
                int count = starts[q + 1] - starts[q];
                double f = 1;
                if (count >= MinSlotSamples && overall > 0)
                {
                    double slotScale = RobustStatistics.MedianAndScale(scratch.AsSpan(starts[q], count)).Scale;
                    f = slotScale > 0 ? Math.Clamp(slotScale / overall, 1 / MaxSeasonalFactor, MaxSeasonalFactor) : 1;
                }

                factor[q] = f;
            }

            for (int k = 1; k < m; k++)
            {
                if (!IsOvernight(ws, idx, k))
                {
                    unit[k] = factor[SlotOf(ws, sessions, idx[k], step)];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(cursor);
            ArrayPool<double>.Shared.Return(factor);
        }
    }

    /// <summary>Bars since the session open (floor for a misaligned bar).</summary>
    private static int SlotOf(CleaningWorkspace ws, TradingSession[] sessions, int row, long step) =>
        (int)((ws.Time[row] - sessions[ws.Session[row]].OpenUtc.Ticks) / step);

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
        int k = 1;
        while (k < m)
        {
            double sigma = scale[k];
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
    /// True when prices jump into the excursion or out of it between bars: the entry gap (open of the first bad
    /// bar against the last good close) or the exit gap (open of the first good bar against the last bad close) is
    /// at least <see cref="BarCleanerOptions.BadTickGapFraction"/> of the excursion. A bad print sits outside the
    /// traded path, so its bar or its successor opens far from it; a real whipsaw trades through its bars with
    /// opens next to the previous closes.
    /// </summary>
    private static bool IsDiscontinuous(CleaningWorkspace ws, BarCleanerOptions options, int[] idx, int k, int j, double excursion)
    {
        if (options.BadTickGapFraction <= 0)
        {
            return true;
        }

        // An overnight gap is the market's, not evidence of a bad print: only intraday boundaries count, and when
        // neither boundary is intraday (daily bars) the test cannot be made and is waived.
        bool entryIntraday = !IsOvernight(ws, idx, k);
        bool exitIntraday = !IsOvernight(ws, idx, j);
        if (!entryIntraday && !exitIntraday)
        {
            return true;
        }

        double entry = entryIntraday ? Math.Abs(Math.Log(ws.Open[idx[k]] / ws.Close[idx[k - 1]])) : 0;
        double exit = exitIntraday ? Math.Abs(Math.Log(ws.Open[idx[j]] / ws.Close[idx[j - 1]])) : 0;
        return Math.Max(entry, exit) >= options.BadTickGapFraction * excursion;
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
            widest = Math.Max(widest, scale[j]);
            double net = Math.Abs(Math.Log(ws.Close[idx[j]] / good));
            if (net <= options.BadTickRevertFraction * excursion && net / widest <= options.OutlierThreshold)
            {
                return IsDiscontinuous(ws, options, idx, k, j, excursion) ? j : -1;
            }
        }

        return -1;
    }
}
