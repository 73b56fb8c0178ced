using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// One drawdown episode: from a running peak of equity, down to its lowest point, until equity first gets back to the peak
/// (or the end of the data when it never does).
/// </summary>
/// <param name="PeakIndex">Sample index of the peak (the last sample at the running high before the decline).</param>
/// <param name="TroughIndex">Sample index of the lowest equity in the episode.</param>
/// <param name="RecoveryIndex">First sample index at or above the peak after the trough; null while not recovered.</param>
/// <param name="Peak">Time of the peak (UTC).</param>
/// <param name="Trough">Time of the trough (UTC).</param>
/// <param name="Recovery">Time of the recovery (UTC), or null.</param>
/// <param name="Depth">Trough ÷ peak − 1 (negative).</param>
/// <param name="DurationPeriods">Periods from peak to recovery (or to the last sample when not recovered).</param>
/// <param name="Duration">Calendar time from peak to recovery (or to the last sample).</param>
public sealed record Drawdown(
    int PeakIndex,
    int TroughIndex,
    int? RecoveryIndex,
    DateTime Peak,
    DateTime Trough,
    DateTime? Recovery,
    double Depth,
    int DurationPeriods,
    TimeSpan Duration)
{
    /// <summary>True when equity regained the peak.</summary>
    public bool IsRecovered => RecoveryIndex.HasValue;

    /// <summary>Periods from peak to trough.</summary>
    public int DeclinePeriods => TroughIndex - PeakIndex;
}

/// <summary>Drawdown episodes and the underwater curve of an equity series.</summary>
public static class DrawdownAnalyzer
{
    /// <summary>Writes equity ÷ running maximum − 1 (≤ 0) for every sample into <paramref name="destination"/>.</summary>
    public static void Underwater(ReadOnlySpan<double> equity, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, equity.Length, nameof(destination));
        double peak = double.NegativeInfinity;
        for (int i = 0; i < equity.Length; i++)
        {
            if (equity[i] > peak)
            {
                peak = equity[i];
            }

            destination[i] = (equity[i] / peak) - 1.0;
        }
    }

    /// <summary>Every drawdown episode of the curve in time order (an episode starts when equity falls below its running high).</summary>
    public static IReadOnlyList<Drawdown> Episodes(EquityCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var list = new List<Drawdown>();
        var eq = curve.Equity;
        var t = curve.Time;
        int peak = 0, trough = 0;
        bool under = false;
        for (int i = 1; i < eq.Length; i++)
        {
            if (eq[i] >= eq[peak])
            {
                if (under)
                {
                    list.Add(Make(t, eq, peak, trough, i));
                    under = false;
                }

                peak = i;
            }
            else if (!under)
            {
                under = true;
                trough = i;
            }
            else if (eq[i] < eq[trough])
            {
                trough = i;
            }
        }

        if (under)
        {
            list.Add(Make(t, eq, peak, trough, null));
        }

        return list;
    }

    /// <summary>
    /// The <paramref name="count"/> deepest episodes, deepest first (ties: earlier first), found in one pass that allocates
    /// only the result.
    /// </summary>
    public static IReadOnlyList<Drawdown> Worst(EquityCurve curve, int count)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var eq = curve.Equity;
        Span<Candidate> top = count <= 16 ? stackalloc Candidate[count] : new Candidate[count];
        int filled = 0;
        int peak = 0, trough = 0;
        bool under = false;
        for (int i = 1; i < eq.Length; i++)
        {
            if (eq[i] >= eq[peak])
            {
                if (under)
                {
                    Offer(top, ref filled, new Candidate((eq[trough] / eq[peak]) - 1.0, peak, trough, i));
                    under = false;
                }

                peak = i;
            }
            else if (!under)
            {
                under = true;
                trough = i;
            }
            else if (eq[i] < eq[trough])
            {
                trough = i;
            }
        }

        if (under)
        {
            Offer(top, ref filled, new Candidate((eq[trough] / eq[peak]) - 1.0, peak, trough, -1));
        }

        var result = new List<Drawdown>(filled);
        for (int k = 0; k < filled; k++)
        {
            var c = top[k];
            result.Add(Make(curve.Time, eq, c.Peak, c.Trough, c.Recovery >= 0 ? c.Recovery : null));
        }

        return result;
    }

    /// <summary>The <paramref name="count"/> deepest of <paramref name="episodes"/>, deepest first (ties: earlier first).</summary>
    public static IReadOnlyList<Drawdown> Worst(IReadOnlyList<Drawdown> episodes, int count)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        return episodes.OrderBy(d => d.Depth).ThenBy(d => d.PeakIndex).Take(count).ToList();
    }

    private static void Offer(Span<Candidate> top, ref int filled, Candidate c)
    {
        if (top.Length == 0)
        {
            return;
        }

        // Episodes arrive in time order, so a strict comparison keeps the earlier of two equal depths first.
        if (filled == top.Length && c.Depth >= top[filled - 1].Depth)
        {
            return;
        }

        int pos = filled < top.Length ? filled : top.Length - 1;
        while (pos > 0 && c.Depth < top[pos - 1].Depth)
        {
            top[pos] = top[pos - 1];
            pos--;
        }

        top[pos] = c;
        if (filled < top.Length)
        {
            filled++;
        }
    }

    private readonly record struct Candidate(double Depth, int Peak, int Trough, int Recovery);

    private static Drawdown Make(ReadOnlySpan<long> t, ReadOnlySpan<double> eq, int peak, int trough, int? recovery)
    {
        int end = recovery ?? (eq.Length - 1);
        return new Drawdown(
            peak,
            trough,
            recovery,
            new DateTime(t[peak], DateTimeKind.Utc),
            new DateTime(t[trough], DateTimeKind.Utc),
            recovery is int r ? new DateTime(t[r], DateTimeKind.Utc) : null,
            (eq[trough] / eq[peak]) - 1.0,
            end - peak,
            TimeSpan.FromTicks(t[end] - t[peak]));
    }
}
