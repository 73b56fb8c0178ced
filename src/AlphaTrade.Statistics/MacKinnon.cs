using AlphaTrade.Statistics.Tables;

namespace AlphaTrade.Statistics;

/// <summary>Deterministic terms of a unit-root or cointegration regression (MacKinnon's notation).</summary>
public enum TrendTerms
{
    /// <summary>No constant ("n").</summary>
    None = 0,

    /// <summary>Constant ("c").</summary>
    Constant = 1,

    /// <summary>Constant and linear trend ("ct").</summary>
    ConstantTrend = 2,

    /// <summary>Constant, linear and quadratic trend ("ctt").</summary>
    ConstantTrendSquared = 3,
}

/// <summary>Critical values at 1%, 5% and 10%.</summary>
/// <param name="OnePercent">1% critical value.</param>
/// <param name="FivePercent">5% critical value.</param>
/// <param name="TenPercent">10% critical value.</param>
public readonly record struct CriticalValues(double OnePercent, double FivePercent, double TenPercent);

/// <summary>
/// MacKinnon's approximate p-values (1994 response surfaces) and finite-sample critical values (2010) for
/// Dickey–Fuller and Engle–Granger statistics with N = 1..6 (p-values) / 1..12 (critical values) I(1) series.
/// </summary>
public static class MacKinnon
{
    /// <summary>Approximate asymptotic p-value of a τ statistic.</summary>
    /// <param name="statistic">The τ (t-value) statistic.</param>
    /// <param name="trend">Deterministic terms of the regression.</param>
    /// <param name="n">Number of I(1) series: 1 for ADF, 2 for a pair's Engle–Granger test (1..6).</param>
    public static double PValue(double statistic, TrendTerms trend, int n = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 6);
        if (double.IsNaN(statistic))
        {
            return double.NaN;
        }

        int r = (int)trend;
        if (statistic > PublishedTables.TauMax[r][n - 1])
        {
            return 1.0;
        }

        if (statistic < PublishedTables.TauMin[r][n - 1])
        {
            return 0.0;
        }

        var coef = statistic <= PublishedTables.TauStar[r][n - 1] ? PublishedTables.SmallP[r][n - 1] : PublishedTables.LargeP[r][n - 1];
        double poly = 0;
        for (int i = coef.Length - 1; i >= 0; i--)
        {
            poly = (poly * statistic) + coef[i];
        }

        return NormalCdf(poly);
    }

    /// <summary>Critical values for a sample of <paramref name="observations"/> (MacKinnon 2010); infinity gives asymptotic ones.</summary>
    public static CriticalValues Critical(TrendTerms trend, int n, double observations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 12);
        var byN = PublishedTables.Crit2010[(int)trend];
        if (n > byN.Length)
        {
            // MacKinnon (2010) gives no-constant critical values for N = 1 only.
            return new CriticalValues(double.NaN, double.NaN, double.NaN);
        }

        var table = byN[n - 1];
        double inv = 1.0 / observations;
        Span<double> cv = stackalloc double[3];
        for (int level = 0; level < 3; level++)
        {
            var c = table[level];
            cv[level] = c[0] + (c[1] * inv) + (c[2] * inv * inv) + (c[3] * inv * inv * inv);
        }

        return new CriticalValues(cv[0], cv[1], cv[2]);
    }

    /// <summary>Standard normal CDF through the complementary error function (accurate in both tails).</summary>
    internal static double NormalCdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));
}
