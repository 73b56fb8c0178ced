using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Ichimoku Kinkō Hyō, all five lines, each reported at the bar where it becomes known (no look-ahead):
/// tenkan = midpoint of the last 9 bars' range, kijun = of 26, senkou A = (tenkan + kijun)/2 and senkou B =
/// midpoint of 52, both as plotted at this bar, i.e. computed <c>displacement</c> bars earlier; chikou = this bar's
/// close, which a chart draws <c>displacement</c> bars back (Hosoda; StockCharts ChartSchool, Ichimoku Cloud).
/// </summary>
public static class Ichimoku
{
    /// <summary>Warm-up bars: (senkou period − 1) + displacement, when the senkou B span first exists.</summary>
    public static int Lookback(int tenkan, int kijun, int senkou, int displacement) =>
        Math.Max(Math.Max(tenkan, kijun), senkou) - 1 + displacement;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ichimoku", null, IndicatorCategory.Overlap, "Ichimoku cloud (tenkan, kijun, senkou A/B, chikou)", PriceInputs.Hlc,
            [Meta.Period(9, 1, "tenkan_period", "Conversion line period"), Meta.Period(26, 1, "kijun_period", "Base line period"),
                Meta.Period(52, 1, "senkou_period", "Leading span B period"), Meta.Int("displacement", 26, 0, Meta.MaxPeriod, "Forward shift of the leading spans")],
            ["tenkan", "kijun", "senkou_a", "senkou_b", "chikou"], "Goichi Hosoda; StockCharts ChartSchool, Ichimoku Cloud (9, 26, 52, 26), causal alignment"),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), Meta.I(p, 3)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), Meta.I(p, 3)));

    internal struct Core(int tenkan, int kijun, int senkou, int displacement) : ICore
    {
        private Extreme _tH = new(tenkan, true, false);
        private Extreme _tL = new(tenkan, false, false);
        private Extreme _kH = new(kijun, true, false);
        private Extreme _kL = new(kijun, false, false);
        private Extreme _sH = new(senkou, true, false);
        private Extreme _sL = new(senkou, false, false);
        private Window _spanA = new(displacement + 1);
        private Window _spanB = new(displacement + 1);

        public void Reset()
        {
            _tH.Reset();
            _tL.Reset();
            _kH.Reset();
            _kL.Reset();
            _sH.Reset();
            _sL.Reset();
            _spanA.Clear();
            _spanB.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _tH.Update(t.High);
            _tL.Update(t.Low);
            _kH.Update(t.High);
            _kL.Update(t.Low);
            _sH.Update(t.High);
            _sL.Update(t.Low);
            double tk = _tH.IsFull ? (_tH.Value + _tL.Value) / 2.0 : double.NaN;
            double kj = _kH.IsFull ? (_kH.Value + _kL.Value) / 2.0 : double.NaN;
            double sb = _sH.IsFull ? (_sH.Value + _sL.Value) / 2.0 : double.NaN;
            _spanA.Push((tk + kj) / 2.0);
            _spanB.Push(sb);
            output[0] = tk;
            output[1] = kj;
            output[2] = _spanA.IsFull ? _spanA.Ago(displacement) : double.NaN;
            output[3] = _spanB.IsFull ? _spanB.Ago(displacement) : double.NaN;
            output[4] = t.Close;
        }
    }
}
