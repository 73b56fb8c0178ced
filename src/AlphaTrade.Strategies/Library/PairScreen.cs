using AlphaTrade.Statistics;

namespace AlphaTrade.Strategies.Library;

/// <summary>Result of <see cref="PairScreen.Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>.</summary>
/// <param name="Beta">Hedge ratio of y on x.</param>
/// <param name="Alpha">Intercept.</param>
/// <param name="Statistic">ADF τ of the residuals (one lagged difference, no deterministic terms).</param>
/// <param name="PValue">MacKinnon p-value for two series with a constant.</param>
/// <param name="HalfLife">Ornstein–Uhlenbeck half-life of the residuals, bars.</param>
public readonly record struct PairScreenResult(double Beta, double Alpha, double Statistic, double PValue, double HalfLife);

/// <summary>The sums of one series that <see cref="PairScreen.Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, in SeriesMoments, in SeriesMoments)"/> reuses.</summary>
/// <param name="Sum">Σv in index order.</param>
/// <param name="CenteredSquares">Σ(v − Sum/n)² in index order.</param>
public readonly record struct SeriesMoments(double Sum, double CenteredSquares)
{
    /// <summary>The moments of <paramref name="v"/>, summed exactly as the test sums them.</summary>
    public static SeriesMoments Of(ReadOnlySpan<double> v)
    {
        int n = v.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += v[i];
        }

        double mean = sum / n, css = 0;
        for (int i = 0; i < n; i++)
        {
            double d = v[i] - mean;
            css += d * d;
        }

        return new SeriesMoments(sum, css);
    }
}

