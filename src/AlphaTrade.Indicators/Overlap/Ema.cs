using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Exponential moving average (SMA-seeded, k = 2/(period+1)) (TA-Lib EMA).</summary>
public static class Ema
{
    /// <summary>Warm-up bars: period − 1.</summary>
    public static int Lookback(int period) => MaBlock.LookbackOf(MaType.Ema, period);

    /// <summary>Computes the EMA of <paramref name="src"/> into <paramref name="dst"/> (same length; NaN during warm-up).</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst) => Runner.Segmented(src, dst, period, Kernel);

    /// <summary>One valid segment, in <see cref="EmaState"/>'s exact operation order (bit-identical to the streaming form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Kernel(ReadOnlySpan<double> src, Span<double> dst, int period)
    {
        int n = src.Length;
        int lb = Math.Min(n, period - 1);
        dst[..lb].Fill(double.NaN);
        if (n < period)
        {
            return;
        }

        double k = 2.0 / (period + 1);
        double sum = 0;
        for (int i = 0; i < period; i++)
        {
            sum += src[i];
        }

        double ema = sum / period;
        dst[period - 1] = ema;
        for (int i = period; i < n; i++)
        {
            ema = EmaState.Step(ema, src[i], k);
            dst[i] = ema;
        }
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ema", "EMA", IndicatorCategory.Overlap, "Exponential moving average (SMA-seeded, k = 2/(period+1))", PriceInputs.None,
            [Meta.Period(30)], ["ema"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new MaCore(MaBlock.Create(MaType.Ema, Meta.I(p, 0))),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) => Kernel(c.R0[s..e], o.O0[s..e], Meta.I(p, 0)));
}
