using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>Compounded return of one calendar day (UTC date).</summary>
/// <param name="Date">The UTC date.</param>
/// <param name="Return">Compounded return of the periods ending on that date.</param>
public readonly record struct DailyReturn(DateOnly Date, double Return);

/// <summary>Compounded return of one calendar month.</summary>
/// <param name="Year">Year.</param>
/// <param name="Month">Month, 1..12.</param>
/// <param name="Return">Compounded return of the periods ending in that month.</param>
public readonly record struct MonthlyReturn(int Year, int Month, double Return);

/// <summary>Compounded return of one calendar year.</summary>
/// <param name="Year">Year.</param>
/// <param name="Return">Compounded return of the periods ending in that year.</param>
public readonly record struct YearlyReturn(int Year, double Return);

/// <summary>
/// Returns compounded by UTC calendar day, month and year. A period belongs to the date of its ending sample; the first
/// bucket compounds from the first sample. (US sessions fall inside one UTC date, so UTC days are trading days.)
/// </summary>
/// <param name="Days">One entry per date with at least one period, ascending.</param>
/// <param name="Months">One entry per month with at least one period, ascending.</param>
/// <param name="Years">One entry per year with at least one period, ascending.</param>
public sealed record CalendarReturns(IReadOnlyList<DailyReturn> Days, IReadOnlyList<MonthlyReturn> Months, IReadOnlyList<YearlyReturn> Years)
{
    /// <summary>Buckets the curve's equity (or its benchmark when <paramref name="benchmark"/> is true).</summary>
    public static CalendarReturns FromCurve(EquityCurve curve, bool benchmark = false)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var values = benchmark ? curve.Benchmark : curve.Equity;
        if (values.IsEmpty)
        {
            throw new InvalidOperationException("The curve has no benchmark.");
        }

        var time = curve.Time;
        var days = new List<DailyReturn>();
        var months = new List<MonthlyReturn>();
        var years = new List<YearlyReturn>();
        double dayBase = values[0], monthBase = values[0], yearBase = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            var d = DateOnly.FromDateTime(new DateTime(time[i], DateTimeKind.Utc));
            bool last = i == values.Length - 1;
            var next = last ? default : DateOnly.FromDateTime(new DateTime(time[i + 1], DateTimeKind.Utc));
            if (last || next != d)
            {
                days.Add(new DailyReturn(d, (values[i] / dayBase) - 1.0));
                dayBase = values[i];
            }

            if (last || next.Month != d.Month || next.Year != d.Year)
            {
                months.Add(new MonthlyReturn(d.Year, d.Month, (values[i] / monthBase) - 1.0));
                monthBase = values[i];
            }

            if (last || next.Year != d.Year)
            {
                years.Add(new YearlyReturn(d.Year, (values[i] / yearBase) - 1.0));
                yearBase = values[i];
            }
        }

        return new CalendarReturns(days, months, years);
    }

    /// <summary>Daily returns as an array (for rolling statistics and histograms).</summary>
    public double[] DailyValues() => Days.Select(d => d.Return).ToArray();
}

/// <summary>Per-period statistics: the distribution of bar, day, month and year returns.</summary>
/// <param name="PerPeriod">Returns of each bar (period).</param>
/// <param name="Daily">Returns compounded per UTC day.</param>
/// <param name="Monthly">Returns compounded per month.</param>
/// <param name="Yearly">Returns compounded per year.</param>
public sealed record PeriodStatistics(ReturnSummary PerPeriod, ReturnSummary Daily, ReturnSummary Monthly, ReturnSummary Yearly)
{
    /// <summary>Summarises <paramref name="calendar"/> together with the per-period summary already computed.</summary>
    public static PeriodStatistics From(ReturnSummary perPeriod, CalendarReturns calendar)
    {
        ArgumentNullException.ThrowIfNull(perPeriod);
        ArgumentNullException.ThrowIfNull(calendar);
        return new PeriodStatistics(
            perPeriod,
            Summarise(calendar.Days.Select(d => d.Return).ToArray()),
            Summarise(calendar.Months.Select(d => d.Return).ToArray()),
            Summarise(calendar.Years.Select(d => d.Return).ToArray()));
    }

    private static ReturnSummary Summarise(double[] values) => ReturnSummary.Of(values, new double[values.Length]);
}
