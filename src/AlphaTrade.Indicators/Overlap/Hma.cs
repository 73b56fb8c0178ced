using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Hull moving average: WMA(2·WMA(n/2) − WMA(n), ⌊√n⌋) with integer n/2 (Alan Hull, "Hull Moving Average", 2005,
/// alanhull.com).
/// </summary>
public static class Hma
{
    /// <summary>Warm-up bars: (n − 1) + (⌊√n⌋ − 1).</summary>
    public static int Lookback(int period) => period - 1 + (SqrtPeriod(period) - 1);

    private static int SqrtPeriod(int period) => Math.Max(1, (int)Math.Floor(Math.Sqrt(period)));

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("hma", null, IndicatorCategory.Overlap, "Hull moving average", PriceInputs.None,
            [Meta.Period(9, 4)], ["hma"], "Alan Hull (2005), alanhull.com: WMA(2·WMA(n/2) − WMA(n), √n)", Meta.Close),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private readonly WmaBlock _half = new(period / 2);
        private readonly WmaBlock _full = new(period);
        private readonly MaBlock _final = MaBlock.Create(MaType.Wma, SqrtPeriod(period));
        private int _count;

        public void Reset()
        {
            _half.Reset();
            _full.Reset();
            _final.Reset();
            _count = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double h = _half.Update(t.R0);
            double f = _full.Update(t.R0);
            if (_count < period - 1)
            {
                _count++;
                output[0] = double.NaN;
                return;
            }

            output[0] = _final.Update((2.0 * h) - f);
        }
    }
}
