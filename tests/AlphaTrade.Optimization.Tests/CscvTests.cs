using System.Text.Json;
using AlphaTrade.Optimization.Overfitting;

namespace AlphaTrade.Optimization.Tests;

public class CscvTests
{
    private static double[][] Noise(int trials, int length, int seed, double sd = 0.01)
    {
        var rng = new Random(seed);
        var m = new double[trials][];
        for (int j = 0; j < trials; j++)
        {
            m[j] = new double[length];
            for (int i = 0; i < length; i++)
            {
                m[j][i] = sd * TestTrials.Gaussian(rng);
            }
        }

        return m;
    }

    private static void AssertCombination(JsonElement expected, PboResult r, int k)
    {
        Assert.Equal(expected.GetProperty("chosen").GetInt32(), r.ChosenTrial[k]);
        Reference.Close(expected.Number("logit"), r.Logits[k], rel: 1e-12, abs: 1e-12);
        Reference.Close(expected.Number("is"), r.InSampleSharpe[k], rel: 1e-9);
        Reference.Close(expected.Number("oos"), r.OutOfSampleSharpe[k], rel: 1e-9);
    }

    [Fact]
    public void Estimate_UnevenBlocks_MatchesPythonPerCombination()
    {
        var e = Reference.Root.GetProperty("cscv_small");
        var r = Cscv.Estimate(e.GetProperty("columns").Columns(), e.GetProperty("blocks").GetInt32(), e.Number("periods_per_year"));
        var combos = e.GetProperty("combinations");
        Assert.Equal(combos.GetArrayLength(), r.Combinations);
        Assert.Equal(70, r.Combinations);
        for (int k = 0; k < r.Combinations; k++)
        {
            AssertCombination(combos[k], r, k);
        }

        Reference.Close(e.Number("pbo"), r.Pbo, rel: 1e-15);
        Reference.Close(e.Number("probability_of_loss"), r.ProbabilityOfLoss, rel: 1e-15);
        Reference.Close(e.Number("slope"), r.DegradationSlope, rel: 1e-8);
        Reference.Close(e.Number("intercept"), r.DegradationIntercept, rel: 1e-8, abs: 1e-10);
        Reference.Close(e.Number("r_squared"), r.DegradationRSquared, rel: 1e-8);
        Reference.Close(e.Number("logit_mean"), r.LogitMean, rel: 1e-12);
        Reference.Close(e.Number("logit_median"), r.LogitMedian, rel: 1e-12);
        Assert.Equal(12, r.Trials);
        Assert.Equal(203, r.Observations);
    }

    [Fact]
    public void Estimate_SixteenBlocks_MatchesPython()
    {
        var e = Reference.Root.GetProperty("cscv_medium");
        var r = Cscv.Estimate(e.GetProperty("columns").Columns(), 16);
        Assert.Equal(12_870, r.Combinations);
        Assert.Equal(e.GetProperty("count").GetInt32(), r.Combinations);
        var first = e.GetProperty("first");
        var last = e.GetProperty("last");
        for (int k = 0; k < first.GetArrayLength(); k++)
        {
            AssertCombination(first[k], r, k);
            AssertCombination(last[k], r, r.Combinations - last.GetArrayLength() + k);
        }

        Reference.Close(e.Number("pbo"), r.Pbo, rel: 1e-15);
        Reference.Close(e.Number("probability_of_loss"), r.ProbabilityOfLoss, rel: 1e-15);
        Reference.Close(e.Number("slope"), r.DegradationSlope, rel: 1e-8);
        Reference.Close(e.Number("logit_mean"), r.LogitMean, rel: 1e-11);
    }

    [Fact]
    public void Estimate_IdenticalNoiseTrials_PboNearHalf()
    {
        // No trial has an edge: the in-sample winner is a random draw out of sample, so λ ≤ 0 half the time.
        var pbos = Enumerable.Range(0, 8).Select(seed => Cscv.Estimate(Noise(20, 1600, 100 + seed), 16).Pbo).ToArray();
        double mean = pbos.Average();
        Assert.InRange(mean, 0.4, 0.6);
        Assert.All(pbos, p => Assert.InRange(p, 0.1, 0.9));
    }

    [Fact]
    public void Estimate_PersistentEdge_PboNearZero()
    {
        var m = Noise(20, 1600, 7);
        for (int i = 0; i < 1600; i++)
        {
            m[5][i] += 0.003; // per-period Sharpe ≈ 0.3 on every block
        }

        var r = Cscv.Estimate(m, 16);
        Assert.True(r.Pbo < 0.01, $"PBO {r.Pbo}");
        Assert.All(r.ChosenTrial, c => Assert.Equal(5, c));
        Assert.Equal(0, r.ProbabilityOfLoss);
        Assert.True(r.LogitMedian > 2.5);
    }

