namespace AlphaTrade.Optimization.Overfitting;

/// <summary>The outcome of CSCV: the probability of backtest overfitting and its diagnostics.</summary>
public sealed class PboResult
{
    private PboResult()
    {
    }

    /// <summary>PBO: the share of combinations whose logit λ ≤ 0.</summary>
    public double Pbo { get; private init; }

    /// <summary>N, the number of trials.</summary>
    public int Trials { get; private init; }

    /// <summary>T, the number of periods.</summary>
    public int Observations { get; private init; }

    /// <summary>S, the number of blocks.</summary>
    public int Blocks { get; private init; }

    /// <summary>C(S, S/2), the number of combinations.</summary>
    public int Combinations => Logits.Count;

    /// <summary>Periods per year used to annualise the Sharpe ratios below.</summary>
    public double PeriodsPerYear { get; private init; }

    /// <summary>λ per combination, in combination order.</summary>
    public IReadOnlyList<double> Logits { get; private init; } = [];

    /// <summary>In-sample Sharpe ratio of the chosen trial per combination (annualised with <see cref="PeriodsPerYear"/>).</summary>
    public IReadOnlyList<double> InSampleSharpe { get; private init; } = [];

    /// <summary>Out-of-sample Sharpe ratio of the chosen trial per combination (annualised).</summary>
    public IReadOnlyList<double> OutOfSampleSharpe { get; private init; } = [];

    /// <summary>The trial chosen in sample per combination.</summary>
    public IReadOnlyList<int> ChosenTrial { get; private init; } = [];

    /// <summary>Slope of the least-squares line of out-of-sample on in-sample Sharpe ratio (performance degradation; below 0 signals overfitting).</summary>
    public double DegradationSlope { get; private init; }

    /// <summary>Intercept of that line.</summary>
    public double DegradationIntercept { get; private init; }

    /// <summary>R² of that line.</summary>
    public double DegradationRSquared { get; private init; }

    /// <summary>Probability of loss: the share of combinations whose chosen trial has a negative out-of-sample Sharpe ratio.</summary>
    public double ProbabilityOfLoss { get; private init; }

    /// <summary>Mean of λ.</summary>
    public double LogitMean { get; private init; }

    /// <summary>Median of λ.</summary>
    public double LogitMedian { get; private init; }

    /// <summary>
    /// Counts of λ in <paramref name="bins"/> equal-width bins over [min λ, max λ] (the last bin closed), with the
    /// bin edges (bins + 1 values).
    /// </summary>
    public (double[] Edges, int[] Counts) LogitHistogram(int bins = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double lo = Logits.Min(), hi = Logits.Max();
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            edges[i] = lo + ((hi - lo) * i / bins);
        }

        var counts = new int[bins];
        foreach (double l in Logits)
        {
            int b = (int)((l - lo) / (hi - lo) * bins);
            counts[Math.Clamp(b, 0, bins - 1)]++;
        }

        return (edges, counts);
    }

    internal static PboResult From(int trials, int observations, int blocks, double periodsPerYear, double[] logits, double[] isSharpe, double[] oosSharpe, int[] chosen)
    {
        int c = logits.Length;
        int overfit = 0, loss = 0;
        double sum = 0;
        foreach (double l in logits)
        {
            overfit += l <= 0 ? 1 : 0;
            sum += l;
        }

        foreach (double o in oosSharpe)
        {
            loss += o < 0 ? 1 : 0;
        }

        var sorted = (double[])logits.Clone();
        Array.Sort(sorted);
        double median = c % 2 == 1 ? sorted[c / 2] : 0.5 * (sorted[(c / 2) - 1] + sorted[c / 2]);

        // Least squares of OOS on IS over the combinations where both are defined.
        int m = 0;
        double mx = 0, my = 0;
        for (int k = 0; k < c; k++)
        {
            if (double.IsFinite(isSharpe[k]) && double.IsFinite(oosSharpe[k]))
            {
                m++;
                mx += isSharpe[k];
                my += oosSharpe[k];
            }
        }

        double slope = double.NaN, intercept = double.NaN, r2 = double.NaN;
        if (m >= 2)
        {
            mx /= m;
            my /= m;
            double sxx = 0, sxy = 0, syy = 0;
            for (int k = 0; k < c; k++)
            {
                if (double.IsFinite(isSharpe[k]) && double.IsFinite(oosSharpe[k]))
                {
                    double dx = isSharpe[k] - mx, dy = oosSharpe[k] - my;
                    sxx += dx * dx;
                    sxy += dx * dy;
                    syy += dy * dy;
                }
            }

            if (sxx > 0)
            {
                slope = sxy / sxx;
                intercept = my - (slope * mx);
                r2 = syy > 0 ? sxy * sxy / (sxx * syy) : double.NaN;
            }
        }

        return new PboResult
        {
            Pbo = (double)overfit / c,
            Trials = trials,
            Observations = observations,
            Blocks = blocks,
            PeriodsPerYear = periodsPerYear,
            Logits = logits,
            InSampleSharpe = isSharpe,
            OutOfSampleSharpe = oosSharpe,
            ChosenTrial = chosen,
            DegradationSlope = slope,
            DegradationIntercept = intercept,
            DegradationRSquared = r2,
            ProbabilityOfLoss = (double)loss / c,
            LogitMean = sum / c,
            LogitMedian = median,
        };
    }
}
