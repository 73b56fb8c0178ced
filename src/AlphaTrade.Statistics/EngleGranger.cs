namespace AlphaTrade.Statistics;

/// <summary>Result of an Engle–Granger two-step cointegration test of y on x.</summary>
/// <param name="HedgeRatios">Coefficients of the x series in the cointegrating regression.</param>
/// <param name="Intercept">Constant of the cointegrating regression (0 without one).</param>
/// <param name="Residuals">The spread y − Σβx − c.</param>
/// <param name="Statistic">ADF τ of the residuals (no deterministic terms).</param>
/// <param name="PValue">MacKinnon (1994) p-value for N = number of series.</param>
/// <param name="Critical">MacKinnon (2010) critical values for N series and n − 1 observations.</param>
/// <param name="UsedLag">Lagged differences used in the residual ADF regression.</param>
/// <param name="HalfLife">Ornstein–Uhlenbeck half-life of the spread in bars.</param>
public sealed record EngleGrangerResult(
    double[] HedgeRatios,
    double Intercept,
    double[] Residuals,
    double Statistic,
    double PValue,
    CriticalValues Critical,
    int UsedLag,
    double HalfLife);

/// <summary>
/// Engle–Granger (augmented) cointegration test, as statsmodels' <c>coint</c>: regress y on x with the chosen
/// deterministic terms, test the residuals for a unit root with ADF and no deterministic terms, and read p-values and
/// critical values from MacKinnon's cointegration tables for N = 1 + number of x series.
/// </summary>
public static class EngleGranger
{
    /// <summary>Tests whether y and the x series are cointegrated.</summary>
    public static EngleGrangerResult Test(ReadOnlySpan<double> y, IReadOnlyList<double[]> x, TrendTerms trend = TrendTerms.Constant,
        int? maxLag = null, LagSelection selection = LagSelection.Aic)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (trend == TrendTerms.None && x.Count == 0)
        {
            throw new ArgumentException("Need at least one x series.", nameof(x));
        }

        int n = y.Length;
        var columns = new List<double[]>(x);
        int nTrend = (int)trend;
        if (nTrend >= 1)
        {
            columns.Add(Enumerable.Repeat(1.0, n).ToArray());
        }

        if (nTrend >= 2)
        {
            columns.Add(Enumerable.Range(1, n).Select(i => (double)i).ToArray());
        }

        if (nTrend >= 3)
        {
            columns.Add(Enumerable.Range(1, n).Select(i => (double)i * i).ToArray());
        }

        var fit = Ols.Fit(y, columns, addConstant: false);
        var adf = AugmentedDickeyFuller.Test(fit.Residuals, TrendTerms.None, maxLag, selection);
        int nSeries = x.Count + 1;
        var crit = trend == TrendTerms.None
            ? new CriticalValues(double.NaN, double.NaN, double.NaN)
            : MacKinnon.Critical(trend, nSeries, n - 1);
        return new EngleGrangerResult(
            fit.Coefficients[..x.Count],
            nTrend >= 1 ? fit.Coefficients[x.Count] : 0.0,
            fit.Residuals,
            adf.Statistic,
            nSeries <= 6 ? MacKinnon.PValue(adf.Statistic, trend, nSeries) : double.NaN,
            crit,
            adf.UsedLag,
            OrnsteinUhlenbeck.HalfLife(fit.Residuals).HalfLife);
    }

    /// <summary>Tests a pair: y against one x.</summary>
    public static EngleGrangerResult Test(double[] y, double[] x, TrendTerms trend = TrendTerms.Constant) => Test(y, [x], trend);
}
