using AlphaTrade.Statistics.Tables;
using MathNet.Numerics.LinearAlgebra;

namespace AlphaTrade.Statistics;

/// <summary>Result of a Johansen cointegration-rank test.</summary>
/// <param name="Eigenvalues">Eigenvalues λ_1 ≥ … ≥ λ_n of the reduced-rank problem.</param>
/// <param name="TraceStatistics">Trace statistic for H0: rank ≤ r, r = 0..n−1: −T·Σ_{i&gt;r} ln(1 − λ_i).</param>
/// <param name="MaxEigenStatistics">Maximum-eigenvalue statistic for H0: rank = r vs r + 1: −T·ln(1 − λ_{r+1}).</param>
/// <param name="TraceCritical">Trace critical values [90%, 95%, 99%] per r (NaN beyond 12 series or unsupported orders).</param>
/// <param name="MaxEigenCritical">Max-eigenvalue critical values [90%, 95%, 99%] per r.</param>
/// <param name="Vectors">Cointegrating vectors (columns, in eigenvalue order), normalised so v'·S_kk·v = 1 and the first entry is positive.</param>
/// <param name="Observations">T, the effective sample size.</param>
public sealed record JohansenResult(
    double[] Eigenvalues,
    double[] TraceStatistics,
    double[] MaxEigenStatistics,
    double[][] TraceCritical,
    double[][] MaxEigenCritical,
    double[][] Vectors,
    int Observations)
{
    /// <summary>Cointegration rank chosen by the trace test at the given level (0: 90%, 1: 95%, 2: 99%).</summary>
    public int TraceRank(int level = 1)
    {
        for (int r = 0; r < TraceStatistics.Length; r++)
        {
            if (!(TraceStatistics[r] > TraceCritical[r][level]))
            {
                return r;
            }
        }

        return TraceStatistics.Length;
    }
}

/// <summary>
/// Johansen's cointegration test with statsmodels' <c>coint_johansen</c> conventions: det_order −1 (none), 0 (constant),
/// 1 (linear trend) removed by OLS detrending; k lagged differences; the level enters lagged k periods; critical
/// values of MacKinnon, Haug and Michelis (1999) for up to 12 series.
/// </summary>
public static class Johansen
{
    /// <summary>Runs the test on <paramref name="series"/> (one array per variable, equal lengths).</summary>
    public static JohansenResult Test(IReadOnlyList<double[]> series, int detOrder = 0, int lagDifferences = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2)
        {
            throw new ArgumentException("Johansen's test needs at least two series.", nameof(series));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(detOrder, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(detOrder, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lagDifferences);
        int nobs = series[0].Length;
        int neqs = series.Count;
        if (series.Any(s => s.Length != nobs))
        {
            throw new ArgumentException("All series must have the same length.", nameof(series));
        }

        if (nobs - lagDifferences - 1 <= (neqs * lagDifferences) + neqs + 2)
        {
            throw new ArgumentException($"{nobs} observations are too few for {neqs} series and {lagDifferences} lags.", nameof(series));
        }

        var endog = Matrix<double>.Build.Dense(nobs, neqs, (i, j) => series[j][i]);
        endog = Detrend(endog, detOrder);
        int f = detOrder > -1 ? 0 : -1;

        var dx = Matrix<double>.Build.Dense(nobs - 1, neqs, (i, j) => endog[i + 1, j] - endog[i, j]);
        int rows = nobs - 1 - lagDifferences;

        // Lagged differences: row r holds Δx at (r + k − l) for l = 1..k.
        var z = Matrix<double>.Build.Dense(rows, neqs * lagDifferences);
        for (int r = 0; r < rows; r++)
        {
            for (int l = 1; l <= lagDifferences; l++)
            {
                for (int j = 0; j < neqs; j++)
                {
                    z[r, ((l - 1) * neqs) + j] = dx[r + lagDifferences - l, j];
                }
            }
        }

        z = Detrend(z, f);
        var dxs = Detrend(dx.SubMatrix(lagDifferences, rows, 0, neqs), f);
        var r0t = Residual(dxs, z);
        var lx = Detrend(endog.SubMatrix(1, rows, 0, neqs), f);
        var rkt = Residual(lx, z);

        double t = rkt.RowCount;
        var skk = rkt.TransposeThisAndMultiply(rkt) / t;
        var sk0 = rkt.TransposeThisAndMultiply(r0t) / t;
        var s00 = r0t.TransposeThisAndMultiply(r0t) / t;

        // Eigenvalues of Skk⁻¹·Sk0·S00⁻¹·S0k through the symmetric form L⁻¹·Sk0·S00⁻¹·S0k·L⁻ᵀ (Skk = L·Lᵀ).
        var lower = skk.Cholesky().Factor;
        var lInv = lower.Inverse();
        var sig = sk0 * s00.Inverse() * sk0.Transpose();
        var sym = lInv * sig * lInv.Transpose();
        sym = (sym + sym.Transpose()) / 2.0;
        var evd = sym.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, neqs).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var eig = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var vecs = new double[neqs][];
        var back = lInv.Transpose();
        for (int c = 0; c < neqs; c++)
        {
            var v = back * evd.EigenVectors.Column(order[c]);
            double sign = v[0] < 0 ? -1 : 1;
            vecs[c] = (v * sign).ToArray();
        }

        var trace = new double[neqs];
        var maxEig = new double[neqs];
        var cvt = new double[neqs][];
        var cvm = new double[neqs][];
        for (int i = 0; i < neqs; i++)
        {
            double sum = 0;
            for (int j = i; j < neqs; j++)
            {
                sum += Math.Log(1 - eig[j]);
            }

            trace[i] = -t * sum;
            maxEig[i] = -t * Math.Log(1 - eig[i]);
            cvt[i] = Critical(PublishedTables.JohansenTrace, neqs - i, detOrder);
            cvm[i] = Critical(PublishedTables.JohansenMaxEig, neqs - i, detOrder);
        }

        return new JohansenResult(eig, trace, maxEig, cvt, cvm, vecs, (int)t);
    }

    private static double[] Critical(double[][][] table, int n, int detOrder) =>
        n is >= 1 and <= 12 ? (double[])table[detOrder + 1][n - 1].Clone() : [double.NaN, double.NaN, double.NaN];

    // OLS residuals of each column on polynomial terms of order 0..order in linspace(-1, 1, rows); -1 leaves y unchanged.
    private static Matrix<double> Detrend(Matrix<double> y, int order)
    {
        if (order < 0)
        {
            return y;
        }

        int n = y.RowCount;
        var v = Matrix<double>.Build.Dense(n, order + 1, (i, j) =>
        {
            double s = n == 1 ? -1.0 : -1.0 + (2.0 * i / (n - 1));
            return Math.Pow(s, order - j);
        });
        return Residual(y, v);
    }

    private static Matrix<double> Residual(Matrix<double> y, Matrix<double> x)
    {
        if (x.ColumnCount == 0)
        {
            return y;
        }

        var beta = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Solve(y);
        return y - (x * beta);
    }
}
