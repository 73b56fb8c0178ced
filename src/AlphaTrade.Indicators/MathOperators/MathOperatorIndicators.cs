namespace AlphaTrade.Indicators.MathOperators;

/// <summary>The MathOperators family.</summary>
internal static class MathOperatorIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
    ];
}
