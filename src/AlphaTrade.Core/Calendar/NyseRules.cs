using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Calendar;

/// <summary>
/// The NYSE holiday and early-close rules for 1990–2035, and the table of closures and shortened sessions that
/// no rule produces.
/// <para>
/// Sources: NYSE Rule 7.2 (holidays; "when a holiday falls on a Saturday the Exchange will not be open on the
/// preceding Friday, except where the Friday is the last trading day of a monthly or yearly accounting period" —
/// hence no closure on Dec 31 when Jan 1 is a Saturday, and "when a holiday falls on a Sunday the Exchange will not
/// be open the following Monday"), the published NYSE holiday and early-closing schedules (nyse.com, "Holidays
/// and Trading Hours"), and the NYSE's historical list of closings and shortened sessions ("NYSE closings.pdf"),
/// as tabulated in the open-source pandas_market_calendars and exchange_calendars projects.
/// </para>
/// </summary>
internal static class NyseRules
{
    /// <summary>Regular early close.</summary>
    public static readonly TimeOnly OnePm = new(13, 0);

    // Holiday-eve early closes were at 14:00 until the 1pm practice started in 1993.
    private static readonly TimeOnly TwoPm = new(14, 0);

    /// <summary>
    /// Whole-day closures no rule produces (1990–2035). Unplanned intraday events (late opens after snow or
    /// outages, circuit-breaker halts) are market events, not calendar changes, and are not modelled.
    /// </summary>
    public static readonly MarketClosure[] SpecialClosures =
    [
        Special(1994, 4, 27, "Funeral of former President Richard Nixon"),
        Special(2001, 9, 11, "September 11 attacks"),
        Special(2001, 9, 12, "September 11 attacks"),
        Special(2001, 9, 13, "September 11 attacks"),
        Special(2001, 9, 14, "September 11 attacks"),
        Special(2004, 6, 11, "National day of mourning for former President Ronald Reagan"),
        Special(2007, 1, 2, "National day of mourning for former President Gerald Ford"),
        Special(2012, 10, 29, "Hurricane Sandy"),
        Special(2012, 10, 30, "Hurricane Sandy"),
        Special(2018, 12, 5, "National day of mourning for former President George H. W. Bush"),
        Special(2025, 1, 9, "National day of mourning for former President Jimmy Carter"),
    ];

    /// <summary>Announced shortened sessions that no rule produces.</summary>
    public static readonly ShortenedSession[] ExtraShortenedSessions =
    [
        new(new DateOnly(1997, 12, 26), OnePm, "Day after Christmas"),
        new(new DateOnly(2003, 12, 26), OnePm, "Day after Christmas"),
    ];

    /// <summary>Adds the rule-based holidays of <paramref name="year"/> that fall on weekdays.</summary>
    public static void AddHolidays(int year, List<MarketClosure> into)
    {
        // New Year's Day: Sunday moves to Monday; Saturday is not observed (Dec 31 is a year-end trading day).
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday)
        {
            Add(into, newYear.AddDays(1), "New Year's Day");
        }
        else if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            Add(into, newYear, "New Year's Day");
        }

        if (year >= 1998)
        {
            // The NYSE first closed for Martin Luther King, Jr. Day in 1998.
            Add(into, UsEasternTime.NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King, Jr. Day");
        }

        Add(into, UsEasternTime.NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        Add(into, EasterSunday(year).AddDays(-2), "Good Friday");
        Add(into, UsEasternTime.LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (year >= 2022)
        {
            // Juneteenth became a federal holiday in June 2021; the NYSE first closed for it in 2022.
            Add(into, Observed(new DateOnly(year, 6, 19)), "Juneteenth National Independence Day");
        }

        Add(into, Observed(new DateOnly(year, 7, 4)), "Independence Day");
        Add(into, UsEasternTime.NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        Add(into, Thanksgiving(year), "Thanksgiving Day");
        Add(into, Observed(new DateOnly(year, 12, 25)), "Christmas Day");
    }

    /// <summary>
    /// Adds the rule-based shortened sessions of <paramref name="year"/>; <paramref name="isClosed"/> tells days
    /// with no session, which never get one.
    /// </summary>
    public static void AddShortenedSessions(int year, Func<DateOnly, bool> isClosed, List<ShortenedSession> into)
    {
        // Day after Thanksgiving: 14:00 in 1992 (the first year), 13:00 since 1993.
        if (year >= 1992)
        {
            AddIfOpen(into, isClosed, Thanksgiving(year).AddDays(1), year == 1992 ? TwoPm : OnePm, "Day after Thanksgiving");
        }

        // Christmas Eve on Monday–Thursday: 14:00 in 1990–1992, 13:00 since 1993 (on a Friday it is the observed
        // Christmas holiday).
        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            AddIfOpen(into, isClosed, christmasEve, year <= 1992 ? TwoPm : OnePm, "Christmas Eve");
        }

        // Independence Day eve, since 1995: July 3 on a Monday, Tuesday or Thursday. When July 4 is a Thursday the
        // shortened day was Friday July 5 in 1996–2012 and has been Wednesday July 3 since 2013. When July 4 is a
        // Saturday, July 3 is the observed holiday and July 2 is a full day.
        if (year >= 1995)
        {
            var july3 = new DateOnly(year, 7, 3);
            var july5 = new DateOnly(year, 7, 5);
            if (july3.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday
                || (july3.DayOfWeek == DayOfWeek.Wednesday && year >= 2013))
            {
                AddIfOpen(into, isClosed, july3, OnePm, "Independence Day eve");
            }
            else if (july5.DayOfWeek == DayOfWeek.Friday && year <= 2012)
            {
                AddIfOpen(into, isClosed, july5, OnePm, "Day after Independence Day");
            }
        }

        foreach (var extra in ExtraShortenedSessions)
        {
            if (extra.Date.Year == year)
            {
                AddIfOpen(into, isClosed, extra.Date, extra.Close, extra.Reason);
            }
        }
    }

    /// <summary>Western (Gregorian) Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Thanksgiving(int year) => UsEasternTime.NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    // Rule 7.2 weekend observance for fixed-date holidays other than New Year's Day.
    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static void Add(List<MarketClosure> into, DateOnly date, string name) =>
        into.Add(new MarketClosure(date, name, ClosureKind.Holiday));

    private static void AddIfOpen(List<ShortenedSession> into, Func<DateOnly, bool> isClosed, DateOnly date, TimeOnly close, string reason)
    {
        if (!isClosed(date))
        {
            into.Add(new ShortenedSession(date, close, reason));
        }
    }

    private static MarketClosure Special(int year, int month, int day, string reason) =>
        new(new DateOnly(year, month, day), reason, ClosureKind.Special);
}
