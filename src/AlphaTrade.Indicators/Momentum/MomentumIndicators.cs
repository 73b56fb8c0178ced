namespace AlphaTrade.Indicators.Momentum;

/// <summary>The Momentum family.</summary>
internal static class MomentumIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        Rsi.Definition,
        Cmo.Definition,
        Stoch.Definition,
        StochF.Definition,
        StochRsi.Definition,
        Macd.Definition,
        MacdFix.Definition,
        MacdExt.Definition,
        Apo.Definition,
        Ppo.Definition,
        Mom.Definition,
        Roc.Definition,
        Rocp.Definition,
        Rocr.Definition,
        Rocr100.Definition,
        Cci.Definition,
        WillR.Definition,
        Aroon.Definition,
        AroonOsc.Definition,
        Bop.Definition,
        Imi.Definition,
        Mfi.Definition,
        Trix.Definition,
        UltOsc.Definition,
        PlusDm.Definition,
        MinusDm.Definition,
        PlusDi.Definition,
        MinusDi.Definition,
        Dx.Definition,
        Adx.Definition,
        Adxr.Definition,
            Tsi.Definition,
        Kst.Definition,
        Coppock.Definition,
        AwesomeOscillator.Definition,
        ElderRay.Definition,
        FisherTransform.Definition,
        Vortex.Definition,
        Dpo.Definition,
        MassIndex.Definition,
        SchaffTrendCycle.Definition,
        ConnorsRsi.Definition,
    ];
}
