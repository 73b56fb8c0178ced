using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Arnaud Legoux moving average: Gaussian weights w_i = exp(−(i − m)²/(2s²)), i = 0 (oldest) … n−1, centred at
/// m = offset·(n−1) with s = n/sigma (Legoux and Kouzis-Loukas, 2009; as in TradingView's ta.alma). O(n) per bar.
/// </summary>
public static class Alma
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("alma", null, IndicatorCategory.Overlap, "Arnaud Legoux moving average", PriceInputs.None,
            [Meta.Period(9, 1), Meta.Real("offset", 0.85, 0, 1, "Centre of the weights (0 oldest, 1 newest)"), Meta.Real("sigma", 6, 0.01, 1000, "Window length over the Gaussian's standard deviation")],
            ["alma"], "A. Legoux & D. Kouzis-Loukas (2009), arnaudlegoux.com; TradingView ta.alma", Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0), p[1], p[2]));

    internal struct Core : ICore
    {
        private readonly double[] _w;
        private readonly double _norm;
        private Window _window;

        public Core(int period, double offset, double sigma)
        {
            _w = new double[period];
            double m = offset * (period - 1);
            double s = period / sigma;
            double norm = 0;
            for (int i = 0; i < period; i++)
            {
                _w[i] = Math.Exp(-((i - m) * (i - m)) / (2 * s * s));
                norm += _w[i];
            }

            _norm = norm;
            _window = new Window(period);
        }

        public void Reset() => _window.Clear();

        public void Update(in Tick t, Span<double> output)
        {
            _window.Push(t.R0);
            if (!_window.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            // Weights run oldest to newest.
            _window.Chronological(out var older, out var newer);
            double sum = 0;
            int k = 0;
            foreach (double v in older)
            {
                sum += _w[k++] * v;
            }

            foreach (double v in newer)
            {
                sum += _w[k++] * v;
            }

            output[0] = sum / _norm;
        }
    }
}
