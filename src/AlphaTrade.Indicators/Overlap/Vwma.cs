using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Volume-weighted moving average: Σ(close·volume)/Σvolume over the period (StockCharts / TradingView ta.vwma);
/// when the window has no volume it falls back to the simple average of the closes.
/// </summary>
public static class Vwma
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("vwma", null, IndicatorCategory.Overlap, "Volume-weighted moving average", PriceInputs.Close | PriceInputs.Volume,
            [Meta.Period(20, 1)], ["vwma"], "Volume-weighted MA, Σ(c·v)/Σv (TradingView ta.vwma); SMA when the window volume is 0"),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _pv = new(period);
        private TrailingSum _v = new(period);
        private TrailingSum _p = new(period);

        public void Reset()
        {
            _pv.Reset();
            _v.Reset();
            _p.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double pv = _pv.Add(t.Close * t.Volume);
            double v = _v.Add(t.Volume);
            double p = _p.Add(t.Close);
            output[0] = v > 0 ? pv / v : p / period;
        }
    }
}
