using AlphaTrade.Core.Universe;

namespace AlphaTrade.Analytics.Attribution;

/// <summary>One sector of one attribution period: portfolio and benchmark weights (start of period) and returns.</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="PortfolioWeight">Portfolio weight w_p of the sector (net, fraction of equity).</param>
/// <param name="PortfolioReturn">Return r_p of the portfolio's holdings in the sector (weight-averaged).</param>
/// <param name="BenchmarkWeight">Benchmark weight w_b of the sector.</param>
/// <param name="BenchmarkReturn">Return r_b of the benchmark's holdings in the sector.</param>
public readonly record struct SectorSegment(string Sector, double PortfolioWeight, double PortfolioReturn, double BenchmarkWeight, double BenchmarkReturn);

/// <summary>The segments of one attribution period [start, end).</summary>
/// <param name="StartUtcTicks">Period start, UTC ticks.</param>
/// <param name="EndUtcTicks">Period end, UTC ticks.</param>
/// <param name="Segments">One entry per sector (weights of each side should sum to 1, cash included).</param>
public sealed record BrinsonPeriod(long StartUtcTicks, long EndUtcTicks, IReadOnlyList<SectorSegment> Segments);

/// <summary>Brinson–Fachler effects of one sector.</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="Allocation">(w_p − w_b)(r_b − R_b).</param>
/// <param name="Selection">w_b (r_p − r_b).</param>
/// <param name="Interaction">(w_p − w_b)(r_p − r_b).</param>
public sealed record SectorEffect(string Sector, double Allocation, double Selection, double Interaction)
{
    /// <summary>Allocation + selection + interaction.</summary>
    public double Total => Allocation + Selection + Interaction;
}

/// <summary>Brinson–Fachler attribution of one period.</summary>
/// <param name="StartUtcTicks">Period start.</param>
/// <param name="EndUtcTicks">Period end.</param>
/// <param name="PortfolioReturn">R_p = Σ w_p r_p.</param>
/// <param name="BenchmarkReturn">R_b = Σ w_b r_b.</param>
/// <param name="Sectors">Per-sector effects in segment order.</param>
/// <param name="Allocation">Sum of allocation effects.</param>
/// <param name="Selection">Sum of selection effects.</param>
/// <param name="Interaction">Sum of interaction effects.</param>
public sealed record BrinsonPeriodResult(
    long StartUtcTicks,
    long EndUtcTicks,
    double PortfolioReturn,
    double BenchmarkReturn,
    IReadOnlyList<SectorEffect> Sectors,
    double Allocation,
    double Selection,
    double Interaction)
{
    /// <summary>R_p − R_b; equals allocation + selection + interaction when both sides' weights sum to one.</summary>
    public double ActiveReturn => PortfolioReturn - BenchmarkReturn;
}

/// <summary>
/// Brinson–Fachler attribution over several periods: per period, summed arithmetically, and linked geometrically with
/// Carino's (1999) logarithmic coefficients so that the linked effects add up to the compounded active return.
/// </summary>
/// <param name="Periods">Each period's result in time order.</param>
/// <param name="SectorTotals">Each sector's effects summed over the periods, in first-seen order.</param>
/// <param name="Allocation">Summed allocation.</param>
/// <param name="Selection">Summed selection.</param>
/// <param name="Interaction">Summed interaction.</param>
/// <param name="ActiveReturn">Summed per-period active returns (equals the sum of the three effects).</param>
public sealed record BrinsonResult(
    IReadOnlyList<BrinsonPeriodResult> Periods,
    IReadOnlyList<SectorEffect> SectorTotals,
    double Allocation,
    double Selection,
    double Interaction,
    double ActiveReturn)
{
    /// <summary>Compounded attributed portfolio return Π(1 + R_p,t) − 1.</summary>
    public double CompoundedPortfolioReturn { get; init; }

    /// <summary>Compounded benchmark return Π(1 + R_b,t) − 1.</summary>
    public double CompoundedBenchmarkReturn { get; init; }

    /// <summary>Compounded active return: <see cref="CompoundedPortfolioReturn"/> − <see cref="CompoundedBenchmarkReturn"/>.</summary>
    public double CompoundedActiveReturn => CompoundedPortfolioReturn - CompoundedBenchmarkReturn;

    /// <summary>Carino-linked allocation (NaN when a period's return is at or below −100%).</summary>
    public double LinkedAllocation { get; init; }

    /// <summary>Carino-linked selection.</summary>
    public double LinkedSelection { get; init; }

    /// <summary>Carino-linked interaction.</summary>
    public double LinkedInteraction { get; init; }

    /// <summary>Each sector's Carino-linked effects, in <see cref="SectorTotals"/> order; they add up to <see cref="CompoundedActiveReturn"/>.</summary>
    public IReadOnlyList<SectorEffect> LinkedSectorTotals { get; init; } = [];
}

