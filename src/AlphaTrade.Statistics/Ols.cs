using MathNet.Numerics.LinearAlgebra;

namespace AlphaTrade.Statistics;

/// <summary>
/// Ordinary least squares fit: coefficients, classical (non-robust) standard errors, fit statistics and the
/// Gaussian log-likelihood information criteria, defined as statsmodels' <c>OLS(...).fit()</c> defines them.
/// </summary>
/// <param name="Coefficients">Estimates in regressor order (the constant first when one was added).</param>
/// <param name="StandardErrors">sqrt(diag(s²(X'X)⁻¹)) with s² = SSR/(n−k).</param>
/// <param name="TValues">Coefficient / standard error.</param>
/// <param name="Residuals">y − Xb.</param>
/// <param name="RSquared">1 − SSR/SST (centred when a constant is present, uncentred otherwise).</param>
/// <param name="AdjustedRSquared">1 − (n − c)/(n − k)·(1 − R²), c = 1 with a constant.</param>
/// <param name="Ssr">Sum of squared residuals.</param>
/// <param name="LogLikelihood">−n/2·(ln 2π + ln(SSR/n) + 1).</param>
/// <param name="Aic">−2·llf + 2k.</param>
/// <param name="Bic">−2·llf + k·ln n.</param>
/// <param name="Observations">n.</param>
public sealed record OlsResult(
    double[] Coefficients,
    double[] StandardErrors,
    double[] TValues,
    double[] Residuals,
    double RSquared,
    double AdjustedRSquared,
    double Ssr,
    double LogLikelihood,
    double Aic,
    double Bic,
    int Observations);

/// <summary>Ordinary least squares through a QR decomposition (numerically stable for near-collinear regressors).</summary>
public static class Ols
{
    /// <summary>Fits y on the given regressor columns, with a leading constant when <paramref name="addConstant"/>.</summary>
    /// <param name="y">Dependent variable.</param>
    /// <param name="columns">Regressors, one array per column, each as long as y.</param>
    /// <param name="addConstant">Prepend a column of ones.</param>
    public static OlsResult Fit(ReadOnlySpan<double> y, IReadOnlyList<double[]> columns, bool addConstant)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int n = y.Length;
        int k = columns.Count + (addConstant ? 1 : 0);
        if (k == 0)
        {
            throw new ArgumentException("At least one regressor or the constant is needed.", nameof(columns));
        }

        if (n <= k)
        {
            throw new ArgumentException($"OLS needs more observations ({n}) than parameters ({k}).", nameof(y));
        }

        var x = Matrix<double>.Build.Dense(n, k);
        int c0 = 0;
        if (addConstant)
        {
            for (int i = 0; i < n; i++)
            {
                x[i, 0] = 1.0;
            }

            c0 = 1;
        }

        for (int j = 0; j < columns.Count; j++)
        {
            var col = columns[j];
            if (col.Length != n)
            {
                throw new ArgumentException($"Regressor {j} has {col.Length} rows; y has {n}.", nameof(columns));
            }

            for (int i = 0; i < n; i++)
            {
                x[i, c0 + j] = col[i];
            }
        }

        return Fit(y, x, addConstant);
    }

    /// <summary>Fits y on a design matrix (include the constant column yourself; say so with <paramref name="hasConstant"/>).</summary>
    public static OlsResult Fit(ReadOnlySpan<double> y, Matrix<double> design, bool hasConstant)
    {
        ArgumentNullException.ThrowIfNull(design);
        int n = design.RowCount;
        int k = design.ColumnCount;
        var yv = Vector<double>.Build.Dense(y.ToArray());
        var qr = design.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var beta = qr.Solve(yv);
        var resid = yv - (design * beta);
        double ssr = resid.DotProduct(resid);
        double s2 = ssr / (n - k);

        // (X'X)^-1 = R^-1 R^-T
        var rInv = qr.R.Inverse();
        var cov = rInv * rInv.Transpose();
        var se = new double[k];
        var t = new double[k];
        for (int j = 0; j < k; j++)
        {
            se[j] = Math.Sqrt(s2 * cov[j, j]);
            t[j] = beta[j] / se[j];
        }

        double sst;
        if (hasConstant)
        {
            double mean = yv.Average();
            sst = 0;
            for (int i = 0; i < n; i++)
            {
                double d = yv[i] - mean;
                sst += d * d;
            }
        }
        else
        {
            sst = yv.DotProduct(yv);
        }

        double r2 = 1.0 - (ssr / sst);
        double adj = 1.0 - ((double)(n - (hasConstant ? 1 : 0)) / (n - k) * (1.0 - r2));
        double llf = -n / 2.0 * (Math.Log(2 * Math.PI) + Math.Log(ssr / n) + 1.0);
        return new OlsResult(
            beta.ToArray(), se, t, resid.ToArray(), r2, adj, ssr, llf, (-2 * llf) + (2 * k), (-2 * llf) + (k * Math.Log(n)), n);
    }
}
