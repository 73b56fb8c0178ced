namespace AlphaTrade.Indicators.Volume;

/// <summary>The Volume family.</summary>
internal static class VolumeIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        Obv.Definition,
        Ad.Definition,
        AdOsc.Definition,
    ];
}