/// <summary>
/// Brinson–Fachler (1985) sector attribution: allocation (w_p − w_b)(r_b − R_b), selection w_b(r_p − r_b) and
/// interaction (w_p − w_b)(r_p − r_b). See docs/metrics.md.
/// </summary>
public static class BrinsonFachler
{
    /// <summary>Attributes one period.</summary>
    public static BrinsonPeriodResult Attribute(BrinsonPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        double rp = 0, rb = 0;
        foreach (var s in period.Segments)
        {
            rp += s.PortfolioWeight * s.PortfolioReturn;
            rb += s.BenchmarkWeight * s.BenchmarkReturn;
        }

        var effects = new List<SectorEffect>(period.Segments.Count);
        double a = 0, sel = 0, inter = 0;
        foreach (var s in period.Segments)
        {
            double dw = s.PortfolioWeight - s.BenchmarkWeight;
            double dr = s.PortfolioReturn - s.BenchmarkReturn;
            var e = new SectorEffect(s.Sector, dw * (s.BenchmarkReturn - rb), s.BenchmarkWeight * dr, dw * dr);
            a += e.Allocation;
            sel += e.Selection;
            inter += e.Interaction;
            effects.Add(e);
        }

        return new BrinsonPeriodResult(period.StartUtcTicks, period.EndUtcTicks, rp, rb, effects, a, sel, inter);
    }

    /// <summary>Attributes every period, sums the effects per sector and in total, and links them (Carino).</summary>
    public static BrinsonResult Attribute(IEnumerable<BrinsonPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var results = periods.Select(Attribute).ToList();
        var order = new List<string>();
        var sums = new Dictionary<string, (double A, double S, double I)>(StringComparer.Ordinal);
        foreach (var p in results)
        {
            foreach (var e in p.Sectors)
            {
                if (!sums.TryGetValue(e.Sector, out var acc))
                {
                    order.Add(e.Sector);
                    acc = default;
                }

                sums[e.Sector] = (acc.A + e.Allocation, acc.S + e.Selection, acc.I + e.Interaction);
            }
        }

        var totals = order.Select(s => new SectorEffect(s, sums[s].A, sums[s].S, sums[s].I)).ToList();

        // Carino linking: effect_t · k_t / K with k_t = ln((1+R_p)/(1+R_b)) / (R_p − R_b) per period and K the same over
        // the compounded returns; Σ_t (R_p,t − R_b,t) k_t = ln((1+R_p)/(1+R_b)) makes the linked effects add up exactly.
        double growthP = 1, growthB = 1;
        foreach (var p in results)
        {
            growthP *= 1 + p.PortfolioReturn;
            growthB *= 1 + p.BenchmarkReturn;
        }

        double bigK = CarinoCoefficient(growthP - 1, growthB - 1);
        var linked = new Dictionary<string, (double A, double S, double I)>(StringComparer.Ordinal);
        double la = 0, ls = 0, li = 0;
        foreach (var p in results)
        {
            double k = CarinoCoefficient(p.PortfolioReturn, p.BenchmarkReturn) / bigK;
            la += p.Allocation * k;
            ls += p.Selection * k;
            li += p.Interaction * k;
            foreach (var e in p.Sectors)
            {
                var acc = linked.GetValueOrDefault(e.Sector);
                linked[e.Sector] = (acc.A + (e.Allocation * k), acc.S + (e.Selection * k), acc.I + (e.Interaction * k));
            }
        }

        return new BrinsonResult(
            results,
            totals,
            results.Sum(p => p.Allocation),
            results.Sum(p => p.Selection),
            results.Sum(p => p.Interaction),
            results.Sum(p => p.ActiveReturn))
        {
            CompoundedPortfolioReturn = growthP - 1,
            CompoundedBenchmarkReturn = growthB - 1,
            LinkedAllocation = la,
            LinkedSelection = ls,
            LinkedInteraction = li,
            LinkedSectorTotals = order.Select(s => new SectorEffect(s, linked[s].A, linked[s].S, linked[s].I)).ToList(),
        };
    }

