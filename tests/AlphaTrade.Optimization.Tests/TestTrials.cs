using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization.Tests;

/// <summary>Deterministic synthetic trials for the sweep tests.</summary>
internal static class TestTrials
{
    /// <summary>Normal returns with a parameter-dependent drift, seeded by the configuration.</summary>
    public static double[] Returns(ParameterSet p, int length, double drift = 0)
    {
        int seed = 17;
        foreach (var v in p.Values)
        {
            seed = unchecked((seed * 31) + v.GetHashCode());
        }

        var rng = new Random(seed);
        var r = new double[length];
        for (int i = 0; i < length; i++)
        {
            r[i] = drift + (0.01 * Gaussian(rng));
        }

        return r;
    }

    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An evaluator that does a little CPU work, optionally throwing for one configuration.</summary>
    public static Func<ParameterSet, CancellationToken, TrialResult> Evaluator(int length, string? failWhen = null) => (p, ct) =>
    {
        if (failWhen is not null && p.ToString() == failWhen)
        {
            throw new InvalidOperationException("boom\non two lines");
        }

        double drift = 1e-4 * (p.GetDouble("fast") - (p.GetDouble("slow") / 10));
        return TrialResult.FromReturns(Returns(p, length, drift), Objective.Sharpe, 252);
    };
}
