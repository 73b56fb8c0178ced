using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Tests.Calendar;

public class UsEasternTimeTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static DateTime Local(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData(1990, 4, 1, 10, 28)]
    [InlineData(2006, 4, 2, 10, 29)]
    [InlineData(2007, 3, 11, 11, 4)]
    [InlineData(2024, 3, 10, 11, 3)]
    [InlineData(2025, 3, 9, 11, 2)]
    [InlineData(2035, 3, 11, 11, 4)]
    public void DaylightDays_FollowTheRuleOfTheYear(int year, int startMonth, int startDay, int endMonth, int endDay)
    {
        var (start, end) = UsEasternTime.DaylightDays(year);
        Assert.Equal(new DateOnly(year, startMonth, startDay), start);
        Assert.Equal(new DateOnly(year, endMonth, endDay), end);
    }

    [Fact]
    public void UtcOffset_SpringForward_SwitchesAt0700Utc()
    {
        Assert.Equal(TimeSpan.FromHours(-5), UsEasternTime.UtcOffset(Utc(2024, 3, 10, 6, 59)));
        Assert.Equal(TimeSpan.FromHours(-4), UsEasternTime.UtcOffset(Utc(2024, 3, 10, 7, 0)));
    }

    [Fact]
    public void UtcOffset_FallBack_SwitchesAt0600Utc()
    {
        Assert.Equal(TimeSpan.FromHours(-4), UsEasternTime.UtcOffset(Utc(2024, 11, 3, 5, 59)));
        Assert.Equal(TimeSpan.FromHours(-5), UsEasternTime.UtcOffset(Utc(2024, 11, 3, 6, 0)));
    }

    [Fact]
    public void UtcOffset_Pre2007Rule_AprilToOctober()
    {
        // 2006: DST from Apr 2 to Oct 29; March 15 and Nov 1 were standard time (they are daylight under the 2007 rule).
        Assert.Equal(TimeSpan.FromHours(-5), UsEasternTime.UtcOffset(Utc(2006, 3, 15, 12)));
        Assert.Equal(TimeSpan.FromHours(-4), UsEasternTime.UtcOffset(Utc(2006, 4, 2, 7)));
        Assert.Equal(TimeSpan.FromHours(-4), UsEasternTime.UtcOffset(Utc(2006, 10, 29, 5, 59)));
        Assert.Equal(TimeSpan.FromHours(-5), UsEasternTime.UtcOffset(Utc(2006, 11, 1, 12)));
    }

    [Fact]
    public void ToEastern_Summer_SubtractsFourHours()
    {
        var local = UsEasternTime.ToEastern(Utc(2025, 7, 1, 13, 30));
        Assert.Equal(Local(2025, 7, 1, 9, 30), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Fact]
    public void ToUtc_Winter_AddsFiveHours()
    {
        var utc = UsEasternTime.ToUtc(Local(2025, 1, 2, 9, 30));
        Assert.Equal(Utc(2025, 1, 2, 14, 30), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_NonexistentSpringForwardHour_ShiftsForward()
    {
        var local = Local(2024, 3, 10, 2, 30);
        Assert.True(UsEasternTime.IsNonexistent(local));
        var utc = UsEasternTime.ToUtc(local);
        Assert.Equal(Utc(2024, 3, 10, 7, 30), utc);
        Assert.Equal(Local(2024, 3, 10, 3, 30), UsEasternTime.ToEastern(utc));
    }

    [Fact]
    public void ToUtc_AmbiguousFallBackHour_TakesDaylightOccurrence()
    {
        var local = Local(2024, 11, 3, 1, 30);
        Assert.True(UsEasternTime.IsAmbiguous(local));
        Assert.Equal(Utc(2024, 11, 3, 5, 30), UsEasternTime.ToUtc(local));
        Assert.Equal(Utc(2024, 11, 3, 7, 0), UsEasternTime.ToUtc(Local(2024, 11, 3, 2, 0)));
        Assert.False(UsEasternTime.IsAmbiguous(Local(2024, 11, 3, 2, 0)));
    }

    [Fact]
    public void ToUtc_UtcKind_Throws() =>
        Assert.Throws<ArgumentException>(() => UsEasternTime.ToUtc(Utc(2024, 1, 2, 12)));

    [Fact]
    public void UtcOffset_NonUtcKind_Throws() =>
        Assert.Throws<ArgumentException>(() => UsEasternTime.UtcOffset(Local(2024, 1, 2, 12)));

    [Fact]
    public void UtcOffset_YearOutsideRules_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => UsEasternTime.UtcOffset(Utc(1986, 6, 1, 12)));
        Assert.Contains("1987", ex.Message, StringComparison.Ordinal);
    }

    [NewYorkZoneFact]
    public void UtcOffset_EveryHour1990To2035_MatchesOsTimeZone()
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        int checkedHours = 0;
        for (var t = Utc(1990, 1, 1, 0); t < Utc(2036, 1, 1, 0); t = t.AddHours(1))
        {
            var expected = tz.GetUtcOffset(t);
            var actual = UsEasternTime.UtcOffset(t);
            if (expected != actual)
            {
                Assert.Fail($"{t:O}: OS zone says {expected}, rule says {actual}.");
            }

            checkedHours++;
        }

        Assert.Equal(403_224, checkedHours);
    }

    [NewYorkZoneFact]
    public void ToUtc_EveryLocalHour1990To2035_MatchesOsTimeZone()
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        int invalid = 0;
        int ambiguous = 0;
        for (var local = Local(1990, 1, 1, 0, 30); local < Local(2036, 1, 1, 0); local = local.AddHours(1))
        {
            var actual = UsEasternTime.ToUtc(local);
            DateTime expected;
            if (tz.IsInvalidTime(local))
            {
                Assert.True(UsEasternTime.IsNonexistent(local), $"{local:O} should be nonexistent.");
                expected = DateTime.SpecifyKind(local.AddHours(5), DateTimeKind.Utc);
                invalid++;
            }
            else if (tz.IsAmbiguousTime(local))
            {
                Assert.True(UsEasternTime.IsAmbiguous(local), $"{local:O} should be ambiguous.");
                expected = DateTime.SpecifyKind(local - tz.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
                ambiguous++;
            }
            else
            {
                expected = TimeZoneInfo.ConvertTimeToUtc(local, tz);
            }

            if (expected != actual)
            {
                Assert.Fail($"{local:O}: OS zone says {expected:O}, rule says {actual:O}.");
            }
        }

        // One skipped and one repeated hour a year.
        Assert.Equal(46, invalid);
        Assert.Equal(46, ambiguous);
    }
}
