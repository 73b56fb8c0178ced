using AlphaTrade.Core.Time;

namespace AlphaTrade.Engine.Time;

/// <summary>
/// The clock of a simulation: it stands still until the event loop moves it, and only forwards. Reading it is a
/// field read (<see cref="UtcTicks"/>), so hot code can ask for the time freely. Single-threaded.
/// </summary>
public sealed class SimulatedClock : IClock
{
    /// <summary>Creates a clock at <paramref name="startUtcTicks"/> (default: the minimum instant).</summary>
    public SimulatedClock(long startUtcTicks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startUtcTicks);
        UtcTicks = startUtcTicks;
    }

    /// <summary>Now, UTC ticks.</summary>
    public long UtcTicks { get; private set; }

    /// <inheritdoc />
    public DateTime UtcNow => new(UtcTicks, DateTimeKind.Utc);

    /// <summary>Moves the clock to <paramref name="utcTicks"/>; moving backwards throws (a loop bug).</summary>
    public void AdvanceTo(long utcTicks)
    {
        if (utcTicks < UtcTicks)
        {
            throw new InvalidOperationException(
                $"The simulated clock cannot go back from {new DateTime(UtcTicks, DateTimeKind.Utc):O} to {new DateTime(utcTicks, DateTimeKind.Utc):O}.");
        }

        UtcTicks = utcTicks;
    }
}
