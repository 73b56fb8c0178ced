using AlphaTrade.Core.Market;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class SessionTests
{
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly FridayBeforeMlk = new(2024, 1, 12);
    private static readonly DateOnly MlkDay = new(2024, 1, 15);

    [Fact]
    public void Clean_PreAndPostMarketBars_DroppedByDefaultAndCounted()
    {
        var rows = RandomWalk(Monday, 2, seed: 20);
        rows.Add(Flat(Local(Monday, 16, 0), 100, 10));   // at the close: post-market
        rows.Add(Flat(Local(Monday, 19, 30), 100, 10));  // evening
        rows.Add(Flat(Local(Tuesday, 4, 0), 100, 10));   // early pre-market
        rows.Add(Flat(Slot(Tuesday, 0) - 1, 100, 10));   // one tick before the open
        var r = Clean(rows);
        Assert.Equal(2, r.Report.Session.PostMarket);
        Assert.Equal(2, r.Report.Session.PreMarket);
        Assert.Equal(0, r.Report.Session.NonTradingDay);
        Assert.Equal(4, r.Report.Session.Dropped);
        Assert.Equal(rows.Skip(rows.Count - 4).Select(b => b.TimeUtc), r.Report.Session.Examples.Take(4));
        Assert.Equal(rows.Count - 4, r.Series.Count);
        Assert.Equal(0, r.Report.Gaps.MissingBars);
    }

    [Fact]
    public void Clean_BarAtTheOpen_IsInSession()
    {
        var rows = RandomWalk(Monday, 1, seed: 21);
        Assert.Equal(Slot(Monday, 0), rows[0].TimeUtcTicks);
        var r = Clean(rows);
        Assert.Equal(0, r.Report.Session.OffSession);
        Assert.Equal(rows[0].TimeUtc, r.Report.FirstBarUtc);
    }

    [Fact]
    public void Clean_WeekendAndHolidayBars_CountedAsNonTradingDay()
    {
        var rows = RandomWalk(FridayBeforeMlk, 2, seed: 22); // Friday 12th, Tuesday 16th
        rows.Add(Flat(Local(new DateOnly(2024, 1, 13), 10, 0), 100, 10));
        rows.Add(Flat(Local(new DateOnly(2024, 1, 14), 12, 0), 100, 10));
        rows.Add(Flat(Local(MlkDay, 10, 0), 100, 10));
        var r = Clean(rows);
        Assert.Equal(3, r.Report.Session.NonTradingDay);
        Assert.Equal(0, r.Report.Session.PreMarket + r.Report.Session.PostMarket);
        Assert.Equal(2, r.Report.Gaps.ExpectedSessions);
        Assert.Equal(0, r.Report.Gaps.MissingSessions);
    }

    [Fact]
    public void Clean_OffSessionBarsUnderKeepPolicy_FlaggedExtendedHoursAndOutsideTheGrid()
    {
        var rows = RandomWalk(Monday, 2, seed: 23);
        var pre = Flat(Local(Tuesday, 8, 0), 250, 10); // far from the price: must not be judged as an outlier
        rows.Add(pre);
        var r = Clean(rows, new BarCleanerOptions { OffSession = OffSessionPolicy.Keep });
        Assert.Equal(1, r.Report.Session.PreMarket);
        Assert.Equal(0, r.Report.Session.Dropped);
        Assert.Equal(rows.Count, r.Series.Count);
        int i = r.Series.LowerBound(pre.TimeUtcTicks);
        Assert.Equal(BarFlags.ExtendedHours, r.Series.Flags[i]);
        Assert.Equal(0, r.Report.Outliers.BadTickBars);
        Assert.Empty(r.Report.Outliers.Jumps);
        Assert.Equal(52, r.Report.Gaps.ExpectedBars);
        Assert.Equal(0, r.Report.Gaps.MissingBars);
    }

    [Fact]
    public void Clean_EarlyClose_BarAtOnePmIsPostMarketAndSessionHasFourteenSlots()
    {
        var july3 = new DateOnly(2024, 7, 3);
        var rows = RandomWalk(july3, 1, seed: 24);
        Assert.Equal(14, rows.Count);
        rows.Add(Flat(Local(july3, 13, 0), 100, 10));
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Session.PostMarket);
        Assert.Equal(14, r.Report.Gaps.ExpectedBars);
        Assert.Equal(14, r.Series.Count);
    }

    [Fact]
    public void Clean_BarOffTheGrid_ReportedMisalignedAndKeptByDefault()
    {
        var rows = RandomWalk(Monday, 1, seed: 25);
        var odd = Flat(Slot(Monday, 3) + TimeSpan.FromMinutes(7).Ticks, rows[3].Close, 10);
        rows.Insert(4, odd);
        var r = Clean(rows);
        Assert.Equal(1, r.Report.Session.Misaligned);
        Assert.Equal(0, r.Report.Session.MisalignedDropped);
        Assert.Equal([odd.TimeUtc], r.Report.Session.MisalignedExamples);
        Assert.Equal(rows.Count, r.Series.Count);
        Assert.Equal(26, r.Report.Gaps.PresentBars);
        Assert.True(r.Report.Score.Validity < 1);
    }

    [Fact]
    public void Clean_BarOffTheGridWithDropSetting_Removed()
    {
        var rows = RandomWalk(Monday, 1, seed: 25);
        rows.Insert(4, Flat(Slot(Monday, 3) + TimeSpan.FromMinutes(7).Ticks, rows[3].Close, 10));
        var r = Clean(rows, new BarCleanerOptions { DropMisalignedBars = true });
        Assert.Equal(1, r.Report.Session.MisalignedDropped);
        Assert.Equal(rows.Count - 1, r.Series.Count);
    }

    [Fact]
    public void Clean_BarsOutsideCalendarRange_ThrowInputException()
    {
        var rows = new[] { Flat(new DateTime(1989, 12, 29, 15, 0, 0, DateTimeKind.Utc).Ticks, 10, 1) };
        var ex = Assert.Throws<AlphaTrade.Core.InputException>(() => Clean(rows));
        Assert.Contains("TEST", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NYSE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_EmptySeries_GivesEmptyReportWithZeroScore()
    {
        var r = Clean([]);
        Assert.Equal(0, r.Series.Count);
        Assert.Null(r.Report.FirstBarUtc);
        Assert.Equal(0, r.Report.Score.Total);
        Assert.Equal(0, r.Report.Gaps.ExpectedBars);
    }
}
