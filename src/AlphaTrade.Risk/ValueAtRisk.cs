using MathNet.Numerics.Distributions;

using AlphaTrade.Core.Randomness;

namespace AlphaTrade.Risk;

/// <summary>How a VaR is estimated.</summary>
public enum VarMethod
{
    /// <summary>Empirical quantile of the returns (linear interpolation, numpy's default).</summary>
    Historical,

    /// <summary>Normal distribution with the sample mean and standard deviation (n − 1).</summary>
    Gaussian,

    /// <summary>Normal quantile corrected for sample skewness and excess kurtosis (Cornish–Fisher expansion).</summary>
    CornishFisher,

    /// <summary>Quantile of seeded multivariate-normal scenarios drawn with correlated (Cholesky) shocks.</summary>
    MonteCarlo,
}

/// <summary>A VaR and its expected shortfall, as positive losses in return units (0.02 = 2% of value).</summary>
/// <param name="Method">How they were estimated.</param>
/// <param name="Confidence">Confidence level c (0.95, 0.99): the loss is exceeded with probability 1 − c.</param>
/// <param name="Var">Value at risk: −q₁₋c of the return distribution.</param>
/// <param name="CVar">Expected shortfall (CVaR): the mean loss in the worst 1 − c of outcomes.</param>
public readonly record struct RiskMeasure(VarMethod Method, double Confidence, double Var, double CVar);

/// <summary>Monte Carlo settings.</summary>
/// <param name="Paths">Number of scenarios.</param>
/// <param name="Seed">Generator seed: the same seed gives the same numbers.</param>
public sealed record MonteCarloSettings(int Paths = 100_000, ulong Seed = 42)
{
    /// <summary>The defaults: 100,000 scenarios, seed 42.</summary>
    public static MonteCarloSettings Default { get; } = new();
}

/// <summary>
/// VaR and expected shortfall of one return series. Losses are positive numbers in the series' own units and
/// horizon (one bar of the series); scale to a longer horizon with √h only for i.i.d. returns.
/// </summary>
public static class ValueAtRisk
{
    /// <summary>The confidence levels reported by default.</summary>
    public static IReadOnlyList<double> DefaultConfidences { get; } = [0.95, 0.99];

