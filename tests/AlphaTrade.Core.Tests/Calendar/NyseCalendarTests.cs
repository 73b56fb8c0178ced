using System.Globalization;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Tests.Calendar;

public class NyseCalendarTests
{
    private static readonly NyseCalendar Nyse = NyseCalendar.Instance;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Weekday closures of 2019–2026 as published by the NYSE ("Holidays and Trading Hours").
    public static readonly TheoryData<int, string[]> PublishedClosures = new()
    {
        { 2019, ["2019-01-01", "2019-01-21", "2019-02-18", "2019-04-19", "2019-05-27", "2019-07-04", "2019-09-02", "2019-11-28", "2019-12-25"] },
        { 2020, ["2020-01-01", "2020-01-20", "2020-02-17", "2020-04-10", "2020-05-25", "2020-07-03", "2020-09-07", "2020-11-26", "2020-12-25"] },
        { 2021, ["2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31", "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24"] },
        { 2022, ["2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"] },
        { 2023, ["2023-01-02", "2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25"] },
        { 2024, ["2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"] },
        { 2025, ["2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"] },
        { 2026, ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"] },
    };

    // 13:00 closes of 2019–2026 as published by the NYSE.
    public static readonly TheoryData<int, string[]> PublishedEarlyCloses = new()
    {
        { 2019, ["2019-07-03", "2019-11-29", "2019-12-24"] },
        { 2020, ["2020-11-27", "2020-12-24"] },
        { 2021, ["2021-11-26"] },
        { 2022, ["2022-11-25"] },
        { 2023, ["2023-07-03", "2023-11-24"] },
        { 2024, ["2024-07-03", "2024-11-29", "2024-12-24"] },
        { 2025, ["2025-07-03", "2025-11-28", "2025-12-24"] },
        { 2026, ["2026-11-27", "2026-12-24"] },
    };

    [Theory]
    [MemberData(nameof(PublishedClosures))]
    public void Closures_2019To2026_MatchPublishedSchedule(int year, string[] dates)
    {
        Assert.Equal(dates.Select(D), Nyse.Closures(year).Select(c => c.Date));
        foreach (var d in dates)
        {
            Assert.False(Nyse.IsTradingDay(D(d)), d);
            Assert.Null(Nyse.GetSession(D(d)));
        }
    }

    [Theory]
    [MemberData(nameof(PublishedEarlyCloses))]
    public void ShortenedSessions_2019To2026_MatchPublishedSchedule(int year, string[] dates)
    {
        Assert.Equal(dates.Select(D), Nyse.ShortenedSessions(year).Select(s => s.Date));
        foreach (var d in dates)
        {
            var s = Nyse.GetSession(D(d))!.Value;
            Assert.True(s.IsEarlyClose);
            Assert.Equal(new DateTime(D(d).ToDateTime(new TimeOnly(13, 0)).Ticks), UsEasternTime.ToEastern(s.CloseUtc));
            Assert.Equal(TimeSpan.FromHours(3.5), s.Length);
        }
    }

    [Theory]
    [InlineData(2019, 252)]
    [InlineData(2020, 253)]
    [InlineData(2021, 252)]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    [InlineData(2025, 250)]
    public void CountTradingDays_Year_MatchesHistory(int year, int expected)
    {
        Assert.Equal(expected, Nyse.CountTradingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
        Assert.Equal(expected, Nyse.Sessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count());
    }

    [Theory]
    [InlineData("1994-04-27", "Nixon")]
    [InlineData("2001-09-11", "September 11")]
    [InlineData("2001-09-12", "September 11")]
    [InlineData("2001-09-13", "September 11")]
    [InlineData("2001-09-14", "September 11")]
    [InlineData("2004-06-11", "Reagan")]
    [InlineData("2007-01-02", "Ford")]
    [InlineData("2012-10-29", "Sandy")]
    [InlineData("2012-10-30", "Sandy")]
    [InlineData("2018-12-05", "Bush")]
    [InlineData("2025-01-09", "Carter")]
    public void ClosureOn_SpecialClosure_IsClosedWithReason(string date, string reasonPart)
    {
        Assert.False(Nyse.IsTradingDay(D(date)));
        var closure = Nyse.ClosureOn(D(date))!.Value;
        Assert.Equal(ClosureKind.Special, closure.Kind);
        Assert.Contains(reasonPart, closure.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecialClosures_Table_IsAscendingAndComplete()
    {
        var dates = NyseCalendar.SpecialClosures.Select(c => c.Date).ToList();
        Assert.Equal(11, dates.Count);
        Assert.Equal(dates.Order(), dates);
        Assert.All(NyseCalendar.SpecialClosures, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Theory]
    [InlineData("2001-09-17")] // reopened after 9/11
    [InlineData("2012-10-31")] // reopened after Sandy
    [InlineData("1996-01-08")] // blizzard: late open and early close, but a session
    [InlineData("1997-01-20")] // third Monday of January before MLK Day was observed
    [InlineData("1999-12-31")] // Jan 1 2000 was a Saturday: not observed on the Friday
    [InlineData("2010-12-31")]
    [InlineData("2021-12-31")]
    [InlineData("2021-06-18")] // Juneteenth was first observed in 2022
    [InlineData("2002-07-03")] // a Wednesday July 3 before 2013 was a full day
    public void IsTradingDay_NotableOpenDays_AreFullSessions(string date)
    {
        var s = Nyse.GetSession(D(date))!.Value;
        Assert.False(s.IsEarlyClose);
        Assert.Equal(TimeSpan.FromHours(6.5), s.Length);
    }

    [Theory]
    [InlineData("1998-01-19", "Martin Luther King")]
    [InlineData("1993-12-24", "Christmas")] // Christmas on a Saturday
    [InlineData("2004-12-24", "Christmas")]
    [InlineData("1992-07-03", "Independence")] // July 4 on a Saturday
    [InlineData("2027-06-18", "Juneteenth")] // June 19 on a Saturday
    [InlineData("2022-06-20", "Juneteenth")] // June 19 on a Sunday
    [InlineData("2023-01-02", "New Year")] // Jan 1 on a Sunday
    [InlineData("1990-04-13", "Good Friday")]
    [InlineData("2008-03-21", "Good Friday")]
    [InlineData("2035-03-23", "Good Friday")]
    [InlineData("2035-12-25", "Christmas")]
    public void ClosureOn_RuleHolidays_AreNamedHolidays(string date, string namePart)
    {
        var closure = Nyse.ClosureOn(D(date))!.Value;
        Assert.Equal(ClosureKind.Holiday, closure.Kind);
        Assert.Contains(namePart, closure.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1990-12-24", 14)]
    [InlineData("1992-11-27", 14)]
    [InlineData("1993-11-26", 13)]
    [InlineData("1995-07-03", 13)]
    [InlineData("1996-07-05", 13)]
    [InlineData("1997-12-24", 13)]
    [InlineData("1997-12-26", 13)]
    [InlineData("2002-07-05", 13)]
    [InlineData("2003-12-26", 13)]
    [InlineData("2013-07-03", 13)]
    [InlineData("2018-12-24", 13)]
    [InlineData("2035-12-24", 13)]
    public void GetSession_HistoricalShortenedSessions_CloseEarly(string date, int closeHour)
    {
        var s = Nyse.GetSession(D(date))!.Value;
        Assert.True(s.IsEarlyClose);
        Assert.Equal(D(date).ToDateTime(new TimeOnly(closeHour, 0)), UsEasternTime.ToEastern(s.CloseUtc));
    }

    [Theory]
    [InlineData("1991-11-29")] // before the day-after-Thanksgiving early close
    [InlineData("1994-07-01")] // before the July 3 early close rule
    [InlineData("2013-07-05")] // Friday after July 4 is a full day since 2013
    [InlineData("2015-07-02")] // July 3 was the holiday; July 2 is a full day
    public void GetSession_DaysWithoutEarlyClose_AreFullLength(string date) =>
        Assert.Equal(TimeSpan.FromHours(6.5), Nyse.GetSession(D(date))!.Value.Length);

    [Theory]
    [InlineData("2024-03-08", 14)] // last Friday of standard time
    [InlineData("2024-03-11", 13)] // first Monday of daylight time
    [InlineData("2024-11-01", 13)]
    [InlineData("2024-11-04", 14)]
    [InlineData("2006-03-31", 14)] // 2006: daylight time started on April 2
    [InlineData("2006-04-03", 13)]
    [InlineData("2006-10-27", 13)]
    [InlineData("2006-10-30", 14)]
    [InlineData("2007-03-12", 13)]
    public void GetSession_AroundDstChanges_OpensAtTheRightUtcHour(string date, int openHourUtc)
    {
        var s = Nyse.GetSession(D(date))!.Value;
        Assert.Equal(D(date).ToDateTime(new TimeOnly(openHourUtc, 30)), new DateTime(s.OpenUtc.Ticks));
        Assert.Equal(DateTimeKind.Utc, s.OpenUtc.Kind);
        Assert.Equal(s.OpenUtc.AddHours(6.5), s.CloseUtc);
    }

    [Fact]
    public void BarCount_FullDay_GivesStandardGrids()
    {
        var s = Nyse.GetSession(D("2025-06-02"))!.Value;
        Assert.Equal(26, s.BarCount(TimeFrame.FifteenMinutes));
        Assert.Equal(78, s.BarCount(TimeFrame.FiveMinutes));
        Assert.Equal(390, s.BarCount(TimeFrame.OneMinute));
        Assert.Equal(13, s.BarCount(TimeFrame.ThirtyMinutes));
        Assert.Equal(7, s.BarCount(TimeFrame.Hourly));
        Assert.Equal(1, s.BarCount(TimeFrame.Daily));
    }

    [Fact]
    public void BarStarts_Hourly_LastBarStartsAt1530()
    {
        var s = Nyse.GetSession(D("2025-06-02"))!.Value;
        Span<long> starts = stackalloc long[8];
        int n = s.BarStarts(TimeFrame.Hourly, starts);
        Assert.Equal(7, n);
        Assert.Equal(new DateTime(2025, 6, 2, 13, 30, 0, DateTimeKind.Utc).Ticks, starts[0]);
        Assert.Equal(new DateTime(2025, 6, 2, 19, 30, 0, DateTimeKind.Utc).Ticks, starts[6]);
        Assert.Equal(TimeSpan.FromMinutes(30), s.CloseUtc - new DateTime(starts[6], DateTimeKind.Utc));
    }

    [Fact]
    public void BarCount_EarlyClose_Gives14FifteenMinuteBars()
    {
        var s = Nyse.GetSession(D("2025-11-28"))!.Value;
        Assert.Equal(14, s.BarCount(TimeFrame.FifteenMinutes));
        Assert.Equal(42, s.BarCount(TimeFrame.FiveMinutes));
        Assert.Equal(4, s.BarCount(TimeFrame.Hourly));
        Span<long> starts = stackalloc long[14];
        s.BarStarts(TimeFrame.FifteenMinutes, starts);
        Assert.Equal(new DateTime(2025, 11, 28, 17, 45, 0, DateTimeKind.Utc).Ticks, starts[13]);
    }

    [Theory]
    [InlineData("2025-07-03", "2025-07-07")] // Independence Day Friday, then the weekend
    [InlineData("2024-12-24", "2024-12-26")]
    [InlineData("2025-01-08", "2025-01-10")] // Carter closure
    [InlineData("2001-09-10", "2001-09-17")]
    [InlineData("2025-04-17", "2025-04-21")] // Good Friday
    [InlineData("2025-01-04", "2025-01-06")] // from a Saturday
    public void NextTradingDay_SkipsClosures(string from, string expected) =>
        Assert.Equal(D(expected), Nyse.NextTradingDay(D(from)));

    [Theory]
    [InlineData("2025-07-07", "2025-07-03")]
    [InlineData("2024-12-26", "2024-12-24")]
    [InlineData("2025-01-10", "2025-01-08")]
    [InlineData("2001-09-17", "2001-09-10")]
    [InlineData("2025-04-21", "2025-04-17")]
    [InlineData("2025-01-02", "2024-12-31")]
    public void PreviousTradingDay_SkipsClosures(string from, string expected) =>
        Assert.Equal(D(expected), Nyse.PreviousTradingDay(D(from)));

    [Fact]
    public void NextAndPrevious_AtRangeEdges_ThrowClearly()
    {
        Assert.Equal(D("1990-01-02"), Nyse.NextTradingDay(D("1990-01-01")));
        Assert.Equal(D("2035-12-31"), Nyse.NextTradingDay(D("2035-12-28")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.NextTradingDay(D("2035-12-31")));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.PreviousTradingDay(D("1990-01-02")));
        Assert.Contains("1990-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1989-12-29")]
    [InlineData("2036-01-02")]
    public void Queries_OutsideSupportedRange_Throw(string date)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.IsTradingDay(D(date)));
        Assert.Contains("1990-01-01 to 2035-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.GetSession(D(date)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.Sessions(D(date), D(date)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.Closures(D(date).Year));
    }

    [Fact]
    public void SupportedRange_Is1990To2035()
    {
        Assert.Equal((D("1990-01-01"), D("2035-12-31")), Nyse.SupportedRange);
        Assert.Equal("NYSE", Nyse.Name);
    }

    [Fact]
    public void SessionAt_Boundaries_OpenInclusiveCloseExclusive()
    {
        var open = new DateTime(2025, 6, 2, 13, 30, 0, DateTimeKind.Utc);
        var close = new DateTime(2025, 6, 2, 20, 0, 0, DateTimeKind.Utc);
        Assert.Null(Nyse.SessionAt(open.AddTicks(-1)));
        Assert.Equal(D("2025-06-02"), Nyse.SessionAt(open)!.Value.Date);
        Assert.Equal(D("2025-06-02"), Nyse.SessionAt(close.AddTicks(-1))!.Value.Date);
        Assert.Null(Nyse.SessionAt(close));
    }

    [Fact]
    public void SessionAt_EarlyCloseAndHoliday_RespectShortenedAndMissingSessions()
    {
        var earlyClose = new DateTime(2025, 11, 28, 18, 0, 0, DateTimeKind.Utc); // 13:00 EST
        Assert.Equal(D("2025-11-28"), Nyse.SessionAt(earlyClose.AddMinutes(-1))!.Value.Date);
        Assert.Null(Nyse.SessionAt(earlyClose));
        Assert.Null(Nyse.SessionAt(new DateTime(2025, 11, 27, 16, 0, 0, DateTimeKind.Utc))); // Thanksgiving noon
        Assert.Null(Nyse.SessionAt(new DateTime(2025, 6, 7, 16, 0, 0, DateTimeKind.Utc))); // Saturday
    }

    [Fact]
    public void SessionAt_NonUtcKind_Throws() =>
        Assert.Throws<ArgumentException>(() => Nyse.SessionAt(new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void Sessions_Range_AscendingWithUtcOpenAndClose()
    {
        var list = Nyse.Sessions(D("2024-12-20"), D("2025-01-03")).ToList();
        Assert.Equal(
            new[] { "2024-12-20", "2024-12-23", "2024-12-24", "2024-12-26", "2024-12-27", "2024-12-30", "2024-12-31", "2025-01-02", "2025-01-03" }.Select(D),
            list.Select(s => s.Date));
        Assert.True(list[2].IsEarlyClose);
        Assert.Equal(new DateTime(2024, 12, 24, 18, 0, 0, DateTimeKind.Utc), list[2].CloseUtc);
        Assert.Equal(list.Select(s => s.Date), Nyse.SessionSpan(D("2024-12-20"), D("2025-01-03")).ToArray().Select(s => s.Date));
    }

    [Fact]
    public void Sessions_EmptyOrReversedRange_IsEmpty()
    {
        Assert.Empty(Nyse.Sessions(D("2025-12-25"), D("2025-12-25")));
        Assert.Empty(Nyse.Sessions(D("2025-12-31"), D("2025-12-01")));
        Assert.Equal(0, Nyse.CountTradingDays(D("2025-06-07"), D("2025-06-08")));
    }

    [Fact]
    public void Sessions_WholeRange_EveryYearHasAPlausibleCount()
    {
        for (int year = 1990; year <= 2035; year++)
        {
            int n = Nyse.CountTradingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            Assert.InRange(n, 247, 254);
            Assert.InRange(Nyse.ShortenedSessions(year).Count, 1, 4);
        }

        Assert.Equal(Nyse.CountTradingDays(NyseCalendar.FirstDate, NyseCalendar.LastDate),
            Enumerable.Range(1990, 46).Sum(y => Nyse.CountTradingDays(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))));
    }

    [Fact]
    public void Closures_AreWeekdaysOnly_AndUnique()
    {
        for (int year = 1990; year <= 2035; year++)
        {
            var closures = Nyse.Closures(year);
            Assert.All(closures, c => Assert.True(c.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), c.ToString()));
            Assert.Equal(closures.Count, closures.Select(c => c.Date).Distinct().Count());
        }
    }

    [Fact]
    public void ToExchangeTime_RoundTripsThroughToUtc()
    {
        var utc = new DateTime(2025, 3, 10, 13, 30, 0, DateTimeKind.Utc);
        var local = Nyse.ToExchangeTime(utc);
        Assert.Equal(new DateTime(2025, 3, 10, 9, 30, 0), local);
        Assert.Equal(utc, Nyse.ToUtc(local));
    }
}
