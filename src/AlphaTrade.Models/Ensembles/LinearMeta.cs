namespace AlphaTrade.Models.Ensembles;

/// <summary>
/// The meta-learner of stacking and blending: L2-regularised logistic regression (Newton-Raphson) on the members'
/// logits for classification, ridge regression on their predictions for regression. Coefficients: intercept first.
/// </summary>
internal static class LinearMeta
{
    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    /// <summary>Fits the meta model: x[row][member] (already logits for classification), y labels.</summary>
    public static double[] Fit(double[][] x, double[] y, ModelTask task, double l2 = 1e-2)
    {
        var m = x.Length == 0 ? 0 : x[0].Length;
        var p = m + 1;
        var w = new double[p];
        if (task == ModelTask.Regression)
        {
            var a = new double[p, p];
            var b = new double[p];
            for (var r = 0; r < x.Length; r++)
            {
                for (var i = 0; i < p; i++)
                {
                    var xi = i == 0 ? 1 : x[r][i - 1];
                    b[i] += xi * y[r];
                    for (var j = 0; j < p; j++)
                    {
                        a[i, j] += xi * (j == 0 ? 1 : x[r][j - 1]);
                    }
                }
            }

            // Ridge relative to each member's own scale, so returns of 1e-3 are shrunk as much as returns of 1.
            for (var i = 1; i < p; i++)
            {
                a[i, i] *= 1 + l2;
            }

            return Solve(a, b);
        }

        for (var iter = 0; iter < 50; iter++)
        {
            var h = new double[p, p];
            var g = new double[p];
            for (var r = 0; r < x.Length; r++)
            {
                var z = w[0];
                for (var i = 1; i < p; i++)
                {
                    z += w[i] * x[r][i - 1];
                }

                var mu = 1 / (1 + Math.Exp(-z));
                var s = Math.Max(mu * (1 - mu), 1e-12);
                for (var i = 0; i < p; i++)
                {
                    var xi = i == 0 ? 1 : x[r][i - 1];
                    g[i] += (mu - (y[r] > 0.5 ? 1 : 0)) * xi;
                    for (var j = 0; j < p; j++)
                    {
                        h[i, j] += s * xi * (j == 0 ? 1 : x[r][j - 1]);
                    }
                }
            }

            for (var i = 1; i < p; i++)
            {
                g[i] += l2 * x.Length * w[i];
                h[i, i] += l2 * x.Length;
            }

            var step = Solve(h, g);
            var change = 0.0;
            for (var i = 0; i < p; i++)
            {
                w[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-10)
            {
                break;
            }
        }

        return w;
    }

    public static double Apply(double[] w, ReadOnlySpan<double> x, ModelTask task)
    {
        var z = w[0];
        for (var i = 1; i < w.Length; i++)
        {
            z += w[i] * (task == ModelTask.Classification ? Logit(x[i - 1]) : x[i - 1]);
        }

        return task == ModelTask.Classification ? 1 / (1 + Math.Exp(-z)) : z;
    }

    // Gaussian elimination with partial pivoting; the systems are tiny (members + 1).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var piv = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[piv, c]))
                {
                    piv = r;
                }
            }

            if (Math.Abs(m[piv, c]) < 1e-300)
            {
                continue;
            }

            if (piv != c)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[c, k], m[piv, k]) = (m[piv, k], m[c, k]);
                }

                (v[c], v[piv]) = (v[piv], v[c]);
            }

            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var k = c; k < n; k++)
                {
                    m[r, k] -= f * m[c, k];
                }

                v[r] -= f * v[c];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            if (Math.Abs(m[r, r]) < 1e-300)
            {
                continue;
            }

            var s = v[r];
            for (var k = r + 1; k < n; k++)
            {
                s -= m[r, k] * x[k];
            }

            x[r] = s / m[r, r];
        }

        return x;
    }
}
