using System.Runtime.CompilerServices;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// Converts exchange-local ticks to UTC ticks, calling the (slow) converter about twice per calendar day: when a
/// day's offset at 00:00 equals its offset at 23:59 the whole day shares it; on a clock-change day every time is
/// converted on its own. Not thread-safe.
/// </summary>
internal sealed class LocalToUtcCache
{
    private const long LastMinuteOfDay = TimeSpan.TicksPerDay - TimeSpan.TicksPerMinute;
    private readonly ExchangeTimeZone _zone;
    private long _day = long.MinValue;
    private long _offsetTicks;
    private bool _clockChangeDay;

    /// <summary>Creates a cache over <paramref name="zone"/>.</summary>
    public LocalToUtcCache(ExchangeTimeZone zone) => _zone = zone;

    /// <summary>UTC ticks of local <paramref name="localTicks"/>; the converter's exceptions pass through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long ToUtc(long localTicks)
    {
        long day = localTicks / TimeSpan.TicksPerDay;
        if (day != _day)
        {
            Refresh(day);
        }

        return _clockChangeDay ? Convert(localTicks) : localTicks - _offsetTicks;
    }

    private void Refresh(long day)
    {
        long midnight = day * TimeSpan.TicksPerDay;
        _day = day;
        try
        {
            long first = midnight - Convert(midnight);
            long last = midnight + LastMinuteOfDay - Convert(midnight + LastMinuteOfDay);
            _offsetTicks = first;
            _clockChangeDay = first != last;
        }
        catch (ArgumentException)
        {
            // Midnight itself falls in a clock change (some zones switch at 00:00): convert each time alone.
            _clockChangeDay = true;
        }
    }

    private long Convert(long localTicks) =>
        _zone.ToUtc(new DateTime(localTicks, DateTimeKind.Unspecified)).Ticks;
}
