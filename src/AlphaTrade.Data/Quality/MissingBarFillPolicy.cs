namespace AlphaTrade.Data.Quality;

/// <summary>What happens to grid slots of the calendar's sessions that have no bar.</summary>
public enum MissingBarFillPolicy
{
    /// <summary>Report them and leave the gap.</summary>
    Leave = 0,

    /// <summary>
    /// Insert a flat bar (open = high = low = close = the previous close, zero volume) flagged
    /// <see cref="AlphaTrade.Core.Market.BarFlags.Filled"/>.
    /// </summary>
    Flat = 1,
}
