namespace AlphaTrade.Data.Quality;

/// <summary>
/// Flat bars with zero volume (open = high = low = close, no trade): a feed repeating its last price. Inserted
/// fill bars are not counted.
/// </summary>
/// <param name="FlatZeroVolumeBars">Flat zero-volume bars.</param>
/// <param name="StaleRuns">Runs of consecutive flat zero-volume bars at one price at least the configured length.</param>
/// <param name="LongestRun">Bars in the longest such run (1 for a lone flat bar, 0 when none).</param>
/// <param name="LongestRunStartUtc">Start of the longest run, or null when none.</param>
public sealed record StalenessReport(int FlatZeroVolumeBars, int StaleRuns, int LongestRun, DateTime? LongestRunStartUtc);
