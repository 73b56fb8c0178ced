using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Acceleration bands (Headley; TA-Lib ACCBANDS): SMAs of high·(1 + 4·(h−l)/(h+l)), of close, and of
/// low·(1 − 4·(h−l)/(h+l)).
/// </summary>
public static class AccBands
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("accbands", "ACCBANDS", IndicatorCategory.Overlap, "Acceleration bands", PriceInputs.Hlc,
            [Meta.Period(20)], ["upper", "middle", "lower"], Meta.TaLib),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _up = new(period);
        private TrailingSum _mid = new(period);
        private TrailingSum _dn = new(period);

        public void Reset()
        {
            _up.Reset();
            _mid.Reset();
            _dn.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double hl = t.High + t.Low;
            double u = t.High, d = t.Low;
            if (!(hl > -1e-14 && hl < 1e-14))
            {
                double r = 4 * (t.High - t.Low) / hl;
                u = t.High * (1 + r);
                d = t.Low * (1 - r);
            }

            output[0] = _up.Add(u) / period;
            output[1] = _mid.Add(t.Close) / period;
            output[2] = _dn.Add(d) / period;
        }
    }
}
