namespace AlphaTrade.Features.Regimes;

/// <summary>Baum–Welch fitting options.</summary>
/// <param name="States">Hidden states K.</param>
/// <param name="Restarts">Starting points tried; the fit with the highest log-likelihood wins. Restart 0 starts from quantile groups of the first dimension, the others from random observations.</param>
/// <param name="MaxIterations">EM iterations per restart at most.</param>
/// <param name="Tolerance">Stop when the log-likelihood improves by less than this.</param>
/// <param name="Seed">Seed of the random restarts.</param>
/// <param name="VarianceFloor">Smallest emission variance, as a share of the data's variance in each dimension.</param>
public sealed record HmmFitOptions(int States = 3, int Restarts = 5, int MaxIterations = 200, double Tolerance = 1e-6, ulong Seed = 7, double VarianceFloor = 1e-3);

/// <summary>The outcome of <see cref="BaumWelch.Fit(IReadOnlyList{double[]}, HmmFitOptions)"/>.</summary>
/// <param name="Model">The best model.</param>
/// <param name="LogLikelihood">Its log-likelihood on the data.</param>
/// <param name="Iterations">EM iterations of the winning restart.</param>
/// <param name="Converged">True when the winning restart met the tolerance.</param>
/// <param name="BestRestart">Index of the winning restart.</param>
/// <param name="RestartLogLikelihoods">Final log-likelihood of every restart.</param>
public sealed record HmmFitResult(GaussianHmm Model, double LogLikelihood, int Iterations, bool Converged, int BestRestart, IReadOnlyList<double> RestartLogLikelihoods);

/// <summary>
/// Maximum-likelihood fitting of a <see cref="GaussianHmm"/> by expectation–maximisation (Baum 1970; Rabiner 1989,
/// §III.C), with the E-step in log space and several restarts. Deterministic for a seed.
/// </summary>
public static class BaumWelch
{
    /// <summary>Fits a model to <paramref name="observations"/> (rows of equal length).</summary>
    public static HmmFitResult Fit(IReadOnlyList<double[]> observations, HmmFitOptions options) => Fit(observations, options, null);

    /// <summary>
    /// Fits a model to <paramref name="observations"/>; when <paramref name="start"/> is given, restart 0 starts from it
    /// (a warm start, e.g. the previous fit of a walk-forward refit) instead of the quantile groups.
    /// </summary>
    public static HmmFitResult Fit(IReadOnlyList<double[]> observations, HmmFitOptions options, GaussianHmm? start)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(options);
        int n = observations.Count;
        if (options.States < 1 || n < options.States * 2)
        {
            throw new ArgumentException($"Fitting {options.States} states needs at least {options.States * 2} observations, got {n}.", nameof(observations));
        }

        int d = observations[0].Length;
        var (mean, variance) = Moments(observations, d);
        var floor = variance.Select(v => Math.Max(v, 1e-300) * options.VarianceFloor).ToArray();
        var rng = new SplitMix(options.Seed);
        HmmFitResult? best = null;
        var lls = new List<double>();
        for (int r = 0; r < Math.Max(1, options.Restarts); r++)
        {
            var model = r == 0
                ? (start is not null && start.States == options.States && start.Dimensions == d ? start : QuantileStart(observations, options.States, variance, floor))
                : RandomStart(observations, options.States, variance, floor, rng);
            double ll = double.NegativeInfinity;
            bool converged = false;
            int it = 0;
            while (it < options.MaxIterations)
            {
                var (next, oldLl) = Step(model, observations, floor);
                it++;
                bool done = Math.Abs(oldLl - ll) < options.Tolerance;
                ll = oldLl;
                if (done)
                {
                    converged = true;
                    break;
                }

                model = next;
            }

            if (!converged)
            {
                ll = model.LogLikelihood(observations);
            }

            lls.Add(ll);
            if (best is null || ll > best.LogLikelihood)
            {
                best = new HmmFitResult(model, ll, it, converged, r, lls);
            }
        }

