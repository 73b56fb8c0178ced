using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Cycle;

/// <summary>
/// MAMA: Ehlers' MESA adaptive moving average and its following average FAMA (TA-Lib; lookback 32). The smoothing
/// factor is fast_limit divided by the phase change per bar, floored at slow_limit; FAMA uses half of it.
/// </summary>
internal static class Mama
{
    public const int Lookback = 32;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("mama", "MAMA", IndicatorCategory.Overlap, "MESA Adaptive Moving Average", PriceInputs.None,
            [
                Meta.Real("fast_limit", 0.5, 0.01, 0.99, "Upper limit of the adaptive smoothing factor"),
                Meta.Real("slow_limit", 0.05, 0.01, 0.99, "Lower limit of the adaptive smoothing factor"),
            ],
            ["mama", "fama"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        p => new Core(p[0], p[1]));

    /// <summary>MAMA's state; also the core of the MAMA moving-average type (TA-Lib's MA type 7 uses outMAMA).</summary>
    internal struct Core(double fastLimit, double slowLimit) : ICore
    {
        private HilbertDriver _hilbert;
        private double _prevPhase;
        private double _mama;
        private double _fama;

        public void Reset()
        {
            _hilbert = default;
            _prevPhase = 0;
            _mama = 0;
            _fama = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double price = t.R0;
            if (!_hilbert.Next(price, 9, out _))
            {
                return;
            }

            double inPhase = _hilbert.Cycle.InPhase;
            double phase = inPhase != 0.0 ? Math.Atan(_hilbert.Cycle.Quadrature / inPhase) * HilbertConstants.Rad2Deg : 0.0;
            double deltaPhase = _prevPhase - phase;
            _prevPhase = phase;
            if (deltaPhase < 1.0)
            {
                deltaPhase = 1.0;
            }

            double alpha;
            if (deltaPhase > 1.0)
            {
                alpha = fastLimit / deltaPhase;
                if (alpha < slowLimit)
                {
                    alpha = slowLimit;
                }
            }
            else
            {
                alpha = fastLimit;
            }

            _mama = (alpha * price) + ((1 - alpha) * _mama);
            alpha *= 0.5;
            _fama = (alpha * _mama) + ((1 - alpha) * _fama);
            output[0] = _mama;
            output[1] = _fama;
        }
    }
}

/// <summary>
/// MAMA as a moving-average type (TA-Lib's MA type 7: outMAMA with fast limit 0.5 and slow limit 0.05, lookback 32),
/// for the composite indicators that take an MA type (MA, MAVP, BBANDS, STOCH, MACDEXT, APO, PPO...).
/// </summary>
internal sealed class MamaBlock : MaBlock
{
    private readonly double[] _out = new double[2];
    private Mama.Core _core = new(0.5, 0.05);

    public override int Lookback => Mama.Lookback;

    public override double Update(double x)
    {
        var tick = new Tick { R0 = x };
        _core.Update(tick, _out);
        return _out[0];
    }

    public override void Reset() => _core.Reset();

    /// <summary>
    /// Plugs MAMA into <see cref="MaBlock.Create(MaType, int)"/> when the assembly loads, so that every entry point
    /// (registry, typed APIs such as <c>Ma.Compute</c>) sees MA type 7 without an ordering dependency.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Registers an internal MA type of this same assembly; touches nothing outside it.")]
    internal static void Register() => CreateMama = static () => new MamaBlock();
}
