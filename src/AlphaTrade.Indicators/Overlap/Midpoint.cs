using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>Midpoint over a period: (highest + lowest) / 2 of one series (TA-Lib MIDPOINT).</summary>
public static class Midpoint
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("midpoint", "MIDPOINT", IndicatorCategory.Overlap, "Midpoint over period", PriceInputs.None,
            [Meta.Period(14)], ["midpoint"], Meta.TaLib, Meta.Close),
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
            _max.Update(t.R0);
            _min.Update(t.R0);
            output[0] = (_max.Value + _min.Value) / 2.0;
        }
    }
}

/// <summary>Midpoint price over a period: (highest high + lowest low) / 2 (TA-Lib MIDPRICE).</summary>
public static class Midprice
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("midprice", "MIDPRICE", IndicatorCategory.Overlap, "Midpoint price over period", PriceInputs.HighLow,
            [Meta.Period(14)], ["midprice"], Meta.TaLib),
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
            output[0] = (_max.Value + _min.Value) / 2.0;
        }
    }
}
