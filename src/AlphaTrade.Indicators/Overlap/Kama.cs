using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Kaufman adaptive moving average (fast 2, slow 30) (TA-Lib KAMA).</summary>
public static class Kama
{
    /// <summary>Warm-up bars: period.</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Kama, period);

    /// <summary>Computes the KAMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Kama, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("kama", "KAMA", IndicatorCategory.Overlap, "Kaufman adaptive moving average (fast 2, slow 30)", PriceInputs.None,
            [Meta.Period(30)], ["kama"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Kama, Meta.I(p, 0))));
}
