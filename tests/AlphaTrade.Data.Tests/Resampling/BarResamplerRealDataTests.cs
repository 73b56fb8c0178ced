using AlphaTrade.Core.Market;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Resampling;

namespace AlphaTrade.Data.Tests.Resampling;

/// <summary>Resamples the real IBKR 5-minute bars (206 sessions, 2025-05-12..2026-03-06).</summary>
public class BarResamplerRealDataTests
{
    private static readonly NyseCalendar Nyse = NyseCalendar.Instance;
    private static readonly BarResampler Resampler = new(Nyse);

    [IbkrDataFact]
    public void Resample_EverySymbolToFifteenMinutes_Gives26BarsADayAnd14OnEarlyCloses()
    {
        int totalDropped = 0;
        foreach (var symbol in TestData.IbkrSymbols())
        {
            var src = TestData.ReadIbkr(symbol);
            var dest = new BarSeries(symbol, TimeFrame.FifteenMinutes);
            var result = Resampler.ResampleInto(src, TimeFrame.FifteenMinutes, dest);
            totalDropped += result.Dropped;

            var perDay = new Dictionary<DateOnly, int>();
            for (int i = 0; i < dest.Count; i++)
            {
                var session = Nyse.SessionAt(dest.Time[i])!.Value;
                perDay[session.Date] = perDay.GetValueOrDefault(session.Date) + 1;
                Assert.Equal(0, (dest.Time[i] - session.OpenUtc.Ticks) % TimeSpan.FromMinutes(15).Ticks);
            }

            Assert.Equal(206, perDay.Count);
            foreach (var (date, count) in perDay)
            {
                Assert.Equal(Nyse.GetSession(date)!.Value.IsEarlyClose ? 14 : 26, count);
            }

            Assert.Equal((203 * 78) + (3 * 42), src.Count - result.Dropped);
            Assert.Equal(src.Volume.ToArray().Sum() - DroppedVolume(src), dest.Volume.ToArray().Sum(), 6);
        }

        // Some vendor files keep a few prints after the 13:00 early closes; those are the only bars dropped.
        Assert.Equal(46, totalDropped);
    }

    [IbkrDataFact]
    public void Resample_RealBars_FifteenMinuteBarAggregatesItsThreeFiveMinuteBars()
    {
        var src = TestData.ReadIbkr("SPY");
        var r = Resampler.Resample(src, TimeFrame.FifteenMinutes);

        // 2025-05-12 09:45–10:00 EDT = bars 3, 4, 5 of the first session.
        int k = 1;
        Assert.Equal(src.Time[3], r.Time[k]);
        Assert.Equal(src.Open[3], r.Open[k]);
        Assert.Equal(Math.Max(src.High[3], Math.Max(src.High[4], src.High[5])), r.High[k]);
        Assert.Equal(Math.Min(src.Low[3], Math.Min(src.Low[4], src.Low[5])), r.Low[k]);
        Assert.Equal(src.Close[5], r.Close[k]);
        Assert.Equal(src.Volume[3] + src.Volume[4] + src.Volume[5], r.Volume[k]);
    }

    [IbkrDataFact]
    public void Resample_RealBarsToDaily_OneBarPerSessionWithSessionOhlcv()
    {
        var src = TestData.ReadIbkr("AAPL");
        var daily = Resampler.Resample(src, TimeFrame.Daily);
        var sessions = Nyse.Sessions(new DateOnly(2025, 5, 12), new DateOnly(2026, 3, 6)).ToList();

        Assert.Equal(206, daily.Count);
        int start = 0;
        for (int d = 0; d < daily.Count; d++)
        {
            var s = sessions[d];
            int n = s.BarCount(TimeFrame.FiveMinutes);
            Assert.Equal(s.OpenUtc.Ticks, daily.Time[d]);
            Assert.Equal(src.Time[start], daily.Time[d]);
            Assert.Equal(src.Open[start], daily.Open[d]);
            Assert.Equal(src.Close[start + n - 1], daily.Close[d]);
            Assert.Equal(src.High.Slice(start, n).ToArray().Max(), daily.High[d]);
            Assert.Equal(src.Low.Slice(start, n).ToArray().Min(), daily.Low[d]);
            Assert.Equal(src.Volume.Slice(start, n).ToArray().Sum(), daily.Volume[d], 6);
            start += n;
        }

        Assert.Equal(src.Count, start);
    }

    private static double DroppedVolume(BarSeries src)
    {
        double v = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (Nyse.SessionAt(src.Time[i]) is null)
            {
                v += src.Volume[i];
            }
        }

        return v;
    }
}
