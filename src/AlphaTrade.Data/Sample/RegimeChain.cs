namespace AlphaTrade.Data.Sample;

/// <summary>The daily Markov chain over bull, bear and sideways regimes, with the crash days forced to bear.</summary>
internal static class RegimeChain
{
    /// <summary>Simulates <paramref name="days"/> days; days in [crashStart, crashStart + crashLength) are bear.</summary>
    public static SampleRegime[] Simulate(int days, SampleModel model, SampleRandom rng, int crashStart, int crashLength)
    {
        var p = TransitionMatrix(model);
        var pi = Stationary(p);
        var path = new SampleRegime[days];
        var state = Draw(pi, rng.NextDouble());
        for (int d = 0; d < days; d++)
        {
            if (d > 0)
            {
                state = Draw(Row(p, (int)state), rng.NextDouble());
            }

            if (d >= crashStart && d < crashStart + crashLength)
            {
                state = SampleRegime.Bear;
            }

            path[d] = state;
        }

        return path;
    }

    /// <summary>Row-stochastic matrix: stay 1 − 1/duration; leave per the model's exit split.</summary>
    public static double[,] TransitionMatrix(SampleModel model)
    {
        var m = new double[3, 3];
        double leaveBull = 1.0 / model.Bull.ExpectedDurationDays;
        double leaveBear = 1.0 / model.Bear.ExpectedDurationDays;
        double leaveSide = 1.0 / model.Sideways.ExpectedDurationDays;
        const int bull = (int)SampleRegime.Bull, bear = (int)SampleRegime.Bear, side = (int)SampleRegime.Sideways;
        m[bull, bull] = 1 - leaveBull;
        m[bull, bear] = leaveBull * model.BullToBear;
        m[bull, side] = leaveBull * (1 - model.BullToBear);
        m[bear, bear] = 1 - leaveBear;
        m[bear, bull] = leaveBear * model.BearToBull;
        m[bear, side] = leaveBear * (1 - model.BearToBull);
        m[side, side] = 1 - leaveSide;
        m[side, bull] = leaveSide * model.SidewaysToBull;
        m[side, bear] = leaveSide * (1 - model.SidewaysToBull);
        return m;
    }

    /// <summary>Stationary distribution by power iteration.</summary>
    public static double[] Stationary(double[,] p)
    {
        var pi = new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
        var next = new double[3];
        for (int it = 0; it < 5000; it++)
        {
            for (int j = 0; j < 3; j++)
            {
                next[j] = (pi[0] * p[0, j]) + (pi[1] * p[1, j]) + (pi[2] * p[2, j]);
            }

            (pi, next) = (next, pi);
        }

        return pi;
    }

    private static double[] Row(double[,] p, int i) => [p[i, 0], p[i, 1], p[i, 2]];

    private static SampleRegime Draw(double[] probs, double u)
    {
        double c = 0;
        for (int j = 0; j < probs.Length - 1; j++)
        {
            c += probs[j];
            if (u < c)
            {
                return (SampleRegime)j;
            }
        }

        return (SampleRegime)(probs.Length - 1);
    }
}
