namespace AlphaTrade.Data.Quality;

/// <summary>What happens to a bad tick (a price that leaves and comes back within a bar or two).</summary>
public enum OutlierPolicy
{
    /// <summary>Keep the bar, flagged <see cref="AlphaTrade.Core.Market.BarFlags.Outlier"/>, for inspection.</summary>
    Flag = 0,

    /// <summary>
    /// Replace its prices with the last good close (flat bar, volume kept), flagged
    /// <see cref="AlphaTrade.Core.Market.BarFlags.Outlier"/> and <see cref="AlphaTrade.Core.Market.BarFlags.Repaired"/>.
    /// </summary>
    Replace = 1,

    /// <summary>Remove the bar.</summary>
    Drop = 2,
}
