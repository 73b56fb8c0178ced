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
    public static void Compute(ReadOnlySpan<double> src, int period, Span<double> dst)
    {
        var core = new Core(period, cmo: false);
        Runner.Single(ref core, Lookback(period), src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("rsi", "RSI", IndicatorCategory.Momentum, "Relative strength index", PriceInputs.None,
            [Meta.Period(14)], ["rsi"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0), cmo: false));

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
