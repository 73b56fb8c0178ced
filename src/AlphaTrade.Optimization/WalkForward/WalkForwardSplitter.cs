using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Optimization.WalkForward;

/// <summary>
/// Cuts a bar timeline into walk-forward folds.
/// <para>
/// Calendar units (M, W, D): the origin is midnight UTC of the first bar's date. Fold k's test window is
/// [origin + train + k·step, origin + train + k·step + test), its rolling training window
/// [origin + k·step, test start), an expanding one [origin, test start). Every boundary is computed from the origin
/// (months added first, then days; never by repeated addition, so month-end clamping cannot drift) and becomes the
/// index of the first bar at or after it. Bars unit (B): the same in bar indices, origin 0.
/// </para>
/// <para>
/// Folds run while a test window starts before the last bar; the final test window is cut at the end of the data,
/// and a test window with no bar (a hole in the data) is skipped. The gap drops the last <c>gap</c> bars of every
/// training window. For US equities a bar's UTC date is its session date (sessions end before midnight UTC).
/// </para>
/// </summary>
public static class WalkForwardSplitter
{
    /// <summary>Folds over sorted (non-decreasing) bar start times in UTC ticks.</summary>
    public static IReadOnlyList<WalkForwardFold> Split(ReadOnlySpan<long> barTimesUtcTicks, WalkForwardSpec spec, string option = "--walk-forward")
    {
        ArgumentNullException.ThrowIfNull(spec);
        for (int i = 1; i < barTimesUtcTicks.Length; i++)
        {
            if (barTimesUtcTicks[i] < barTimesUtcTicks[i - 1])
            {
                throw new ArgumentException($"Bar times must be sorted; bar {i} precedes bar {i - 1}.", nameof(barTimesUtcTicks));
            }
        }

        return spec.InBars ? SplitBars(barTimesUtcTicks.Length, spec, option) : SplitCalendar(barTimesUtcTicks, spec, option);
    }

    /// <summary>Folds over sorted (non-decreasing) session dates, one per observation.</summary>
    public static IReadOnlyList<WalkForwardFold> Split(ReadOnlySpan<DateOnly> sessionDates, WalkForwardSpec spec, string option = "--walk-forward")
    {
        var ticks = new long[sessionDates.Length];
        for (int i = 0; i < ticks.Length; i++)
        {
            ticks[i] = sessionDates[i].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
        }

        return Split(ticks, spec, option);
    }

    /// <summary>Folds over <paramref name="barCount"/> bars; the spec must be in bars (B).</summary>
    public static IReadOnlyList<WalkForwardFold> Split(int barCount, WalkForwardSpec spec, string option = "--walk-forward")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(barCount);
        if (!spec.InBars)
        {
            throw new InputException($"{option} '{spec}': calendar windows need bar times; use bar counts (B) or pass the times");
        }

