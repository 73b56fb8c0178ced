using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Zero-lag EMA: an EMA of x + (x − x[lag]) with lag = (n − 1)/2 (Ehlers and Way, "Zero Lag (Well, Almost)",
/// Technical Analysis of Stocks &amp; Commodities, Nov 2010); the EMA is SMA-seeded like TA-Lib's.
/// </summary>
public static class Zlema
{
    /// <summary>Warm-up bars: lag + n − 1.</summary>
    public static int Lookback(int period) => ((period - 1) / 2) + period - 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("zlema", null, IndicatorCategory.Overlap, "Zero-lag exponential moving average", PriceInputs.None,
            [Meta.Period(20)], ["zlema"], "Ehlers & Way, Zero Lag (Well, Almost), TASC Nov 2010: EMA(x + (x − x[(n−1)/2]))", Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private readonly int _lag = (period - 1) / 2;
        private Window _window = new(((period - 1) / 2) + 1);
        private EmaState _ema = new(period);

        public void Reset()
        {
            _window.Clear();
            _ema.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _window.Push(t.R0);
            if (!_window.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            output[0] = _ema.Update(t.R0 + (t.R0 - _window.Ago(_lag)));
        }
    }
}
