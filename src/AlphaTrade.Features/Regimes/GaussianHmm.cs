namespace AlphaTrade.Features.Regimes;

/// <summary>
/// A hidden Markov model with Gaussian emissions (diagonal covariance). All recursions run in log space
/// (log-sum-exp), so long series never underflow. Observations are rows of <see cref="Dimensions"/> values.
/// </summary>
public sealed class GaussianHmm
{
    private const double Log2Pi = 1.8378770664093453;

    /// <summary>Creates a model from its parameters (copied).</summary>
    /// <param name="initial">Initial state distribution π (K).</param>
    /// <param name="transition">Transition matrix, row i = P(next state | state i) (K×K, rows sum to 1).</param>
    /// <param name="means">Emission means, one row of D values per state.</param>
    /// <param name="variances">Emission variances (diagonal), one row of D positive values per state.</param>
    public GaussianHmm(double[] initial, double[,] transition, double[][] means, double[][] variances)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(variances);
        int k = initial.Length;
        if (k < 1 || transition.GetLength(0) != k || transition.GetLength(1) != k || means.Length != k || variances.Length != k)
        {
            throw new ArgumentException("Parameter shapes disagree on the number of states.");
        }

        int d = means[0].Length;
        if (d < 1 || means.Any(m => m.Length != d) || variances.Any(v => v.Length != d || v.Any(x => !(x > 0))))
        {
            throw new ArgumentException("Means and variances must be K rows of D values, variances positive.");
        }

