using System.Globalization;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// How many return periods make a year, and why: every annualised metric multiplies by this number (or its square root),
/// and reports state <see cref="Basis"/> next to the numbers.
/// </summary>
/// <param name="PeriodsPerYear">Return periods per year (for example 6552 for 15-minute bars, 252 for daily).</param>
/// <param name="Basis">One line explaining the number, e.g. "15-minute bars: 252 sessions × 26 bars = 6552 periods per year".</param>
public sealed record Annualization(double PeriodsPerYear, string Basis)
{
    /// <summary>Trading sessions per year used throughout (US equities).</summary>
    public const double TradingDaysPerYear = 252;

    /// <summary>Minutes in a regular US equity session (09:30–16:00 New York).</summary>
    public const int SessionMinutes = 390;

    /// <summary>Daily data: 252 periods per year.</summary>
    public static Annualization Daily { get; } = new(TradingDaysPerYear, "daily bars: 252 sessions per year");

    /// <summary>The factor for bars of <paramref name="timeFrame"/>: 252 sessions × bars per 390-minute session (a partial last bar counts).</summary>
    public static Annualization ForTimeFrame(TimeFrame timeFrame)
    {
        if (timeFrame.Minutes <= 0)
        {
            throw new ArgumentException("Invalid time frame.", nameof(timeFrame));
        }

        return timeFrame.IsDaily ? Daily : ForIntradayMinutes(timeFrame.Minutes, string.Empty);
    }

    /// <summary>A factor given explicitly (for example by --periods-per-year).</summary>
    public static Annualization Explicit(double periodsPerYear)
    {
        if (!(periodsPerYear > 0) || double.IsInfinity(periodsPerYear))
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be positive.");
        }

        return new Annualization(periodsPerYear, string.Create(CultureInfo.InvariantCulture, $"given: {periodsPerYear:0.####} periods per year"));
    }

    /// <summary>
    /// Infers the factor from the median spacing of <paramref name="timeUtcTicks"/> (ascending): under 20 hours → intraday bars
    /// (252 × bars per session); up to 4 days → daily (252); up to 10 days → weekly (52); up to 45 days → monthly (12);
    /// up to 140 days → quarterly (4); otherwise yearly (1).
    /// </summary>
    public static Annualization Infer(ReadOnlySpan<long> timeUtcTicks)
    {
        if (timeUtcTicks.Length < 2)
        {
            throw new ArgumentException("Need at least two timestamps to infer the bar spacing.", nameof(timeUtcTicks));
        }

        var gaps = new long[timeUtcTicks.Length - 1];
        for (int i = 0; i < gaps.Length; i++)
        {
            gaps[i] = timeUtcTicks[i + 1] - timeUtcTicks[i];
        }

        Array.Sort(gaps);
        int m = gaps.Length / 2;
        double median = gaps.Length % 2 == 1 ? gaps[m] : (gaps[m - 1] / 2.0) + (gaps[m] / 2.0);
        var spacing = TimeSpan.FromTicks((long)median);
        string prefix = "inferred (median spacing " + Describe(spacing) + "): ";
        double days = spacing.TotalDays;
        if (spacing.TotalHours < 20)
        {
            int minutes = Math.Max(1, (int)Math.Round(spacing.TotalMinutes));
            return ForIntradayMinutes(minutes, prefix);
        }

        return days switch
        {
            <= 4 => new Annualization(TradingDaysPerYear, prefix + "daily, 252 periods per year"),
            <= 10 => new Annualization(52, prefix + "weekly, 52 periods per year"),
            <= 45 => new Annualization(12, prefix + "monthly, 12 periods per year"),
            <= 140 => new Annualization(4, prefix + "quarterly, 4 periods per year"),
            _ => new Annualization(1, prefix + "yearly, 1 period per year"),
        };
    }

    private static Annualization ForIntradayMinutes(int minutes, string prefix)
    {
        int bars = minutes >= SessionMinutes ? 1 : (SessionMinutes + minutes - 1) / minutes;
        double ppy = TradingDaysPerYear * bars;
        return new Annualization(ppy, string.Create(CultureInfo.InvariantCulture,
            $"{prefix}{minutes}-minute bars: 252 sessions × {bars} bars = {ppy:0} periods per year"));
    }

    private static string Describe(TimeSpan t) =>
        t.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.##} min")
        : t.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.##} h")
        : t.TotalDays == 1 ? "1 day"
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays:0.##} days");
}

/// <summary>Settings of a metrics computation.</summary>
/// <param name="Annualization">Periods per year and its explanation.</param>
/// <param name="RiskFreeRate">Annual risk-free rate (simple), converted to a per-period rate as rf / periods per year; default 0.</param>
/// <param name="SortinoTarget">Per-period target (minimum acceptable) return of the Sortino ratio and downside deviation; default 0.</param>
public sealed record MetricsOptions(Annualization Annualization, double RiskFreeRate = 0, double SortinoTarget = 0)
{
    /// <summary>Options for bars of <paramref name="timeFrame"/> with a zero risk-free rate.</summary>
    public static MetricsOptions ForTimeFrame(TimeFrame timeFrame) => new(Annualization.ForTimeFrame(timeFrame));

    /// <summary>Periods per year.</summary>
    public double PeriodsPerYear => Annualization.PeriodsPerYear;

    /// <summary>Per-period risk-free rate.</summary>
    public double RiskFreePerPeriod => RiskFreeRate / Annualization.PeriodsPerYear;
}
