namespace AlphaTrade.Models.Metrics;

/// <summary>Ranks with ties averaged (scipy.stats.rankdata's "average"), 1-based.</summary>
internal static class Ranking
{
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var idx = new int[n];
        for (var i = 0; i < n; i++)
        {
            idx[i] = i;
        }

        var copy = values.ToArray();
        Array.Sort(copy, idx);
        var ranks = new double[n];
        var j = 0;
        while (j < n)
        {
            var k = j;
            while (k + 1 < n && copy[k + 1] == copy[j])
            {
                k++;
            }

            var avg = ((j + 1) + (k + 1)) / 2.0;
            for (var m = j; m <= k; m++)
            {
                ranks[idx[m]] = avg;
            }

            j = k + 1;
        }

        return ranks;
    }

    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(AverageRanks(x), AverageRanks(y));
}
