namespace AlphaTrade.Indicators.Cycle;

/// <summary>
/// Hilbert-transform indicators (HT_DCPERIOD, HT_DCPHASE, HT_PHASOR, HT_SINE, HT_TRENDMODE, and HT_TRENDLINE and
/// MAMA, which TA-Lib files under overlap studies).
/// </summary>
internal static class CycleIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        HtDcPeriod.Definition,
        HtDcPhase.Definition,
        HtPhasor.Definition,
        HtSine.Definition,
        HtTrendline.Definition,
        HtTrendMode.Definition,
        Mama.Definition,
    ];
}
