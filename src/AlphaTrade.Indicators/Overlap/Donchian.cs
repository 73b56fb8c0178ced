using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Donchian channels: highest high, lowest low over the period, and their midpoint (Richard Donchian; StockCharts).</summary>
public static class Donchian
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("donchian", null, IndicatorCategory.Overlap, "Donchian channels", PriceInputs.HighLow,
            [Meta.Period(20, 1)], ["upper", "middle", "lower"], "StockCharts ChartSchool, Donchian Channels: highest high / lowest low over n bars"),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Extreme _max = new(period, true, false);
        private Extreme _min = new(period, false, false);

        public void Reset()
        {
            _max.Reset();
            _min.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _max.Update(t.High);
            _min.Update(t.Low);
            output[0] = _max.Value;
            output[1] = (_max.Value + _min.Value) / 2.0;
            output[2] = _min.Value;
        }
    }
}