        return SplitBars(barCount, spec, option);
    }

    private static List<WalkForwardFold> SplitBars(int n, WalkForwardSpec spec, string option)
    {
        Validate(spec);
        var folds = new List<WalkForwardFold>();
        long first = spec.Train.Count;
        for (int k = 0; ; k++)
        {
            long testStart = first + ((long)k * spec.Step.Count);
            if (testStart >= n)
            {
                break;
            }

            int ts = (int)testStart;
            int te = (int)Math.Min(n, testStart + spec.Test.Count);
            int trs = spec.Mode == WalkForwardMode.Rolling ? ts - spec.Train.Count : 0;
            folds.Add(MakeFold(folds.Count, trs, ts, te, spec, option));
        }

        if (folds.Count == 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{option} '{spec}': the data has {n:N0} bars, too few for a {spec.Train} training window and a test window"));
        }

        return folds;
    }

    private static List<WalkForwardFold> SplitCalendar(ReadOnlySpan<long> times, WalkForwardSpec spec, string option)
    {
        Validate(spec);
        int n = times.Length;
        var folds = new List<WalkForwardFold>();
        if (n > 0)
        {
            var origin = new DateTime(times[0], DateTimeKind.Utc).Date;
            long last = times[n - 1];
            for (int k = 0; ; k++)
            {
                var testStart = Offset(origin, (spec.Train, 1), (spec.Step, k));
                if (testStart.Ticks > last)
                {
                    break;
                }

                var testEnd = Offset(origin, (spec.Train, 1), (spec.Step, k), (spec.Test, 1));
                int ts = LowerBound(times, testStart.Ticks);
                int te = LowerBound(times, testEnd.Ticks);
                if (te <= ts)
                {
                    continue;
                }

                int trs = spec.Mode == WalkForwardMode.Rolling
                    ? LowerBound(times, Offset(origin, (spec.Train, 1), (spec.Step, k), (spec.Train, -1)).Ticks)
                    : 0;
                folds.Add(MakeFold(folds.Count, trs, ts, te, spec, option));
            }
        }

        if (folds.Count == 0)
        {
            string span = n == 0 ? "no bars" : string.Create(CultureInfo.InvariantCulture,
                $"{n:N0} bars from {new DateTime(times[0], DateTimeKind.Utc):yyyy-MM-dd} to {new DateTime(times[n - 1], DateTimeKind.Utc):yyyy-MM-dd}");
            throw new InputException($"{option} '{spec}': the data ({span}) is too short for a {spec.Train} training window and a test window");
        }

        return folds;
    }

    /// <summary>
    /// origin + Σ multiple·length, months first, then days (weeks are 7 days), always from the origin: boundaries
    /// never drift with month-end clamping (data from 31 January with 1-month steps gives 29 February, 31 March,
    /// 30 April, ...).
    /// </summary>
    private static DateTime Offset(DateTime origin, params ReadOnlySpan<(WindowLength Length, int Multiple)> terms)
    {
        int months = 0;
        long days = 0;
        foreach (var (length, multiple) in terms)
        {
            switch (length.Unit)
            {
                case WindowUnit.Months:
                    months = checked(months + (length.Count * multiple));
                    break;
                case WindowUnit.Weeks:
                    days = checked(days + (7L * length.Count * multiple));
                    break;
                case WindowUnit.Days:
                    days = checked(days + ((long)length.Count * multiple));
                    break;
                default:
                    throw new InvalidOperationException("Bars are not a calendar unit.");
            }
        }

        return origin.AddMonths(months).AddTicks(checked(days * TimeSpan.TicksPerDay));
    }

    private static WalkForwardFold MakeFold(int index, int trainStart, int testStart, int testEnd, WalkForwardSpec spec, string option)
    {
        int trainEnd = testStart - spec.Gap;
        if (trainEnd <= trainStart)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{option} '{spec}': fold {index + 1} has {testStart - trainStart:N0} training bars, none left after a gap of {spec.Gap:N0} bars"));
        }

        return new WalkForwardFold(index, new BarRange(trainStart, trainEnd), new BarRange(testStart, testEnd));
    }

    private static void Validate(WalkForwardSpec spec)
    {
        if (spec.Train.Count < 1 || spec.Test.Count < 1 || spec.Step.Count < 1)
        {
            throw new ArgumentException("Window lengths must be positive.", nameof(spec));
        }

        if (spec.Gap < 0)
        {
            throw new ArgumentException("The gap cannot be negative.", nameof(spec));
        }

        if (spec.Train.IsCalendar != spec.Test.IsCalendar || spec.Train.IsCalendar != spec.Step.IsCalendar)
        {
            throw new ArgumentException("Bars cannot be mixed with calendar units.", nameof(spec));
        }
    }

    /// <summary>Index of the first time at or after <paramref name="value"/> (times.Length when none).</summary>
    internal static int LowerBound(ReadOnlySpan<long> times, long value)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (times[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
