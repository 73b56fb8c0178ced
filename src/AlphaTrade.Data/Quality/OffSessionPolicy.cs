namespace AlphaTrade.Data.Quality;

/// <summary>What happens to bars outside the regular session (pre/post market, weekends, holidays).</summary>
public enum OffSessionPolicy
{
    /// <summary>Remove them (the platform trades the regular session only).</summary>
    Drop = 0,

    /// <summary>Keep them, flagged <see cref="AlphaTrade.Core.Market.BarFlags.ExtendedHours"/>.</summary>
    Keep = 1,
}
