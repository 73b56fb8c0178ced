using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Calendar;

/// <summary>
/// One regular trading session of an exchange: its local date and its open and close as UTC instants.
/// </summary>
/// <param name="Date">The exchange-local date of the session.</param>
/// <param name="OpenUtc">Regular open, UTC.</param>
/// <param name="CloseUtc">Regular close, UTC (13:00 New York on an early close).</param>
/// <param name="IsEarlyClose">True on a scheduled early close.</param>
public readonly record struct TradingSession(DateOnly Date, DateTime OpenUtc, DateTime CloseUtc, bool IsEarlyClose)
{
    /// <summary>Session length.</summary>
    public TimeSpan Length => CloseUtc - OpenUtc;

    /// <summary>Number of bars of <paramref name="timeFrame"/> in this session; a partial last bar counts as one.</summary>
    public int BarCount(TimeFrame timeFrame)
    {
        if (timeFrame.IsDaily)
        {
            return 1;
        }

        long len = Length.Ticks;
        long step = timeFrame.Duration.Ticks;
        return (int)((len + step - 1) / step);
    }

    /// <summary>
    /// Writes the bar start instants (UTC ticks) of this session's grid for <paramref name="timeFrame"/> into
    /// <paramref name="destination"/> and returns how many were written (see <see cref="BarCount"/>).
    /// </summary>
    public int BarStarts(TimeFrame timeFrame, Span<long> destination)
    {
        int n = BarCount(timeFrame);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, n, nameof(destination));
        long step = timeFrame.IsDaily ? 0 : timeFrame.Duration.Ticks;
        long t = OpenUtc.Ticks;
        for (int i = 0; i < n; i++)
        {
            destination[i] = t + (i * step);
        }

        return n;
    }

    /// <summary>True when <paramref name="utc"/> lies in [open, close).</summary>
    public bool Contains(DateTime utc) => utc >= OpenUtc && utc < CloseUtc;
}

/// <summary>
/// An exchange calendar: which days trade, when sessions open and close. Implementations are immutable
/// and thread-safe.
/// </summary>
public interface ITradingCalendar
{
    /// <summary>Calendar name, e.g. "NYSE".</summary>
    string Name { get; }

    /// <summary>First and last dates for which the rules are defined.</summary>
    (DateOnly First, DateOnly Last) SupportedRange { get; }

    /// <summary>True when the exchange holds a regular session on <paramref name="date"/> (exchange-local).</summary>
    bool IsTradingDay(DateOnly date);

    /// <summary>The session on <paramref name="date"/>, or null on a weekend, holiday or special closure.</summary>
    TradingSession? GetSession(DateOnly date);

    /// <summary>Every session with a date in [from, to], ascending.</summary>
    IEnumerable<TradingSession> Sessions(DateOnly from, DateOnly to);

    /// <summary>The session containing <paramref name="utc"/> (open ≤ t &lt; close), or null outside sessions.</summary>
    TradingSession? SessionAt(DateTime utc);

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    DateOnly NextTradingDay(DateOnly date);

    /// <summary>The last trading day strictly before <paramref name="date"/>.</summary>
    DateOnly PreviousTradingDay(DateOnly date);

    /// <summary>Converts a UTC instant to exchange-local time.</summary>
    DateTime ToExchangeTime(DateTime utc);

    /// <summary>Converts an exchange-local (unspecified-kind) time to UTC.</summary>
    DateTime ToUtc(DateTime exchangeLocal);
}