    /// <summary>Estimates with the chosen method.</summary>
    public static RiskMeasure Compute(ReadOnlySpan<double> returns, VarMethod method, double confidence, MonteCarloSettings? monteCarlo = null) => method switch
    {
        VarMethod.Historical => Historical(returns, confidence),
        VarMethod.Gaussian => Gaussian(returns, confidence),
        VarMethod.CornishFisher => CornishFisher(returns, confidence),
        VarMethod.MonteCarlo => MonteCarlo(returns, confidence, monteCarlo ?? MonteCarloSettings.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>
    /// Historical simulation: VaR = −q, q the (1 − c) quantile with linear interpolation between order statistics
    /// (position h = (n − 1)(1 − c)); CVaR = −mean of the returns at or below q.
    /// </summary>
    public static RiskMeasure Historical(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        CheckLength(returns, 2);
        var sorted = returns.ToArray();
        Array.Sort(sorted);
        double q = Quantile(sorted, 1.0 - confidence);
        double sum = 0;
        int count = 0;
        foreach (var r in sorted)
        {
            if (r > q)
            {
                break;
            }

            sum += r;
            count++;
        }

        return new RiskMeasure(VarMethod.Historical, confidence, -q, -(sum / count));
    }

    /// <summary>Gaussian VaR and CVaR from the sample mean and standard deviation (divisor n − 1).</summary>
    public static RiskMeasure Gaussian(ReadOnlySpan<double> returns, double confidence)
    {
        CheckLength(returns, 2);
        var (mean, std, _, _) = Moments(returns);
        return Gaussian(mean, std, confidence);
    }

    /// <summary>
    /// Gaussian VaR = −(μ + σ·z), z = Φ⁻¹(1 − c); CVaR = −μ + σ·φ(z)/(1 − c).
    /// </summary>
    public static RiskMeasure Gaussian(double mean, double std, double confidence)
    {
        CheckConfidence(confidence);
        ArgumentOutOfRangeException.ThrowIfNegative(std);
        double a = 1.0 - confidence;
        double z = Normal.InvCDF(0, 1, a);
        return new RiskMeasure(VarMethod.Gaussian, confidence, -(mean + (std * z)), -mean + (std * Normal.PDF(0, 1, z) / a));
    }

    /// <summary>
    /// Cornish–Fisher (modified) VaR: −(μ + σ·z_cf) with z_cf = z + (z²−1)S/6 + (z³−3z)K/24 − (2z³−5z)S²/36, S the
    /// sample skewness and K the excess kurtosis (population moments, scipy's defaults). CVaR is the expected
    /// shortfall of the same expansion: −(1/α)∫₀^α (μ + σ·z_cf(Φ⁻¹(p))) dp, in closed form from the normal tail
    /// moments ∫z^kφ(z)dz up to z_α.
    /// </summary>
    public static RiskMeasure CornishFisher(ReadOnlySpan<double> returns, double confidence)
    {
        CheckConfidence(confidence);
        CheckLength(returns, 3);
        var (mean, std, skew, kurt) = Moments(returns);
        return CornishFisher(mean, std, skew, kurt, confidence);
    }

    /// <summary>Cornish–Fisher VaR and CVaR from given moments (skewness S, excess kurtosis K).</summary>
    public static RiskMeasure CornishFisher(double mean, double std, double skewness, double excessKurtosis, double confidence)
    {
        CheckConfidence(confidence);
        double a = 1.0 - confidence;
        double z = Normal.InvCDF(0, 1, a);
        double s = skewness;
        double k = excessKurtosis;
        double zcf = z + ((z * z) - 1) * s / 6 + ((z * z * z) - (3 * z)) * k / 24 - ((2 * z * z * z) - (5 * z)) * s * s / 36;

        // z_cf = a0 + a1 z + a2 z² + a3 z³.
        double a0 = -s / 6;
        double a1 = 1 - (k / 8) + (5 * s * s / 36);
        double a2 = s / 6;
        double a3 = (k / 24) - (s * s / 18);
        double phi = Normal.PDF(0, 1, z);
        double m0 = a;
        double m1 = -phi;
        double m2 = a - (z * phi);
        double m3 = -((z * z) + 2) * phi;
        double tail = ((a0 * m0) + (a1 * m1) + (a2 * m2) + (a3 * m3)) / a;
        return new RiskMeasure(VarMethod.CornishFisher, confidence, -(mean + (std * zcf)), -(mean + (std * tail)));
    }

    /// <summary>
    /// Monte Carlo for one series: normal scenarios with the sample mean and standard deviation, then the
    /// historical estimator on them.
    /// </summary>
    public static RiskMeasure MonteCarlo(ReadOnlySpan<double> returns, double confidence, MonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckConfidence(confidence);
        CheckLength(returns, 2);
        CheckPaths(settings);
        var (mean, std, _, _) = Moments(returns);
        var rng = new Xoshiro256(settings.Seed);
        var sims = new double[settings.Paths];
        for (int i = 0; i < sims.Length; i++)
        {
            sims[i] = mean + (std * rng.NextGaussian());
        }

        return Historical(sims, confidence) with { Method = VarMethod.MonteCarlo };
    }

    /// <summary>The p-quantile of ascending <paramref name="sorted"/> values, linear interpolation at h = (n − 1)p.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double f = h - lo;
        return sorted[lo] + (f * (sorted[lo + 1] - sorted[lo]));
    }

    /// <summary>Mean, standard deviation (n − 1), skewness and excess kurtosis (population moments, biased).</summary>
    public static (double Mean, double Std, double Skewness, double ExcessKurtosis) Moments(ReadOnlySpan<double> x)
    {
        CheckLength(x, 2);
        int n = x.Length;
        double mean = Covariance.Mean(x);
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in x)
        {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        double std = Math.Sqrt(m2 * n / (n - 1));
        double skew = m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0.0;
        double kurt = m2 > 0 ? (m4 / (m2 * m2)) - 3.0 : 0.0;
        return (mean, std, skew, kurt);
    }

    internal static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0.5 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be in (0.5, 1), e.g. 0.95 or 0.99.");
        }
    }

    internal static void CheckPaths(MonteCarloSettings settings)
    {
        if (settings.Paths < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Paths, "Monte Carlo needs at least 100 paths.");
        }
    }

    private static void CheckLength(ReadOnlySpan<double> x, int min)
    {
        if (x.Length < min)
        {
            throw new ArgumentException($"At least {min} returns are needed; got {x.Length}.", nameof(x));
        }
    }
}
