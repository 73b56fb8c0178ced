using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Moving average of a selectable type (TA-Lib MA with MAType 0..8; period 1 copies the input).</summary>
public static class Ma
{
    /// <summary>Warm-up bars of the chosen type.</summary>
    public static int Lookback(int period, MaType type) => MaBlock.LookbackOf(type, period);

    /// <summary>Computes the MA of <paramref name="src"/> into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, MaType type, Span<double> dst)
    {
        var core = new MaCore(MaBlock.Create(type, period));
        Runner.Single(ref core, Lookback(period, type), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ma", "MA", IndicatorCategory.Overlap, "Moving average of a selectable type", PriceInputs.None,
            [Meta.Period(30, 1), Meta.MaType()], ["ma"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0), (MaType)Meta.I(p, 1)),
        p => new MaCore(MaBlock.Create(p[1], Meta.I(p, 0))));
}