    /// <summary>Carino's k = (ln(1+r_p) − ln(1+r_b)) / (r_p − r_b), its limit 1/(1+r) when the two are equal; NaN at or below −100%.</summary>
    internal static double CarinoCoefficient(double rp, double rb)
    {
        if (rp <= -1 || rb <= -1)
        {
            return double.NaN;
        }

        double d = rp - rb;
        return Math.Abs(d) < 1e-14 ? 1 / (1 + rp) : (double.LogP1(rp) - double.LogP1(rb)) / d;
    }
}

/// <summary>
/// Builds Brinson periods against an equal-weighted benchmark of the universe: every symbol weighs 1/N, so a sector
/// weighs (its symbols) / N and returns the plain mean of its symbols' returns.
/// </summary>
public static class EqualWeightBenchmark
{
    /// <summary>Name of the segment that holds the portfolio's uninvested (or borrowed) weight.</summary>
    public const string CashSegment = "Cash";

    /// <summary>
    /// One period. <paramref name="portfolioWeights"/> are start-of-period weights by symbol (net, fraction of equity;
    /// absent = 0); <paramref name="symbolReturns"/> are each universe symbol's return over the period (absent = 0).
    /// A sector's portfolio return is Σ w·r ÷ Σ w over its symbols (the benchmark sector return when Σ w = 0). Weight
    /// not invested in the universe (1 − Σ w) goes to a <see cref="CashSegment"/> segment with zero return and zero
    /// benchmark weight, so the effects add up to R_p − R_b. Weights of symbols outside the universe are ignored (they count as cash).
    /// </summary>
    public static BrinsonPeriod Build(
        long startUtcTicks,
        long endUtcTicks,
        IReadOnlyList<SymbolInfo> universe,
        IReadOnlyDictionary<string, double> portfolioWeights,
        IReadOnlyDictionary<string, double> symbolReturns)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(portfolioWeights);
        ArgumentNullException.ThrowIfNull(symbolReturns);
        if (universe.Count == 0)
        {
            throw new ArgumentException("The universe is empty.", nameof(universe));
        }

        var order = new List<string>();
        var acc = new Dictionary<string, (int N, double SumR, double Wp, double WpR)>(StringComparer.Ordinal);
        double invested = 0;
        foreach (var s in universe)
        {
            double r = symbolReturns.TryGetValue(s.Symbol, out var rv) ? rv : 0;
            double w = portfolioWeights.TryGetValue(s.Symbol, out var wv) ? wv : 0;
            invested += w;
            if (!acc.TryGetValue(s.Sector, out var a))
            {
                order.Add(s.Sector);
                a = default;
            }

            acc[s.Sector] = (a.N + 1, a.SumR + r, a.Wp + w, a.WpR + (w * r));
        }

        var segments = new List<SectorSegment>(order.Count + 1);
        foreach (var sector in order)
        {
            var a = acc[sector];
            double rb = a.SumR / a.N;
            double rp = Math.Abs(a.Wp) > 1e-12 ? a.WpR / a.Wp : rb;
            segments.Add(new SectorSegment(sector, a.Wp, rp, (double)a.N / universe.Count, rb));
        }

        double cash = 1.0 - invested;
        if (Math.Abs(cash) > 1e-12)
        {
            segments.Add(new SectorSegment(CashSegment, cash, 0, 0, 0));
        }

        return new BrinsonPeriod(startUtcTicks, endUtcTicks, segments);
    }
}
