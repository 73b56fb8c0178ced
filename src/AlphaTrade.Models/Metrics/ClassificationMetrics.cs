namespace AlphaTrade.Models.Metrics;

/// <summary>
/// Binary classification metrics of predicted probabilities against 0/1 labels, defined as scikit-learn defines them:
/// roc_auc_score (ties averaged), log_loss (probabilities clipped to [1e-15, 1 - 1e-15]), accuracy_score,
/// precision_score/recall_score per class at the threshold (0 when a class is never predicted / never present).
/// </summary>
public sealed record ClassificationMetrics
{
    /// <summary>Area under the ROC curve (NaN when only one class is present).</summary>
    public required double Auc { get; init; }

    /// <summary>Mean binary cross-entropy.</summary>
    public required double LogLoss { get; init; }

    /// <summary>Share of rows whose thresholded prediction equals the label.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Precision of class 0 (down) and class 1 (up).</summary>
    public required double[] Precision { get; init; }

    /// <summary>Recall of class 0 (down) and class 1 (up).</summary>
    public required double[] Recall { get; init; }

    /// <summary>Number of rows.</summary>
    public required int Count { get; init; }

    /// <summary>Computes the metrics; labels above 0.5 are class 1.</summary>
    public static ClassificationMetrics Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, double threshold = 0.5)
    {
        if (labels.Length != probabilities.Length || labels.Length == 0)
        {
            throw new ArgumentException($"need as many predictions as labels (got {probabilities.Length} and {labels.Length})", nameof(probabilities));
        }

        var n = labels.Length;
        const double Eps = 1e-15;
        double ll = 0;
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (var i = 0; i < n; i++)
        {
            var y = labels[i] > 0.5;
            var p = Math.Clamp(probabilities[i], Eps, 1 - Eps);
            ll -= y ? Math.Log(p) : Math.Log(1 - p);
            var pred = probabilities[i] >= threshold;
            if (pred && y)
            {
                tp++;
            }
            else if (pred)
            {
                fp++;
            }
            else if (y)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        return new ClassificationMetrics
        {
            Auc = RocAuc(labels, probabilities),
            LogLoss = ll / n,
            Accuracy = (double)(tp + tn) / n,
            Precision = [Ratio(tn, tn + fn), Ratio(tp, tp + fp)],
            Recall = [Ratio(tn, tn + fp), Ratio(tp, tp + fn)],
            Count = n,
        };
    }

    /// <summary>ROC AUC by the Mann-Whitney statistic with average ranks for ties.</summary>
    public static double RocAuc(ReadOnlySpan<double> labels, ReadOnlySpan<double> scores)
    {
        var ranks = Ranking.AverageRanks(scores);
        double sumPos = 0;
        long pos = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] > 0.5)
            {
                sumPos += ranks[i];
                pos++;
            }
        }

        long neg = labels.Length - pos;
        if (pos == 0 || neg == 0)
        {
            return double.NaN;
        }

        return (sumPos - (pos * (pos + 1) / 2.0)) / ((double)pos * neg);
    }
}