        Initial = (double[])initial.Clone();
        Transition = (double[,])transition.Clone();
        Means = means.Select(m => (double[])m.Clone()).ToArray();
        Variances = variances.Select(v => (double[])v.Clone()).ToArray();
    }

    /// <summary>Number of hidden states K.</summary>
    public int States => Initial.Length;

    /// <summary>Observation dimension D.</summary>
    public int Dimensions => Means[0].Length;

    /// <summary>Initial distribution π.</summary>
    public double[] Initial { get; }

    /// <summary>Transition matrix A, A[i, j] = P(s_t+1 = j | s_t = i).</summary>
    public double[,] Transition { get; }

    /// <summary>Emission means per state.</summary>
    public double[][] Means { get; }

    /// <summary>Emission variances per state (diagonal).</summary>
    public double[][] Variances { get; }

    /// <summary>ln N(x; μ_k, diag σ²_k).</summary>
    public double LogEmission(int state, ReadOnlySpan<double> x)
    {
        var m = Means[state];
        var v = Variances[state];
        double s = 0;
        for (int d = 0; d < m.Length; d++)
        {
            double z = x[d] - m[d];
            s += Log2Pi + Math.Log(v[d]) + (z * z / v[d]);
        }

        return -0.5 * s;
    }

    /// <summary>Log-likelihood ln p(x_0..x_T−1) by the forward algorithm.</summary>
    public double LogLikelihood(IReadOnlyList<double[]> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            return 0;
        }

        var logAlpha = ForwardLog(observations);
        return LogSumExp(logAlpha[^1]);
    }

    /// <summary>Filtered probabilities p(s_t | x_0..x_t) for every t (rows sum to 1): only past and present observations.</summary>
    public double[][] Filter(IReadOnlyList<double[]> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var logAlpha = ForwardLog(observations);
        return logAlpha.Select(Normalize).ToArray();
    }

    /// <summary>Smoothed probabilities p(s_t | all observations) (forward-backward). Uses the future: analysis only, never a feature.</summary>
    public double[][] Smooth(IReadOnlyList<double[]> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var a = ForwardLog(observations);
        var b = BackwardLog(observations);
        return a.Select((row, t) => Normalize(row.Select((x, i) => x + b[t][i]).ToArray())).ToArray();
    }

    /// <summary>The most likely state path (Viterbi, log space); ties go to the lower state index.</summary>
    public int[] Viterbi(IReadOnlyList<double[]> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int n = observations.Count, k = States;
        if (n == 0)
        {
            return [];
        }

        var logA = LogTransition();
        var delta = new double[k];
        var next = new double[k];
        var back = new int[n, k];
        for (int i = 0; i < k; i++)
        {
            delta[i] = SafeLog(Initial[i]) + LogEmission(i, observations[0]);
        }

        for (int t = 1; t < n; t++)
        {
            for (int j = 0; j < k; j++)
            {
                double best = double.NegativeInfinity;
                int arg = 0;
                for (int i = 0; i < k; i++)
                {
                    double v = delta[i] + logA[i, j];
                    if (v > best)
                    {
                        best = v;
                        arg = i;
                    }
                }

                next[j] = best + LogEmission(j, observations[t]);
                back[t, j] = arg;
            }

            (delta, next) = (next, delta);
        }

        var path = new int[n];
        int last = 0;
        for (int i = 1; i < k; i++)
        {
            if (delta[i] > delta[last])
            {
                last = i;
            }
        }

        path[n - 1] = last;
        for (int t = n - 1; t > 0; t--)
        {
            path[t - 1] = back[t, path[t]];
        }

        return path;
    }

    /// <summary>One forward step: from the filtered distribution at t−1 (null: start) and x_t, the filtered distribution at t.</summary>
    public double[] FilterStep(double[]? previous, ReadOnlySpan<double> x)
    {
        int k = States;
        var log = new double[k];
        for (int j = 0; j < k; j++)
        {
            double prior;
            if (previous is null)
            {
                prior = Initial[j];
            }
            else
            {
                prior = 0;
                for (int i = 0; i < k; i++)
                {
                    prior += previous[i] * Transition[i, j];
                }
            }

            log[j] = SafeLog(prior) + LogEmission(j, x);
        }

        return Normalize(log);
    }

    /// <summary>ln b_j(x_t) for every t and j, row-major (t·K + j).</summary>
    internal double[] LogEmissions(IReadOnlyList<double[]> obs)
    {
        int n = obs.Count, k = States;
        var logB = new double[n * k];
        for (int t = 0; t < n; t++)
        {
            for (int j = 0; j < k; j++)
            {
                logB[(t * k) + j] = LogEmission(j, obs[t]);
            }
        }

        return logB;
    }

    internal double[][] ForwardLog(IReadOnlyList<double[]> obs)
    {
        int n = obs.Count, k = States;
        var a = ForwardLogFlat(LogEmissions(obs), n);
        return Enumerable.Range(0, n).Select(t => a.AsSpan(t * k, k).ToArray()).ToArray();
    }

    internal double[][] BackwardLog(IReadOnlyList<double[]> obs)
    {
        int n = obs.Count, k = States;
        var b = BackwardLogFlat(LogEmissions(obs), n);
        return Enumerable.Range(0, n).Select(t => b.AsSpan(t * k, k).ToArray()).ToArray();
    }

    /// <summary>ln α_t(j), row-major, from precomputed log emissions.</summary>
    internal double[] ForwardLogFlat(double[] logB, int n)
    {
        int k = States;
        var logA = LogTransition();
        var a = new double[n * k];
        Span<double> tmp = stackalloc double[k];
        for (int i = 0; i < k; i++)
        {
            a[i] = SafeLog(Initial[i]) + logB[i];
        }

        for (int t = 1; t < n; t++)
        {
            int prev = (t - 1) * k, cur = t * k;
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < k; i++)
                {
                    tmp[i] = a[prev + i] + logA[i, j];
                }

                a[cur + j] = LogSumExp(tmp) + logB[cur + j];
            }
        }

        return a;
    }

    /// <summary>ln β_t(i), row-major, from precomputed log emissions.</summary>
    internal double[] BackwardLogFlat(double[] logB, int n)
    {
        int k = States;
        var logA = LogTransition();
        var b = new double[n * k];
        Span<double> tmp = stackalloc double[k];
        for (int t = n - 2; t >= 0; t--)
        {
            int cur = t * k, next = (t + 1) * k;
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    tmp[j] = logA[i, j] + logB[next + j] + b[next + j];
                }

                b[cur + i] = LogSumExp(tmp);
            }
        }

        return b;
    }

    internal double[,] LogTransition()
    {
        int k = States;
        var l = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                l[i, j] = SafeLog(Transition[i, j]);
            }
        }

        return l;
    }

    internal static double SafeLog(double p) => p > 0 ? Math.Log(p) : double.NegativeInfinity;

    internal static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x)
        {
            if (v > max)
            {
                max = v;
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double s = 0;
        foreach (double v in x)
        {
            s += Math.Exp(v - max);
        }

        return max + Math.Log(s);
    }

    private static double[] Normalize(double[] log)
    {
        double lse = LogSumExp(log);
        return log.Select(v => Math.Exp(v - lse)).ToArray();
    }
}
