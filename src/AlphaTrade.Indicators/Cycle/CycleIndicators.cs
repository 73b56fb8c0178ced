namespace AlphaTrade.Indicators.Cycle;

/// <summary>Hilbert-transform cycle indicators (HT_*, MAMA): owned by the candles branch.</summary>
internal static class CycleIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All => [];
}
