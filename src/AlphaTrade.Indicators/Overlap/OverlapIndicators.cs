namespace AlphaTrade.Indicators.Overlap;

/// <summary>The Overlap family.</summary>
internal static class OverlapIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        Sma.Definition,
        Ema.Definition,
        Wma.Definition,
        Dema.Definition,
        Tema.Definition,
        Trima.Definition,
        Kama.Definition,
        T3.Definition,
        Ma.Definition,
        Mavp.Definition,
        Bbands.Definition,
        Midpoint.Definition,
        Midprice.Definition,
        Sar.Definition,
        SarExt.Definition,
        AccBands.Definition,
        Hma.Definition,
        Zlema.Definition,
        Alma.Definition,
        Vwma.Definition,
        Vwap.Definition,
        Keltner.Definition,
        Donchian.Definition,
        Envelopes.Definition,
        Ichimoku.Definition,
        Supertrend.Definition,
    ];
}
