namespace AlphaTrade.Risk;

/// <summary>Small dense linear algebra used across the risk code (matrices are <c>double[n, n]</c>).</summary>
internal static class DenseMath
{
    public static double[] Multiply(double[,] a, ReadOnlySpan<double> x)
    {
        int n = a.GetLength(0);
        int m = a.GetLength(1);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < m; j++)
            {
                s += a[i, j] * x[j];
            }

            y[i] = s;
        }

        return y;
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    public static double Quadratic(double[,] a, ReadOnlySpan<double> x) => Dot(x, Multiply(a, x));

    /// <summary>
    /// Lower-triangular L with A = L·L′ for a symmetric positive semi-definite A. A pivot that is not positive
    /// (up to 1e-13 of the largest diagonal) makes its column zero, so singular covariance matrices (duplicated or
    /// constant assets) still factor.
    /// </summary>
    public static double[,] Cholesky(double[,] a)
    {
        int n = a.GetLength(0);
        double maxDiag = 0;
        for (int i = 0; i < n; i++)
        {
            maxDiag = Math.Max(maxDiag, Math.Abs(a[i, i]));
        }

        double eps = 1e-13 * Math.Max(maxDiag, double.Epsilon);
        var l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (d <= eps)
            {
                if (d < -1e-8 * Math.Max(maxDiag, 1e-300))
                {
                    throw new ArgumentException("The matrix is not positive semi-definite.", nameof(a));
                }

                continue;
            }

            double ljj = Math.Sqrt(d);
            l[j, j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / ljj;
            }
        }

        return l;
    }

    /// <summary>Solves A·x = b by Gaussian elimination with partial pivoting; throws when A is singular.</summary>
    public static double[] Solve(double[,] a, ReadOnlySpan<double> b)
    {
        int n = a.GetLength(0);
        var m = (double[,])a.Clone();
        var x = b.ToArray();
        for (int c = 0; c < n; c++)
        {
            int piv = c;
            double best = Math.Abs(m[c, c]);
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > best)
                {
                    best = Math.Abs(m[r, c]);
                    piv = r;
                }
            }

            if (best == 0.0)
            {
                throw new InvalidOperationException("Singular linear system.");
            }

            if (piv != c)
            {
                for (int k = 0; k < n; k++)
                {
                    (m[c, k], m[piv, k]) = (m[piv, k], m[c, k]);
                }

                (x[c], x[piv]) = (x[piv], x[c]);
            }

            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                if (f == 0.0)
                {
                    continue;
                }

                for (int k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                x[r] -= f * x[c];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int k = r + 1; k < n; k++)
            {
                s -= m[r, k] * x[k];
            }

            x[r] = s / m[r, r];
        }

        return x;
    }

    /// <summary>Rows of the p×p sub-matrix of <paramref name="a"/> on <paramref name="index"/>.</summary>
    public static double[,] Sub(double[,] a, IReadOnlyList<int> index)
    {
        int k = index.Count;
        var r = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                r[i, j] = a[index[i], index[j]];
            }
        }

        return r;
    }
}
