using System.Runtime.CompilerServices;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Loading;

/// <summary>Why a timestamp could not be turned into a bar start.</summary>
internal enum TimeProblem : byte
{
    /// <summary>No problem.</summary>
    None,

    /// <summary>Outside <see cref="DateTime"/>'s range after conversion.</summary>
    OutOfRange,

    /// <summary>A naive local time skipped by a clock change.</summary>
    NonexistentLocalTime,
}

/// <summary>
/// Turns a parsed timestamp into the bar's start in UTC ticks: applies the zone (offset, UTC or exchange time),
/// gives a date alone the daily bar time, and moves end labels back by the bar size. Not thread-safe.
/// </summary>
internal sealed class BarTimeResolver
{
    private readonly BarFileOptions _options;
    private readonly long _dailyBarTicks;
    private LocalToUtcCache? _localToUtc;
    private bool _daily;

    /// <summary>Creates a resolver for one file.</summary>
    public BarTimeResolver(BarFileOptions options)
    {
        _options = options;
        _dailyBarTicks = options.DailyBarTime.Ticks;
    }

    /// <summary>Ticks subtracted from every timestamp (the bar size for end-labelled intraday bars).</summary>
    public long LabelShift { get; private set; }

    /// <summary>Sets the bar size once known (before it: start labels, intraday).</summary>
    public void SetTimeFrame(TimeFrame timeFrame)
    {
        _daily = timeFrame.IsDaily;
        LabelShift = _options.Label == BarLabel.End && !_daily ? timeFrame.Duration.Ticks : 0;
    }

    /// <summary>The bar start of <paramref name="ts"/> in UTC ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TimeProblem Resolve(in ParsedTimestamp ts, out long utc)
    {
        long local = ts.Ticks;
        if (!ts.HasTime || (_daily && ts.Zone == TimestampZone.Naive && local % TimeSpan.TicksPerDay == 0))
        {
            local += _dailyBarTicks;
        }

        switch (ts.Zone)
        {
            case TimestampZone.Utc:
                utc = local;
                break;
            case TimestampZone.Offset:
                utc = local - (ts.OffsetMinutes * TimeSpan.TicksPerMinute);
                break;
            default:
                if (!TryLocalToUtc(local, out utc))
                {
                    return TimeProblem.NonexistentLocalTime;
                }

                break;
        }

        return Shift(ref utc);
    }

    /// <summary>Applies the label shift and range check to a UTC instant (epoch timestamps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TimeProblem Shift(ref long utc)
    {
        utc -= LabelShift;
        return utc < 0 || utc > DateTime.MaxValue.Ticks ? TimeProblem.OutOfRange : TimeProblem.None;
    }

    /// <summary>Exchange-local ticks to UTC ticks; false for a time skipped by a clock change.</summary>
    public bool TryLocalToUtc(long local, out long utc)
    {
        try
        {
            utc = (_localToUtc ??= new LocalToUtcCache(_options.EffectiveExchangeTime)).ToUtc(local);
            return true;
        }
        catch (ArgumentException)
        {
            utc = 0;
            return false;
        }
    }
}