        return best! with { RestartLogLikelihoods = lls };
    }

    /// <summary>
    /// One EM iteration: returns the re-estimated model and the log-likelihood of <paramref name="model"/> (computed
    /// in its E-step). Variances are kept at or above <paramref name="varianceFloor"/>.
    /// </summary>
    public static (GaussianHmm Model, double LogLikelihood) Step(GaussianHmm model, IReadOnlyList<double[]> observations, double[] varianceFloor)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(varianceFloor);
        int n = observations.Count, k = model.States, d = model.Dimensions;
        var logA = model.LogTransition();
        var logB = model.LogEmissions(observations);
        var a = model.ForwardLogFlat(logB, n);
        var b = model.BackwardLogFlat(logB, n);
        double ll = GaussianHmm.LogSumExp(a.AsSpan((n - 1) * k, k));
        var gammaSum = new double[k];
        var gammaSumButLast = new double[k];
        var xiSum = new double[k, k];
        var meanNum = new double[k][];
        var varNum = new double[k][];
        var initial = new double[k];
        for (int j = 0; j < k; j++)
        {
            meanNum[j] = new double[d];
            varNum[j] = new double[d];
        }

        var gamma = new double[n * k];
        for (int t = 0; t < n; t++)
        {
            int row = t * k;
            var o = observations[t];
            for (int i = 0; i < k; i++)
            {
                double g = Math.Exp(a[row + i] + b[row + i] - ll);
                gamma[row + i] = g;
                gammaSum[i] += g;
                if (t < n - 1)
                {
                    gammaSumButLast[i] += g;
                }

                for (int x = 0; x < d; x++)
                {
                    meanNum[i][x] += g * o[x];
                }
            }

            if (t < n - 1)
            {
                int next = row + k;
                for (int i = 0; i < k; i++)
                {
                    for (int j = 0; j < k; j++)
                    {
                        xiSum[i, j] += Math.Exp(a[row + i] + logA[i, j] + logB[next + j] + b[next + j] - ll);
                    }
                }
            }
        }

        for (int i = 0; i < k; i++)
        {
            initial[i] = gamma[i];
        }

        var means = new double[k][];
        var variances = new double[k][];
        for (int j = 0; j < k; j++)
        {
            means[j] = new double[d];
            for (int x = 0; x < d; x++)
            {
                means[j][x] = gammaSum[j] > 0 ? meanNum[j][x] / gammaSum[j] : model.Means[j][x];
            }
        }

        for (int t = 0; t < n; t++)
        {
            for (int j = 0; j < k; j++)
            {
                for (int x = 0; x < d; x++)
                {
                    double z = observations[t][x] - means[j][x];
                    varNum[j][x] += gamma[(t * k) + j] * z * z;
                }
            }
        }

        for (int j = 0; j < k; j++)
        {
            variances[j] = new double[d];
            for (int x = 0; x < d; x++)
            {
                double v = gammaSum[j] > 0 ? varNum[j][x] / gammaSum[j] : model.Variances[j][x];
                variances[j][x] = Math.Max(v, varianceFloor[x]);
            }
        }

        var trans = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                trans[i, j] = gammaSumButLast[i] > 0 ? xiSum[i, j] / gammaSumButLast[i] : model.Transition[i, j];
            }

            double row = 0;
            for (int j = 0; j < k; j++)
            {
                row += trans[i, j];
            }

            for (int j = 0; j < k; j++)
            {
                trans[i, j] /= row;
            }
        }

        return (new GaussianHmm(initial, trans, means, variances), ll);
    }

    private static (double[] Mean, double[] Variance) Moments(IReadOnlyList<double[]> obs, int d)
    {
        var mean = new double[d];
        var variance = new double[d];
        foreach (var o in obs)
        {
            for (int x = 0; x < d; x++)
            {
                mean[x] += o[x];
            }
        }

        for (int x = 0; x < d; x++)
        {
            mean[x] /= obs.Count;
        }

        foreach (var o in obs)
        {
            for (int x = 0; x < d; x++)
            {
                double z = o[x] - mean[x];
                variance[x] += z * z;
            }
        }

        for (int x = 0; x < d; x++)
        {
            variance[x] /= obs.Count;
        }

        return (mean, variance);
    }

    private static double[,] StickyTransition(int k, double stay)
    {
        var a = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                a[i, j] = k == 1 ? 1 : i == j ? stay : (1 - stay) / (k - 1);
            }
        }

        return a;
    }

    private static GaussianHmm QuantileStart(IReadOnlyList<double[]> obs, int k, double[] variance, double[] floor)
    {
        var sorted = obs.OrderBy(o => o[0]).ToArray();
        int d = variance.Length;
        var means = new double[k][];
        var vars = new double[k][];
        for (int j = 0; j < k; j++)
        {
            int from = j * sorted.Length / k, to = (j + 1) * sorted.Length / k;
            var group = sorted[from..to];
            means[j] = new double[d];
            vars[j] = new double[d];
            for (int x = 0; x < d; x++)
            {
                double m = group.Average(o => o[x]);
                means[j][x] = m;
                vars[j][x] = Math.Max(group.Average(o => (o[x] - m) * (o[x] - m)), Math.Max(floor[x], variance[x] * 0.05));
            }
        }

        return new GaussianHmm(Enumerable.Repeat(1.0 / k, k).ToArray(), StickyTransition(k, 0.9), means, vars);
    }

    private static GaussianHmm RandomStart(IReadOnlyList<double[]> obs, int k, double[] variance, double[] floor, SplitMix rng)
    {
        var idx = Enumerable.Range(0, obs.Count).ToArray();
        rng.Shuffle(idx.AsSpan());
        var means = idx.Take(k).Select(i => (double[])obs[i].Clone()).ToArray();
        var vars = Enumerable.Range(0, k).Select(_ => variance.Select((v, x) => Math.Max(v, floor[x])).ToArray()).ToArray();
        var a = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            double row = 0;
            for (int j = 0; j < k; j++)
            {
                a[i, j] = (i == j ? 8.0 : 0.0) + rng.NextDouble();
                row += a[i, j];
            }

            for (int j = 0; j < k; j++)
            {
                a[i, j] /= row;
            }
        }

        return new GaussianHmm(Enumerable.Repeat(1.0 / k, k).ToArray(), a, means, vars);
    }
}
