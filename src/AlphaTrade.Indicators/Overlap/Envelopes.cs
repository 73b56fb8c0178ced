using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Moving-average envelopes: SMA(period) × (1 ± percent/100) (StockCharts ChartSchool, Moving Average Envelopes).</summary>
public static class Envelopes
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("envelopes", null, IndicatorCategory.Overlap, "Moving-average envelopes", PriceInputs.None,
            [Meta.Period(20, 1), Meta.Real("percent", 2.5, 0, 100, "Band distance in percent of the average")],
            ["upper", "middle", "lower"], "StockCharts ChartSchool, Moving Average Envelopes: SMA(20) ± 2.5%", Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0), p[1]));

    internal struct Core(int period, double percent) : ICore
    {
        private TrailingSum _sum = new(period);

        public void Reset() => _sum.Reset();

        public void Update(in Tick t, Span<double> output)
        {
            double mid = _sum.Add(t.R0) / period;
            output[0] = mid * (1 + (percent / 100.0));
            output[1] = mid;
            output[2] = mid * (1 - (percent / 100.0));
        }
    }
}
