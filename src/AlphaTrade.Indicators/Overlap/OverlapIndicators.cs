namespace AlphaTrade.Indicators.Overlap;

/// <summary>The Overlap family.</summary>
internal static class OverlapIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        Sma.Definition,
    ];
}