    [Fact]
    public void Estimate_TrialsThatRevert_PboHighAndNegativeDegradation()
    {
        // Every trial has block-level swings that sum to zero over the sample: whatever wins in sample has, by
        // construction, given the gain back out of sample.
        const int trials = 20, length = 1600, blocks = 16;
        var rng = new Random(11);
        var m = Noise(trials, length, 12, sd: 0.002);
        for (int j = 0; j < trials; j++)
        {
            var effect = new double[blocks];
            for (int b = 0; b < blocks; b++)
            {
                effect[b] = 0.005 * TestTrials.Gaussian(rng);
            }

            for (int i = 0; i < length; i++)
            {
                m[j][i] += effect[i / (length / blocks)];
            }

            double mean = m[j].Average();
            for (int i = 0; i < length; i++)
            {
                m[j][i] -= mean;
            }
        }

        var r = Cscv.Estimate(m, blocks);
        Assert.True(r.Pbo > 0.9, $"PBO {r.Pbo}");
        Assert.True(r.DegradationSlope < 0, $"slope {r.DegradationSlope}");
        Assert.True(r.ProbabilityOfLoss > 0.9, $"loss {r.ProbabilityOfLoss}");
    }

    [Fact]
    public void Estimate_OneTrialBestInFirstHalfThenReverts_ItsSelectionsAreAllOverfit()
    {
        const int length = 1600;
        var m = Noise(20, length, 21);
        for (int i = 0; i < length; i++)
        {
            m[0][i] += i < length / 2 ? 0.004 : -0.004;
        }

        var r = Cscv.Estimate(m, 16);
        int chosenZero = 0;
        for (int k = 0; k < r.Combinations; k++)
        {
            if (r.ChosenTrial[k] == 0)
            {
                chosenZero++;
                Assert.True(r.Logits[k] < 0);
            }
        }

        Assert.True(chosenZero > r.Combinations / 5, $"trial 0 chosen in {chosenZero} of {r.Combinations}");
        Assert.True(r.Pbo > 0.6, $"PBO {r.Pbo}");
    }

    [Fact]
    public void Estimate_DegreeOfParallelism_DoesNotChangeTheResult()
    {
        var m = Noise(30, 800, 5);
        var one = Cscv.Estimate(m, 12, degreeOfParallelism: 1);
        var four = Cscv.Estimate(m, 12, degreeOfParallelism: 4);
        Assert.Equal(one.Logits, four.Logits);
        Assert.Equal(one.InSampleSharpe, four.InSampleSharpe);
        Assert.Equal(one.OutOfSampleSharpe, four.OutOfSampleSharpe);
        Assert.Equal(one.ChosenTrial, four.ChosenTrial);
        Assert.Equal(one.Pbo, four.Pbo);
        Assert.Equal(one.DegradationSlope, four.DegradationSlope);
    }

    [Fact]
    public void Estimate_TiedOutOfSample_UsesAverageRank()
    {
        // Two identical trials: whichever is chosen ties with its twin, rank (1 + 2)/2 = 1.5 of 2, ω = 0.5, λ = 0.
        var a = Noise(1, 64, 3)[0];
        var r = Cscv.Estimate([a, (double[])a.Clone()], 4);
        Assert.All(r.Logits, l => Assert.Equal(0.0, l));
        Assert.All(r.ChosenTrial, c => Assert.Equal(0, c));
        Assert.Equal(1.0, r.Pbo);
    }

    [Fact]
    public void Combinations_LexicographicLikeItertools()
    {
        Assert.Equal([0b0011, 0b0101, 0b1001, 0b0110, 0b1010, 0b1100], Cscv.Combinations(4, 2));
        var sixteen = Cscv.Combinations(16, 8);
        Assert.Equal(12_870, sixteen.Length);
        Assert.Equal(0x00FF, sixteen[0]);
        Assert.Equal(0xFF00, sixteen[^1]);
        Assert.Equal(sixteen.Length, sixteen.Distinct().Count());
    }

    [Fact]
    public void Estimate_BadInput_Throws()
    {
        var m = Noise(3, 100, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cscv.Estimate(m, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cscv.Estimate(m, 26));
        Assert.Throws<ArgumentException>(() => Cscv.Estimate(Noise(1, 100, 1), 4));
        Assert.Throws<ArgumentException>(() => Cscv.Estimate(Noise(3, 20, 1), 16));
        Assert.Throws<ArgumentException>(() => Cscv.Estimate([m[0], m[1][..90]], 4));
        m[2][50] = double.NaN;
        Assert.Contains("Trial 2", Assert.Throws<ArgumentException>(() => Cscv.Estimate(m, 4)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogitHistogram_CountsEveryCombination()
    {
        var r = Cscv.Estimate(Noise(10, 320, 9), 8);
        var (edges, counts) = r.LogitHistogram(10);
        Assert.Equal(11, edges.Length);
        Assert.Equal(r.Combinations, counts.Sum());
        Assert.Equal(r.Logits.Min(), edges[0]);
    }
}
