using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>How often one limit produced one decision, and when first and last.</summary>
/// <param name="Limit">The limit or trigger, snake_case ("max_position", "circuit_breaker").</param>
/// <param name="Category">"order" or "state".</param>
/// <param name="Verdict">"resize", "reject" (orders) or the trading state entered ("halted", "flattening").</param>
/// <param name="Count">Occurrences.</param>
/// <param name="FirstUtcTicks">First occurrence.</param>
/// <param name="LastUtcTicks">Last occurrence.</param>
public sealed record RiskLimitCount(string Limit, string Category, string Verdict, int Count, long FirstUtcTicks, long LastUtcTicks);

/// <summary>
/// The numbers of a run's risk section, shared by report.html and metrics.json: decision counts, counts per limit and
/// decision with first/last occurrence, and rolling historical VaR/CVaR of the returns. A resized order counts against
/// every limit that cut it; a rejected one against the limit that refused it (the last in its list), as the risk
/// layer's own log counts them.
/// </summary>
public sealed record RiskSummary
{
    /// <summary>False when the run had no risk layer.</summary>
    public bool Enabled { get; init; }

    /// <summary>How risk was applied, one line.</summary>
    public string? Note { get; init; }

    /// <summary>Orders accepted as requested.</summary>
    public int Accepted { get; init; }

    /// <summary>Orders let through smaller.</summary>
    public int Resized { get; init; }

    /// <summary>Orders refused.</summary>
    public int Rejected { get; init; }

    /// <summary>State events (limits tripping, new days clearing them, the kill switch).</summary>
    public int StateEvents { get; init; }

    /// <summary>Counts per limit and decision, ordered by limit then verdict (ordinal).</summary>
    public IReadOnlyList<RiskLimitCount> ByLimit { get; init; } = [];

    /// <summary>Rolling VaR/CVaR of the daily returns, or null when the curve is too short.</summary>
    public RollingTailRisk? Rolling { get; init; }

    /// <summary>Builds the summary of <paramref name="risk"/> (null: no risk layer) over <paramref name="curve"/>.</summary>
    public static RiskSummary Compute(RiskData? risk, EquityCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var rolling = RollingTailRisk.Compute(curve);
        if (risk is null || !risk.Enabled)
        {
            return new RiskSummary { Enabled = false, Note = risk?.Note ?? "no risk layer was recorded for this run", Rolling = rolling.Count > 0 ? rolling : null };
        }

        int accepted = 0, resized = 0, rejected = 0, states = 0;
        var counts = new Dictionary<(string Limit, string Category, string Verdict), (int Count, long First, long Last)>();
        void Count(string limit, string category, string verdict, long t)
        {
            var key = (limit, category, verdict);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, Math.Min(c.First, t), Math.Max(c.Last, t)) : (1, t, t);
        }

        foreach (var e in risk.Events)
        {
            if (e.Category != "order")
            {
                states++;
                Count(e.Kind, "state", e.Verdict, e.TimeUtcTicks);
                continue;
            }

            var limits = e.Kind.Split(';', StringSplitOptions.RemoveEmptyEntries);
            switch (e.Verdict)
            {
                case "accept":
                    accepted++;
                    break;
                case "resize":
                    resized++;
                    foreach (var l in limits)
                    {
                        Count(l, "order", "resize", e.TimeUtcTicks);
                    }

                    break;
                default:
                    rejected++;
                    Count(limits.Length > 0 ? limits[^1] : "(none)", "order", e.Verdict, e.TimeUtcTicks);
                    break;
            }
        }

        var byLimit = counts
            .Select(kv => new RiskLimitCount(kv.Key.Limit, kv.Key.Category, kv.Key.Verdict, kv.Value.Count, kv.Value.First, kv.Value.Last))
            .OrderBy(c => c.Category, StringComparer.Ordinal)
            .ThenBy(c => c.Limit, StringComparer.Ordinal)
            .ThenBy(c => c.Verdict, StringComparer.Ordinal)
            .ToList();
        return new RiskSummary
        {
            Enabled = true,
            Note = risk.Note,
            Accepted = accepted,
            Resized = resized,
            Rejected = rejected,
            StateEvents = states,
            ByLimit = byLimit,
            Rolling = rolling.Count > 0 ? rolling : null,
        };
    }

    /// <summary>How many times <paramref name="limit"/> produced <paramref name="verdict"/> (0 when never).</summary>
    public int CountOf(string limit, string verdict) =>
        ByLimit.Where(c => c.Limit == limit && c.Verdict == verdict).Sum(c => c.Count);
}
