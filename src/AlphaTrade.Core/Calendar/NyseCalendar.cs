using System.Collections.Immutable;
using System.Globalization;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Calendar;

/// <summary>
/// The New York Stock Exchange calendar, 1990-01-01 to 2035-12-31: regular sessions 09:30–16:00 New York time,
/// holidays and shortened sessions computed by rule (see the rules in the class remarks), and a table of special
/// closures. Exchange time is <see cref="UsEasternTime"/>, computed by rule, so results do not depend on the
/// machine's time-zone database.
/// </summary>
/// <remarks>
/// <para>Holidays (weekday observance: Saturday → Friday before, Sunday → Monday after, NYSE Rule 7.2):
/// New Year's Day (a Saturday New Year is not observed), Martin Luther King, Jr. Day (third Monday of January,
/// from 1998), Washington's Birthday (third Monday of February), Good Friday, Memorial Day (last Monday of May),
/// Juneteenth (June 19, from 2022), Independence Day, Labor Day (first Monday of September), Thanksgiving (fourth
/// Thursday of November), Christmas Day.</para>
/// <para>Shortened sessions: the day after Thanksgiving (14:00 in 1992, 13:00 since 1993); Christmas Eve on
/// Monday–Thursday (14:00 in 1990–1992, 13:00 since); July 3 on Monday, Tuesday or Thursday since 1995, on a
/// Wednesday since 2013; Friday July 5 in 1996–2012; Dec 26 in 1997 and 2003 (13:00).</para>
/// <para>Special closures: see <see cref="SpecialClosures"/>. Unplanned intraday disruptions (late opens, weather
/// or circuit-breaker early closes such as 1996-01-08 or 1997-10-27) are market events, not calendar changes,
/// and are not modelled: those days keep the regular session.</para>
/// <para>Queries with a date outside <see cref="SupportedRange"/> throw <see cref="ArgumentOutOfRangeException"/>.
/// All lookups are O(1) table reads; the tables are built once per process and shared, so instances are free
/// and thread-safe.</para>
/// </remarks>
public sealed class NyseCalendar : ITradingCalendar
{
    /// <summary>First supported date.</summary>
    public static readonly DateOnly FirstDate = new(1990, 1, 1);

    /// <summary>Last supported date.</summary>
    public static readonly DateOnly LastDate = new(2035, 12, 31);

    /// <summary>Regular open, New York time.</summary>
    public static readonly TimeOnly RegularOpen = new(9, 30);

    /// <summary>Regular close, New York time.</summary>
    public static readonly TimeOnly RegularClose = new(16, 0);

    /// <summary>The usual early close, New York time.</summary>
    public static readonly TimeOnly EarlyClose = NyseRules.OnePm;

    /// <summary>The shared instance.</summary>
    public static NyseCalendar Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "NYSE";

    /// <inheritdoc />
    public (DateOnly First, DateOnly Last) SupportedRange => (FirstDate, LastDate);

    /// <summary>Whole-day closures that no holiday rule produces, with their reasons, ascending.</summary>
    public static IReadOnlyList<MarketClosure> SpecialClosures => Tables.Specials;

    /// <inheritdoc />
    public bool IsTradingDay(DateOnly date)
    {
        int i = Tables.FirstSessionOnOrAfter[DayIndex(date, nameof(date))];
        return i < Tables.Sessions.Length && Tables.Sessions[i].Date == date;
    }

    /// <inheritdoc />
    public TradingSession? GetSession(DateOnly date)
    {
        int i = Tables.FirstSessionOnOrAfter[DayIndex(date, nameof(date))];
        return i < Tables.Sessions.Length && Tables.Sessions[i].Date == date ? Tables.Sessions[i] : null;
    }

    /// <inheritdoc />
    public IEnumerable<TradingSession> Sessions(DateOnly from, DateOnly to)
    {
        var (lo, hi) = SessionRange(from, to);
        return Iterate(lo, hi);

        static IEnumerable<TradingSession> Iterate(int lo, int hi)
        {
            for (int i = lo; i < hi; i++)
            {
                yield return Tables.Sessions[i];
            }
        }
    }

    /// <summary>Every session with a date in [from, to] as a span over the shared table (no copy).</summary>
    public ReadOnlySpan<TradingSession> SessionSpan(DateOnly from, DateOnly to)
    {
        var (lo, hi) = SessionRange(from, to);
        return Tables.Sessions.AsSpan(lo, hi - lo);
    }

    /// <summary>Number of sessions with a date in [from, to].</summary>
    public int CountTradingDays(DateOnly from, DateOnly to)
    {
        var (lo, hi) = SessionRange(from, to);
        return hi - lo;
    }

    /// <inheritdoc />
    public TradingSession? SessionAt(DateTime utc)
    {
        if (utc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"Expected a UTC instant, got kind {utc.Kind}.", nameof(utc));
        }

