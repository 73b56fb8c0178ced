namespace AlphaTrade.Models.Metrics;

/// <summary>Regression metrics of predicted against realised values.</summary>
public sealed record RegressionMetrics
{
    /// <summary>Root mean squared error.</summary>
    public required double Rmse { get; init; }

    /// <summary>Mean absolute error.</summary>
    public required double Mae { get; init; }

    /// <summary>Pearson correlation of prediction and outcome.</summary>
    public required double Ic { get; init; }

    /// <summary>Spearman rank correlation of prediction and outcome over all rows.</summary>
    public required double RankIc { get; init; }

    /// <summary>Number of rows.</summary>
    public required int Count { get; init; }

    /// <summary>Computes the metrics.</summary>
    public static RegressionMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length || actual.Length == 0)
        {
            throw new ArgumentException($"need as many predictions as outcomes (got {predicted.Length} and {actual.Length})", nameof(predicted));
        }

        double se = 0, ae = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = predicted[i] - actual[i];
            se += e * e;
            ae += Math.Abs(e);
        }

        return new RegressionMetrics
        {
            Rmse = Math.Sqrt(se / actual.Length),
            Mae = ae / actual.Length,
            Ic = Ranking.Pearson(predicted, actual),
            RankIc = Ranking.Spearman(predicted, actual),
            Count = actual.Length,
        };
    }
}
