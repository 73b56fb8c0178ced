namespace AlphaTrade.Indicators.Momentum;

/// <summary>The Momentum family.</summary>
internal static class MomentumIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
    ];
}
