using MathNet.Numerics.LinearAlgebra;

namespace AlphaTrade.Risk.Optimization;

/// <summary>The solution of a <see cref="QuadraticProgram"/>.</summary>
/// <param name="X">Primal solution.</param>
/// <param name="Objective">½x′Px + q′x at <paramref name="X"/>.</param>
/// <param name="Iterations">Interior-point iterations taken.</param>
/// <param name="EqualityDuals">Lagrange multipliers of the equality constraints.</param>
/// <param name="InequalityDuals">Lagrange multipliers (≥ 0) of the inequality constraints.</param>
public sealed record QpSolution(double[] X, double Objective, int Iterations, double[] EqualityDuals, double[] InequalityDuals);

/// <summary>
/// A dense convex quadratic program: minimise ½x′Px + q′x subject to A·x = b and G·x ≤ h, with P symmetric positive
/// semi-definite. Solved by a primal–dual interior-point method with Mehrotra's predictor–corrector (the
/// algorithm of CVXOPT's <c>coneqp</c> restricted to the non-negative orthant): each iteration solves the reduced
/// KKT system [P + G′DG, A′; A, 0] with D = diag(z/s) by LU. Converges to about 1e-10 relative accuracy on the
/// residuals and the duality gap; throws <see cref="InvalidOperationException"/> when it does not (an infeasible or
/// unbounded problem).
/// </summary>
public sealed class QuadraticProgram
{
    private readonly List<(double[] Row, double Rhs)> _equalities = [];
    private readonly List<(double[] Row, double Rhs)> _inequalities = [];

