using System.Buffers;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Compares the bars with the calendar's session grid (<see cref="TradingSession.BarStarts"/>) between the first
/// and last regular bar, and builds the output series, inserting flat bars when the fill policy asks for them.
/// </summary>
internal static class SessionGridCoverage
{
    public static (GapReport Report, BarSeries Series) Apply(CleaningWorkspace ws, TradingSession[] sessions, string symbol,
        TimeFrame timeFrame, BarCleanerOptions options)
    {
        int first = -1, last = -1;
        for (int i = 0; i < ws.Count; i++)
        {
            if (ws.IsRegular(i))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return (new GapReport(0, 0, 0, 0, 0, 0, [], 0, 0, []), Build(ws, symbol, timeFrame, null));
        }

        bool fill = options.MissingBars == MissingBarFillPolicy.Flat;
        List<long>? fills = fill ? [] : null;
        List<DateOnly>? missingExamples = null;
        int expected = 0, present = 0, missingSessions = 0;
        var runs = new MissingRunTally(options.MaxExamples);
        int s0 = ws.Session[first], s1 = ws.Session[last];
        long from = ws.Time[first], to = ws.Time[last];
        bool midnightStamps = new DateTime(ws.Time[first], DateTimeKind.Utc).TimeOfDay == TimeSpan.Zero;
        long[] slots = ArrayPool<long>.Shared.Rent(64);
        try
        {
            int row = first;
            for (int s = s0; s <= s1; s++)
            {
                var session = sessions[s];

                // Rows are time-sorted and no off-session row can fall inside a session, so this session's rows
                // are the contiguous run [a, b).
                while (row <= last && (!ws.IsRegular(row) || ws.Session[row] < s))
                {
                    row++;
                }

                int a = row, b = row;
                while (b <= last && ws.Session[b] == s)
                {
                    b++;
                }

                bool anyBar = b > a;
                bool fillHere = fills is not null && (anyBar || options.FillMissingSessions);
                if (timeFrame.IsDaily)
                {
                    expected++;
                    present += anyBar ? 1 : 0;
                    if (!anyBar)
                    {
                        long stamp = DailyStamp(session, midnightStamps);
                        runs.Missing(stamp);
                        runs.EndRun();
                        if (fillHere)
                        {
                            fills!.Add(stamp);
                        }
                    }
                }
                else
                {
                    int n = session.BarCount(timeFrame);
                    if (slots.Length < n)
                    {
                        ArrayPool<long>.Shared.Return(slots);
                        slots = ArrayPool<long>.Shared.Rent(n);
                    }

                    n = session.BarStarts(timeFrame, slots);
                    int r = a;
                    for (int j = 0; j < n; j++)
                    {
                        long t = slots[j];
                        if (t < from || t > to)
                        {
                            continue;
                        }

                        expected++;
                        while (r < b && ws.Time[r] < t)
                        {
                            r++;
                        }

                        if (r < b && ws.Time[r] == t)
                        {
                            present++;
                            runs.EndRun();
                        }
                        else
                        {
                            runs.Missing(t);
                            if (fillHere)
                            {
                                fills!.Add(t);
                            }
                        }
                    }

                    runs.EndRun();
                }

                if (!anyBar)
                {
                    missingSessions++;
                    if (missingSessions <= options.MaxExamples)
                    {
                        missingExamples ??= [];
                        missingExamples.Add(session.Date);
                    }
                }

                row = b;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(slots);
        }

        int missing = expected - present;
        double pct = expected > 0 ? Math.Round(100.0 * missing / expected, 4) : 0;
        var report = new GapReport(expected, present, missing, pct, s1 - s0 + 1, missingSessions,
            missingExamples ?? (IReadOnlyList<DateOnly>)[], fills?.Count ?? 0, runs.Count, runs.Items);
        return (report, Build(ws, symbol, timeFrame, fills));
    }

    /// <summary>
    /// A daily fill bar's stamp: midnight UTC of the session date when the series stamps its bars that way (the
    /// usual vendor convention), else the session open.
    /// </summary>
    private static long DailyStamp(TradingSession session, bool midnightStamps) =>
        midnightStamps ? session.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks : session.OpenUtc.Ticks;

    /// <summary>The output series: the rows, merged in time order with flat fill bars at the previous regular close.</summary>
    private static BarSeries Build(CleaningWorkspace ws, string symbol, TimeFrame timeFrame, List<long>? fills)
    {
        int nFill = fills?.Count ?? 0;
        bool withVwap = ws.Vwap is not null, withTrades = ws.TradeCount is not null;
        var series = new BarSeries(symbol, timeFrame, ws.Count + nFill, withVwap, withTrades);
        var col = series.Columns;
        int i = 0, f = 0, w = 0;
        double lastClose = double.NaN;
        while (i < ws.Count || f < nFill)
        {
            if (f < nFill && (i >= ws.Count || fills![f] < ws.Time[i]))
            {
                col.Time[w] = fills![f];
                col.Open[w] = col.High[w] = col.Low[w] = col.Close[w] = lastClose;
                col.Volume[w] = 0;
                col.Flags[w] = BarFlags.Filled;
                if (withVwap)
                {
                    col.Vwap[w] = lastClose;
                }

                if (withTrades)
                {
                    col.TradeCount[w] = 0;
                }

                f++;
            }
            else
            {
                col.Time[w] = ws.Time[i];
                col.Open[w] = ws.Open[i];
                col.High[w] = ws.High[i];
                col.Low[w] = ws.Low[i];
                col.Close[w] = ws.Close[i];
                col.Volume[w] = ws.Volume[i];
                col.Flags[w] = ws.Flags[i];
                if (withVwap)
                {
                    col.Vwap[w] = ws.Vwap![i];
                }

                if (withTrades)
                {
                    col.TradeCount[w] = ws.TradeCount![i];
                }

                if (ws.IsRegular(i))
                {
                    lastClose = ws.Close[i];
                }

                i++;
            }

            w++;
        }

        series.SetCount(w);
        return series;
    }

    /// <summary>Groups consecutive missing slots into runs, keeping the first few.</summary>
    private struct MissingRunTally(int max)
    {
        private List<MissingBarRun>? _items;
        private long _start;
        private int _length;

        public int Count { get; private set; }

        public readonly IReadOnlyList<MissingBarRun> Items => _items ?? (IReadOnlyList<MissingBarRun>)[];

        public void Missing(long slot)
        {
            if (_length == 0)
            {
                _start = slot;
            }

            _length++;
        }

        public void EndRun()
        {
            if (_length == 0)
            {
                return;
            }

            Count++;
            if ((_items?.Count ?? 0) < max)
            {
                (_items ??= []).Add(new MissingBarRun(new DateTime(_start, DateTimeKind.Utc), _length));
            }

            _length = 0;
        }
    }
}
