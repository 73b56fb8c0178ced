using System.Text;
using AlphaTrade.Data.Loading;

namespace AlphaTrade.Data.Tests.Loading;

public class Utf8TimestampTests
{
    [Theory]
    [InlineData("2025-05-12T09:30:00-04:00", "2025-05-12 09:30:00", 2, -240)]
    [InlineData("2025-05-12T13:30:00Z", "2025-05-12 13:30:00", 1, 0)]
    [InlineData("2024-01-02 09:30:00", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("2024-01-02T09:30", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("2024-01-02 09:30:15.1234567", "2024-01-02 09:30:15.1234567", 0, 0)]
    [InlineData("2024-01-02T09:30:15.123456789+00:00", "2024-01-02 09:30:15.1234567", 2, 0)]
    [InlineData("2024/01/02 09:30", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("01/02/2024 09:30:00", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("1/2/2024 9:30", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("01/02/2024 01:30 PM", "2024-01-02 13:30:00", 0, 0)]
    [InlineData("01/02/2024 12:15 am", "2024-01-02 00:15:00", 0, 0)]
    [InlineData("20240102 09:30:00", "2024-01-02 09:30:00", 0, 0)]
    [InlineData("2024-01-02 09:30:00 -0500", "2024-01-02 09:30:00", 2, -300)]
    [InlineData("2024-01-02 09:30:00+0530", "2024-01-02 09:30:00", 2, 330)]
    [InlineData("2024-01-02 14:30:00 UTC", "2024-01-02 14:30:00", 1, 0)]
    [InlineData("2024-01-02T09:30:00-05", "2024-01-02 09:30:00", 2, -300)]
    public void TryParse_Formats_GiveWallTimeAndZone(string text, string wall, int zone, int offset)
    {
        var p = new Utf8Timestamp();
        Assert.True(p.TryParse(Encoding.ASCII.GetBytes(text), out var ts), text);
        Assert.Equal(DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture).Ticks, ts.Ticks);
        Assert.Equal((TimestampZone)zone, ts.Zone);
        Assert.Equal(offset, ts.OffsetMinutes);
        Assert.True(ts.HasTime);
    }

    [Theory]
    [InlineData("2024-01-02", false)]
    [InlineData("01/02/2024", true)]
    [InlineData("20240102", false)]
    public void TryParse_DateAlone_HasNoTime(string text, bool monthFirst)
    {
        var p = new Utf8Timestamp();
        Assert.True(p.TryParse(Encoding.ASCII.GetBytes(text), out var ts));
        Assert.False(ts.HasTime);
        Assert.Equal(monthFirst, ts.MonthFirst);
        Assert.Equal(new DateTime(2024, 1, 2).Ticks, ts.Ticks);
    }

    [Theory]
    [InlineData("2024-02-30 09:30")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-01-02 25:00")]
    [InlineData("2024-01-02 09:60")]
    [InlineData("2024-01-02 09:30:00+")]
    [InlineData("2024-01-02X09:30")]
    [InlineData("13/40/2024")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1715520600")]
    public void TryParse_Invalid_ReturnsFalse(string text) =>
        Assert.False(new Utf8Timestamp().TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryParse_ConsecutiveRowsOfOneDay_ReuseTheCachedDateCorrectly()
    {
        var p = new Utf8Timestamp();
        string[] rows = ["2024-02-28T15:45:00-05:00", "2024-02-28T15:50:00-05:00", "2024-02-29T09:30:00-05:00", "2024-02-28T10:00:00-05:00", "2024-03-01T09:30:00-05:00"];
        foreach (var r in rows)
        {
            Assert.True(p.TryParse(Encoding.ASCII.GetBytes(r), out var ts));
            Assert.Equal(DateTimeOffset.Parse(r, System.Globalization.CultureInfo.InvariantCulture).DateTime.Ticks, ts.Ticks);
        }
    }

    [Fact]
    public void DayTicks_RandomDates_MatchDateTime()
    {
        var rng = new Random(3);
        for (int i = 0; i < 100_000; i++)
        {
            var d = DateOnly.FromDayNumber(rng.Next(0, DateOnly.MaxValue.DayNumber));
            Assert.Equal(d.ToDateTime(TimeOnly.MinValue).Ticks, Utf8Timestamp.DayTicks(d.Year, d.Month, d.Day));
        }

        Assert.Equal(-1, Utf8Timestamp.DayTicks(2100, 2, 29));
        Assert.Equal(new DateTime(2000, 2, 29).Ticks, Utf8Timestamp.DayTicks(2000, 2, 29));
    }

    [Theory]
    [InlineData(1715520600UL, 0)]
    [InlineData(1715520600000UL, 1)]
    [InlineData(1715520600000000UL, 2)]
    [InlineData(1715520600000000000UL, 3)]
    public void DetectEpochUnit_Magnitude_GivesUnitAndInstant(ulong value, int unitNumber)
    {
        var unit = (EpochUnit)unitNumber;
        Assert.Equal(unit, Utf8Timestamp.DetectEpochUnit(value));
        Assert.True(Utf8Timestamp.TryEpochToTicks(value, 0, 0, unit, out long ticks));
        Assert.Equal(new DateTime(2024, 5, 12, 13, 30, 0, DateTimeKind.Utc).Ticks, ticks);
    }

    [Fact]
    public void TryParseEpochDigits_FractionalSeconds_KeepTicks()
    {
        Assert.True(Utf8Timestamp.TryParseEpochDigits("1715520600.25"u8, out ulong whole, out long frac, out int digits));
        Assert.True(Utf8Timestamp.TryEpochToTicks(whole, frac, digits, EpochUnit.Seconds, out long ticks));
        Assert.Equal(new DateTime(2024, 5, 12, 13, 30, 0, DateTimeKind.Utc).Ticks + 2_500_000, ticks);
    }
}