    /// <summary>Creates a program in <paramref name="variables"/> unknowns with P = 0 and q = 0.</summary>
    public QuadraticProgram(int variables)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variables);
        Variables = variables;
        P = new double[variables, variables];
        Q = new double[variables];
    }

    /// <summary>Number of unknowns.</summary>
    public int Variables { get; }

    /// <summary>The quadratic term P (symmetric PSD), writable.</summary>
    public double[,] P { get; }

    /// <summary>The linear term q, writable.</summary>
    public double[] Q { get; }

    /// <summary>Number of equality constraints.</summary>
    public int EqualityCount => _equalities.Count;

    /// <summary>Number of inequality constraints.</summary>
    public int InequalityCount => _inequalities.Count;

    /// <summary>Adds a′x = b (the row is copied).</summary>
    public void AddEquality(ReadOnlySpan<double> row, double rhs) => _equalities.Add((CheckRow(row), rhs));

    /// <summary>Adds g′x ≤ h (the row is copied).</summary>
    public void AddInequality(ReadOnlySpan<double> row, double rhs) => _inequalities.Add((CheckRow(row), rhs));

    /// <summary>Adds lower ≤ xᵢ ≤ upper (either may be infinite to leave that side open).</summary>
    public void AddBounds(int index, double lower, double upper)
    {
        var row = new double[Variables];
        if (!double.IsNegativeInfinity(lower))
        {
            row[index] = -1.0;
            AddInequality(row, -lower);
        }

        if (!double.IsPositiveInfinity(upper))
        {
            row[index] = 1.0;
            AddInequality(row, upper);
        }
    }

    private double[] CheckRow(ReadOnlySpan<double> row)
    {
        if (row.Length != Variables)
        {
            throw new ArgumentException($"A constraint row needs {Variables} coefficients; got {row.Length}.", nameof(row));
        }

        return row.ToArray();
    }

    /// <summary>Solves the program.</summary>
    /// <param name="tolerance">Relative tolerance on residuals and gap.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    public QpSolution Solve(double tolerance = 1e-10, int maxIterations = 200)
    {
        int n = Variables;
        int p = _equalities.Count;
        int m = _inequalities.Count;
        var x = new double[n];
        var y = new double[p];
        var s = new double[m];
        var z = new double[m];
        for (int i = 0; i < m; i++)
        {
            s[i] = Math.Max(1.0, _inequalities[i].Rhs);
            z[i] = 1.0;
        }

        double qNorm = 1.0 + NormInf(Q);
        double bNorm = 1.0 + _equalities.Select(e => Math.Abs(e.Rhs)).DefaultIfEmpty(0).Max();
        double hNorm = 1.0 + _inequalities.Select(e => Math.Abs(e.Rhs)).DefaultIfEmpty(0).Max();
        double pScale = 0;
        for (int i = 0; i < n; i++)
        {
            pScale = Math.Max(pScale, Math.Abs(P[i, i]));
        }

        double reg = 1e-13 * (1.0 + pScale);
        var rd = new double[n];
        var rp = new double[p];
        var rg = new double[m];
        var rc = new double[m];
        for (int iter = 0; iter < maxIterations; iter++)
        {
            // Residuals.
            for (int i = 0; i < n; i++)
            {
                double v = Q[i];
                for (int j = 0; j < n; j++)
                {
                    v += P[i, j] * x[j];
                }

                rd[i] = v;
            }

            for (int k = 0; k < p; k++)
            {
                var row = _equalities[k].Row;
                rp[k] = Dot(row, x) - _equalities[k].Rhs;
                for (int i = 0; i < n; i++)
                {
                    rd[i] += row[i] * y[k];
                }
            }

            for (int k = 0; k < m; k++)
            {
                var row = _inequalities[k].Row;
                rg[k] = Dot(row, x) + s[k] - _inequalities[k].Rhs;
                for (int i = 0; i < n; i++)
                {
                    rd[i] += row[i] * z[k];
                }
            }

            double gap = m > 0 ? Dot(s, z) : 0.0;
            double mu = m > 0 ? gap / m : 0.0;
            double obj = Objective(x);
            if (NormInf(rd) <= tolerance * qNorm && NormInf(rp) <= tolerance * bNorm && NormInf(rg) <= tolerance * hNorm
                && gap <= tolerance * (1.0 + Math.Abs(obj)))
            {
                return Polish(x, y, z, s, obj, iter, hNorm);
            }

            // Reduced KKT matrix [P + G'DG + reg, A'; A, -reg].
            var kkt = Matrix<double>.Build.Dense(n + p, n + p);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    kkt[i, j] = P[i, j];
                }

                kkt[i, i] += reg;
            }

            for (int k = 0; k < m; k++)
            {
                var row = _inequalities[k].Row;
                double d = z[k] / s[k];
                for (int i = 0; i < n; i++)
                {
                    if (row[i] == 0.0)
                    {
                        continue;
                    }

                    double ri = row[i] * d;
                    for (int j = 0; j < n; j++)
                    {
                        kkt[i, j] += ri * row[j];
                    }
                }
            }

            for (int k = 0; k < p; k++)
            {
                var row = _equalities[k].Row;
                for (int i = 0; i < n; i++)
                {
                    kkt[n + k, i] = row[i];
                    kkt[i, n + k] = row[i];
                }

                kkt[n + k, n + k] = -reg;
            }

            var lu = kkt.LU();

            // Predictor (affine scaling): rc = s∘z.
            for (int k = 0; k < m; k++)
            {
                rc[k] = s[k] * z[k];
            }

            var (dxA, dyA, dzA, dsA) = Direction(lu, rd, rp, rg, rc, s, z);
            double alphaAff = Math.Min(1.0, Math.Min(MaxStep(s, dsA), MaxStep(z, dzA)));
            double sigma = 0.0;
            if (m > 0)
            {
                double muAff = 0;
                for (int k = 0; k < m; k++)
                {
                    muAff += (s[k] + (alphaAff * dsA[k])) * (z[k] + (alphaAff * dzA[k]));
                }

                muAff /= m;
                sigma = Math.Pow(Math.Max(muAff, 0.0) / mu, 3);
            }

            // Corrector: rc = s∘z + ds_aff∘dz_aff − σμ.
            for (int k = 0; k < m; k++)
            {
                rc[k] = (s[k] * z[k]) + (dsA[k] * dzA[k]) - (sigma * mu);
            }

            var (dx, dy, dz, ds) = m > 0 ? Direction(lu, rd, rp, rg, rc, s, z) : (dxA, dyA, dzA, dsA);
            double alpha = m > 0 ? Math.Min(1.0, 0.99 * Math.Min(MaxStep(s, ds), MaxStep(z, dz))) : 1.0;
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * dx[i];
            }

            for (int k = 0; k < p; k++)
            {
                y[k] += alpha * dy[k];
            }

            for (int k = 0; k < m; k++)
            {
                s[k] += alpha * ds[k];
                z[k] += alpha * dz[k];
            }

            if (!double.IsFinite(NormInf(x)) || NormInf(x) > 1e14)
            {
                break;
            }
        }

        throw new InvalidOperationException("The quadratic program did not converge: its constraints may be infeasible or its objective unbounded.");
    }

    /// <summary>
    /// Polishing (as OSQP does): guesses the active set from the interior point (sₖ &lt; zₖ), solves the
    /// equality-constrained KKT system on it exactly, and keeps that solution when it is feasible, its multipliers are
    /// non-negative and it is no worse. This recovers full precision where the interior point stops at √tolerance
    /// (degenerate vertices).
    /// </summary>
    private QpSolution Polish(double[] x, double[] y, double[] z, double[] s, double obj, int iter, double hNorm)
    {
        int n = Variables;
        int p = _equalities.Count;
        var active = Enumerable.Range(0, _inequalities.Count).Where(k => s[k] < z[k]).ToList();
        int size = n + p + active.Count;
        var kkt = Matrix<double>.Build.Dense(size, size);
        var rhs = Vector<double>.Build.Dense(size);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                kkt[i, j] = P[i, j];
            }

            rhs[i] = -Q[i];
        }

        for (int k = 0; k < p + active.Count; k++)
        {
            var (row, b) = k < p ? _equalities[k] : _inequalities[active[k - p]];
            for (int i = 0; i < n; i++)
            {
                kkt[n + k, i] = row[i];
                kkt[i, n + k] = row[i];
            }

            rhs[n + k] = b;
        }

        var fallback = new QpSolution(x, obj, iter, y, z);
        Vector<double> sol;
        try
        {
            sol = kkt.LU().Solve(rhs);
        }
        catch (ArgumentException)
        {
            return fallback;
        }

        var px = new double[n];
        for (int i = 0; i < n; i++)
        {
            px[i] = sol[i];
        }

        if (!px.All(double.IsFinite))
        {
            return fallback;
        }

        double feasTol = 1e-9 * hNorm;
        foreach (var (row, b) in _inequalities)
        {
            if (Dot(row, px) - b > feasTol)
            {
                return fallback;
            }
        }

        foreach (var (row, b) in _equalities)
        {
            if (Math.Abs(Dot(row, px) - b) > feasTol)
            {
                return fallback;
            }
        }

        var pz = new double[_inequalities.Count];
        for (int k = 0; k < active.Count; k++)
        {
            double v = sol[n + p + k];
            if (v < -1e-8 * (1.0 + NormInf(z)))
            {
                return fallback;
            }

            pz[active[k]] = Math.Max(v, 0.0);
        }

        double pobj = Objective(px);
        if (!(pobj <= obj + (1e-9 * (1.0 + Math.Abs(obj)))))
        {
            return fallback;
        }

        var py = new double[p];
        for (int k = 0; k < p; k++)
        {
            py[k] = sol[n + k];
        }

        return new QpSolution(px, pobj, iter, py, pz);
    }

    private (double[] Dx, double[] Dy, double[] Dz, double[] Ds) Direction(
        MathNet.Numerics.LinearAlgebra.Factorization.LU<double> lu, double[] rd, double[] rp, double[] rg, double[] rc, double[] s, double[] z)
    {
        int n = Variables;
        int p = _equalities.Count;
        int m = _inequalities.Count;
        var rhs = Vector<double>.Build.Dense(n + p);
        for (int i = 0; i < n; i++)
        {
            rhs[i] = -rd[i];
        }

        var t = new double[m];
        for (int k = 0; k < m; k++)
        {
            t[k] = ((z[k] * rg[k]) - rc[k]) / s[k];
            var row = _inequalities[k].Row;
            for (int i = 0; i < n; i++)
            {
                rhs[i] -= row[i] * t[k];
            }
        }

        for (int k = 0; k < p; k++)
        {
            rhs[n + k] = -rp[k];
        }

        var sol = lu.Solve(rhs);
        var dx = new double[n];
        for (int i = 0; i < n; i++)
        {
            dx[i] = sol[i];
        }

        var dy = new double[p];
        for (int k = 0; k < p; k++)
        {
            dy[k] = sol[n + k];
        }

        var dz = new double[m];
        var ds = new double[m];
        for (int k = 0; k < m; k++)
        {
            double gdx = Dot(_inequalities[k].Row, dx);
            dz[k] = t[k] + (z[k] / s[k] * gdx);
            ds[k] = -rg[k] - gdx;
        }

        return (dx, dy, dz, ds);
    }

    /// <summary>½x′Px + q′x.</summary>
    public double Objective(ReadOnlySpan<double> x)
    {
        double v = 0;
        for (int i = 0; i < Variables; i++)
        {
            double pi = 0;
            for (int j = 0; j < Variables; j++)
            {
                pi += P[i, j] * x[j];
            }

            v += (0.5 * x[i] * pi) + (Q[i] * x[i]);
        }

        return v;
    }

    private static double MaxStep(double[] v, double[] dv)
    {
        double a = double.PositiveInfinity;
        for (int i = 0; i < v.Length; i++)
        {
            if (dv[i] < 0)
            {
                a = Math.Min(a, -v[i] / dv[i]);
            }
        }

        return a;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double NormInf(double[] v)
    {
        double r = 0;
        foreach (var e in v)
        {
            r = Math.Max(r, Math.Abs(e));
        }

        return r;
    }
}
