namespace AlphaTrade.Data.Quality;

/// <summary>An overnight close→open ratio near a split ratio: likely an unadjusted split.</summary>
/// <param name="SessionDate">The first session at the new price level.</param>
/// <param name="TimeUtc">Start of that session's first bar.</param>
/// <param name="ObservedRatio">Previous close ÷ open.</param>
/// <param name="NominalRatio">The matching split ratio (2 for 2:1, 0.1 for 1:10).</param>
/// <param name="Ratio">The ratio as written ("2:1", "3:2", "1:10").</param>
/// <param name="Adjusted">True when earlier bars were back-adjusted by the nominal ratio.</param>
public sealed record SplitSuspicion(DateOnly SessionDate, DateTime TimeUtc, double ObservedRatio, double NominalRatio, string Ratio, bool Adjusted);
