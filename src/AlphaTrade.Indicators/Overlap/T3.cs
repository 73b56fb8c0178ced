using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Tillson T3 moving average: six chained EMAs weighted by the volume factor (TA-Lib T3).</summary>
public static class T3
{
    /// <summary>Warm-up bars: 6·(period − 1).</summary>
    public static int Lookback(int period) => 6 * (period - 1);

    /// <summary>Computes T3 of <paramref name="src"/> into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, double vFactor, Span<double> dst)
    {
        var core = new MaCore(new T3Block(period, vFactor));
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("t3", "T3", IndicatorCategory.Overlap, "Tillson T3 moving average", PriceInputs.None,
            [Meta.Period(5), Meta.Real("vfactor", 0.7, 0, 1, "Volume factor")], ["t3"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(new T3Block(Meta.I(p, 0), p[1])));
}
