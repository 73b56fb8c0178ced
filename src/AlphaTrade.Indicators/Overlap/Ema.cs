using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Exponential moving average (SMA-seeded, k = 2/(period+1)) (TA-Lib EMA).</summary>
public static class Ema
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Ema, period);

    /// <summary>Computes the EMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Ema, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ema", "EMA", IndicatorCategory.Overlap, "Exponential moving average (SMA-seeded, k = 2/(period+1))", PriceInputs.None,
            [Meta.Period(30)], ["ema"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Ema, Meta.I(p, 0))));
}
