namespace AlphaTrade.Analytics.Inputs;

/// <summary>One holding at a snapshot: signed market value as a fraction of equity (short positions negative).</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Sector">Sector of the symbol.</param>
/// <param name="Weight">Market value ÷ account equity; negative for a short.</param>
public readonly record struct PositionWeight(string Symbol, string Sector, double Weight);

/// <summary>The book at one instant (for example at each bar close or each day's close).</summary>
/// <param name="TimeUtcTicks">Snapshot instant, UTC ticks.</param>
/// <param name="Positions">Open positions; flat symbols may be left out.</param>
public sealed record PositionSnapshot(long TimeUtcTicks, IReadOnlyList<PositionWeight> Positions);
