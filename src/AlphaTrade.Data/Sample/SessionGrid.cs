using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Sample;

/// <summary>The bar grid of a sample run: every session in the period, its bars' start times and intraday profile.</summary>
internal sealed class SessionGrid
{
    private SessionGrid(TradingSession[] sessions, int[] dayStart, long[] times, IntradayProfile[] profiles, int fullDayBars)
    {
        Sessions = sessions;
        DayStart = dayStart;
        Times = times;
        Profiles = profiles;
        FullDayBars = fullDayBars;
    }

    /// <summary>Sessions, ascending.</summary>
    public TradingSession[] Sessions { get; }

    /// <summary>Index of each day's first bar; one extra entry holds the total bar count.</summary>
    public int[] DayStart { get; }

    /// <summary>Bar start times, UTC ticks, over all days.</summary>
    public long[] Times { get; }

    /// <summary>Intraday profile of each day (shared between days of equal length).</summary>
    public IntradayProfile[] Profiles { get; }

    /// <summary>Bars in a full (390-minute) session of this time frame.</summary>
    public int FullDayBars { get; }

    /// <summary>Number of trading days.</summary>
    public int Days => Sessions.Length;

    /// <summary>Total bars.</summary>
    public int Bars => Times.Length;

    /// <summary>Builds the grid of [<paramref name="start"/>, <paramref name="end"/>] on <paramref name="calendar"/>.</summary>
    public static SessionGrid Build(ITradingCalendar calendar, DateOnly start, DateOnly end, TimeFrame timeFrame, SampleModel model)
    {
        var sessions = calendar.Sessions(start, end).ToArray();
        var dayStart = new int[sessions.Length + 1];
        var byLength = new Dictionary<long, IntradayProfile>();
        var profiles = new IntradayProfile[sessions.Length];
        int total = 0;
        for (int d = 0; d < sessions.Length; d++)
        {
            dayStart[d] = total;
            total += sessions[d].BarCount(timeFrame);
            long len = sessions[d].Length.Ticks;
            if (!byLength.TryGetValue(len, out var p))
            {
                p = IntradayProfile.Create(sessions[d].Length.TotalMinutes, timeFrame, model);
                byLength.Add(len, p);
            }

            profiles[d] = p;
        }

        dayStart[sessions.Length] = total;
        var times = new long[total];
        for (int d = 0; d < sessions.Length; d++)
        {
            int n = sessions[d].BarStarts(timeFrame, times.AsSpan(dayStart[d]));
            if (n != profiles[d].BarCount)
            {
                throw new InvalidOperationException("Session grid and intraday profile disagree on the bar count.");
            }
        }

        int fullDayBars = timeFrame.IsDaily ? 1 : (int)Math.Ceiling(390.0 / timeFrame.Minutes);
        return new SessionGrid(sessions, dayStart, times, profiles, fullDayBars);
    }
}
