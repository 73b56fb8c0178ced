namespace AlphaTrade.Models.Tuning;

/// <summary>The function a study maximises: hyper-parameters and a budget share (0..1] to a score (higher is better).</summary>
public delegate double Objective(IReadOnlyDictionary<string, double> parameters, double budget, CancellationToken cancel);

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al. 2011), per-parameter independent as in Optuna's default: after
/// <c>startup</c> random trials, completed trials are split into the best <c>gamma</c> share and the rest, each side
/// becomes a Parzen mixture (Gaussians at the observations plus a uniform prior), and of 24 candidates drawn from the
/// good mixture the one with the highest good/bad density ratio is evaluated. Trials run in batches of
/// <see cref="Study.Parallelism"/>; a batch's proposals use only the trials of earlier batches, so a study's results do
/// not depend on thread timing or on where it was interrupted and resumed.
/// </summary>
public static class TpeOptimizer
{
    /// <summary>Runs the study until it has <paramref name="trials"/> trials; saves to <paramref name="path"/> after each.</summary>
    public static Study Optimize(Study study, SearchSpace space, Objective objective, int trials, string? path = null, int startup = 10, double gamma = 0.25, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        var p = Math.Max(1, study.Parallelism);
        for (var batchStart = 0; batchStart < trials; batchStart += p)
        {
            var numbers = Enumerable.Range(batchStart, Math.Min(p, trials - batchStart)).Where(n => !study.Trials.Any(t => t.Number == n)).ToArray();
            if (numbers.Length == 0)
            {
                continue;
            }

            var history = study.Trials.Where(t => t.Number < batchStart && t.Value is not null).ToArray();
            var proposals = numbers.Select(n => (n, Propose(space, history, new Random(SeedMix.Of(study.Seed, n, 0x7e5)), startup, gamma))).ToArray();
            Parallel.ForEach(proposals, new ParallelOptions { MaxDegreeOfParallelism = p, CancellationToken = cancel }, item =>
                study.Record(Evaluate(item.n, 0, 1, item.Item2, objective, cancel), path));
        }

        return study;
    }

    internal static Trial Evaluate(int number, int rung, double budget, Dictionary<string, double> parameters, Objective objective, CancellationToken cancel)
    {
        try
        {
            var v = objective(parameters, budget, cancel);
            return double.IsFinite(v)
                ? new Trial { Number = number, Rung = rung, Budget = budget, Parameters = parameters, Value = v }
                : new Trial { Number = number, Rung = rung, Budget = budget, Parameters = parameters, Error = "objective is not a finite number" };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Trial { Number = number, Rung = rung, Budget = budget, Parameters = parameters, Error = e.Message };
        }
    }

    internal static Dictionary<string, double> Propose(SearchSpace space, IReadOnlyList<Trial> history, Random rng, int startup, double gamma)
    {
        if (history.Count < startup)
        {
            return space.SampleUniform(rng);
        }

        var sorted = history.OrderByDescending(t => t.Value).ThenBy(t => t.Number).ToArray();
        var nGood = Math.Max(1, (int)Math.Ceiling(gamma * sorted.Length));
        var good = sorted.Take(nGood).ToArray();
        var bad = sorted.Skip(nGood).ToArray();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in space.Parameters)
        {
            var lo = d.InternalLow;
            var hi = d.InternalHigh;
            var g = good.Select(t => d.ToInternal(t.Parameters[d.Name])).ToArray();
            var b = bad.Select(t => d.ToInternal(t.Parameters[d.Name])).ToArray();
            var bestX = 0.0;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < 24; c++)
            {
                var x = SampleParzen(g, lo, hi, rng);
                var score = Math.Log(Density(g, lo, hi, x)) - Math.Log(Density(b, lo, hi, x));
                if (score > bestScore)
                {
                    bestScore = score;
                    bestX = x;
                }
            }

            result[d.Name] = d.FromInternal(bestX);
        }

        return result;
    }

    // Per-observation bandwidth: the larger gap to its neighbours (bounds included), clipped as Optuna clips it.
    private static double[] Bandwidths(double[] centres, double lo, double hi)
    {
        var n = centres.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => centres[i]).ToArray();
        var bw = new double[n];
        var min = (hi - lo) / Math.Min(100.0, 1.0 + n);
        for (var k = 0; k < n; k++)
        {
            var c = centres[order[k]];
            var left = k == 0 ? c - lo : c - centres[order[k - 1]];
            var right = k == n - 1 ? hi - c : centres[order[k + 1]] - c;
            bw[order[k]] = Math.Clamp(Math.Max(left, right), min, hi - lo);
        }

        return bw;
    }

    private static double SampleParzen(double[] centres, double lo, double hi, Random rng)
    {
        // Mixture of the prior (uniform) and one Gaussian per observation, equal weights.
        var k = rng.Next(centres.Length + 1);
        if (k == centres.Length)
        {
            return lo + (rng.NextDouble() * (hi - lo));
        }

        var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return Math.Clamp(centres[k] + (z * Bandwidths(centres, lo, hi)[k]), lo, hi);
    }

    private static double Density(double[] centres, double lo, double hi, double x)
    {
        var bws = Bandwidths(centres, lo, hi);
        var sum = 1 / (hi - lo);
        for (var i = 0; i < centres.Length; i++)
        {
            var u = (x - centres[i]) / bws[i];
            sum += Math.Exp(-0.5 * u * u) / (bws[i] * Math.Sqrt(2 * Math.PI));
        }

        return sum / (centres.Length + 1);
    }
}

/// <summary>A stable seed from (seed, trial, salt): the same in every process (unlike HashCode).</summary>
internal static class SeedMix
{
    public static int Of(int seed, int trial, int salt)
    {
        var z = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)trial * 0xBF58476D1CE4E5B9UL) ^ (ulong)(uint)salt);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}

/// <summary>
/// Successive halving (Jamieson and Talwalkar 2016): <c>configs</c> random points evaluated at the smallest budget,
/// the best 1/<c>eta</c> promoted to <c>eta</c> times the budget, until the full budget. Evaluations of one rung run in
/// parallel; a resumed study skips the (rung, trial) pairs it already has.
/// </summary>
public static class SuccessiveHalving
{
    /// <summary>Runs (or resumes) the study; saves to <paramref name="path"/> after each evaluation.</summary>
    public static Study Optimize(Study study, SearchSpace space, Objective objective, int configs, int eta = 3, string? path = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        if (eta < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(eta), "eta must be at least 2");
        }

        var rungs = Math.Max(1, (int)Math.Floor(Math.Log(configs) / Math.Log(eta)) + 1);
        var points = Enumerable.Range(0, configs).ToDictionary(n => n, n => space.SampleUniform(new Random(SeedMix.Of(study.Seed, n, 0x5a))));
        var alive = Enumerable.Range(0, configs).ToArray();
        for (var rung = 0; rung < rungs && alive.Length > 0; rung++)
        {
            var budget = Math.Pow(eta, rung - (rungs - 1));
            var todo = alive.Where(n => !study.Trials.Any(t => t.Number == n && t.Rung == rung)).ToArray();
            var r = rung;
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, study.Parallelism), CancellationToken = cancel }, n =>
                study.Record(TpeOptimizer.Evaluate(n, r, budget, points[n], objective, cancel), path));
            var keep = Math.Max(1, alive.Length / eta);
            alive = study.Trials.Where(t => t.Rung == rung && t.Value is not null && alive.Contains(t.Number))
                .OrderByDescending(t => t.Value).ThenBy(t => t.Number).Take(keep).Select(t => t.Number).ToArray();
        }

        return study;
    }
}
