namespace AlphaTrade.Risk.Limits;

/// <summary>The kill switch changed.</summary>
/// <param name="Engaged">True when it was engaged, false when released.</param>
/// <param name="Reason">Why.</param>
/// <param name="TimeUtcTicks">When.</param>
public sealed record KillSwitchChange(bool Engaged, string Reason, long TimeUtcTicks);

/// <summary>
/// Halts all trading at once. While engaged the risk layer rejects every order, and whoever drives execution (the
/// engine, through <see cref="Changed"/> or <see cref="IsEngaged"/>) cancels every open order. It stays engaged until
/// a person releases it. Thread-safe: a kill switch may be pulled from outside the trading loop.
/// </summary>
public sealed class KillSwitch
{
    private readonly Lock _gate = new();
    private volatile bool _engaged;

    /// <summary>True while trading is killed.</summary>
    public bool IsEngaged => _engaged;

    /// <summary>Why it was engaged (null when not engaged).</summary>
    public string? Reason { get; private set; }

    /// <summary>When it was engaged, UTC ticks (0 when not engaged).</summary>
    public long EngagedAtUtcTicks { get; private set; }

    /// <summary>Raised when it is engaged or released (on the caller's thread).</summary>
    public event EventHandler<KillSwitchChange>? Changed;

    /// <summary>Engages it; a second call while engaged does nothing and returns false.</summary>
    public bool Engage(string reason, long timeUtcTicks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (_engaged)
            {
                return false;
            }

            Reason = reason;
            EngagedAtUtcTicks = timeUtcTicks;
            _engaged = true;
        }

        Changed?.Invoke(this, new KillSwitchChange(true, reason, timeUtcTicks));
        return true;
    }

    /// <summary>Releases it; returns false when it was not engaged.</summary>
    public bool Release(string reason, long timeUtcTicks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (!_engaged)
            {
                return false;
            }

            _engaged = false;
            Reason = null;
            EngagedAtUtcTicks = 0;
        }

        Changed?.Invoke(this, new KillSwitchChange(false, reason, timeUtcTicks));
        return true;
    }
}
