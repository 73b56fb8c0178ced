using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Simple moving average: the mean of the last <c>period</c> values (TA-Lib SMA).</summary>
public static class Sma
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Computes the SMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new Core(period);
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("sma", "SMA", IndicatorCategory.Overlap, "Simple moving average", PriceInputs.None,
            [Meta.Period(30)], ["sma"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _sum = new(period);

        public void Reset() => _sum.Reset();

        public void Update(in Tick t, Span<double> output) => output[0] = _sum.Add(t.R0) / period;
    }
}
