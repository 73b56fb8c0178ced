using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Volatility;

/// <summary>The historical-volatility estimators (all annualised: √(variance per bar × periods per year)).</summary>
internal enum VolEstimator
{
    /// <summary>Sample standard deviation of log close-to-close returns.</summary>
    CloseToClose,

    /// <summary>Parkinson (1980): mean of ln(H/L)² / (4 ln 2).</summary>
    Parkinson,

    /// <summary>Garman–Klass (1980): mean of ½ln(H/L)² − (2 ln 2 − 1)ln(C/O)².</summary>
    GarmanKlass,

    /// <summary>Rogers–Satchell (1991): mean of ln(H/C)ln(H/O) + ln(L/C)ln(L/O).</summary>
    RogersSatchell,

    /// <summary>Yang–Zhang (2000): overnight variance + k·open-to-close variance + (1 − k)·Rogers–Satchell.</summary>
    YangZhang,
}

/// <summary>
/// Historical volatility over a window, recomputed in O(period) per bar from the window's per-bar terms (two-pass
/// variances, no running-sum drift). Estimators as in Euan Sinclair, Volatility Trading (2008), ch. 2.
/// </summary>
internal struct VolatilityCore : ICore
{
    private readonly int _n;
    private readonly VolEstimator _kind;
    private readonly double _annual;
    private Window _a;
    private Window _b;
    private Window _c;
    private double _prevClose;
    private bool _started;

    public VolatilityCore(int period, double periodsPerYear, VolEstimator kind)
    {
        _n = period;
        _kind = kind;
        _annual = periodsPerYear;
        _a = new Window(period);
        _b = new Window(period);
        _c = new Window(period);
        _prevClose = 0;
        _started = false;
    }

    /// <summary>Lookback: the estimators that use the previous close need one bar more.</summary>
    public static int Lookback(int period, VolEstimator kind) =>
        kind is VolEstimator.CloseToClose or VolEstimator.YangZhang ? period : period - 1;

    public void Reset()
    {
        _a.Clear();
        _b.Clear();
        _c.Clear();
        _started = false;
    }

    public void Update(in Tick t, Span<double> output)
    {
        output[0] = double.NaN;
        bool needsPrev = _kind is VolEstimator.CloseToClose or VolEstimator.YangZhang;
        double prev = _prevClose;
        bool had = _started;
        _prevClose = t.Close;
        _started = true;
        if (needsPrev && !had)
        {
            return;
        }

        double hl = Math.Log(t.High / t.Low);
        switch (_kind)
        {
            case VolEstimator.CloseToClose:
                _a.Push(Math.Log(t.Close / prev));
                break;
            case VolEstimator.Parkinson:
                _a.Push(hl * hl);
                break;
            case VolEstimator.GarmanKlass:
                double co = Math.Log(t.Close / t.Open);
                _a.Push((0.5 * hl * hl) - (((2 * Math.Log(2)) - 1) * co * co));
                break;
            case VolEstimator.RogersSatchell:
                _a.Push(RogersSatchell(t));
                break;
            default:
                _a.Push(Math.Log(t.Open / prev));
                _b.Push(Math.Log(t.Close / t.Open));
                _c.Push(RogersSatchell(t));
                break;
        }

        if (!_a.IsFull)
        {
            return;
        }

        double variance = _kind switch
        {
            VolEstimator.CloseToClose => SampleVariance(_a),
            VolEstimator.Parkinson => Mean(_a) / (4 * Math.Log(2)),
            VolEstimator.GarmanKlass or VolEstimator.RogersSatchell => Mean(_a),
            _ => YangZhang(),
        };
        output[0] = Math.Sqrt(Math.Max(variance, 0) * _annual);
    }

    private readonly double YangZhang()
    {
        double k = 0.34 / (1.34 + ((_n + 1.0) / (_n - 1.0)));
        return SampleVariance(_a) + (k * SampleVariance(_b)) + ((1 - k) * Mean(_c));
    }

    private static double RogersSatchell(in Tick t) =>
        (Math.Log(t.High / t.Close) * Math.Log(t.High / t.Open)) + (Math.Log(t.Low / t.Close) * Math.Log(t.Low / t.Open));

    private static double Mean(in Window w)
    {
        double s = 0;
        foreach (double v in w.Raw)
        {
            s += v;
        }

        return s / w.Count;
    }

    private static double SampleVariance(in Window w)
    {
        if (w.Count < 2)
        {
            return 0;
        }

        double m = Mean(w), s = 0;
        foreach (double v in w.Raw)
        {
            double d = v - m;
            s += d * d;
        }

        return s / (w.Count - 1);
    }

    public static IndicatorDefinition Define(string name, string description, string source, VolEstimator kind, int minPeriod) =>
        Meta.Define(
            Meta.Info(name, null, IndicatorCategory.Volatility, description, kind == VolEstimator.CloseToClose ? PriceInputs.Close : kind == VolEstimator.Parkinson ? PriceInputs.HighLow : PriceInputs.Ohlc,
                [Meta.Period(20, minPeriod), Meta.Real("periods_per_year", 252, 1e-9, 1e9, "Bars per year for annualisation (252 daily)")], [name], source),
            p => Lookback(Meta.I(p, 0), kind),
            p => new VolatilityCore(Meta.I(p, 0), p[1], kind));
}

