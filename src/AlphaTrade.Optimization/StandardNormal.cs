namespace AlphaTrade.Optimization;

/// <summary>
/// The standard normal distribution: density, cumulative distribution Φ and its inverse Φ⁻¹, accurate to a few
/// units in the last place over the range that matters here (checked against scipy's <c>ndtr</c> and <c>ndtri</c>).
/// <list type="bullet">
/// <item>erfc(z) comes from the Maclaurin series of erf for |z| &lt; 0.5 and from the Laplace continued fraction
/// erfc z = e^{−z²}/√π · 1/(z + ½/(z + 1/(z + 3/2/(z + …)))) evaluated backwards from a fixed depth for z ≥ 0.5.</item>
/// <item>Φ(x) = ½·erfc(−x/√2) for |x| &lt; 0.7; in the tails Φ(−a) = φ(a)·1/(a + 1/(a + 2/(a + …))), the same
/// continued fraction in a itself, with e^{−a²/2} split so that no rounding is amplified (relative error of a few
/// ulps down to the subnormal range).</item>
/// <item>Φ⁻¹(p) starts from P. J. Acklam's rational approximation (relative error below 1.15·10⁻⁹) and takes one
/// Halley step on Φ(x) − p, which brings it to full double precision.</item>
/// </list>
/// </summary>
public static class StandardNormal
{
    private const double InvSqrtPi = 0.56418958354775628694807945156077; // 1/√π
    private const double InvSqrt2 = 0.70710678118654752440084436210485;
    private const double InvSqrt2Pi = 0.39894228040143267793994605993438; // 1/√(2π)
    private const double Sqrt2Pi = 2.5066282746310005024157652848110;

    // Acklam's coefficients: central region (a, b), tails (c, d).
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>Density φ(x) = e^{−x²/2}/√(2π).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>Cumulative distribution Φ(x) = P(Z ≤ x).</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (Math.Abs(x) < 0.7)
        {
            return 0.5 * Erfc(-x * InvSqrt2);
        }

        // Tails: Φ(−a) = φ(a)/(a + 1/(a + 2/(a + 3/(a + …)))) for a > 0, in a itself so that the rounding of a/√2
        // is not amplified by e^{−a²/2}.
        double a = Math.Abs(x);
        double tail = a > 38.5 ? 0 : ExpMinusHalfSquare(a) * InvSqrt2Pi / ContinuedFraction(a, 1.0);
        return x < 0 ? tail : 1 - tail;
    }

    /// <summary>
    /// Inverse cumulative distribution Φ⁻¹(p): −∞ at 0, +∞ at 1, NaN outside [0, 1]. For p close to 1 prefer
    /// <see cref="UpperInverseCdf"/> with q = 1 − p computed exactly, as 1 − p loses digits.
    /// </summary>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // The lower half directly; the upper half by symmetry from q = 1 − p (exact for p ≥ 0.5 by Sterbenz).
        return p <= 0.5 ? LowerInverse(p) : -LowerInverse(1 - p);
    }

    /// <summary>Φ⁻¹(1 − q) = −Φ⁻¹(q), accurate for small upper-tail probabilities q.</summary>
    public static double UpperInverseCdf(double q) => -InverseCdf(q);

    /// <summary>Complementary error function erfc(z) = 1 − erf(z).</summary>
    public static double Erfc(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (z < 0)
        {
            return 2 - Erfc(-z);
        }

        if (z < 0.5)
        {
            return 1 - ErfSeries(z);
        }

        if (z > 27.3)
        {
            return 0; // below the smallest subnormal
        }

        return ExpMinusHalfSquare(z * Math.Sqrt(2)) * InvSqrtPi / ContinuedFraction(z, 0.5);
    }

    private static double LowerInverse(double p)
    {
        // p in (0, 0.5]: Acklam's starting point, then one Halley step.
        double x;
        const double pLow = 0.02425;
        if (p < pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q) + C[5];
            x /= (((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1;
        }
        else
        {
            double q = p - 0.5;
            double r = q * q;
            x = ((((((((((A[0] * r) + A[1]) * r) + A[2]) * r) + A[3]) * r) + A[4]) * r) + A[5]) * q;
            x /= ((((((((((B[0] * r) + B[1]) * r) + B[2]) * r) + B[3]) * r) + B[4]) * r) + 1);
        }

        // Halley: e = Φ(x) − p, u = e/φ(x), x ← x − u/(1 + x·u/2). Φ(x) for x ≤ 0 comes from erfc, accurate
        // relative to p even deep in the tail.
        double e = Cdf(x) - p;
        double u = e * Sqrt2Pi * Math.Exp(0.5 * x * x);
        return double.IsFinite(u) ? x - (u / (1 + (0.5 * x * u))) : x;
    }

    /// <summary>erf(z) for |z| &lt; 0.5 from its Maclaurin series 2/√π Σ (−1)ⁿ z^{2n+1}/(n!(2n+1)).</summary>
    private static double ErfSeries(double z)
    {
        double z2 = z * z;
        double power = z; // (−1)ⁿ z^{2n+1}/n!
        double sum = z;
        for (int n = 1; n < 60; n++)
        {
            power *= -z2 / n;
            double term = power / ((2 * n) + 1);
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return 2 * InvSqrtPi * sum;
    }

    /// <summary>
    /// z + s/(z + 2s/(z + 3s/(z + …))) evaluated backwards from a fixed depth 40 + 1000·s/z²: each step contracts
    /// the error of the steps before it, so the result is within an ulp or two. The depth reaches double precision
    /// for the arguments used here (erfc: z ≥ 0.5 with s = ½; Φ tails: a ≥ 0.7 with s = 1), about two thousand
    /// steps at the lower end.
    /// </summary>
    private static double ContinuedFraction(double z, double s)
    {
        int depth = 40 + (int)(1000 * s / (z * z));
        double t = 0;
        for (int k = depth; k >= 1; k--)
        {
            t = k * s / (z + t);
        }

        return z + t;
    }

    /// <summary>e^{−a²/2} with a split into a short head (whose square is exact) and a tail.</summary>
    private static double ExpMinusHalfSquare(double a)
    {
        double head = Math.Floor(a * 65536) / 65536;
        double tail = a - head;
        return Math.Exp(-0.5 * head * head) * Math.Exp(-0.5 * tail * (a + head));
    }
}
