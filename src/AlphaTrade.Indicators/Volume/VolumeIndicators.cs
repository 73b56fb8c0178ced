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
            Cmf.Definition,
        ForceIndex.Definition,
        EaseOfMovement.Definition,
        Nvi.Definition,
        Pvi.Definition,
        Klinger.Definition,
        VolumeOscillator.Definition,
    ];
}
