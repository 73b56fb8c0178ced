namespace AlphaTrade.Indicators.PriceTransform;

/// <summary>The PriceTransform family.</summary>
internal static class PriceTransformIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        AvgPrice.Definition,
        MedPrice.Definition,
        TypPrice.Definition,
        WclPrice.Definition,
        HeikinAshi.Definition,
    ];
}
