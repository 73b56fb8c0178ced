using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class GapTests
{
    [Fact]
    public void Clean_ThreeBarsMissingInsideASession_ReportedAndLeftByDefault()
    {
        var rows = RandomWalk(Monday, 2, seed: 30);
        rows.RemoveRange(10, 3);
        var r = Clean(rows);
        Assert.Equal(52, r.Report.Gaps.ExpectedBars);
        Assert.Equal(49, r.Report.Gaps.PresentBars);
        Assert.Equal(3, r.Report.Gaps.MissingBars);
        Assert.Equal(Math.Round(300.0 / 52, 4), r.Report.Gaps.MissingPercent);
        Assert.Equal(1, r.Report.Gaps.MissingRunCount);
        Assert.Equal([new MissingBarRun(new DateTime(Slot(Monday, 10), DateTimeKind.Utc), 3)], r.Report.Gaps.MissingRuns);
        Assert.Equal(0, r.Report.Gaps.FilledBars);
        Assert.Equal(49, r.Series.Count);
    }

    [Fact]
    public void Clean_MissingBarsWithFlatPolicy_InsertsFlatZeroVolumeBarsAtPreviousClose()
    {
        var rows = RandomWalk(Monday, 2, seed: 31);
        double before = rows[9].Close;
        rows.RemoveRange(10, 3);
        var r = Clean(rows, new BarCleanerOptions { MissingBars = MissingBarFillPolicy.Flat });
        Assert.Equal(3, r.Report.Gaps.MissingBars);
        Assert.Equal(3, r.Report.Gaps.FilledBars);
        Assert.Equal(52, r.Series.Count);
        for (int i = 10; i < 13; i++)
        {
            Assert.Equal(Slot(Monday, i), r.Series.Time[i]);
            Assert.Equal(BarFlags.Filled, r.Series.Flags[i]);
            Assert.Equal(new Bar(Slot(Monday, i), before, before, before, before, 0), r.Series[i]);
        }

        Assert.Equal(0, r.Report.Staleness.FlatZeroVolumeBars);
    }

    [Fact]
    public void Clean_MissingWholeSession_ReportedAndNotFilledUnlessAsked()
    {
        var rows = RandomWalk(Monday, 3, seed: 32);
        var tuesday = Monday.AddDays(1);
        rows.RemoveAll(b => b.TimeUtcTicks >= Slot(tuesday, 0) && b.TimeUtcTicks <= Slot(tuesday, 25));
        var flat = new BarCleanerOptions { MissingBars = MissingBarFillPolicy.Flat };

        var r = Clean(rows, flat);
        Assert.Equal(3, r.Report.Gaps.ExpectedSessions);
        Assert.Equal(1, r.Report.Gaps.MissingSessions);
        Assert.Equal([tuesday], r.Report.Gaps.MissingSessionExamples);
        Assert.Equal(26, r.Report.Gaps.MissingBars);
        Assert.Equal(0, r.Report.Gaps.FilledBars);
        Assert.Equal(new MissingBarRun(new DateTime(Slot(tuesday, 0), DateTimeKind.Utc), 26), Assert.Single(r.Report.Gaps.MissingRuns));

        var filled = Clean(rows, flat with { FillMissingSessions = true });
        Assert.Equal(26, filled.Report.Gaps.FilledBars);
        Assert.Equal(78, filled.Series.Count);
    }

    [Fact]
    public void Clean_SeriesStartingAndEndingMidSession_IsNotMissingTheBarsOutsideItsSpan()
    {
        var rows = RandomWalk(Monday, 2, seed: 33).Skip(5).SkipLast(4).ToList();
        var r = Clean(rows);
        Assert.Equal(52 - 9, r.Report.Gaps.ExpectedBars);
        Assert.Equal(0, r.Report.Gaps.MissingBars);
        Assert.Equal(1.0, r.Report.Score.Completeness);
    }

    [Fact]
    public void Clean_DailyBarsStampedAtMidnightUtc_MapToSessionsAndFindMissingDay()
    {
        var days = Nyse.Sessions(Monday, Monday.AddDays(20)).Take(10).ToList();
        var rows = days.Where((_, i) => i != 4)
            .Select(s => Flat(s.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks, 100, 1000))
            .ToList();
        rows.Add(Flat(new DateTime(2024, 1, 13, 0, 0, 0, DateTimeKind.Utc).Ticks, 100, 1000)); // a Saturday
        var r = Clean(rows, new BarCleanerOptions { MissingBars = MissingBarFillPolicy.Flat, FillMissingSessions = true },
            TimeFrame.Daily);
        Assert.Equal(1, r.Report.Session.NonTradingDay);
        Assert.Equal(10, r.Report.Gaps.ExpectedBars);
        Assert.Equal(1, r.Report.Gaps.MissingSessions);
        Assert.Equal(days[4].Date, r.Report.Gaps.MissingSessionExamples[0]);
        Assert.Equal(10, r.Series.Count);
        Assert.Equal(days[4].Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks, r.Series.Time[4]);
        Assert.Equal(BarFlags.Filled, r.Series.Flags[4]);
    }

    [Fact]
    public void Clean_FiveMinuteBars_UseTheFiveMinuteGrid()
    {
        var rows = RandomWalk(Monday, 1, seed: 34, timeFrame: TimeFrame.FiveMinutes);
        Assert.Equal(78, rows.Count);
        rows.RemoveAt(40);
        var r = Clean(rows, timeFrame: TimeFrame.FiveMinutes);
        Assert.Equal(78, r.Report.Gaps.ExpectedBars);
        Assert.Equal(1, r.Report.Gaps.MissingBars);
    }
}
