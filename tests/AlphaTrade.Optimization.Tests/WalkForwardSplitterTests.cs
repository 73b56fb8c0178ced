using AlphaTrade.Core;
using AlphaTrade.Optimization.WalkForward;

namespace AlphaTrade.Optimization.Tests;

public class WalkForwardSpecTests
{
    [Fact]
    public void Parse_FullSpec_ReadsEveryKey()
    {
        var s = WalkForwardSpec.Parse("train=12M, test=3M, step=1M, mode=expanding, gap=26");
        Assert.Equal(new WindowLength(12, WindowUnit.Months), s.Train);
        Assert.Equal(new WindowLength(3, WindowUnit.Months), s.Test);
        Assert.Equal(new WindowLength(1, WindowUnit.Months), s.Step);
        Assert.Equal(WalkForwardMode.Expanding, s.Mode);
        Assert.Equal(26, s.Gap);
        Assert.Equal("train=12M,test=3M,step=1M,mode=expanding,gap=26", s.ToString());
    }

    [Fact]
    public void Parse_Defaults_StepIsTestRollingNoGap()
    {
        var s = WalkForwardSpec.Parse("test=20D,train=6W");
        Assert.Equal(new WindowLength(6, WindowUnit.Weeks), s.Train);
        Assert.Equal(s.Test, s.Step);
        Assert.Equal(WalkForwardMode.Rolling, s.Mode);
        Assert.Equal(0, s.Gap);
        Assert.Equal(WalkForwardMode.Expanding, WalkForwardSpec.Parse("train=500B,test=100b,mode=anchored,gap=5B").Mode);
    }

    [Theory]
    [InlineData("", "--walk-forward '': expected train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS] with units M (months), W (weeks), D (days) or B (bars)")]
    [InlineData("train=12M", "--walk-forward 'train=12M': test is missing; expected train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS] with units M (months), W (weeks), D (days) or B (bars)")]
    [InlineData("train=12X,test=3M", "--walk-forward 'train=12X,test=3M': train '12X' is not a length; expected a whole count and M (months), W (weeks), D (days) or B (bars), e.g. 12M")]
    [InlineData("train=0M,test=3M", "--walk-forward 'train=0M,test=3M': train '0M' is not a length; expected a whole count and M (months), W (weeks), D (days) or B (bars), e.g. 12M")]
    [InlineData("train=1.5M,test=3M", "--walk-forward 'train=1.5M,test=3M': train '1.5M' is not a length; expected a whole count and M (months), W (weeks), D (days) or B (bars), e.g. 12M")]
    [InlineData("train=12M,test=3M,mode=sliding", "--walk-forward 'train=12M,test=3M,mode=sliding': mode 'sliding' is unknown; expected rolling or expanding")]
    [InlineData("train=12M,test=3M,gap=-1", "--walk-forward 'train=12M,test=3M,gap=-1': gap '-1' is not a whole number of bars (e.g. gap=10)")]
    [InlineData("train=12M,test=3M,size=2", "--walk-forward 'train=12M,test=3M,size=2': unknown key 'size'; expected train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS] with units M (months), W (weeks), D (days) or B (bars)")]
    [InlineData("train=12M,train=6M,test=3M", "--walk-forward 'train=12M,train=6M,test=3M': 'train' is given more than once")]
    [InlineData("train=12M,3M", "--walk-forward 'train=12M,3M': '3M' is not key=value; expected train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS] with units M (months), W (weeks), D (days) or B (bars)")]
    [InlineData("train=500B,test=3M", "--walk-forward 'train=500B,test=3M': mixes bars (B) with calendar units (M, W, D); use one kind")]
    public void Parse_BadInput_ThrowsOneLineInputException(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<InputException>(() => WalkForwardSpec.Parse(text)).Message);
    }
}