/// <summary>
/// The Engle–Granger test the pairs strategy screens with — exactly
/// <c>EngleGranger.Test(y, [x], TrendTerms.Constant, maxLag: 1, selection: LagSelection.Fixed)</c> — in closed form:
/// the cointegrating regression, the one-lag ADF regression and the OU regression each have two regressors, so their
/// normal equations are solved directly, without allocating. Screening every same-sector pair of a universe over
/// thousands of bars then costs microseconds instead of milliseconds.
/// </summary>
public static class PairScreen
{
    /// <summary>Tests y against x (same length, at least 10 observations).</summary>
    public static PairScreenResult Test(ReadOnlySpan<double> y, ReadOnlySpan<double> x, Span<double> residuals)
    {
        int n = Check(y, x, residuals);

        // y = β·x + α.
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
        }

        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }

        return Finish(y, x, residuals, mx, my, sxx, sxy, double.NaN)!.Value;
    }

    /// <summary>
    /// <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> with the sums that involve only one
    /// of the series given: <paramref name="yMoments"/> and <paramref name="xMoments"/> must be
    /// <see cref="SeriesMoments.Of"/> of exactly <paramref name="y"/> and <paramref name="x"/>. Each sum is the same
    /// sequence of operations either way, so the result is bit-identical; a screen that tests one series against many
    /// computes its sums once.
    /// </summary>
    public static PairScreenResult Test(ReadOnlySpan<double> y, ReadOnlySpan<double> x, Span<double> residuals, in SeriesMoments yMoments,
        in SeriesMoments xMoments) =>
        Screen(y, x, residuals, yMoments, xMoments, double.NaN)!.Value;

    /// <summary>
    /// Like <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, in SeriesMoments, in SeriesMoments)"/>,
    /// but null when the p-value is certainly above <paramref name="maxPValue"/>: the ADF τ is first taken from the
    /// normal equations in closed form (SSR = Σd² − γ·Σℓd − φ·Σℓ′d, no second pass over the residuals), and only when
    /// that τ, moved towards significance by a margin far beyond its rounding error, still gives a p-value above
    /// <paramref name="maxPValue"/> is the pair dropped. Every other pair gets the exact result.
    /// </summary>
    public static PairScreenResult? Screen(ReadOnlySpan<double> y, ReadOnlySpan<double> x, Span<double> residuals, in SeriesMoments yMoments,
        in SeriesMoments xMoments, double maxPValue)
    {
        int n = Check(y, x, residuals);
        double mx = xMoments.Sum / n, my = yMoments.Sum / n, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
        }

        return Finish(y, x, residuals, mx, my, xMoments.CenteredSquares, sxy, maxPValue);
    }

    private static int Check(ReadOnlySpan<double> y, ReadOnlySpan<double> x, Span<double> residuals)
    {
        int n = y.Length;
        if (x.Length != n || residuals.Length < n || n < 10)
        {
            throw new ArgumentException("y, x and the residual buffer must have the same length (at least 10).", nameof(x));
        }

        return n;
    }

    private static PairScreenResult? Finish(ReadOnlySpan<double> y, ReadOnlySpan<double> x, Span<double> residuals, double mx, double my,
        double sxx, double sxy, double maxPValue)
    {
        int n = y.Length;
        double beta = sxy / sxx;
        double alpha = my - (beta * mx);

        // One pass computes the residuals e and accumulates both regressions that need only e: the one-lag ADF
        // normal equations (t = 2..n−1) and the OU sums (t = 1..n−1). Each sum still adds its terms in t order, so
        // the results are bit-identical to separate passes.
        // ADF, one lag, no constant: Δe_t = γ·e_{t−1} + φ·Δe_{t−1}. OU: Δe_t = a + b·e_{t−1}.
        double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0, sl = 0, sd = 0, sdd = 0;
        double e0 = y[0] - (beta * x[0]) - alpha;
        double e1 = y[1] - (beta * x[1]) - alpha;
        residuals[0] = e0;
        residuals[1] = e1;
        sl += e0;
        sd += e1 - e0;
        for (int t = 2; t < n; t++)
        {
            double et = y[t] - (beta * x[t]) - alpha;
            residuals[t] = et;
            double lvl = e1, dlag = e1 - e0, d = et - e1;
            a11 += lvl * lvl;
            a12 += lvl * dlag;
            a22 += dlag * dlag;
            b1 += lvl * d;
            b2 += dlag * d;
            sdd += d * d;
            sl += e1;
            sd += et - e1;
            e0 = e1;
            e1 = et;
        }

        var e = residuals[..n];
        double det = (a11 * a22) - (a12 * a12);
        double gamma = ((a22 * b1) - (a12 * b2)) / det;
        double phi = ((a11 * b2) - (a12 * b1)) / det;
        int nobs = n - 2;
        if (!double.IsNaN(maxPValue) && CertainlyAbove(sdd, gamma, phi, b1, b2, a22, det, nobs, maxPValue))
        {
            return null;
        }

        int m = n - 1;
        double ml = sl / m, md = sd / m;

        // Second pass: the ADF residual sum of squares (t = 2..n−1) and the OU centred sums (t = 1..n−1).
        double ssr = 0, sll = 0, sld = 0;
        {
            double dl1 = e[0] - ml;
            sll += dl1 * dl1;
            sld += dl1 * (e[1] - e[0] - md);
        }

        for (int t = 2; t < n; t++)
        {
            double lvl = e[t - 1], dlag = e[t - 1] - e[t - 2], d = e[t] - e[t - 1];
            double u = d - (gamma * lvl) - (phi * dlag);
            ssr += u * u;
            double dl = e[t - 1] - ml;
            sll += dl * dl;
            sld += dl * (e[t] - e[t - 1] - md);
        }

        double s2 = ssr / (nobs - 2);
        double tau = gamma / Math.Sqrt(s2 * a22 / det);
        double p = MacKinnon.PValue(tau, TrendTerms.Constant, 2);

        double b = sld / sll;
        double half = b < 0 && b > -1 ? -Math.Log(2) / Math.Log(1 + b) : (b <= -1 ? 0 : double.PositiveInfinity);
        return new PairScreenResult(beta, alpha, tau, p, half);
    }

    // True when the ADF p-value is above maxPValue even with τ moved 1e-6·|τ| towards significance. The closed-form SSR
    // differs from the second pass's only by rounding (relative ~n·ε·Σd²/SSR); pairs where that ratio is large, or the
    // sums degenerate, are never dropped here.
    private static bool CertainlyAbove(double sdd, double gamma, double phi, double b1, double b2, double a22, double det, int nobs,
        double maxPValue)
    {
        double ssr = sdd - (gamma * b1) - (phi * b2);
        if (!(ssr > 0) || !(sdd < 1e6 * ssr) || !(det > 0) || !double.IsFinite(gamma))
        {
            return false;
        }

        double tau = gamma / Math.Sqrt(ssr / (nobs - 2) * a22 / det);
        if (!double.IsFinite(tau))
        {
            return false;
        }

        double optimistic = tau - (1e-6 * Math.Abs(tau)) - 1e-9;
        return MacKinnon.PValue(optimistic, TrendTerms.Constant, 2) > maxPValue * (1 + 1e-9);
    }
}
