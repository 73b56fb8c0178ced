namespace AlphaTrade.Indicators.PriceTransform;

/// <summary>The PriceTransform family.</summary>
internal static class PriceTransformIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
    ];
}
