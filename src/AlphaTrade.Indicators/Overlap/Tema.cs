using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Triple exponential moving average: 3·EMA − 3·EMA² + EMA³ (TA-Lib TEMA).</summary>
public static class Tema
{
    /// <summary>Warm-up bars: 3·(period − 1).</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Tema, period);

    /// <summary>Computes the TEMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(MaType.Tema, period));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("tema", "TEMA", IndicatorCategory.Overlap, "Triple exponential moving average: 3·EMA − 3·EMA² + EMA³", PriceInputs.None,
            [Meta.Period(30)], ["tema"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Tema, Meta.I(p, 0))));
}
