namespace AlphaTrade.Risk;

/// <summary>Which covariance estimator to use.</summary>
public enum CovarianceMethod
{
    /// <summary>Unbiased sample covariance (divisor n − 1), as <c>numpy.cov</c>.</summary>
    Sample,

    /// <summary>Exponentially weighted (RiskMetrics), as pandas <c>ewm(alpha=1−λ, adjust=True).cov(bias=True)</c>.</summary>
    Ewma,

    /// <summary>Ledoit–Wolf shrinkage towards the scaled identity, as scikit-learn's <c>LedoitWolf</c>.</summary>
    LedoitWolf,
}

/// <summary>The Ledoit–Wolf estimate: the shrunk matrix and how it was made.</summary>
/// <param name="Matrix">(1 − δ)·S + δ·m·I, with S the maximum-likelihood covariance (divisor n).</param>
/// <param name="Shrinkage">δ in [0, 1].</param>
/// <param name="TargetVariance">m = tr(S)/p, the variance on the target's diagonal.</param>
public sealed record LedoitWolfEstimate(double[,] Matrix, double Shrinkage, double TargetVariance);

/// <summary>
/// Covariance and correlation estimators over return columns (one array per asset, all the same length, oldest
/// first). Matrices are <c>double[p, p]</c> in column order.
/// </summary>
public static class Covariance
{
    /// <summary>Default RiskMetrics decay for daily data.</summary>
    public const double DefaultEwmaLambda = 0.94;

    /// <summary>Estimates with the chosen method (EWMA with <paramref name="ewmaLambda"/>).</summary>
    public static double[,] Estimate(IReadOnlyList<double[]> columns, CovarianceMethod method, double ewmaLambda = DefaultEwmaLambda) => method switch
    {
        CovarianceMethod.Sample => Sample(columns),
        CovarianceMethod.Ewma => Ewma(columns, ewmaLambda),
        CovarianceMethod.LedoitWolf => LedoitWolf(columns).Matrix,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>Column means.</summary>
    public static double[] Means(IReadOnlyList<double[]> columns)
    {
        int n = CheckColumns(columns, 1);
        var m = new double[columns.Count];
        for (int j = 0; j < m.Length; j++)
        {
            m[j] = Mean(columns[j]);
        }

        return m;
    }

    /// <summary>Sample covariance with divisor n − 1.</summary>
    public static double[,] Sample(IReadOnlyList<double[]> columns)
    {
        int n = CheckColumns(columns, 2);
        return CrossProducts(columns, Means(columns), 1.0 / (n - 1));
    }

    /// <summary>Maximum-likelihood covariance (divisor n).</summary>
    public static double[,] MaximumLikelihood(IReadOnlyList<double[]> columns)
    {
        int n = CheckColumns(columns, 1);
        return CrossProducts(columns, Means(columns), 1.0 / n);
    }

    /// <summary>
    /// Exponentially weighted covariance at the last observation: weights w_t ∝ λ^(T−1−t) normalised to one,
    /// the weighted mean removed, no bias correction.
    /// </summary>
    public static double[,] Ewma(IReadOnlyList<double[]> columns, double lambda = DefaultEwmaLambda)
    {
        int n = CheckColumns(columns, 1);
        if (!(lambda > 0.0 && lambda < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The decay λ must be in (0, 1).");
        }

        var w = new double[n];
        double sum = 0;
        double f = 1.0;
        for (int t = n - 1; t >= 0; t--)
        {
            w[t] = f;
            sum += f;
            f *= lambda;
        }

        for (int t = 0; t < n; t++)
        {
            w[t] /= sum;
        }

        int p = columns.Count;
        var mean = new double[p];
        for (int j = 0; j < p; j++)
        {
            double s = 0;
            var c = columns[j];
            for (int t = 0; t < n; t++)
            {
                s += w[t] * c[t];
            }

            mean[j] = s;
        }

        var cov = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            var ca = columns[a];
            for (int b = a; b < p; b++)
            {
                var cb = columns[b];
                double s = 0;
                for (int t = 0; t < n; t++)
                {
                    s += w[t] * (ca[t] - mean[a]) * (cb[t] - mean[b]);
                }

                cov[a, b] = s;
                cov[b, a] = s;
            }
        }

        return cov;
    }

    /// <summary>
    /// Ledoit &amp; Wolf (2004) shrinkage towards the scaled identity m·I, m = tr(S)/p, with S the covariance of the
    /// centred data with divisor n. δ = min(b̄², d²)/d², d² = ‖S − mI‖², b̄² = n⁻² Σₖ ‖xₖxₖ′ − S‖², ‖A‖² = tr(AA′)/p.
    /// This is scikit-learn's <c>LedoitWolf(assume_centered=False)</c>.
    /// </summary>
    public static LedoitWolfEstimate LedoitWolf(IReadOnlyList<double[]> columns)
    {
        int n = CheckColumns(columns, 2);
        int p = columns.Count;
        var mean = Means(columns);
        var s = CrossProducts(columns, mean, 1.0 / n);
        double m = 0;
        for (int j = 0; j < p; j++)
        {
            m += s[j, j];
        }

        m /= p;
        double d2 = 0;
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double v = s[a, b] - (a == b ? m : 0.0);
                d2 += v * v;
            }
        }

