using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// Relative strength index (Wilder; TA-Lib RSI): average gain and loss seeded with the simple means of the first
/// <c>period</c> changes, then Wilder-smoothed; RSI = 100·gain/(gain + loss), 0 when both are zero.
/// </summary>
public static class Rsi
{
    /// <summary>Warm-up bars: period.</summary>
    public static int Lookback(int period) => period;

    /// <summary>Computes the RSI of <paramref name="src"/> into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst) => Runner.Segmented(src, dst, period, Kernel);

    /// <summary>One valid segment, in the core's exact operation order (bit-identical to the streaming form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(ReadOnlySpan<double> src, Span<double> dst, int period)
    {
        int n = src.Length;
        dst[..Math.Min(n, period)].Fill(double.NaN);
        if (n <= period)
        {
            return;
        }

        double gain = 0, loss = 0, prev = src[0];
        for (int i = 1; i <= period; i++)
        {
            double diff = src[i] - prev;
            prev = src[i];
            if (diff < 0)
            {
                loss -= diff;
            }
            else
            {
                gain += diff;
            }
        }

        loss /= period;
        gain /= period;
        dst[period] = Ratio(gain, loss);
        for (int i = period + 1; i < n; i++)
        {
            double diff = src[i] - prev;
            prev = src[i];
            loss *= period - 1;
            gain *= period - 1;
            // Branch-free: adding or subtracting an exact 0 leaves the other sum bit-identical to the core's branches,
            // and random data would mispredict the sign half the time.
            loss -= Math.Min(diff, 0.0);
            gain += Math.Max(diff, 0.0);
            loss /= period;
            gain /= period;
            dst[i] = Ratio(gain, loss);
        }
    }

    private static double Ratio(double gain, double loss)
    {
        double sum = gain + loss;
        return sum > -1e-14 && sum < 1e-14 ? 0.0 : 100.0 * (gain / sum);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("rsi", "RSI", IndicatorCategory.Momentum, "Relative strength index", PriceInputs.None,
            [Meta.Period(14)], ["rsi"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0), cmo: false),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) => Kernel(c.R0[s..e], o.O0[s..e], Meta.I(p, 0)));

    /// <summary>Wilder gain/loss state shared by RSI and CMO (which differ only in the final ratio).</summary>
    internal struct Core(int period, bool cmo) : ICore
    {
        private double _prev;
        private double _gain;
        private double _loss;
        private int _count;

        public void Reset()
        {
            _prev = _gain = _loss = 0;
            _count = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double x = t.R0;
            if (_count == 0)
            {
                _prev = x;
                _count = 1;
                output[0] = double.NaN;
                return;
            }

            double diff = x - _prev;
            _prev = x;
            if (_count <= period)
            {
                if (diff < 0)
                {
                    _loss -= diff;
                }
                else
                {
                    _gain += diff;
                }

                if (_count++ < period)
                {
                    output[0] = double.NaN;
                    return;
                }

                _loss /= period;
                _gain /= period;
            }
            else
            {
                _loss *= period - 1;
                _gain *= period - 1;
                if (diff < 0)
                {
                    _loss -= diff;
                }
                else
                {
                    _gain += diff;
                }

                _loss /= period;
                _gain /= period;
            }

            double sum = _gain + _loss;
            bool zero = sum > -1e-14 && sum < 1e-14;
            output[0] = zero ? 0.0 : cmo ? 100.0 * ((_gain - _loss) / sum) : 100.0 * (_gain / sum);
        }
    }
}

/// <summary>Chande momentum oscillator with TA-Lib's Wilder-smoothed sums (TA-Lib CMO): 100·(gain − loss)/(gain + loss).</summary>
public static class Cmo
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("cmo", "CMO", IndicatorCategory.Momentum, "Chande momentum oscillator", PriceInputs.None,
            [Meta.Period(14)], ["cmo"], Meta.TaLib, Meta.Close),
        p => Meta.I(p, 0),
        p => new Rsi.Core(Meta.I(p, 0), cmo: true));
}
