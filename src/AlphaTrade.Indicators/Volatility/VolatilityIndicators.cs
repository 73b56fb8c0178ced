namespace AlphaTrade.Indicators.Volatility;

/// <summary>The Volatility family.</summary>
internal static class VolatilityIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        TRange.Definition,
        Atr.Definition,
        Natr.Definition,
        Var.Definition,
        StdDev.Definition,
            CloseToCloseVolatility.Definition,
        ParkinsonVolatility.Definition,
        GarmanKlassVolatility.Definition,
        RogersSatchellVolatility.Definition,
        YangZhangVolatility.Definition,
        ChaikinVolatility.Definition,
        UlcerIndex.Definition,
    ];
}
