using MathNet.Numerics.LinearAlgebra;

namespace AlphaTrade.Statistics;

/// <summary>How the number of lagged differences is chosen.</summary>
public enum LagSelection
{
    /// <summary>Use exactly the maximum lag.</summary>
    Fixed,

    /// <summary>Minimise the Akaike information criterion.</summary>
    Aic,

    /// <summary>Minimise the Bayesian information criterion.</summary>
    Bic,
}

/// <summary>Result of an augmented Dickey–Fuller test.</summary>
/// <param name="Statistic">τ: t-value of the lagged level's coefficient.</param>
/// <param name="PValue">MacKinnon (1994) approximate p-value.</param>
/// <param name="UsedLag">Lagged differences in the final regression.</param>
/// <param name="Observations">Observations in the final regression.</param>
/// <param name="Critical">MacKinnon (2010) critical values for that sample size.</param>
/// <param name="InformationCriterion">Best criterion value when lags were selected, NaN otherwise.</param>
/// <param name="Gamma">Coefficient of the lagged level (ρ − 1).</param>
public sealed record AdfResult(double Statistic, double PValue, int UsedLag, int Observations, CriticalValues Critical, double InformationCriterion, double Gamma);

/// <summary>
/// Augmented Dickey–Fuller unit-root test: Δx_t = γ·x_{t−1} + Σ φ_i·Δx_{t−i} + deterministic terms + ε_t, H0: γ = 0.
/// Follows statsmodels' <c>adfuller</c>: default maximum lag ⌈12·(n/100)^{1/4}⌉ (capped at n/2 − terms − 1), lag
/// selection on a common sample, then a final fit on the longest sample for the chosen lag.
/// </summary>
public static class AugmentedDickeyFuller
{
    /// <summary>Runs the test on <paramref name="x"/>.</summary>
    /// <param name="x">The series (levels).</param>
    /// <param name="trend">Deterministic terms.</param>
    /// <param name="maxLag">Maximum number of lagged differences; null for the default.</param>
    /// <param name="selection">Lag selection rule.</param>
    public static AdfResult Test(ReadOnlySpan<double> x, TrendTerms trend = TrendTerms.Constant, int? maxLag = null, LagSelection selection = LagSelection.Aic)
    {
        int n = x.Length;
        int nTrend = (int)trend;
        int limit = (n / 2) - nTrend - 1;
        int maxL;
        if (maxLag is null)
        {
            maxL = Math.Min(limit, (int)Math.Ceiling(12.0 * Math.Pow(n / 100.0, 0.25)));
            if (maxL < 0)
            {
                throw new ArgumentException($"A series of {n} observations is too short for this regression.", nameof(x));
            }
        }
        else
        {
            maxL = maxLag.Value;
            if (maxL < 0 || maxL > limit)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag, $"maxlag must be between 0 and n/2 - 1 - trend terms = {limit}.");
            }
        }

        var dx = new double[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            dx[i] = x[i + 1] - x[i];
        }

        int usedLag = maxL;
        double icBest = double.NaN;
        if (selection != LagSelection.Fixed)
        {
            // Every candidate is fitted on the same sample: the one the maximum lag allows.
            int nobs = dx.Length - maxL;
            double best = double.PositiveInfinity;
            int bestLag = 0;
            for (int lag = 0; lag <= maxL; lag++)
            {
                var fit = Regress(x, dx, lag, nobs, trend);
                double ic = selection == LagSelection.Aic ? fit.Aic : fit.Bic;

                // statsmodels keeps the smallest (criterion, column count) pair: ties go to the shorter lag.
                if (ic < best)
                {
                    best = ic;
                    bestLag = lag;
                }
            }

            usedLag = bestLag;
            icBest = best;
        }

        int finalObs = dx.Length - usedLag;
        var final = Regress(x, dx, usedLag, finalObs, trend);
        double stat = final.TValues[0];
        return new AdfResult(
            stat,
            MacKinnon.PValue(stat, trend, 1),
            usedLag,
            finalObs,
            MacKinnon.Critical(trend, 1, finalObs),
            icBest,
            final.Coefficients[0]);
    }

    // Design: [x_{t-1}, Δx_{t-1..t-lag}, deterministic terms] over the last nobs differences.
    private static OlsResult Regress(ReadOnlySpan<double> x, double[] dx, int lag, int nobs, TrendTerms trend)
    {
        int nTrend = (int)trend;
        int k = 1 + lag + nTrend;
        var design = Matrix<double>.Build.Dense(nobs, k);
        var y = new double[nobs];
        int start = dx.Length - nobs;
        for (int r = 0; r < nobs; r++)
        {
            int t = start + r;
            y[r] = dx[t];
            design[r, 0] = x[t];
            for (int l = 1; l <= lag; l++)
            {
                design[r, l] = dx[t - l];
            }

            int c = 1 + lag;
            if (nTrend >= 1)
            {
                design[r, c++] = 1.0;
            }

            if (nTrend >= 2)
            {
                design[r, c++] = r + 1;
            }

            if (nTrend >= 3)
            {
                design[r, c] = (double)(r + 1) * (r + 1);
            }
        }

        return Ols.Fit(y, design, hasConstant: nTrend >= 1);
    }
}