        return SessionAt(utc.Ticks);
    }

    /// <summary>The session containing the UTC instant <paramref name="utcTicks"/> (open ≤ t &lt; close), or null.</summary>
    public TradingSession? SessionAt(long utcTicks)
    {
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        var date = DateOnly.FromDateTime(UsEasternTime.ToEastern(utc));
        var session = GetSession(date);
        return session is { } s && s.Contains(utc) ? s : null;
    }

    /// <inheritdoc />
    public DateOnly NextTradingDay(DateOnly date)
    {
        DayIndex(date, nameof(date));
        int i = date == LastDate ? Tables.Sessions.Length : Tables.FirstSessionOnOrAfter[DayIndex(date.AddDays(1), nameof(date))];
        if (i >= Tables.Sessions.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                string.Create(CultureInfo.InvariantCulture, $"No NYSE trading day after {date:yyyy-MM-dd} within the supported range (to {LastDate:yyyy-MM-dd})."));
        }

        return Tables.Sessions[i].Date;
    }

    /// <inheritdoc />
    public DateOnly PreviousTradingDay(DateOnly date)
    {
        int i = Tables.FirstSessionOnOrAfter[DayIndex(date, nameof(date))] - 1;
        if (i < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                string.Create(CultureInfo.InvariantCulture, $"No NYSE trading day before {date:yyyy-MM-dd} within the supported range (from {FirstDate:yyyy-MM-dd})."));
        }

        return Tables.Sessions[i].Date;
    }

    /// <summary>Holidays and special closures on weekdays of <paramref name="year"/>, ascending by date.</summary>
    public IReadOnlyList<MarketClosure> Closures(int year) => Tables.ClosuresByYear[YearIndex(year)];

    /// <summary>Shortened sessions of <paramref name="year"/>, ascending by date.</summary>
    public IReadOnlyList<ShortenedSession> ShortenedSessions(int year) => Tables.ShortenedByYear[YearIndex(year)];

    /// <summary>The closure on <paramref name="date"/> (holiday or special), or null on a trading day or weekend.</summary>
    public MarketClosure? ClosureOn(DateOnly date)
    {
        DayIndex(date, nameof(date));
        foreach (var c in Tables.ClosuresByYear[date.Year - FirstDate.Year])
        {
            if (c.Date == date)
            {
                return c;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public DateTime ToExchangeTime(DateTime utc) => UsEasternTime.ToEastern(utc);

    /// <inheritdoc />
    public DateTime ToUtc(DateTime exchangeLocal) => UsEasternTime.ToUtc(exchangeLocal);

    private static (int Lo, int Hi) SessionRange(DateOnly from, DateOnly to)
    {
        int lo = Tables.FirstSessionOnOrAfter[DayIndex(from, nameof(from))];
        int hiDay = DayIndex(to, nameof(to)) + 1;
        int hi = hiDay < Tables.FirstSessionOnOrAfter.Length ? Tables.FirstSessionOnOrAfter[hiDay] : Tables.Sessions.Length;
        return (lo, Math.Max(lo, hi));
    }

    private static int DayIndex(DateOnly date, string paramName)
    {
        if (date < FirstDate || date > LastDate)
        {
            throw new ArgumentOutOfRangeException(paramName, date,
                string.Create(CultureInfo.InvariantCulture, $"The NYSE calendar covers {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}; got {date:yyyy-MM-dd}."));
        }

        return date.DayNumber - FirstDate.DayNumber;
    }

    private static int YearIndex(int year)
    {
        if (year < FirstDate.Year || year > LastDate.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                string.Create(CultureInfo.InvariantCulture, $"The NYSE calendar covers {FirstDate.Year}–{LastDate.Year}; got {year}."));
        }

        return year - FirstDate.Year;
    }

    // Built once per process on first use (type initialisation is thread-safe) and never mutated.
    private static class Tables
    {
        public static readonly ImmutableArray<MarketClosure> Specials = [.. NyseRules.SpecialClosures.OrderBy(c => c.Date)];
        public static readonly ImmutableArray<MarketClosure>[] ClosuresByYear;
        public static readonly ImmutableArray<ShortenedSession>[] ShortenedByYear;
        public static readonly TradingSession[] Sessions;

        // Per day from FirstDate: index in Sessions of the first session on or after that day.
        public static readonly int[] FirstSessionOnOrAfter;

        static Tables()
        {
            int years = LastDate.Year - FirstDate.Year + 1;
            ClosuresByYear = new ImmutableArray<MarketClosure>[years];
            ShortenedByYear = new ImmutableArray<ShortenedSession>[years];
            int days = LastDate.DayNumber - FirstDate.DayNumber + 1;
            var closed = new bool[days];
            var closeTime = new TimeOnly[days];
            var closures = new List<MarketClosure>();
            var shortened = new List<ShortenedSession>();

            for (int y = 0; y < years; y++)
            {
                int year = FirstDate.Year + y;
                closures.Clear();
                NyseRules.AddHolidays(year, closures);
                closures.AddRange(Specials.Where(c => c.Date.Year == year));
                closures.Sort((a, b) => a.Date.CompareTo(b.Date));
                ClosuresByYear[y] = [.. closures];
                foreach (var c in closures)
                {
                    closed[c.Date.DayNumber - FirstDate.DayNumber] = true;
                }

                shortened.Clear();
                NyseRules.AddShortenedSessions(year, d => IsWeekend(d) || closed[d.DayNumber - FirstDate.DayNumber], shortened);
                shortened.Sort((a, b) => a.Date.CompareTo(b.Date));
                ShortenedByYear[y] = [.. shortened];
                foreach (var s in shortened)
                {
                    closeTime[s.Date.DayNumber - FirstDate.DayNumber] = s.Close;
                }
            }

            var sessions = new List<TradingSession>(days * 5 / 7);
            FirstSessionOnOrAfter = new int[days];
            for (int i = 0; i < days; i++)
            {
                FirstSessionOnOrAfter[i] = sessions.Count;
                var date = DateOnly.FromDayNumber(FirstDate.DayNumber + i);
                if (IsWeekend(date) || closed[i])
                {
                    continue;
                }

                bool early = closeTime[i] != default;
                var close = early ? closeTime[i] : RegularClose;
                sessions.Add(new TradingSession(
                    date,
                    UsEasternTime.ToUtc(date.ToDateTime(RegularOpen)),
                    UsEasternTime.ToUtc(date.ToDateTime(close)),
                    early));
            }

            Sessions = [.. sessions];
        }

        private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }
}
