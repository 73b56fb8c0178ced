using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Triangular moving average (SMA of SMA) (TA-Lib TRIMA).</summary>
public static class Trima
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Trima, period);

    /// <summary>Computes the TRIMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Trima, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("trima", "TRIMA", IndicatorCategory.Overlap, "Triangular moving average (SMA of SMA)", PriceInputs.None,
            [Meta.Period(30)], ["trima"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Trima, Meta.I(p, 0))));
}
