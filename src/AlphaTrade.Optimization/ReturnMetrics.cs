namespace AlphaTrade.Optimization;

/// <summary>
/// Performance of a per-period simple-return series (r_t = P_t/P_{t−1} − 1, no risk-free rate), with the standard
/// definitions used by the objectives. <c>periodsPerYear</c> annualises: 252 for daily bars, 252 × 26 = 6,552 for
/// 15-minute bars of a 6.5-hour session. Undefined values (a zero standard deviation, no losses) are NaN or +∞ as
/// documented per method, never an exception.
/// </summary>
public static class ReturnMetrics
{
    /// <summary>Trading days in a year used for annualisation.</summary>
    public const double TradingDaysPerYear = 252;

    /// <summary>Periods per year of 15-minute bars: 252 sessions × 26 bars.</summary>
    public const double FifteenMinuteBarsPerYear = 252 * 26;

    /// <summary>Arithmetic mean; NaN for an empty series.</summary>
    public static double Mean(ReadOnlySpan<double> r)
    {
        if (r.IsEmpty)
        {
            return double.NaN;
        }

        double s = 0;
        foreach (double x in r)
        {
            s += x;
        }

        return s / r.Length;
    }

    /// <summary>Sample standard deviation (ddof = 1, two-pass); NaN for fewer than two periods.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> r)
    {
        if (r.Length < 2)
        {
            return double.NaN;
        }

        double m = Mean(r);
        double ss = 0;
        foreach (double x in r)
        {
            double d = x - m;
            ss += d * d;
        }

        return Math.Sqrt(ss / (r.Length - 1));
    }

    /// <summary>
    /// Sharpe ratio mean/std(ddof=1)·√periodsPerYear; pass 1 for the per-period ratio. NaN for fewer than two
    /// periods or a zero standard deviation.
    /// </summary>
    public static double Sharpe(ReadOnlySpan<double> r, double periodsPerYear)
    {
        double sd = StandardDeviation(r);
        return sd > 0 ? Mean(r) / sd * Math.Sqrt(periodsPerYear) : double.NaN;
    }

    /// <summary>
    /// Sortino ratio mean/DD·√periodsPerYear with downside deviation DD = √(mean over all periods of min(r, 0)²)
    /// (target 0, as in Sortino &amp; Price and empyrical). NaN when there is no negative period.
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> r, double periodsPerYear)
    {
        if (r.IsEmpty)
        {
            return double.NaN;
        }

        double ss = 0;
        foreach (double x in r)
        {
            if (x < 0)
            {
                ss += x * x;
            }
        }

        double dd = Math.Sqrt(ss / r.Length);
        return dd > 0 ? Mean(r) / dd * Math.Sqrt(periodsPerYear) : double.NaN;
    }

    /// <summary>Compounded total return Π(1 + r) − 1; 0 for an empty series.</summary>
    public static double TotalReturn(ReadOnlySpan<double> r)
    {
        double e = 1;
        foreach (double x in r)
        {
            e *= 1 + x;
        }

        return e - 1;
    }

    /// <summary>
    /// Compound annual growth rate (1 + total)^(periodsPerYear/T) − 1; −1 when the equity reaches zero or below;
    /// NaN for an empty series.
    /// </summary>
    public static double Cagr(ReadOnlySpan<double> r, double periodsPerYear)
    {
        if (r.IsEmpty)
        {
            return double.NaN;
        }

        double growth = 1 + TotalReturn(r);
        return growth <= 0 ? -1 : Math.Pow(growth, periodsPerYear / r.Length) - 1;
    }

    /// <summary>
    /// Maximum drawdown as a positive fraction, max over t of 1 − E_t / max_{s≤t} E_s on the compounded equity
    /// E_t = Π_{s≤t}(1 + r_s) with E_0 = 1 counted as a peak; 0 when the equity never falls.
    /// </summary>
    public static double MaxDrawdown(ReadOnlySpan<double> r)
    {
        double e = 1, peak = 1, mdd = 0;
        foreach (double x in r)
        {
            e *= 1 + x;
            if (e > peak)
            {
                peak = e;
            }
            else
            {
                double dd = 1 - (e / peak);
                if (dd > mdd)
                {
                    mdd = dd;
                }
            }
        }

        return mdd;
    }

    /// <summary>Calmar ratio CAGR / max drawdown over the whole series; NaN when there is no drawdown.</summary>
    public static double Calmar(ReadOnlySpan<double> r, double periodsPerYear)
    {
        double mdd = MaxDrawdown(r);
        return mdd > 0 ? Cagr(r, periodsPerYear) / mdd : double.NaN;
    }

    /// <summary>
    /// Profit factor Σ positive returns / |Σ negative returns|; +∞ with gains and no losses, NaN with neither.
    /// </summary>
    public static double ProfitFactor(ReadOnlySpan<double> r)
    {
        double gains = 0, losses = 0;
        foreach (double x in r)
        {
            if (x > 0)
            {
                gains += x;
            }
            else
            {
                losses -= x;
            }
        }

        return losses > 0 ? gains / losses : gains > 0 ? double.PositiveInfinity : double.NaN;
    }

    /// <summary>Annualised volatility std(ddof=1)·√periodsPerYear.</summary>
    public static double Volatility(ReadOnlySpan<double> r, double periodsPerYear) => StandardDeviation(r) * Math.Sqrt(periodsPerYear);

    /// <summary>Sample skewness m3/m2^1.5 with biased (population) central moments, as scipy.stats.skew; NaN when flat.</summary>
    public static double Skewness(ReadOnlySpan<double> r)
    {
        var (m2, m3, _) = CentralMoments(r);
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN;
    }

    /// <summary>
    /// Sample kurtosis m4/m2², NOT excess (3 for a normal distribution), with biased central moments, as
    /// scipy.stats.kurtosis(fisher=False); NaN when flat.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> r)
    {
        var (m2, _, m4) = CentralMoments(r);
        return m2 > 0 ? m4 / (m2 * m2) : double.NaN;
    }

    /// <summary>Every metric of the series at once.</summary>
    public static ReturnSummary Summarize(ReadOnlySpan<double> r, double periodsPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        return new ReturnSummary(
            r.Length,
            Sharpe(r, periodsPerYear),
            Sortino(r, periodsPerYear),
            Calmar(r, periodsPerYear),
            TotalReturn(r),
            Cagr(r, periodsPerYear),
            MaxDrawdown(r),
            ProfitFactor(r),
            Volatility(r, periodsPerYear),
            Skewness(r),
            Kurtosis(r));
    }

    /// <summary>Biased central moments m2, m3, m4 (divided by T).</summary>
    internal static (double M2, double M3, double M4) CentralMoments(ReadOnlySpan<double> r)
    {
        if (r.IsEmpty)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double m = Mean(r);
        double s2 = 0, s3 = 0, s4 = 0;
        foreach (double x in r)
        {
            double d = x - m;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }

        int n = r.Length;
        return (s2 / n, s3 / n, s4 / n);
    }
}

