using System.Globalization;
using System.Text;

namespace AlphaTrade.Analytics.Attribution;

/// <summary>
/// The text of attribution_brinson.csv: one row per period and segment (weights, returns and the three effects), a
/// "TOTAL" row per period, then the run's per-sector and total effects summed ("SUM") and Carino-linked ("LINKED").
/// Invariant culture, round-trip doubles, ISO-8601 UTC times, "\n" line ends.
/// </summary>
public static class BrinsonCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "period_start_utc,period_end_utc,row,sector,portfolio_weight,benchmark_weight,portfolio_return,benchmark_return,allocation,selection,interaction,total";

    /// <summary>Formats <paramref name="periods"/> and their attribution <paramref name="result"/> (from <see cref="BrinsonFachler.Attribute(IEnumerable{BrinsonPeriod})"/>).</summary>
    public static string Format(IReadOnlyList<BrinsonPeriod> periods, BrinsonResult result)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(result);
        if (periods.Count != result.Periods.Count)
        {
            throw new ArgumentException($"{periods.Count} periods but {result.Periods.Count} results.", nameof(result));
        }

        var sb = new StringBuilder(Header).Append('\n');
        for (int p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            var r = result.Periods[p];
            string start = Time(period.StartUtcTicks), end = Time(period.EndUtcTicks);
            for (int i = 0; i < period.Segments.Count; i++)
            {
                var s = period.Segments[i];
                var e = r.Sectors[i];
                Row(sb, start, end, "sector", s.Sector, s.PortfolioWeight, s.BenchmarkWeight, s.PortfolioReturn, s.BenchmarkReturn, e.Allocation, e.Selection, e.Interaction, e.Total);
            }

            double wp = period.Segments.Sum(s => s.PortfolioWeight), wb = period.Segments.Sum(s => s.BenchmarkWeight);
            Row(sb, start, end, "period", "TOTAL", wp, wb, r.PortfolioReturn, r.BenchmarkReturn, r.Allocation, r.Selection, r.Interaction, r.ActiveReturn);
        }

        string first = periods.Count > 0 ? Time(periods[0].StartUtcTicks) : string.Empty;
        string last = periods.Count > 0 ? Time(periods[^1].EndUtcTicks) : string.Empty;
        foreach (var s in result.SectorTotals)
        {
            Row(sb, first, last, "sum", s.Sector, double.NaN, double.NaN, double.NaN, double.NaN, s.Allocation, s.Selection, s.Interaction, s.Total);
        }

        Row(sb, first, last, "sum", "TOTAL", double.NaN, double.NaN, double.NaN, double.NaN, result.Allocation, result.Selection, result.Interaction, result.ActiveReturn);
        foreach (var s in result.LinkedSectorTotals)
        {
            Row(sb, first, last, "linked", s.Sector, double.NaN, double.NaN, double.NaN, double.NaN, s.Allocation, s.Selection, s.Interaction, s.Total);
        }

        Row(sb, first, last, "linked", "TOTAL", double.NaN, double.NaN, result.CompoundedPortfolioReturn, result.CompoundedBenchmarkReturn,
            result.LinkedAllocation, result.LinkedSelection, result.LinkedInteraction, result.CompoundedActiveReturn);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string start, string end, string kind, string sector, params ReadOnlySpan<double> values)
    {
        sb.Append(start).Append(',').Append(end).Append(',').Append(kind).Append(',').Append(Quote(sector));
        foreach (double v in values)
        {
            sb.Append(',');
            if (!double.IsNaN(v))
            {
                sb.Append((v + 0.0).ToString("R", CultureInfo.InvariantCulture)); // + 0.0 turns −0 into 0
            }
        }

        sb.Append('\n');
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Time(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
