namespace AlphaTrade.Core.Time;

/// <summary>
/// US Eastern time (America/New_York) computed from the US daylight-saving rules, not from the operating system's
/// time-zone database, so it gives the same answer on every machine, containers without tzdata included.
/// <para>
/// Rules: standard time is UTC−5, daylight time UTC−4. 1987–2006: daylight from the first Sunday of April 02:00
/// to the last Sunday of October 02:00 (Uniform Time Act as amended in 1986). 2007 on: from the second Sunday of
/// March 02:00 to the first Sunday of November 02:00 (Energy Policy Act of 2005). Later years are assumed to keep
/// the 2007 rule. Supported years: 1987–2099; outside them the methods throw
/// <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// <para>
/// Local times that do not map to exactly one instant are resolved as follows. Nonexistent (the spring-forward
/// hour, 02:00–02:59 on the March/April transition day): read with the standard offset in force just before the
/// gap, so the result lands one hour later on the wall clock (02:30 becomes 03:30 EDT). Ambiguous (the repeated
/// hour, 01:00–01:59 on the fall-back day): the first, daylight, occurrence. Exchange sessions never touch
/// either hour.
/// </para>
/// </summary>
public static class UsEasternTime
{
    /// <summary>First year the rules here cover.</summary>
    public const int FirstYear = 1987;

    /// <summary>Last year the rules here cover.</summary>
    public const int LastYear = 2099;

    private static readonly TimeSpan Standard = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Daylight = TimeSpan.FromHours(-4);

    /// <summary>The Eastern offset from UTC in force at <paramref name="utc"/>: −5 h (EST) or −4 h (EDT).</summary>
    public static TimeSpan UtcOffset(DateTime utc)
    {
        RequireKind(utc, DateTimeKind.Utc, nameof(utc));
        return IsDaylightUtc(utc) ? Daylight : Standard;
    }

    /// <summary>True when daylight time (EDT) is in force at <paramref name="utc"/>.</summary>
    public static bool IsDaylightUtc(DateTime utc)
    {
        RequireKind(utc, DateTimeKind.Utc, nameof(utc));
        var (start, end) = DaylightDays(CheckYear(utc.Year, nameof(utc)));

        // 02:00 EST is 07:00 UTC; 02:00 EDT is 06:00 UTC.
        long startUtc = start.ToDateTime(new TimeOnly(7, 0)).Ticks;
        long endUtc = end.ToDateTime(new TimeOnly(6, 0)).Ticks;
        return utc.Ticks >= startUtc && utc.Ticks < endUtc;
    }

    /// <summary>Converts a UTC instant to New York wall-clock time (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public static DateTime ToEastern(DateTime utc) =>
        DateTime.SpecifyKind(utc + UtcOffset(utc), DateTimeKind.Unspecified);

    /// <summary>
    /// Converts New York wall-clock time to UTC. <paramref name="eastern"/> must not be of kind
    /// <see cref="DateTimeKind.Utc"/> (a local-kind value is read as New York time, whatever the machine's zone).
    /// Nonexistent and ambiguous times follow the rule in the class summary.
    /// </summary>
    public static DateTime ToUtc(DateTime eastern)
    {
        if (eastern.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException("Expected a New York wall-clock time, got a UTC instant.", nameof(eastern));
        }

        var offset = IsDaylightLocal(eastern) ? Daylight : Standard;
        return new DateTime((eastern - offset).Ticks, DateTimeKind.Utc);
    }

    /// <summary>True when <paramref name="eastern"/> falls in the skipped spring-forward hour.</summary>
    public static bool IsNonexistent(DateTime eastern)
    {
        var (start, _) = DaylightDays(CheckYear(eastern.Year, nameof(eastern)));
        var gap = start.ToDateTime(new TimeOnly(2, 0));
        return eastern >= gap && eastern < gap.AddHours(1);
    }

    /// <summary>True when <paramref name="eastern"/> falls in the repeated fall-back hour.</summary>
    public static bool IsAmbiguous(DateTime eastern)
    {
        var (_, end) = DaylightDays(CheckYear(eastern.Year, nameof(eastern)));
        var overlap = end.ToDateTime(new TimeOnly(1, 0));
        return eastern >= overlap && eastern < overlap.AddHours(1);
    }

    /// <summary>The dates daylight time starts and ends in <paramref name="year"/> (transitions at 02:00 local).</summary>
    public static (DateOnly Start, DateOnly End) DaylightDays(int year)
    {
        CheckYear(year, nameof(year));
        return year >= 2007
            ? (NthWeekday(year, 3, DayOfWeek.Sunday, 2), NthWeekday(year, 11, DayOfWeek.Sunday, 1))
            : (NthWeekday(year, 4, DayOfWeek.Sunday, 1), LastWeekday(year, 10, DayOfWeek.Sunday));
    }

    /// <summary>The <paramref name="n"/>-th (1-based) <paramref name="day"/> of a month.</summary>
    internal static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        int shift = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(shift + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="day"/> of a month.</summary>
    internal static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-back);
    }

    // Daylight for wall-clock times: [start 03:00, end 02:00). The gap hour reads as standard (shifts forward);
    // the repeated 01:00 hour is before end 02:00, so it reads as daylight (first occurrence).
    private static bool IsDaylightLocal(DateTime eastern)
    {
        var (start, end) = DaylightDays(CheckYear(eastern.Year, nameof(eastern)));
        return eastern >= start.ToDateTime(new TimeOnly(3, 0)) && eastern < end.ToDateTime(new TimeOnly(2, 0));
    }

    private static int CheckYear(int year, string paramName)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(paramName, year,
                $"US Eastern time is computed by rule for {FirstYear}–{LastYear} only.");
        }

        return year;
    }

    private static void RequireKind(DateTime value, DateTimeKind kind, string paramName)
    {
        if (value.Kind != kind)
        {
            throw new ArgumentException($"Expected a DateTime of kind {kind}, got {value.Kind}.", paramName);
        }
    }
}
