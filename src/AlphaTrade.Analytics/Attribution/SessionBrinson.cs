using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Analytics.Attribution;

/// <summary>
/// Holdings-based Brinson periods from session-close records: for each pair of consecutive closes (t0, t1) the book's
/// net weights at t0 (<see cref="PositionSnapshot"/>) against each universe symbol's close-to-close return from t0 to t1,
/// benchmarked on the equal-weighted universe (<see cref="EqualWeightBenchmark"/>). Trading inside a period and costs
/// are not part of it: the attributed portfolio return is what the start-of-period book earned.
/// </summary>
public static class SessionBrinson
{
    /// <summary>
    /// Builds the periods. <paramref name="closeTimesUtcTicks"/> are ascending instants, <paramref name="closes"/>[i][k]
    /// the close of <paramref name="universe"/>[k] at instant i (NaN before it trades); a symbol with no close at either
    /// end has return 0 in that period. <paramref name="book"/> gives the snapshot at an instant (null = flat).
    /// </summary>
    public static List<BrinsonPeriod> Build(
        IReadOnlyList<SymbolInfo> universe,
        IReadOnlyList<long> closeTimesUtcTicks,
        IReadOnlyList<double[]> closes,
        Func<long, PositionSnapshot?> book)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(closeTimesUtcTicks);
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentNullException.ThrowIfNull(book);
        if (closes.Count != closeTimesUtcTicks.Count)
        {
            throw new ArgumentException($"{closes.Count} rows of closes for {closeTimesUtcTicks.Count} instants.", nameof(closes));
        }

        var periods = new List<BrinsonPeriod>(Math.Max(0, closes.Count - 1));
        var returns = new Dictionary<string, double>(universe.Count, StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 1; i < closes.Count; i++)
        {
            double[] before = closes[i - 1], after = closes[i];
            if (before.Length != universe.Count || after.Length != universe.Count)
            {
                throw new ArgumentException($"Row {i} of closes does not have {universe.Count} values.", nameof(closes));
            }

            returns.Clear();
            for (int k = 0; k < universe.Count; k++)
            {
                double r = after[k] / before[k] - 1;
                returns[universe[k].Symbol] = double.IsFinite(r) ? r : 0;
            }

            weights.Clear();
            if (book(closeTimesUtcTicks[i - 1]) is { } snapshot)
            {
                foreach (var p in snapshot.Positions)
                {
                    weights[p.Symbol] = weights.GetValueOrDefault(p.Symbol) + p.Weight;
                }
            }

            periods.Add(EqualWeightBenchmark.Build(closeTimesUtcTicks[i - 1], closeTimesUtcTicks[i], universe, weights, returns));
        }

        return periods;
    }
}
