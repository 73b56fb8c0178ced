using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Supertrend (Olivier Seban): bands hl2 ± multiplier·ATR(period) that only tighten while the trend holds; the
/// line is the lower band in an up-trend and the upper band in a down-trend, flipping when the close crosses the
/// active band (TradingView ta.supertrend, ATR as TA-Lib's Wilder ATR). Outputs the line and the direction
/// (+1 up, −1 down); the first defined bar starts in a down-trend, as TradingView does.
/// </summary>
public static class Supertrend
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("supertrend", null, IndicatorCategory.Overlap, "Supertrend line and direction", PriceInputs.Hlc,
            [Meta.Period(10, 1, "period", "ATR period"), Meta.Real("multiplier", 3, 0, 1000, "ATR multiplier")],
            ["supertrend", "direction"], "Olivier Seban; TradingView ta.supertrend(factor 3, ATR 10)"),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0), p[1]));

    internal struct Core(int period, double multiplier) : ICore
    {
        private AtrState _atr = new(period);
        private double _upper;
        private double _lower;
        private double _prevClose;
        private int _dir;

        public void Reset()
        {
            _atr.Reset();
            _upper = _lower = _prevClose = 0;
            _dir = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double atr = _atr.Update(t.High, t.Low, t.Close);
            if (!_atr.IsReady)
            {
                _prevClose = t.Close;
                output[0] = output[1] = double.NaN;
                return;
            }

            double hl2 = (t.High + t.Low) / 2.0;
            double upper = hl2 + (multiplier * atr);
            double lower = hl2 - (multiplier * atr);
            if (_dir == 0)
            {
                _dir = -1;
            }
            else
            {
                upper = upper < _upper || _prevClose > _upper ? upper : _upper;
                lower = lower > _lower || _prevClose < _lower ? lower : _lower;
                if (_dir == -1 && t.Close > upper)
                {
                    _dir = 1;
                }
                else if (_dir == 1 && t.Close < lower)
                {
                    _dir = -1;
                }
            }

            _upper = upper;
            _lower = lower;
            _prevClose = t.Close;
            output[0] = _dir == 1 ? lower : upper;
            output[1] = _dir;
        }
    }
}