        d2 /= p;

        // Σₖ ‖xₖxₖ′ − S‖² = Σₖ Σ_ab (x_ka x_kb)² − n ‖S‖²  (because Σₖ xₖxₖ′ = nS).
        double fourth = 0;
        var x = new double[p];
        for (int t = 0; t < n; t++)
        {
            for (int j = 0; j < p; j++)
            {
                x[j] = columns[j][t] - mean[j];
            }

            double sq = 0;
            for (int j = 0; j < p; j++)
            {
                sq += x[j] * x[j];
            }

            fourth += sq * sq;
        }

        double sNorm = 0;
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                sNorm += s[a, b] * s[a, b];
            }
        }

        double b2Bar = (fourth - (n * sNorm)) / p / ((double)n * n);
        double b2 = Math.Min(b2Bar, d2);
        double delta = d2 == 0.0 ? 0.0 : b2 / d2;
        var shrunk = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                shrunk[a, b] = ((1.0 - delta) * s[a, b]) + (a == b ? delta * m : 0.0);
            }
        }

        return new LedoitWolfEstimate(shrunk, delta, m);
    }

    /// <summary>Correlation matrix of a covariance matrix (zero-variance assets get zero correlations and a unit diagonal).</summary>
    public static double[,] Correlation(double[,] covariance)
    {
        int p = CheckSquare(covariance);
        var sd = new double[p];
        for (int j = 0; j < p; j++)
        {
            sd[j] = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
        }

        var r = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                r[a, b] = a == b ? 1.0 : (sd[a] > 0 && sd[b] > 0 ? covariance[a, b] / (sd[a] * sd[b]) : 0.0);
            }
        }

        return r;
    }

    /// <summary>Standard deviations: the square roots of the diagonal.</summary>
    public static double[] Volatilities(double[,] covariance)
    {
        int p = CheckSquare(covariance);
        var sd = new double[p];
        for (int j = 0; j < p; j++)
        {
            sd[j] = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
        }

        return sd;
    }

    /// <summary>The matrix times <paramref name="factor"/> (e.g. periods per year).</summary>
    public static double[,] Scale(double[,] covariance, double factor)
    {
        int p = CheckSquare(covariance);
        var r = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                r[a, b] = covariance[a, b] * factor;
            }
        }

        return r;
    }

    internal static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += v;
        }

        return s / x.Length;
    }

    private static double[,] CrossProducts(IReadOnlyList<double[]> columns, double[] mean, double scale)
    {
        int p = columns.Count;
        int n = columns[0].Length;
        var cov = new double[p, p];
        // Centred once (the same subtraction as in the sum); each entry is still one sum in time order, so the
        // result is the same bit for bit. Four entries of a row at a time give the processor independent sums.
        var centred = new double[p * n];
        for (int a = 0; a < p; a++)
        {
            var c = columns[a];
            var d = centred.AsSpan(a * n, n);
            for (int t = 0; t < n; t++)
            {
                d[t] = c[t] - mean[a];
            }
        }

        for (int a = 0; a < p; a++)
        {
            var da = centred.AsSpan(a * n, n);
            int b = a;
            for (; b + 4 <= p; b += 4)
            {
                var d0 = centred.AsSpan(b * n, n);
                var d1 = centred.AsSpan((b + 1) * n, n);
                var d2 = centred.AsSpan((b + 2) * n, n);
                var d3 = centred.AsSpan((b + 3) * n, n);
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int t = 0; t < n; t++)
                {
                    double x = da[t];
                    s0 += x * d0[t];
                    s1 += x * d1[t];
                    s2 += x * d2[t];
                    s3 += x * d3[t];
                }

                Set(cov, a, b, s0 * scale);
                Set(cov, a, b + 1, s1 * scale);
                Set(cov, a, b + 2, s2 * scale);
                Set(cov, a, b + 3, s3 * scale);
            }

            for (; b < p; b++)
            {
                var db = centred.AsSpan(b * n, n);
                double s = 0;
                for (int t = 0; t < n; t++)
                {
                    s += da[t] * db[t];
                }

                Set(cov, a, b, s * scale);
            }
        }

        return cov;

        static void Set(double[,] m, int i, int j, double v)
        {
            m[i, j] = v;
            m[j, i] = v;
        }
    }

    internal static int CheckColumns(IReadOnlyList<double[]> columns, int minRows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one return column is needed.", nameof(columns));
        }

        int n = columns[0]?.Length ?? throw new ArgumentException("A return column is null.", nameof(columns));
        for (int j = 1; j < columns.Count; j++)
        {
            if (columns[j] is null || columns[j].Length != n)
            {
                throw new ArgumentException($"Return column {j} has {columns[j]?.Length ?? 0} rows; column 0 has {n}.", nameof(columns));
            }
        }

        if (n < minRows)
        {
            throw new ArgumentException($"At least {minRows} return rows are needed; got {n}.", nameof(columns));
        }

        return n;
    }

    internal static int CheckSquare(double[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        int p = m.GetLength(0);
        if (p != m.GetLength(1) || p == 0)
        {
            throw new ArgumentException($"Expected a non-empty square matrix, got {m.GetLength(0)}×{m.GetLength(1)}.", nameof(m));
        }

        return p;
    }
}
