namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// The New York calendar date of a UTC instant, for session-anchored indicators, without time-zone databases:
/// US Eastern time is UTC−5, or UTC−4 from the second Sunday of March 02:00 local to the first Sunday of
/// November 02:00 local (the rule in force since 2007; earlier years are not needed for intraday data here).
/// </summary>
internal static class NewYorkDay
{
    /// <summary>Days since 0001-01-01 of the New York date containing <paramref name="utcTicks"/>.</summary>
    public static int DayNumber(long utcTicks)
    {
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        int year = utc.Year;
        // DST starts 2nd Sunday of March at 07:00 UTC (02:00 EST) and ends 1st Sunday of November at 06:00 UTC (02:00 EDT).
        var start = NthSunday(year, 3, 2).AddHours(7);
        var end = NthSunday(year, 11, 1).AddHours(6);
        int offsetHours = utc >= start && utc < end ? -4 : -5;
        return (int)(utc.AddHours(offsetHours).Ticks / TimeSpan.TicksPerDay);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        int add = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(add + (7 * (n - 1)));
    }
}
