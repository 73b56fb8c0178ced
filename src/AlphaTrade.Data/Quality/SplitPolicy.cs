namespace AlphaTrade.Data.Quality;

/// <summary>What happens to a suspected unadjusted split.</summary>
public enum SplitPolicy
{
    /// <summary>Report it only: a false suspicion must never silently rescale real prices.</summary>
    Report = 0,

    /// <summary>
    /// Back-adjust: divide every price before the split by the nominal ratio and multiply volumes by it.
    /// </summary>
    Adjust = 1,
}