/// <summary>The metrics of one return series (see <see cref="ReturnMetrics"/> for the definitions).</summary>
/// <param name="Periods">Number of periods T.</param>
/// <param name="Sharpe">Annualised Sharpe ratio.</param>
/// <param name="Sortino">Annualised Sortino ratio.</param>
/// <param name="Calmar">CAGR / max drawdown.</param>
/// <param name="TotalReturn">Compounded total return.</param>
/// <param name="Cagr">Compound annual growth rate.</param>
/// <param name="MaxDrawdown">Maximum drawdown, a positive fraction.</param>
/// <param name="ProfitFactor">Gross gains / gross losses.</param>
/// <param name="Volatility">Annualised standard deviation.</param>
/// <param name="Skewness">Skewness (biased moments).</param>
/// <param name="Kurtosis">Kurtosis, not excess.</param>
public sealed record ReturnSummary(
    int Periods,
    double Sharpe,
    double Sortino,
    double Calmar,
    double TotalReturn,
    double Cagr,
    double MaxDrawdown,
    double ProfitFactor,
    double Volatility,
    double Skewness,
    double Kurtosis)
{
    /// <summary>The metrics under their report names, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> ToMetrics() =>
    [
        new(MetricNames.Sharpe, Sharpe),
        new(MetricNames.Sortino, Sortino),
        new(MetricNames.Calmar, Calmar),
        new(MetricNames.TotalReturn, TotalReturn),
        new(MetricNames.Cagr, Cagr),
        new(MetricNames.MaxDrawdown, MaxDrawdown),
        new(MetricNames.ProfitFactor, ProfitFactor),
        new(MetricNames.Volatility, Volatility),
        new(MetricNames.Skewness, Skewness),
        new(MetricNames.Kurtosis, Kurtosis),
        new(MetricNames.Periods, Periods),
    ];
}

/// <summary>Report names of the standard metrics, in report column order.</summary>
public static class MetricNames
{
    /// <summary>Annualised Sharpe ratio.</summary>
    public const string Sharpe = "sharpe";

    /// <summary>Annualised Sortino ratio.</summary>
    public const string Sortino = "sortino";

    /// <summary>Calmar ratio.</summary>
    public const string Calmar = "calmar";

    /// <summary>Compounded total return.</summary>
    public const string TotalReturn = "total_return";

    /// <summary>Compound annual growth rate.</summary>
    public const string Cagr = "cagr";

    /// <summary>Maximum drawdown (positive fraction).</summary>
    public const string MaxDrawdown = "max_drawdown";

    /// <summary>Profit factor.</summary>
    public const string ProfitFactor = "profit_factor";

    /// <summary>Annualised volatility.</summary>
    public const string Volatility = "volatility";

    /// <summary>Skewness.</summary>
    public const string Skewness = "skewness";

    /// <summary>Kurtosis (not excess).</summary>
    public const string Kurtosis = "kurtosis";

    /// <summary>Number of periods.</summary>
    public const string Periods = "periods";

    /// <summary>The standard metric names in report order.</summary>
    public static IReadOnlyList<string> Standard { get; } =
        [Sharpe, Sortino, Calmar, TotalReturn, Cagr, MaxDrawdown, ProfitFactor, Volatility, Skewness, Kurtosis, Periods];
}
