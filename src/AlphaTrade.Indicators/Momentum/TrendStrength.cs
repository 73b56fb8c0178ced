using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// True strength index (William Blau, TASC 1991): 100·EMA(EMA(Δclose, long), short)/EMA(EMA(|Δclose|, long), short),
/// signal = EMA(TSI, signal); SMA-seeded EMAs, 0 when the denominator is 0 (StockCharts 25/13; TradingView signal 13).
/// </summary>
public static class Tsi
{
    /// <summary>Warm-up bars: 1 + (long − 1) + (short − 1) + (signal − 1).</summary>
    public static int Lookback(int longP, int shortP, int signal) => longP + shortP + signal - 2;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("tsi", null, IndicatorCategory.Momentum, "True strength index", PriceInputs.None,
            [Meta.Period(25, 1, "long_period", "First smoothing"), Meta.Period(13, 1, "short_period", "Second smoothing"), Meta.Period(13, 1, "signal_period", "Signal EMA")],
            ["tsi", "signal"], "William Blau, True Strength Index, TASC Nov 1991; StockCharts ChartSchool (25, 13), signal EMA 13 as TradingView", Meta.Close),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)));

    internal struct Core(int longP, int shortP, int signal) : ICore
    {
        private EmaState _n1 = new(longP);
        private EmaState _n2 = new(shortP);
        private EmaState _d1 = new(longP);
        private EmaState _d2 = new(shortP);
        private EmaState _sig = new(signal);
        private double _prev = double.NaN;

        public void Reset()
        {
            _n1.Reset();
            _n2.Reset();
            _d1.Reset();
            _d2.Reset();
            _sig.Reset();
            _prev = double.NaN;
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = output[1] = double.NaN;
            double prev = _prev;
            _prev = t.R0;
            if (double.IsNaN(prev))
            {
                return;
            }

            double pc = t.R0 - prev;
            double n = _n1.Update(pc), d = _d1.Update(Math.Abs(pc));
            if (!_n1.IsReady)
            {
                return;
            }

            n = _n2.Update(n);
            d = _d2.Update(d);
            if (!_n2.IsReady)
            {
                return;
            }

            double tsi = d != 0 ? 100.0 * (n / d) : 0.0;
            output[0] = tsi;
            output[1] = _sig.Update(tsi);
        }
    }
}

/// <summary>
/// Know Sure Thing (Martin Pring): 1·SMA(ROC(r1), s1) + 2·SMA(ROC(r2), s2) + 3·SMA(ROC(r3), s3) + 4·SMA(ROC(r4), s4),
/// ROC in percent; signal = SMA(KST, signal) (StockCharts ChartSchool, KST daily 10/15/20/30, 10/10/10/15, 9).
/// </summary>
public static class Kst
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("kst", null, IndicatorCategory.Momentum, "Know Sure Thing", PriceInputs.None,
            [
                Meta.Period(10, 1, "roc1", "First ROC period"), Meta.Period(15, 1, "roc2", "Second ROC period"), Meta.Period(20, 1, "roc3", "Third ROC period"), Meta.Period(30, 1, "roc4", "Fourth ROC period"),
                Meta.Period(10, 1, "sma1", "First smoothing"), Meta.Period(10, 1, "sma2", "Second smoothing"), Meta.Period(10, 1, "sma3", "Third smoothing"), Meta.Period(15, 1, "sma4", "Fourth smoothing"),
                Meta.Period(9, 1, "signal_period", "Signal SMA"),
            ],
            ["kst", "signal"], "Martin Pring; StockCharts ChartSchool, Know Sure Thing (KST)", Meta.Close),
        p => Lookback(p),
        p => new Core(p));

    private static int Lookback(ReadOnlySpan<double> p)
    {
        int lb = 0;
        for (int i = 0; i < 4; i++)
        {
            lb = Math.Max(lb, Meta.I(p, i) + Meta.I(p, i + 4) - 1);
        }

        return lb + Meta.I(p, 8) - 1;
    }

    internal struct Core : ICore
    {
        private readonly int[] _roc;
        private readonly int[] _sma;
        private Window _prices;
        private readonly SmaBlock[] _smooth;
        private readonly int[] _count;
        private readonly SmaBlock _signal;
        private readonly int _signalPeriod;
        private int _kstCount;

        public Core(ReadOnlySpan<double> p)
        {
            _roc = [Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), Meta.I(p, 3)];
            _sma = [Meta.I(p, 4), Meta.I(p, 5), Meta.I(p, 6), Meta.I(p, 7)];
            _prices = new Window(_roc.Max() + 1);
            _smooth = _sma.Select(n => new SmaBlock(n)).ToArray();
            _count = new int[4];
            _signalPeriod = Meta.I(p, 8);
            _signal = new SmaBlock(_signalPeriod);
            _kstCount = 0;
        }

        public void Reset()
        {
            _prices.Clear();
            foreach (var s in _smooth)
            {
                s.Reset();
            }

            Array.Clear(_count);
            _signal.Reset();
            _kstCount = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            output[0] = output[1] = double.NaN;
            _prices.Push(t.R0);
            double kst = 0;
            bool ready = true;
            for (int i = 0; i < 4; i++)
            {
                if (_prices.Count <= _roc[i])
                {
                    ready = false;
                    continue;
                }

                double old = _prices.Ago(_roc[i]);
                double roc = old != 0 ? ((t.R0 / old) - 1.0) * 100.0 : 0.0;
                double s = _smooth[i].Update(roc);
                if (++_count[i] < _sma[i])
                {
                    ready = false;
                    continue;
                }

                kst += (i + 1) * s;
            }

            if (!ready)
            {
                return;
            }

            output[0] = kst;
            double sig = _signal.Update(kst);
            if (++_kstCount >= _signalPeriod)
            {
                output[1] = sig;
            }
        }
    }
}

