using AlphaTrade.Features.Regimes;

namespace AlphaTrade.Features.Tests;

/// <summary>The Gaussian HMM against statsmodels' Hamilton filter and a numpy implementation of Rabiner's algorithms.</summary>
public class HmmTests
{
    private static GaussianHmm Model(System.Text.Json.JsonElement e)
    {
        var a = e.GetProperty("transition").Matrix();
        var k = a.Length;
        var trans = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                trans[i, j] = a[i][j];
            }
        }

        var means = e.GetProperty("means");
        var vars = e.GetProperty("variances");
        bool univariate = means[0].ValueKind == System.Text.Json.JsonValueKind.Number;
        return new GaussianHmm(
            e.GetProperty("initial").Doubles(),
            trans,
            univariate ? means.Doubles().Select(m => new[] { m }).ToArray() : means.Matrix(),
            univariate ? vars.Doubles().Select(v => new[] { v }).ToArray() : vars.Matrix());
    }

    [Fact]
    public void ForwardFilter_MatchesStatsmodelsHamiltonFilter()
    {
        var e = Reference.Root.GetProperty("hmm_filter");
        var model = Model(e);
        var y = e.GetProperty("y").Doubles().Select(v => new[] { v }).ToArray();
        var expected = e.GetProperty("filtered").Matrix();
        var filtered = model.Filter(y);
        for (int t = 0; t < y.Length; t++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(expected[t][j], filtered[t][j], 1e-10);
            }
        }

        Assert.Equal(e.GetProperty("llf").GetDouble(), model.LogLikelihood(y), 1e-9);

        // The one-step form gives the same distributions.
        double[]? p = null;
        for (int t = 0; t < y.Length; t++)
        {
            p = model.FilterStep(p, y[t]);
            Assert.Equal(expected[t][0], p[0], 1e-10);
        }
    }

    [Fact]
    public void ViterbiSmootherAndLikelihood_MatchRabinersScaledAlgorithmsInNumpy()
    {
        var e = Reference.Root.GetProperty("hmm_em");
        var model = Model(e);
        var obs = e.GetProperty("obs").Matrix();
        Assert.Equal(e.GetProperty("viterbi").EnumerateArray().Select(x => x.GetInt32()).ToArray(), model.Viterbi(obs));
        Assert.Equal(e.GetProperty("loglik").GetDouble(), model.LogLikelihood(obs), 1e-9);
        var filtered = e.GetProperty("filtered").Matrix();
        var smoothed = e.GetProperty("smoothed").Matrix();
        var f = model.Filter(obs);
        var s = model.Smooth(obs);
        for (int t = 0; t < obs.Length; t++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(filtered[t][j], f[t][j], 1e-10);
                Assert.Equal(smoothed[t][j], s[t][j], 1e-10);
            }
        }
    }

    [Fact]
    public void OneBaumWelchStep_MatchesTheNumpyReestimation()
    {
        var e = Reference.Root.GetProperty("hmm_em");
        var model = Model(e);
        var obs = e.GetProperty("obs").Matrix();
        var (next, ll) = BaumWelch.Step(model, obs, [1e-12, 1e-12]);
        Assert.Equal(e.GetProperty("loglik").GetDouble(), ll, 1e-9);
        var step = e.GetProperty("step");
        var expected = Model(step);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected.Initial[i], next.Initial[i], 1e-10);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(expected.Transition[i, j], next.Transition[i, j], 1e-10);
            }

            for (int d = 0; d < 2; d++)
            {
                Assert.Equal(expected.Means[i][d], next.Means[i][d], 1e-10);
                Assert.Equal(expected.Variances[i][d], next.Variances[i][d], 1e-10);
            }
        }
    }

    [Fact]
    public void BaumWelch_NeverDecreasesTheLikelihood_AndRecoversThePlantedStates()
    {
        var e = Reference.Root.GetProperty("hmm_em");
        var obs = e.GetProperty("obs").Matrix();
        var truth = e.GetProperty("states").EnumerateArray().Select(x => x.GetInt32()).ToArray();

        // EM from a deliberately poor start: the log-likelihood climbs monotonically.
        var start = new GaussianHmm([1 / 3.0, 1 / 3.0, 1 / 3.0], new double[,] { { 0.8, 0.1, 0.1 }, { 0.1, 0.8, 0.1 }, { 0.1, 0.1, 0.8 } },
            [[0.1, 0.1], [-0.1, 0.2], [0.0, -0.1]], [[1, 1], [1, 1], [1, 1]]);
        double last = double.NegativeInfinity;
        var m = start;
        for (int it = 0; it < 60; it++)
        {
            (m, double ll) = BaumWelch.Step(m, obs, [1e-6, 1e-6]);
            Assert.True(ll >= last - 1e-9, $"iteration {it}: {ll} < {last}");
            last = ll;
        }

        var fit = BaumWelch.Fit(obs, new HmmFitOptions(States: 3, Restarts: 5, MaxIterations: 300, Tolerance: 1e-8, Seed: 3));
        Assert.Equal(5, fit.RestartLogLikelihoods.Count);
        Assert.Equal(fit.RestartLogLikelihoods.Max(), fit.LogLikelihood);
        Assert.True(fit.LogLikelihood >= Model(e).LogLikelihood(obs) - 1e-6, "the MLE is at least as likely as the true parameters");

        // Viterbi of the fit agrees with the simulated states up to a relabelling of states.
        var path = fit.Model.Viterbi(obs);
        int best = Permutations([0, 1, 2]).Max(p => path.Where((s, t) => p[s] == truth[t]).Count());
        Assert.True(best >= 0.85 * obs.Length, $"recovered {best} of {obs.Length} states");
    }

    [Fact]
    public void Fit_IsDeterministicForASeed()
    {
        var obs = Reference.Root.GetProperty("hmm_em").GetProperty("obs").Matrix();
        var a = BaumWelch.Fit(obs, new HmmFitOptions(Seed: 11));
        var b = BaumWelch.Fit(obs, new HmmFitOptions(Seed: 11));
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        Assert.Equal(a.Model.Means[0], b.Model.Means[0]);
    }

    [Fact]
    public void Labeler_CallsTheHighestRiskAdjustedMeanBullAndTheLowestBear()
    {
        var m = new GaussianHmm([0.3, 0.3, 0.4], new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
            [[0.0001, 0], [-0.002, 0], [0.001, 0]], [[1e-4, 1], [4e-4, 1], [0.6e-4, 1]]);
        Assert.Equal([MarketRegime.Sideways, MarketRegime.Bear, MarketRegime.Bull], RegimeLabeler.Label(m));
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany((x, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(p => new[] { x }.Concat(p).ToArray()));
}
