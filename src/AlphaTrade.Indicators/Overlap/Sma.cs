using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Simple moving average: the mean of the last <c>period</c> values (TA-Lib SMA).</summary>
public static class Sma
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Computes the SMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst) => Runner.Segmented(src, dst, period, Kernel);

    /// <summary>
    /// One valid segment: the same running total as <see cref="TrailingSum"/> (add, read, subtract the leaving
    /// value), so results are bit-identical to the streaming core.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(ReadOnlySpan<double> src, Span<double> dst, int period)
    {
        int n = src.Length;
        int lb = Math.Min(n, period - 1);
        double total = 0;
        for (int i = 0; i < lb; i++)
        {
            total += src[i];
            dst[i] = double.NaN;
        }

        if (period == 1)
        {
            src.CopyTo(dst);
            return;
        }

        for (int i = period - 1; i < n; i++)
        {
            total += src[i];
            dst[i] = total / period;
            total -= src[i - period + 1];
        }
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("sma", "SMA", IndicatorCategory.Overlap, "Simple moving average", PriceInputs.None,
            [Meta.Period(30)], ["sma"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) => Kernel(c.R0[s..e], o.O0[s..e], Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _sum = new(period);

        public void Reset() => _sum.Reset();

        public void Update(in Tick t, Span<double> output) => output[0] = _sum.Add(t.R0) / period;
    }
}
