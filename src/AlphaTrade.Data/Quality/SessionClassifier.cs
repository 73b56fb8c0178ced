using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Places each bar in a calendar session (or outside all of them) by walking the sorted bars and the sessions
/// together: the calendar is asked for its sessions once per series, and for a time-zone conversion only for
/// bars that fall outside every session.
/// </summary>
internal static class SessionClassifier
{
    /// <summary>The calendar's sessions spanning the workspace's bars (empty when there are none).</summary>
    public static TradingSession[] LoadSessions(CleaningWorkspace ws, ITradingCalendar calendar, TimeFrame timeFrame, string symbol)
    {
        if (ws.Count == 0)
        {
            return [];
        }

        var first = SessionDateOf(ws.Time[0], calendar, timeFrame);
        var last = SessionDateOf(ws.Time[ws.Count - 1], calendar, timeFrame);
        var (min, max) = calendar.SupportedRange;
        if (first < min || last > max)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{symbol}: bars from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} reach outside the {calendar.Name} calendar's range {min:yyyy-MM-dd}..{max:yyyy-MM-dd}."));
        }

        return calendar.Sessions(first, last).ToArray();
    }

    public static SessionReport Apply(CleaningWorkspace ws, TradingSession[] sessions, ITradingCalendar calendar, TimeFrame timeFrame, BarCleanerOptions options)
    {
        var tally = timeFrame.IsDaily ? ClassifyDaily(ws, sessions, calendar, options) : ClassifyIntraday(ws, sessions, calendar, timeFrame, options);
        if (tally.Dropped + tally.MisalignedDropped > 0)
        {
            ws.Compact();
        }

        return tally;
    }

    /// <summary>
    /// The session date a bar belongs to: its exchange-local date; for daily bars stamped at exactly 00:00 UTC
    /// (the usual vendor convention for "this date"), the UTC date.
    /// </summary>
    private static DateOnly SessionDateOf(long ticks, ITradingCalendar calendar, TimeFrame timeFrame)
    {
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        return timeFrame.IsDaily && utc.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(utc)
            : DateOnly.FromDateTime(calendar.ToExchangeTime(utc));
    }

    private static SessionReport ClassifyIntraday(CleaningWorkspace ws, TradingSession[] sessions, ITradingCalendar calendar, TimeFrame timeFrame, BarCleanerOptions options)
    {
        int pre = 0, post = 0, closedDay = 0, dropped = 0, misaligned = 0, misalignedDropped = 0;
        var examples = new ExampleList(options.MaxExamples);
        var misalignedExamples = new ExampleList(options.MaxExamples);
        long step = timeFrame.Duration.Ticks;
        int p = 0;
        for (int i = 0; i < ws.Count; i++)
        {
            long t = ws.Time[i];
            while (p < sessions.Length && sessions[p].CloseUtc.Ticks <= t)
            {
                p++;
            }

            if (p < sessions.Length && sessions[p].OpenUtc.Ticks <= t)
            {
                ws.Session[i] = p;
                if ((t - sessions[p].OpenUtc.Ticks) % step != 0)
                {
                    misaligned++;
                    misalignedExamples.Add(t);
                    if (options.DropMisalignedBars)
                    {
                        ws.Keep[i] = false;
                        misalignedDropped++;
                    }
                }

                continue;
            }

            var date = DateOnly.FromDateTime(calendar.ToExchangeTime(new DateTime(t, DateTimeKind.Utc)));
            if (p < sessions.Length && sessions[p].Date == date)
            {
                pre++;
            }
            else if (p > 0 && sessions[p - 1].Date == date)
            {
                post++;
            }
            else
            {
                closedDay++;
            }

            examples.Add(t);
            MarkOffSession(ws, i, options, ref dropped);
        }

        return new SessionReport(pre, post, closedDay, dropped, misaligned, misalignedDropped, examples.Items, misalignedExamples.Items);
    }

    private static SessionReport ClassifyDaily(CleaningWorkspace ws, TradingSession[] sessions, ITradingCalendar calendar, BarCleanerOptions options)
    {
        int closedDay = 0, dropped = 0, misaligned = 0, misalignedDropped = 0;
        var examples = new ExampleList(options.MaxExamples);
        var misalignedExamples = new ExampleList(options.MaxExamples);
        int p = 0, lastSession = -1;
        for (int i = 0; i < ws.Count; i++)
        {
            var date = SessionDateOf(ws.Time[i], calendar, TimeFrame.Daily);
            while (p < sessions.Length && sessions[p].Date < date)
            {
                p++;
            }

            if (p < sessions.Length && sessions[p].Date == date)
            {
                ws.Session[i] = p;

                // A second daily bar on the same session date is off the one-bar-per-session grid.
                if (p == lastSession)
                {
                    misaligned++;
                    misalignedExamples.Add(ws.Time[i]);
                    if (options.DropMisalignedBars)
                    {
                        ws.Keep[i] = false;
                        misalignedDropped++;
                    }
                }

                lastSession = p;
                continue;
            }

            closedDay++;
            examples.Add(ws.Time[i]);
            MarkOffSession(ws, i, options, ref dropped);
        }

        return new SessionReport(0, 0, closedDay, dropped, misaligned, misalignedDropped, examples.Items, misalignedExamples.Items);
    }

    private static void MarkOffSession(CleaningWorkspace ws, int i, BarCleanerOptions options, ref int dropped)
    {
        ws.Session[i] = -1;
        if (options.OffSession == OffSessionPolicy.Drop)
        {
            ws.Keep[i] = false;
            dropped++;
        }
        else
        {
            ws.Flags[i] |= BarFlags.ExtendedHours;
        }
    }
}
