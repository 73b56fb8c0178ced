namespace AlphaTrade.Indicators.MathOperators;

/// <summary>The MathOperators family.</summary>
internal static class MathOperatorIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        Sum.Definition,
        Max.Definition,
        Min.Definition,
        MaxIndex.Definition,
        MinIndex.Definition,
        MinMax.Definition,
        MinMaxIndex.Definition,
        .. ElementwiseMath.All,
    ];
}