/// <summary>Close-to-close historical volatility: annualised sample σ of log returns.</summary>
public static class CloseToCloseVolatility
{
    internal static readonly IndicatorDefinition Definition = VolatilityCore.Define("hv_close", "Close-to-close historical volatility (annualised)",
        "Euan Sinclair, Volatility Trading (2008), close-to-close estimator (sample σ of log returns × √252)", VolEstimator.CloseToClose, 2);
}

/// <summary>Parkinson high-low volatility, annualised.</summary>
public static class ParkinsonVolatility
{
    internal static readonly IndicatorDefinition Definition = VolatilityCore.Define("hv_parkinson", "Parkinson high-low volatility (annualised)",
        "Michael Parkinson, The Extreme Value Method for Estimating the Variance of the Rate of Return, J. Business 53 (1980)", VolEstimator.Parkinson, 1);
}

/// <summary>Garman–Klass OHLC volatility, annualised.</summary>
public static class GarmanKlassVolatility
{
    internal static readonly IndicatorDefinition Definition = VolatilityCore.Define("hv_garman_klass", "Garman-Klass volatility (annualised)",
        "Garman & Klass, On the Estimation of Security Price Volatilities from Historical Data, J. Business 53 (1980)", VolEstimator.GarmanKlass, 1);
}

/// <summary>Rogers–Satchell drift-independent volatility, annualised.</summary>
public static class RogersSatchellVolatility
{
    internal static readonly IndicatorDefinition Definition = VolatilityCore.Define("hv_rogers_satchell", "Rogers-Satchell volatility (annualised)",
        "Rogers & Satchell, Estimating Variance from High, Low and Closing Prices, Ann. Appl. Probab. 1 (1991)", VolEstimator.RogersSatchell, 1);
}

/// <summary>Yang–Zhang volatility (overnight, open-to-close and Rogers–Satchell terms), annualised.</summary>
public static class YangZhangVolatility
{
    internal static readonly IndicatorDefinition Definition = VolatilityCore.Define("hv_yang_zhang", "Yang-Zhang volatility (annualised)",
        "Yang & Zhang, Drift-Independent Volatility Estimation Based on High, Low, Open, and Close Prices, J. Business 73 (2000), k = 0.34/(1.34 + (n+1)/(n−1))", VolEstimator.YangZhang, 2);
}

/// <summary>
/// Chaikin volatility: percent change over <c>roc_period</c> bars of the EMA(ema_period) of high − low; 0 when the
/// earlier average is 0 (Marc Chaikin; MetaStock / StockCharts definition, 10 and 10).
/// </summary>
public static class ChaikinVolatility
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("chaikin_volatility", null, IndicatorCategory.Volatility, "Chaikin volatility", PriceInputs.HighLow,
            [Meta.Period(10, 1, "ema_period", "EMA of the high-low range"), Meta.Period(10, 1, "roc_period", "Bars of the rate of change")], ["chaikin_volatility"],
            "Marc Chaikin; MetaStock Chaikin's Volatility: 100·(EMA(H−L,10) − EMA 10 bars ago)/EMA 10 bars ago"),
        p => Meta.I(p, 0) - 1 + Meta.I(p, 1),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1)));

    internal struct Core(int emaPeriod, int rocPeriod) : ICore
    {
        private EmaState _ema = new(emaPeriod);
        private Window _past = new(rocPeriod + 1);

        public void Reset()
        {
            _ema.Reset();
            _past.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double e = _ema.Update(t.High - t.Low);
            output[0] = double.NaN;
            if (!_ema.IsReady)
            {
                return;
            }

            _past.Push(e);
            if (_past.IsFull)
            {
                double old = _past.Oldest;
                output[0] = old != 0 ? 100.0 * ((e - old) / old) : 0.0;
            }
        }
    }
}

/// <summary>
/// Ulcer index: √(mean of squared percentage drawdowns from the rolling maximum close), both over the period
/// (Peter Martin, 1987; StockCharts ChartSchool, Ulcer Index (14)).
/// </summary>
public static class UlcerIndex
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ulcer_index", null, IndicatorCategory.Volatility, "Ulcer index", PriceInputs.None, [Meta.Period(14, 1)], ["ulcer_index"],
            "Peter Martin & Byron McCann, The Investor's Guide to Fidelity Funds (1989); StockCharts ChartSchool, Ulcer Index (14)", Meta.Close),
        p => 2 * (Meta.I(p, 0) - 1),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Extreme _max = new(period, true, false);
        private Window _sq = new(period);

        public void Reset()
        {
            _max.Reset();
            _sq.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _max.Update(t.R0);
            output[0] = double.NaN;
            if (!_max.IsFull)
            {
                return;
            }

            double dd = _max.Value != 0 ? 100.0 * ((t.R0 - _max.Value) / _max.Value) : 0.0;
            _sq.Push(dd * dd);
            if (!_sq.IsFull)
            {
                return;
            }

            double s = 0;
            foreach (double v in _sq.Raw)
            {
                s += v;
            }

            output[0] = Math.Sqrt(s / period);
        }
    }
}
