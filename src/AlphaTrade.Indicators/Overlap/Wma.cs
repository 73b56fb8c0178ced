using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Linearly weighted moving average (weights 1..period) (TA-Lib WMA).</summary>
public static class Wma
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Wma, period);

    /// <summary>Computes the WMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Wma, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("wma", "WMA", IndicatorCategory.Overlap, "Linearly weighted moving average (weights 1..period)", PriceInputs.None,
            [Meta.Period(30)], ["wma"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Wma, Meta.I(p, 0))));
}
