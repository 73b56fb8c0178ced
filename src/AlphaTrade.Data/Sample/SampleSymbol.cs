namespace AlphaTrade.Data.Sample;

/// <summary>One member of the sample universe: a ticker and its GICS sector.</summary>
/// <param name="Symbol">Ticker, upper case (e.g. "AAPL").</param>
/// <param name="Sector">GICS sector name (e.g. "Information Technology"); symbols of one sector share a sector factor.</param>
public readonly record struct SampleSymbol(string Symbol, string Sector);
