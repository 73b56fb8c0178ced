using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Double exponential moving average: 2·EMA − EMA(EMA) (TA-Lib DEMA).</summary>
public static class Dema
{
    /// <summary>Warm-up bars: 2·(period − 1).</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Dema, period);

    /// <summary>Computes the DEMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Dema, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("dema", "DEMA", IndicatorCategory.Overlap, "Double exponential moving average: 2·EMA − EMA(EMA)", PriceInputs.None,
            [Meta.Period(30)], ["dema"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Dema, Meta.I(p, 0))));
}
