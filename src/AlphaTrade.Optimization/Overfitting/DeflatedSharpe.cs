namespace AlphaTrade.Optimization.Overfitting;

/// <summary>
/// The probabilistic and deflated Sharpe ratios (Bailey &amp; López de Prado, "The Sharpe Ratio Efficient Frontier",
/// 2012, and "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and Non-Normality",
/// 2014).
/// <para>
/// Units: every Sharpe ratio here is PER PERIOD (mean/std of the per-period returns, not annualised), and T is the
/// number of periods. An annualised ratio SR_a with P periods a year is SR_a/√P per period; variances scale by 1/P.
/// Kurtosis is the plain fourth standardised moment γ4 (3 for a normal distribution), not the excess.
/// </para>
/// </summary>
public static class DeflatedSharpe
{
    /// <summary>The Euler–Mascheroni constant γ.</summary>
    public const double EulerMascheroni = 0.57721566490153286060651209008240243;

    /// <summary>
    /// Expected maximum of <paramref name="trials"/> independent Sharpe ratio estimates whose true value is 0 and
    /// whose variance across trials is <paramref name="sharpeVariance"/>:
    /// E[max] ≈ √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))). This is the benchmark SR* of the deflated Sharpe
    /// ratio, in the units of √V. One trial gives 0 (no selection).
    /// </summary>
    public static double ExpectedMaxSharpe(int trials, double sharpeVariance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sharpeVariance);
        if (trials == 1)
        {
            return 0;
        }

        double n = trials;
        double z1 = StandardNormal.UpperInverseCdf(1 / n);
        double z2 = StandardNormal.UpperInverseCdf(1 / (n * Math.E));
        return Math.Sqrt(sharpeVariance) * (((1 - EulerMascheroni) * z1) + (EulerMascheroni * z2));
    }

    /// <summary>
    /// Probabilistic Sharpe ratio: the probability that the true per-period Sharpe ratio exceeds
    /// <paramref name="benchmark"/> given the estimate <paramref name="sharpe"/> from T observations with the given
    /// skewness γ3 and (non-excess) kurtosis γ4:
    /// PSR = Φ((SR − SR*)·√(T − 1) / √(1 − γ3·SR + ((γ4 − 1)/4)·SR²)). NaN when the variance term is not positive.
    /// </summary>
    public static double Probabilistic(double sharpe, double benchmark, long observations, double skewness, double kurtosis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 2);
        double denominator = 1 - (skewness * sharpe) + ((kurtosis - 1) / 4 * sharpe * sharpe);
        if (!(denominator > 0))
        {
            return double.NaN;
        }

        return StandardNormal.Cdf((sharpe - benchmark) * Math.Sqrt(observations - 1) / Math.Sqrt(denominator));
    }

    /// <summary>
    /// Minimum track record length: the T at which the PSR against <paramref name="benchmark"/> reaches
    /// <paramref name="confidence"/>, 1 + (1 − γ3·SR + ((γ4 − 1)/4)·SR²)·(Φ⁻¹(confidence)/(SR − SR*))²; +∞ when
    /// SR ≤ SR*.
    /// </summary>
    public static double MinimumTrackRecordLength(double sharpe, double benchmark, double skewness, double kurtosis, double confidence = 0.95)
    {
        if (!(sharpe > benchmark))
        {
            return double.PositiveInfinity;
        }

        double z = StandardNormal.InverseCdf(confidence);
        double v = 1 - (skewness * sharpe) + ((kurtosis - 1) / 4 * sharpe * sharpe);
        return 1 + (v * (z / (sharpe - benchmark)) * (z / (sharpe - benchmark)));
    }

    /// <summary>
    /// The deflated Sharpe ratio of a chosen strategy: its PSR against SR* = <see cref="ExpectedMaxSharpe"/> of all
    /// the trials it was selected from.
    /// </summary>
    /// <param name="returns">The chosen strategy's per-period returns (T ≥ 2).</param>
    /// <param name="trialSharpes">
    /// Per-period Sharpe ratios of every trial of the search, the chosen one included. Their sample variance
    /// (ddof = 1, non-finite values left out) is V.
    /// </param>
    /// <param name="periodsPerYear">Used only for the annualised figures of the result.</param>
    /// <param name="effectiveTrials">
    /// N, the number of independent trials; defaults to the number of trial Sharpe ratios. Correlated trials are
    /// fewer independent ones: pass an estimate (e.g. from clustering) when known.
    /// </param>
    public static DeflatedSharpeResult Evaluate(ReadOnlySpan<double> returns, IReadOnlyList<double> trialSharpes, double periodsPerYear = 1, int? effectiveTrials = null)
    {
        ArgumentNullException.ThrowIfNull(trialSharpes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        if (returns.Length < 2)
        {
            throw new ArgumentException("The deflated Sharpe ratio needs at least two returns.", nameof(returns));
        }

        int trials = effectiveTrials ?? trialSharpes.Count;
        if (trials < 1)
        {
            throw new ArgumentException("At least one trial is needed.", nameof(trialSharpes));
        }

        double variance = SampleVariance(trialSharpes);
        double sr = ReturnMetrics.Sharpe(returns, 1);
        double skew = ReturnMetrics.Skewness(returns);
        double kurt = ReturnMetrics.Kurtosis(returns);
        double benchmark = ExpectedMaxSharpe(trials, variance);
        double root = Math.Sqrt(periodsPerYear);
        return new DeflatedSharpeResult(
            sr,
            sr * root,
            returns.Length,
            skew,
            kurt,
            trials,
            variance,
            benchmark,
            benchmark * root,
            Probabilistic(sr, 0, returns.Length, skew, kurt),
            Probabilistic(sr, benchmark, returns.Length, skew, kurt));
    }

    /// <summary>Sample variance (ddof = 1) of the finite values; 0 with fewer than two.</summary>
    internal static double SampleVariance(IReadOnlyList<double> values)
    {
        int n = 0;
        double mean = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                n++;
                mean += v;
            }
        }

        if (n < 2)
        {
            return 0;
        }

        mean /= n;
        double ss = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }

        return ss / (n - 1);
    }
}

/// <summary>The deflated Sharpe ratio of a chosen strategy and the inputs behind it.</summary>
/// <param name="Sharpe">Per-period Sharpe ratio SR of the chosen strategy.</param>
/// <param name="AnnualisedSharpe">SR·√periodsPerYear.</param>
/// <param name="Observations">T, the number of returns.</param>
/// <param name="Skewness">γ3 of the returns.</param>
/// <param name="Kurtosis">γ4 of the returns (not excess).</param>
/// <param name="Trials">N, the number of (independent) trials.</param>
/// <param name="TrialSharpeVariance">V, the variance of the trials' per-period Sharpe ratios.</param>
/// <param name="ExpectedMaxSharpe">SR*, the expected maximum per-period Sharpe ratio of N null trials.</param>
/// <param name="AnnualisedExpectedMaxSharpe">SR*·√periodsPerYear.</param>
/// <param name="Psr">PSR(0): probability that the true Sharpe ratio is above zero.</param>
/// <param name="Dsr">DSR = PSR(SR*): probability that it is above the best a search of N null trials would find.</param>
public sealed record DeflatedSharpeResult(
    double Sharpe,
    double AnnualisedSharpe,
    int Observations,
    double Skewness,
    double Kurtosis,
    int Trials,
    double TrialSharpeVariance,
    double ExpectedMaxSharpe,
    double AnnualisedExpectedMaxSharpe,
    double Psr,
    double Dsr);
