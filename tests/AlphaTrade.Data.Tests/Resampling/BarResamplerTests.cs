using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Resampling;

namespace AlphaTrade.Data.Tests.Resampling;

public class BarResamplerTests
{
    private static readonly NyseCalendar Nyse = NyseCalendar.Instance;
    private static readonly BarResampler Resampler = new(Nyse);
    private const long Minute = TimeSpan.TicksPerMinute;

    private static long Utc(int y, int mo, int d, int h, int mi) => new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).Ticks;

    // Bar k of a session: open 100+k, high +1, low -1, close +0.5, volume 10(k+1), VWAP open+0.25, k+1 trades.
    private static void AddSession(BarSeries s, DateOnly date, int minutes = 5, Func<int, bool>? keep = null)
    {
        var session = Nyse.GetSession(date)!.Value;
        int n = session.BarCount(TimeFrame.FromMinutes(minutes));
        for (int k = 0; k < n; k++)
        {
            if (keep is null || keep(k))
            {
                double o = 100 + k;
                s.Add(session.OpenUtc.Ticks + (k * minutes * Minute), o, o + 1, o - 1, o + 0.5, 10 * (k + 1), o + 0.25, k + 1);
            }
        }
    }

    private static BarSeries FiveMinute(params string[] dates)
    {
        var s = new BarSeries("TEST", TimeFrame.FiveMinutes, 0, withVwap: true, withTradeCount: true);
        foreach (var d in dates)
        {
            AddSession(s, DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture));
        }

        return s;
    }

    [Fact]
    public void Resample_FiveToFifteen_FirstBucketHandComputed()
    {
        var r = Resampler.Resample(FiveMinute("2025-06-02"), TimeFrame.FifteenMinutes);

        Assert.Equal(26, r.Count);
        Assert.Equal(TimeFrame.FifteenMinutes, r.TimeFrame);
        Assert.Equal(Utc(2025, 6, 2, 13, 30), r.Time[0]);
        Assert.Equal(100, r.Open[0]);
        Assert.Equal(103, r.High[0]);
        Assert.Equal(99, r.Low[0]);
        Assert.Equal(102.5, r.Close[0]);
        Assert.Equal(60, r.Volume[0]);
        Assert.Equal((100.25 * 10 + 101.25 * 20 + 102.25 * 30) / 60, r.Vwap[0], 12);
        Assert.Equal(6, r.TradeCount[0]);

        // Last bucket: bars 75, 76, 77 (15:45–16:00).
        Assert.Equal(Utc(2025, 6, 2, 19, 45), r.Time[25]);
        Assert.Equal(175, r.Open[25]);
        Assert.Equal(178, r.High[25]);
        Assert.Equal(174, r.Low[25]);
        Assert.Equal(177.5, r.Close[25]);
        Assert.Equal(760 + 770 + 780, r.Volume[25]);
    }

    [Fact]
    public void Resample_Hourly_GridStartsAtOpenAndLastBarIsHalfAnHour()
    {
        var r = Resampler.Resample(FiveMinute("2025-06-02"), TimeFrame.Hourly);

        Assert.Equal(7, r.Count);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(Utc(2025, 6, 2, 13 + i, 30), r.Time[i]);
        }

        Assert.Equal(Enumerable.Range(0, 12).Sum(k => 10.0 * (k + 1)), r.Volume[0]);
        Assert.Equal(Enumerable.Range(72, 6).Sum(k => 10.0 * (k + 1)), r.Volume[6]); // 15:30–16:00: six 5-minute bars
        Assert.Equal(172, r.Open[6]);
        Assert.Equal(177.5, r.Close[6]);
    }

    [Fact]
    public void Resample_EarlyClose_GridStopsAt1300()
    {
        var src = FiveMinute("2025-11-28");
        Assert.Equal(42, src.Count);

        var fifteen = Resampler.Resample(src, TimeFrame.FifteenMinutes);
        Assert.Equal(14, fifteen.Count);
        Assert.Equal(Utc(2025, 11, 28, 17, 45), fifteen.Time[13]); // 12:45 EST

        var hourly = Resampler.Resample(src, TimeFrame.Hourly);
        Assert.Equal(4, hourly.Count);
        Assert.Equal(Utc(2025, 11, 28, 17, 30), hourly.Time[3]); // 12:30–13:00 EST
        Assert.Equal(141.5, hourly.Close[3]);
        Assert.Equal(Enumerable.Range(36, 6).Sum(k => 10.0 * (k + 1)), hourly.Volume[3]);
    }

    [Fact]
    public void Resample_Daily_EqualsSessionOhlcv()
    {
        var src = FiveMinute("2025-11-26", "2025-11-28", "2025-12-01");
        var daily = Resampler.Resample(src, TimeFrame.Daily);

        Assert.Equal(3, daily.Count);
        Assert.Equal(Nyse.GetSession(new DateOnly(2025, 11, 28))!.Value.OpenUtc.Ticks, daily.Time[1]);
        Assert.Equal(100, daily.Open[0]);
        Assert.Equal(178, daily.High[0]);
        Assert.Equal(99, daily.Low[0]);
        Assert.Equal(177.5, daily.Close[0]);
        Assert.Equal(Enumerable.Range(1, 78).Sum(k => 10.0 * k), daily.Volume[0]);
        Assert.Equal(Enumerable.Range(1, 78).Sum(k => (double)k), daily.TradeCount[0]);
        Assert.Equal(141.5, daily.Close[1]); // early close: 42 bars
        Assert.Equal(Enumerable.Range(1, 42).Sum(k => 10.0 * k), daily.Volume[1]);
    }

    [Fact]
    public void Resample_OneToThirty_AggregatesThirtyBars()
    {
        var src = new BarSeries("TEST", TimeFrame.OneMinute);
        AddSession(src, new DateOnly(2024, 7, 1), minutes: 1);
        Assert.Equal(390, src.Count);

        var r = Resampler.Resample(src, TimeFrame.ThirtyMinutes);

        Assert.Equal(13, r.Count);
        Assert.Equal(130, r.Open[1]);
        Assert.Equal(160, r.High[1]);
        Assert.Equal(129, r.Low[1]);
        Assert.Equal(159.5, r.Close[1]);
        Assert.False(r.HasVwap);
    }

    [Fact]
    public void Resample_DstWeekend_BucketsFollowTheSessionOpenInUtc()
    {
        var r = Resampler.Resample(FiveMinute("2025-03-07", "2025-03-10"), TimeFrame.FifteenMinutes);

        Assert.Equal(52, r.Count);
        Assert.Equal(Utc(2025, 3, 7, 14, 30), r.Time[0]); // EST
        Assert.Equal(Utc(2025, 3, 7, 20, 45), r.Time[25]);
        Assert.Equal(Utc(2025, 3, 10, 13, 30), r.Time[26]); // EDT
        Assert.Equal(Utc(2025, 3, 10, 19, 45), r.Time[51]);
    }

    [Fact]
    public void Resample_MissingBars_EmptyBucketProducesNoBar()
    {
        // Drop bars 3–5 (the whole 09:45 bucket) and bar 6 (first of the 10:00 bucket).
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes);
        AddSession(src, new DateOnly(2025, 6, 2), keep: k => k is < 3 or > 6);

        var r = Resampler.Resample(src, TimeFrame.FifteenMinutes);

        Assert.Equal(25, r.Count);
        Assert.Equal(Utc(2025, 6, 2, 13, 30), r.Time[0]);
        Assert.Equal(Utc(2025, 6, 2, 14, 0), r.Time[1]);
        Assert.Equal(107, r.Open[1]); // first bar present in the bucket
        Assert.Equal(80 + 90, r.Volume[1]);
    }

    [Fact]
    public void Resample_OutOfSessionBars_AreDroppedAndCounted()
    {
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes);
        src.Add(Utc(2025, 11, 27, 15, 0), 1, 1, 1, 1, 1); // Thanksgiving
        src.Add(Utc(2025, 11, 28, 14, 0), 1, 1, 1, 1, 1); // pre-market 09:00 EST
        AddSession(src, new DateOnly(2025, 11, 28));
        src.Add(Utc(2025, 11, 28, 18, 0), 1, 1, 1, 1, 1); // 13:00 EST, after the early close
        src.Add(Utc(2025, 11, 29, 15, 0), 1, 1, 1, 1, 1); // Saturday

        var dest = new BarSeries("TEST", TimeFrame.FifteenMinutes);
        var result = Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest);

        Assert.Equal(new ResampleResult(14, 4), result);
        Assert.Equal(14, dest.Count);
        Assert.Equal(100, dest.Open[0]);
    }

    [Fact]
    public void Resample_RejectPolicy_ThrowsNamingTheBar()
    {
        var src = FiveMinute("2025-06-02");
        src.Add(Utc(2025, 6, 2, 20, 0), 1, 1, 1, 1, 1); // 16:00 EDT
        var strict = new BarResampler(Nyse, OutOfSessionBars.Reject);

        var ex = Assert.Throws<InputException>(() => strict.Resample(src, TimeFrame.FifteenMinutes));
        Assert.Contains("TEST", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-06-02T20:00:00Z", ex.Message, StringComparison.Ordinal);
        Assert.Contains("outside every NYSE session", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 7)]
    [InlineData(15, 5)]
    [InlineData(15, 20)]
    public void Resample_TargetNotAMultiple_ThrowsClearly(int sourceMinutes, int targetMinutes)
    {
        var src = new BarSeries("TEST", TimeFrame.FromMinutes(sourceMinutes));
        var ex = Assert.Throws<ArgumentException>(() => Resampler.Resample(src, TimeFrame.FromMinutes(targetMinutes)));
        Assert.Contains("whole multiple", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_DailySource_Throws() =>
        Assert.Throws<ArgumentException>(() => Resampler.Resample(new BarSeries("TEST", TimeFrame.Daily), TimeFrame.Daily));

    [Fact]
    public void Resample_UnsortedBars_Throw()
    {
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes);
        src.Add(Utc(2025, 6, 2, 13, 35), 1, 1, 1, 1, 1);
        src.Add(Utc(2025, 6, 2, 13, 30), 1, 1, 1, 1, 1);

        var ex = Assert.Throws<InputException>(() => Resampler.Resample(src, TimeFrame.FifteenMinutes));
        Assert.Contains("not strictly ascending", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_BarOffTheSourceGrid_Throws()
    {
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes);
        src.Add(Utc(2025, 6, 2, 13, 32), 1, 1, 1, 1, 1);

        var ex = Assert.Throws<InputException>(() => Resampler.Resample(src, TimeFrame.FifteenMinutes));
        Assert.Contains("5min grid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_SameSize_CopiesSessionBarsOnly()
    {
        var src = FiveMinute("2025-06-02");
        src.Add(Utc(2025, 6, 2, 20, 0), 1, 1, 1, 1, 1);

        var r = Resampler.Resample(src, TimeFrame.FiveMinutes);

        Assert.Equal(78, r.Count);
        Assert.Equal(src.Close[..78].ToArray(), r.Close.ToArray());
        Assert.Equal(src.Vwap[..78].ToArray(), r.Vwap.ToArray());
    }

    [Fact]
    public void Resample_ZeroVolumeAndMissingValues_GiveNaNVwapAndTradeCount()
    {
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes, 0, withVwap: true, withTradeCount: true);
        long t = Utc(2025, 6, 2, 13, 30);
        src.Add(t, 10, 11, 9, 10, 0, vwap: 10, tradeCount: double.NaN);
        src.Add(t + (5 * Minute), 10, 12, 8, 11, 0, vwap: double.NaN, tradeCount: double.NaN);
        src.Add(t + (15 * Minute), 11, 11, 11, 11, 100, vwap: 11.2, tradeCount: 3);
        src.Add(t + (20 * Minute), 11, 11, 11, 11, 300, vwap: double.NaN, tradeCount: 4);

        var r = Resampler.Resample(src, TimeFrame.FifteenMinutes);

        Assert.Equal(2, r.Count);
        Assert.True(double.IsNaN(r.Vwap[0]));
        Assert.True(double.IsNaN(r.TradeCount[0]));
        Assert.Equal(12, r.High[0]);
        Assert.Equal(8, r.Low[0]);
        Assert.Equal(11.2, r.Vwap[1]); // the bar without a VWAP does not dilute it
        Assert.Equal(7, r.TradeCount[1]);
        Assert.Equal(400, r.Volume[1]);
    }

    [Fact]
    public void Resample_Flags_FilledOnlyWhenAllFilledOthersWhenAny()
    {
        var src = new BarSeries("TEST", TimeFrame.FiveMinutes);
        long t = Utc(2025, 6, 2, 13, 30);
        src.Add(t, 1, 1, 1, 1, 0, flags: BarFlags.Filled);
        src.Add(t + (5 * Minute), 1, 1, 1, 1, 0, flags: BarFlags.Filled | BarFlags.Repaired);
        src.Add(t + (15 * Minute), 1, 1, 1, 1, 0, flags: BarFlags.Filled);
        src.Add(t + (20 * Minute), 1, 1, 1, 1, 5, flags: BarFlags.None);

        var r = Resampler.Resample(src, TimeFrame.FifteenMinutes);

        Assert.Equal(BarFlags.Filled | BarFlags.Repaired, r.Flags[0]);
        Assert.Equal(BarFlags.None, r.Flags[1]);
    }

    [Fact]
    public void ResampleInto_ReusesBuffersAndChecksTheDestinationFrame()
    {
        var src = FiveMinute("2025-06-02", "2025-06-03");
        var dest = new BarSeries("TEST", TimeFrame.FifteenMinutes, 100, withVwap: true, withTradeCount: true);

        Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest);
        Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest);

        Assert.Equal(52, dest.Count);
        Assert.Equal(100, dest.Capacity);
        Assert.Throws<ArgumentException>(() => Resampler.ResampleInto(src, TimeFrame.Hourly, dest));
    }

    [Fact]
    public void ResampleInto_WarmDestination_AllocatesNothingPerBar()
    {
        var dates = Nyse.Sessions(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)).Select(s => s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var src = FiveMinute(dates);
        var dest = new BarSeries("TEST", TimeFrame.FifteenMinutes, src.Count, withVwap: true, withTradeCount: true);
        Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(src.Count > 9000);
        Assert.InRange(allocated, 0, 1024);
    }

    [Fact]
    public void Resample_Spans_MatchesSeriesOverload()
    {
        var src = FiveMinute("2025-06-02");
        var dest = new BarSeries("X", TimeFrame.Hourly);
        var spans = new BarSpans(src.Time, src.Open, src.High, src.Low, src.Close, src.Volume);

        var result = Resampler.Resample(spans, TimeFrame.FiveMinutes, TimeFrame.Hourly, dest);

        Assert.Equal(new ResampleResult(7, 0), result);
        Assert.Equal(Resampler.Resample(src, TimeFrame.Hourly).Close.ToArray(), dest.Close.ToArray());
    }

    [Fact]
    public void Resample_Empty_GivesEmpty() =>
        Assert.Equal(0, Resampler.Resample(new BarSeries("TEST", TimeFrame.FiveMinutes), TimeFrame.Daily).Count);
}