public class WalkForwardSplitterTests
{
    private static readonly DateTime Start2020 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One bar a weekday at 14:30 UTC from <paramref name="first"/> through <paramref name="last"/>.</summary>
    private static long[] WeekdayBars(DateTime first, DateTime last)
    {
        var list = new List<long>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                list.Add(d.AddHours(14.5).Ticks);
            }
        }

        return list.ToArray();
    }

    private static string Day(long[] times, int index) => new DateTime(times[index], DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static (string TrainFirst, string TrainLast, string TestFirst, string TestLast) Dates(long[] times, WalkForwardFold f) =>
        (Day(times, f.Train.Start), Day(times, f.Train.End - 1), Day(times, f.Test.Start), Day(times, f.Test.End - 1));

    [Fact]
    public void Split_BarsRolling_HandCheckedBoundaries()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B"));
        Assert.Equal(
            [(new BarRange(0, 40), new BarRange(40, 60)), (new BarRange(20, 60), new BarRange(60, 80)), (new BarRange(40, 80), new BarRange(80, 100))],
            folds.Select(f => (f.Train, f.Test)).ToArray());
        Assert.Equal([0, 1, 2], folds.Select(f => f.Index).ToArray());
    }

    [Fact]
    public void Split_BarsExpanding_TrainAnchoredAtZero()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B,mode=expanding"));
        Assert.Equal([new BarRange(0, 40), new BarRange(0, 60), new BarRange(0, 80)], folds.Select(f => f.Train).ToArray());
    }

    [Fact]
    public void Split_BarsStepShorterThanTest_LastTestCutAtEnd()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B,step=10B"));
        Assert.Equal(
            [new BarRange(40, 60), new BarRange(50, 70), new BarRange(60, 80), new BarRange(70, 90), new BarRange(80, 100), new BarRange(90, 100)],
            folds.Select(f => f.Test).ToArray());
        Assert.Equal(new BarRange(50, 90), folds[^1].Train);
    }

    [Fact]
    public void Split_Gap_PurgesTheEndOfEveryTrainingWindow()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B,gap=5"));
        Assert.Equal([new BarRange(0, 35), new BarRange(20, 55), new BarRange(40, 75)], folds.Select(f => f.Train).ToArray());
        Assert.Equal([new BarRange(40, 60), new BarRange(60, 80), new BarRange(80, 100)], folds.Select(f => f.Test).ToArray());
    }

    [Fact]
    public void Split_TooFewBars_ThrowsInputException()
    {
        var ex = Assert.Throws<InputException>(() => WalkForwardSplitter.Split(40, WalkForwardSpec.Parse("train=40B,test=20B")));
        Assert.Equal("--walk-forward 'train=40B,test=20B,step=20B,mode=rolling,gap=0': the data has 40 bars, too few for a 40B training window and a test window", ex.Message);
    }

    [Fact]
    public void Split_GapSwallowsTrainingWindow_ThrowsInputException()
    {
        var ex = Assert.Throws<InputException>(() => WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B,gap=40")));
        Assert.Equal("--walk-forward 'train=40B,test=20B,step=20B,mode=rolling,gap=40': fold 1 has 40 training bars, none left after a gap of 40 bars", ex.Message);
    }

    [Fact]
    public void Split_Months_HandCheckedDates()
    {
        var times = WeekdayBars(Start2020, new DateTime(2021, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        var folds = WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=6M,test=3M"));
        Assert.Equal(6, folds.Count);
        Assert.Equal(("2020-01-01", "2020-06-30", "2020-07-01", "2020-09-30"), Dates(times, folds[0]));
        Assert.Equal(("2020-04-01", "2020-09-30", "2020-10-01", "2020-12-31"), Dates(times, folds[1]));
        Assert.Equal(("2020-07-01", "2020-12-31", "2021-01-01", "2021-03-31"), Dates(times, folds[2]));
        Assert.Equal(("2021-04-01", "2021-09-30", "2021-10-01", "2021-12-31"), Dates(times, folds[5]));
        for (int k = 1; k < folds.Count; k++)
        {
            Assert.Equal(folds[k - 1].Test.End, folds[k].Test.Start); // contiguous test windows
        }

        Assert.Equal(times.Length, folds[^1].Test.End);
    }

    [Fact]
    public void Split_MonthsFromMonthEnd_DoNotDrift()
    {
        // From 31 January: 1-month boundaries are 29 Feb, 31 Mar, 30 Apr, 31 May (not 29 Mar, 29 Apr, ...).
        var times = WeekdayBars(new DateTime(2020, 1, 31, 0, 0, 0, DateTimeKind.Utc), new DateTime(2020, 6, 15, 0, 0, 0, DateTimeKind.Utc));
        var folds = WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=1M,test=1M"));
        Assert.Equal(("2020-01-31", "2020-02-28", "2020-03-02", "2020-03-30"), Dates(times, folds[0])); // 29 Feb 2020 is a Saturday
        Assert.Equal(("2020-03-02", "2020-03-30", "2020-03-31", "2020-04-29"), Dates(times, folds[1]));
        Assert.Equal(("2020-03-31", "2020-04-29", "2020-04-30", "2020-05-29"), Dates(times, folds[2]));
        Assert.Equal(("2020-04-30", "2020-05-29", "2020-06-01", "2020-06-15"), Dates(times, folds[3]));
        Assert.Equal(4, folds.Count);
    }

    [Fact]
    public void Split_WeeksExpanding_HandCheckedDates()
    {
        var times = WeekdayBars(Start2020, new DateTime(2020, 3, 31, 0, 0, 0, DateTimeKind.Utc));
        var folds = WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=4W,test=1W,mode=expanding"));
        Assert.Equal(("2020-01-01", "2020-01-28", "2020-01-29", "2020-02-04"), Dates(times, folds[0]));
        Assert.Equal(20, folds[0].Train.Length);
        Assert.Equal(5, folds[0].Test.Length);
        Assert.Equal(("2020-01-01", "2020-02-04", "2020-02-05", "2020-02-11"), Dates(times, folds[1]));
    }

    [Fact]
    public void Split_CalendarDays_WeekendBoundaryMovesToNextBar()
    {
        var times = WeekdayBars(Start2020, new DateTime(2020, 2, 28, 0, 0, 0, DateTimeKind.Utc));
        var folds = WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=10D,test=5D"));
        // Train [1 Jan, 11 Jan) holds 8 weekdays; test [11 Jan (Sat), 16 Jan) holds Mon 13 to Wed 15.
        Assert.Equal(("2020-01-01", "2020-01-10", "2020-01-13", "2020-01-15"), Dates(times, folds[0]));
        Assert.Equal(8, folds[0].Train.Length);
        Assert.Equal(3, folds[0].Test.Length);
        // Fold 1: train [6 Jan, 16 Jan), test [16 Jan, 21 Jan).
        Assert.Equal(("2020-01-06", "2020-01-15", "2020-01-16", "2020-01-20"), Dates(times, folds[1]));
    }

    [Fact]
    public void Split_IntradayBars_UseTheBarsUtcDate()
    {
        // 26 fifteen-minute bars a day from 14:30 UTC.
        var list = new List<long>();
        foreach (long day in WeekdayBars(Start2020, new DateTime(2020, 12, 31, 0, 0, 0, DateTimeKind.Utc)))
        {
            for (int k = 0; k < 26; k++)
            {
                list.Add(day + (k * TimeSpan.TicksPerMinute * 15));
            }
        }

        var times = list.ToArray();
        var folds = WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=3M,test=1M,gap=26"));
        Assert.Equal(9, folds.Count);
        Assert.Equal(("2020-01-01", "2020-03-30", "2020-04-01", "2020-04-30"), Dates(times, folds[0])); // one session purged
        Assert.Equal(0, folds[0].Test.Start % 26);
    }

    [Fact]
    public void Split_SessionDates_MatchTheTicksOverload()
    {
        var dates = WeekdayBars(Start2020, new DateTime(2021, 6, 30, 0, 0, 0, DateTimeKind.Utc))
            .Select(t => DateOnly.FromDateTime(new DateTime(t, DateTimeKind.Utc))).ToArray();
        var spec = WalkForwardSpec.Parse("train=12M,test=3M");
        var byDate = WalkForwardSplitter.Split(dates, spec);
        var byTicks = WalkForwardSplitter.Split(WeekdayBars(Start2020, new DateTime(2021, 6, 30, 0, 0, 0, DateTimeKind.Utc)), spec);
        Assert.Equal(byTicks, byDate);
        Assert.Equal(2, byDate.Count);
    }

    [Fact]
    public void Split_CalendarDataTooShort_ThrowsInputException()
    {
        var times = WeekdayBars(Start2020, new DateTime(2020, 11, 30, 0, 0, 0, DateTimeKind.Utc));
        var ex = Assert.Throws<InputException>(() => WalkForwardSplitter.Split(times, WalkForwardSpec.Parse("train=12M,test=3M")));
        Assert.Equal("--walk-forward 'train=12M,test=3M,step=3M,mode=rolling,gap=0': the data (239 bars from 2020-01-01 to 2020-11-30) is too short for a 12M training window and a test window", ex.Message);
    }

    [Fact]
    public void Split_UnsortedTimes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => WalkForwardSplitter.Split([3L, 2L, 5L], WalkForwardSpec.Parse("train=1B,test=1B")));
    }

    [Fact]
    public void Split_CalendarSpecWithBarCountOnly_ThrowsInputException()
    {
        Assert.Throws<InputException>(() => WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=12M,test=3M")));
    }
}
