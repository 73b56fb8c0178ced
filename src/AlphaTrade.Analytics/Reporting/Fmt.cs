using System.Globalization;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>Invariant-culture number formatting shared by the text table and the tearsheet.</summary>
public static class Fmt
{
    /// <summary>A fraction as a percentage, e.g. 0.1234 → "12.34%"; "n/a" for NaN, "∞" for infinities.</summary>
    public static string Pct(double x, int decimals = 2) => Special(x) ?? Fixed(x * 100, decimals) + "%";

    /// <summary>A plain number with fixed decimals.</summary>
    public static string Num(double x, int decimals = 2) => Special(x) ?? Fixed(x, decimals);

    /// <summary>Money with thousands separators and no decimals, e.g. "1,234,567".</summary>
    public static string Money(double x) => Special(x) ?? x.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators.</summary>
    public static string Int(long x) => x.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant as "yyyy-MM-dd HH:mm" (or just the date at midnight).</summary>
    public static string Time(DateTime utc) =>
        utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A duration in days with one decimal below ten days, e.g. "3.5 d", "42 d".</summary>
    public static string Days(TimeSpan t) =>
        t.TotalDays < 10 ? t.TotalDays.ToString("0.0", CultureInfo.InvariantCulture) + " d" : t.TotalDays.ToString("0", CultureInfo.InvariantCulture) + " d";

    /// <summary>Fixed decimals without a sign on values that round to zero ("0.00", never "-0.00").</summary>
    private static string Fixed(double x, int decimals)
    {
        double rounded = Math.Round(x, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            x = 0;
        }

        return x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string? Special(double x) =>
        double.IsNaN(x) ? "n/a" : double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "-∞" : null;
}
