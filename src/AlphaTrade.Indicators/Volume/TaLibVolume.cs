using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Volume;

/// <summary>On-balance volume: starts at the first bar's volume, then adds or subtracts each volume by the close's direction (TA-Lib OBV).</summary>
public static class Obv
{
    /// <summary>Computes on-balance volume (TA-Lib OBV) of <paramref name="close"/> into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> dst)
    {
        var core = default(Core);
        var input = new OhlcvInput(default, default, default, default, volume);
        Runner.Run(ref core, 0, new Columns(input, PriceInputs.Volume, close, default), new Outputs(dst[..close.Length]));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("obv", "OBV", IndicatorCategory.Volume, "On-balance volume", PriceInputs.Volume, [], ["obv"], Meta.TaLib, Meta.Close),
        _ => 0,
        _ => default(Core));

    internal struct Core : ICore
    {
        private double _obv;
        private double _prev;
        private bool _started;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            if (!_started)
            {
                _started = true;
                _obv = t.Volume;
            }
            else if (t.R0 > _prev)
            {
                _obv += t.Volume;
            }
            else if (t.R0 < _prev)
            {
                _obv -= t.Volume;
            }

            _prev = t.R0;
            output[0] = _obv;
        }
    }
}

/// <summary>Chaikin accumulation/distribution line: Σ ((C−L) − (H−C))/(H−L)·V, bars with H = L adding nothing (TA-Lib AD).</summary>
public static class Ad
{
    /// <summary>Computes the A/D line (TA-Lib AD) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> dst)
    {
        var core = default(Core);
        Runner.Bars(ref core, 0, new OhlcvInput(default, high, low, close, volume), PriceInputs.Hlcv, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ad", "AD", IndicatorCategory.Volume, "Chaikin accumulation/distribution line", PriceInputs.Hlcv, [], ["ad"], Meta.TaLib),
        _ => 0,
        _ => default(Core));

    internal struct Core : ICore
    {
        private double _ad;

        public void Reset() => _ad = 0;

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = _ad = Step(_ad, t);
        }

        public static double Step(double ad, in Tick t)
        {
            double range = t.High - t.Low;
            if (range > 0.0)
            {
                ad += (((t.Close - t.Low) - (t.High - t.Close)) / range) * t.Volume;
            }

            return ad;
        }
    }
}

/// <summary>
/// Chaikin A/D oscillator: EMA(fast) − EMA(slow) of the A/D line, both seeded with the first A/D value
/// (k·x + (1−k)·e form), as TA-Lib ADOSC computes it.
/// </summary>
public static class AdOsc
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("adosc", "ADOSC", IndicatorCategory.Volume, "Chaikin A/D oscillator", PriceInputs.Hlcv,
            [Meta.Period(3, 2, "fast_period", "Fast EMA period"), Meta.Period(10, 2, "slow_period", "Slow EMA period")], ["adosc"], Meta.TaLib),
        p => Math.Max(Meta.I(p, 0), Meta.I(p, 1)) - 1,
        p => new Core(Meta.I(p, 0), Meta.I(p, 1)));

    internal struct Core(int fast, int slow) : ICore
    {
        private readonly double _fk = 2.0 / (fast + 1);
        private readonly double _sk = 2.0 / (slow + 1);
        private double _ad;
        private double _fastEma;
        private double _slowEma;
        private bool _started;

        public void Reset()
        {
            _ad = _fastEma = _slowEma = 0;
            _started = false;
        }

        public void Update(in Tick t, Span<double> output)
        {
            _ad = Ad.Core.Step(_ad, t);
            if (!_started)
            {
                _started = true;
                _fastEma = _slowEma = _ad;
            }
            else
            {
                _fastEma = (_fk * _ad) + ((1.0 - _fk) * _fastEma);
                _slowEma = (_sk * _ad) + ((1.0 - _sk) * _slowEma);
            }

            output[0] = _fastEma - _slowEma;
        }
    }
}
