namespace AlphaTrade.Core.Market;

/// <summary>Per-bar markers set by loading and cleaning; a bar with no flag is an ordinary traded bar.</summary>
[Flags]
public enum BarFlags : byte
{
    /// <summary>An ordinary bar as the vendor supplied it.</summary>
    None = 0,

    /// <summary>Synthesised by the missing-bar fill policy (flat at the previous close, zero volume).</summary>
    Filled = 1,

    /// <summary>Outside the regular session (pre- or post-market), kept by setting.</summary>
    ExtendedHours = 2,

    /// <summary>Price was flagged as an outlier (a bad tick); kept for inspection, never traded on.</summary>
    Outlier = 4,

    /// <summary>Repaired by cleaning (for example an OHLC inconsistency clamped).</summary>
    Repaired = 8,
}
