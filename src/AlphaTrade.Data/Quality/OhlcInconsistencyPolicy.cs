namespace AlphaTrade.Data.Quality;

/// <summary>What happens to a bar whose high and low do not bracket its open and close.</summary>
public enum OhlcInconsistencyPolicy
{
    /// <summary>
    /// Widen high and low to the extremes of the four prices and flag the bar
    /// <see cref="AlphaTrade.Core.Market.BarFlags.Repaired"/>: open and close are the prices most likely right.
    /// </summary>
    Repair = 0,

    /// <summary>Remove the bar.</summary>
    Drop = 1,
}