/// <summary>Coppock curve: WMA(wma) of ROC(roc1) + ROC(roc2), ROC in percent (Edwin Coppock, Barron's 1962; StockCharts 14/11/10).</summary>
public static class Coppock
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("coppock", null, IndicatorCategory.Momentum, "Coppock curve", PriceInputs.None,
            [Meta.Period(14, 1, "roc1", "Long ROC period"), Meta.Period(11, 1, "roc2", "Short ROC period"), Meta.Period(10, 1, "wma_period", "WMA smoothing")],
            ["coppock"], "Edwin Coppock, Barron's 1962; StockCharts ChartSchool, Coppock Curve (14, 11, 10)", Meta.Close),
        p => Math.Max(Meta.I(p, 0), Meta.I(p, 1)) + Meta.I(p, 2) - 1,
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)));

    internal struct Core(int roc1, int roc2, int wma) : ICore
    {
        private readonly MaBlock _wma = MaBlock.Create(MaType.Wma, wma);
        private Window _prices = new(Math.Max(roc1, roc2) + 1);

        public void Reset()
        {
            _wma.Reset();
            _prices.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _prices.Push(t.R0);
            if (!_prices.IsFull)
            {
                output[0] = double.NaN;
                return;
            }

            output[0] = _wma.Update(Roc(t.R0, _prices.Ago(roc1)) + Roc(t.R0, _prices.Ago(roc2)));
        }

        private static double Roc(double x, double old) => old != 0 ? ((x / old) - 1.0) * 100.0 : 0.0;
    }
}

/// <summary>Awesome oscillator (Bill Williams): SMA(5) − SMA(34) of the median price (H+L)/2.</summary>
public static class AwesomeOscillator
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ao", null, IndicatorCategory.Momentum, "Awesome oscillator", PriceInputs.HighLow,
            [Meta.Period(5, 1, "fast_period", "Fast SMA"), Meta.Period(34, 1, "slow_period", "Slow SMA")], ["ao"],
            "Bill Williams, New Trading Dimensions (1998): SMA5(median) − SMA34(median)"),
        p => Math.Max(Meta.I(p, 0), Meta.I(p, 1)) - 1,
        p => new Core(Meta.I(p, 0), Meta.I(p, 1)));

    internal struct Core(int fast, int slow) : ICore
    {
        private TrailingSum _fast = new(fast);
        private TrailingSum _slow = new(slow);

        public void Reset()
        {
            _fast.Reset();
            _slow.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double mid = (t.High + t.Low) / 2.0;
            output[0] = (_fast.Add(mid) / fast) - (_slow.Add(mid) / slow);
        }
    }
}

/// <summary>Elder ray: bull power = high − EMA(close), bear power = low − EMA(close) (Alexander Elder; StockCharts, EMA 13).</summary>
public static class ElderRay
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("elder_ray", null, IndicatorCategory.Momentum, "Elder ray bull and bear power", PriceInputs.Hlc, [Meta.Period(13, 1)], ["bull", "bear"],
            "Alexander Elder, Trading for a Living (1993); StockCharts ChartSchool, Elder-Ray Index (EMA 13)"),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private EmaState _ema = new(period);

        public void Reset() => _ema.Reset();

        public void Update(in Tick t, Span<double> output)
        {
            double e = _ema.Update(t.Close);
            output[0] = t.High - e;
            output[1] = t.Low - e;
        }
    }
}
