namespace AlphaTrade.Data.Quality;

/// <summary>Bars whose high and low do not bracket open and close. A bar can break several rules.</summary>
/// <param name="HighBelowBody">Bars with high &lt; max(open, close).</param>
/// <param name="LowAboveBody">Bars with low &gt; min(open, close).</param>
/// <param name="HighBelowLow">Bars with high &lt; low.</param>
/// <param name="InconsistentBars">Bars breaking at least one rule.</param>
/// <param name="Repaired">Bars repaired (high and low widened to the four prices' extremes).</param>
/// <param name="Dropped">Bars removed.</param>
/// <param name="Examples">Bar starts of the first few inconsistent bars, in time order.</param>
public sealed record OhlcReport(int HighBelowBody, int LowAboveBody, int HighBelowLow, int InconsistentBars, int Repaired, int Dropped,
    IReadOnlyList<DateTime> Examples);
