namespace AlphaTrade.Indicators.Patterns;

/// <summary>The candlestick pattern family (CDL*), registered with TA-Lib's default candle settings.</summary>
internal static class PatternIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All => [.. CandlePatterns.All];
}
