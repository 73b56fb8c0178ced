using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Tests.Calendar;

/// <summary>Checks the calendar against real IBKR 5-minute bars (regular hours only) of 2025-05-12..2026-03-06.</summary>
public class NyseCalendarRealDataTests
{
    private static readonly DateOnly First = new(2025, 5, 12);
    private static readonly DateOnly Last = new(2026, 3, 6);

    [IbkrDataFact]
    public void Sessions_MatchTheDatesPresentInRealData()
    {
        // AAPL's file has no bars after the early closes (some symbols carry a few post-close prints, see below).
        var times = TestData.ReadIbkrTimestamps("AAPL");
        var byDate = times.GroupBy(t => DateOnly.FromDateTime(t.DateTime)).ToDictionary(g => g.Key, g => g.ToList());
        var sessions = NyseCalendar.Instance.Sessions(First, Last).ToList();

        Assert.Equal(206, sessions.Count);
        Assert.Equal(byDate.Keys.Order(), sessions.Select(s => s.Date));
        Assert.Equal(
            [new DateOnly(2025, 7, 3), new DateOnly(2025, 11, 28), new DateOnly(2025, 12, 24)],
            sessions.Where(s => s.IsEarlyClose).Select(s => s.Date));

        foreach (var s in sessions)
        {
            var bars = byDate[s.Date];
            Assert.Equal(s.BarCount(TimeFrame.FiveMinutes), bars.Count);
            Assert.Equal(s.OpenUtc, bars[0].UtcDateTime);
            Assert.Equal(s.CloseUtc, bars[^1].UtcDateTime.AddMinutes(5));

            // The file's New York offsets agree with the rule-based conversion.
            Assert.Equal(UsEasternTime.UtcOffset(s.OpenUtc), bars[0].Offset);
        }
    }

    [IbkrDataFact]
    public void SessionAt_AllSymbols_OnlyPostEarlyCloseBarsFallOutside()
    {
        int outside = 0;
        foreach (var file in Directory.GetFiles(TestData.IbkrFolder!, "*_5min.csv.gz"))
        {
            var symbol = Path.GetFileName(file).Split('_')[0];
            foreach (var t in TestData.ReadIbkrTimestamps(symbol))
            {
                var date = DateOnly.FromDateTime(t.DateTime);
                var s = NyseCalendar.Instance.SessionAt(t.UtcDateTime);
                if (s is null)
                {
                    // The vendor left a few prints between an early close (13:00) and 16:00 in; nothing else.
                    var session = NyseCalendar.Instance.GetSession(date)!.Value;
                    Assert.True(session.IsEarlyClose, $"{symbol} {t:O}");
                    Assert.InRange(t.UtcDateTime, session.CloseUtc, session.CloseUtc.AddHours(3));
                    outside++;
                }
                else
                {
                    Assert.Equal(date, s.Value.Date);
                }
            }
        }

        Assert.Equal(46, outside);
    }
}
