namespace AlphaTrade.Core.Time;

/// <summary>
/// The one source of "now" for code that needs it. Core code never reads the wall clock directly:
/// backtests pass a simulated clock, live trading a system clock, tests a <see cref="FakeClock"/>.
/// </summary>
public interface IClock
{
    /// <summary>The current instant in UTC.</summary>
    DateTime UtcNow { get; }
}

/// <summary>A clock that only moves when told to. Thread-safe for reads; not for concurrent writes.</summary>
public sealed class FakeClock : IClock
{
    private long _ticks;

    /// <summary>Creates a clock at <paramref name="utcNow"/>, which must be UTC.</summary>
    public FakeClock(DateTime utcNow)
    {
        if (utcNow.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("FakeClock needs a UTC instant.", nameof(utcNow));
        }

        _ticks = utcNow.Ticks;
    }

    /// <inheritdoc />
    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    /// <summary>Moves the clock forward by <paramref name="delta"/> (never backwards).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "A clock never goes back.");
        }

        Interlocked.Add(ref _ticks, delta.Ticks);
    }

    /// <summary>Sets the clock to <paramref name="utcNow"/>, which must not be earlier than now.</summary>
    public void Set(DateTime utcNow)
    {
        if (utcNow.Kind != DateTimeKind.Utc || utcNow.Ticks < Interlocked.Read(ref _ticks))
        {
            throw new ArgumentOutOfRangeException(nameof(utcNow), utcNow, "Expected a UTC instant not earlier than the clock's.");
        }

        Interlocked.Exchange(ref _ticks, utcNow.Ticks);
    }
}
