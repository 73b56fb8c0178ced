namespace AlphaTrade.Indicators.Patterns;

/// <summary>Candlestick patterns (CDL*): owned by the candles branch.</summary>
internal static class PatternIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All => [];
}
