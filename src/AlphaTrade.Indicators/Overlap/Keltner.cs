using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Keltner channels (StockCharts' modern form, after Linda Raschke): middle = EMA(close, period); upper/lower =
/// middle ± multiplier·ATR(atr_period), ATR as TA-Lib's (Wilder).
/// </summary>
public static class Keltner
{
    /// <summary>Warm-up bars: the later of the EMA's (period − 1) and the ATR's (atr_period).</summary>
    public static int Lookback(int period, int atrPeriod) => Math.Max(period - 1, atrPeriod);

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("keltner", null, IndicatorCategory.Overlap, "Keltner channels", PriceInputs.Hlc,
            [Meta.Period(20), Meta.Period(10, 1, "atr_period", "ATR period"), Meta.Real("multiplier", 2, 0, 1000, "ATR multiplier")],
            ["upper", "middle", "lower"], "StockCharts ChartSchool, Keltner Channels: EMA(20) ± 2·ATR(10)"),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), p[2]));

    internal struct Core(int period, int atrPeriod, double multiplier) : ICore
    {
        private EmaState _ema = new(period);
        private AtrState _atr = new(atrPeriod);

        public void Reset()
        {
            _ema.Reset();
            _atr.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double mid = _ema.Update(t.Close);
            double band = multiplier * _atr.Update(t.High, t.Low, t.Close);
            output[0] = mid + band;
            output[1] = mid;
            output[2] = mid - band;
        }
    }
}
