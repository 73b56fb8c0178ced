using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS): middle = MA(period, type); upper/lower = middle ± nbdev · σ, σ the population
/// standard deviation over the period (for the SMA type, √(mean(x²) − SMA²) exactly as TA-Lib computes it).
/// </summary>
public static class Bbands
{
    /// <summary>Warm-up bars: the MA's lookback (at least period − 1).</summary>
    public static int Lookback(int period, MaType type) => Math.Max(MaBlock.LookbackOf(type, period), period - 1);

    /// <summary>Computes the three bands of <paramref name="src"/>.</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, double nbDevUp, double nbDevDn, MaType type,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        var input = new OhlcvInput(default, default, default, default, default, default, src);
        var cols = new Columns(input, PriceInputs.None, src, default);
        var outs = new Outputs(upper[..src.Length], middle[..src.Length], lower[..src.Length]);
        if (type == MaType.Sma)
        {
            Runner.RunKernel((in Columns c, int s, int e, ReadOnlySpan<double> _, in Outputs o) =>
                SmaKernel(c.R0[s..e], period, nbDevUp, nbDevDn, o.O0[s..e], o.O1[s..e], o.O2[s..e]), cols, default, outs);
        }
        else
        {
            var core = new Core(period, nbDevUp, nbDevDn, type);
            Runner.Run(ref core, Lookback(period, type), cols, outs);
        }
    }

    /// <summary>SMA bands over one valid segment, in <see cref="Moments"/>' exact operation order (bit-identical to the core).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SmaKernel(ReadOnlySpan<double> src, int period, double up, double dn, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        int n = src.Length;
        int lb = Math.Min(n, period - 1);
        upper[..lb].Fill(double.NaN);
        middle[..lb].Fill(double.NaN);
        lower[..lb].Fill(double.NaN);
        double t1 = 0, t2 = 0;
        for (int i = 0; i < lb; i++)
        {
            double x = src[i];
            t1 += x;
            t2 += x * x;
        }

        for (int i = period - 1; i < n; i++)
        {
            double x = src[i];
            t1 += x;
            t2 += x * x;
            double m1 = t1 / period, m2 = t2 / period;
            if (period > 1)
            {
                double old = src[i - period + 1];
                t1 -= old;
                t2 -= old * old;
            }
            else
            {
                t1 = t2 = 0;
            }

            double variance = m2 - (m1 * m1);
            double sd = variance < 1e-14 ? 0.0 : Math.Sqrt(variance);
            upper[i] = m1 + (sd * up);
            middle[i] = m1;
            lower[i] = m1 - (sd * dn);
        }
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("bbands", "BBANDS", IndicatorCategory.Overlap, "Bollinger bands", PriceInputs.None,
            [Meta.Period(5), Meta.Real("nbdev_up", 2, -3e37, 3e37, "Deviation multiplier for the upper band"),
                Meta.Real("nbdev_dn", 2, -3e37, 3e37, "Deviation multiplier for the lower band"), Meta.MaType()],
            ["upper", "middle", "lower"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0), (MaType)Meta.I(p, 3)),
        p => new Core(Meta.I(p, 0), p[1], p[2], (MaType)Meta.I(p, 3)),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) =>
        {
            if ((MaType)Meta.I(p, 3) == MaType.Sma)
            {
                SmaKernel(c.R0[s..e], Meta.I(p, 0), p[1], p[2], o.O0[s..e], o.O1[s..e], o.O2[s..e]);
            }
            else
            {
                var core = new Core(Meta.I(p, 0), p[1], p[2], (MaType)Meta.I(p, 3));
                var seg = new OhlcvInput(default, default, default, default, default, default, c.R0[s..e]);
                Runner.Run(ref core, Lookback(Meta.I(p, 0), (MaType)Meta.I(p, 3)), new Columns(seg, PriceInputs.None, c.R0[s..e], default), new Outputs(o.O0[s..e], o.O1[s..e], o.O2[s..e]));
            }
        });

    internal struct Core(int period, double up, double dn, MaType type) : ICore
    {
        private readonly MaBlock? _ma = type == MaType.Sma ? null : MaBlock.Create(type, period);
        private Moments _moments = new(period);

        public void Reset()
        {
            _ma?.Reset();
            _moments.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _moments.Update(t.R0);
            double mid;
            double sd;
            if (_ma is null)
            {
                // TA-Lib: σ from mean(x²) minus the square of the SMA itself.
                mid = _moments.Mean;
                sd = _moments.StdDev;
            }
            else
            {
                mid = _ma.Update(t.R0);
                sd = _moments.StdDev;
            }

            output[0] = mid + (sd * up);
            output[1] = mid;
            output[2] = mid - (sd * dn);
        }
    }
}
