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
        var core = new Core(period, nbDevUp, nbDevDn, type);
        var input = new OhlcvInput(default, default, default, default, default, default, src);
        Runner.Run(ref core, Lookback(period, type), new Columns(input, PriceInputs.None, src, default), new Outputs(upper, middle, lower));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("bbands", "BBANDS", IndicatorCategory.Overlap, "Bollinger bands", PriceInputs.None,
            [Meta.Period(5), Meta.Real("nbdev_up", 2, -3e37, 3e37, "Deviation multiplier for the upper band"),
                Meta.Real("nbdev_dn", 2, -3e37, 3e37, "Deviation multiplier for the lower band"), Meta.MaType()],
            ["upper", "middle", "lower"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0), (MaType)Meta.I(p, 3)),
        p => new Core(Meta.I(p, 0), p[1], p[2], (MaType)Meta.I(p, 3)));

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
