using AlphaTrade.Models.Data;
using AlphaTrade.Models.Metrics;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Training;

/// <summary>Metrics of one fold: the windows (UTC ticks), row counts and named metric values.</summary>
public sealed record FoldResult(int Fold, long TrainStart, long TrainEnd, long TestStart, long TestEnd, int TrainRows, int TestRows, IReadOnlyDictionary<string, double> Metrics);

/// <summary>The out-of-sample evaluation of one model specification over all folds.</summary>
public sealed record EvaluationResult
{
    /// <summary>Per-fold results.</summary>
    public required IReadOnlyList<FoldResult> Folds { get; init; }

    /// <summary>Out-of-sample prediction of every row (NaN for rows no fold tested).</summary>
    public required double[] Predictions { get; init; }

    /// <summary>The objective: mean AUC over folds (classification) or mean rank IC (regression).</summary>
    public required double Score { get; init; }

    /// <summary>Mean of each metric over folds.</summary>
    public IReadOnlyDictionary<string, double> MeanMetrics => Folds.SelectMany(f => f.Metrics).GroupBy(kv => kv.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(kv => kv.Value).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average(), StringComparer.Ordinal);
}

/// <summary>
/// Trains one model per fold on the fold's (purged) training rows and scores it on the test rows. Metrics per fold:
/// classification auc, log_loss, accuracy, precision_0/1, recall_0/1; regression rmse, mae, ic; both rank_ic (mean
/// per-period Spearman of prediction and forward return across symbols), rank_ic_ir, and long_short (mean per-period
/// forward return of the top third by prediction minus the bottom third, before costs: a quick sanity figure, not the
/// backtest).
/// </summary>
public static class WalkForwardEvaluator
{
    /// <summary>Evaluates <paramref name="spec"/> on every fold of <paramref name="splitter"/>.</summary>
    public static EvaluationResult Evaluate(Dataset data, ISplitter splitter, ModelSpec spec, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(spec);
        var predictions = new double[data.RowCount];
        Array.Fill(predictions, double.NaN);
        var results = new List<FoldResult>();
        foreach (var fold in splitter.Split(data))
        {
            cancel.ThrowIfCancellationRequested();
            var train = data.Subset(fold.Train);
            var test = data.Subset(fold.Test);
            using var model = ModelFactory.Create(spec);
            model.Fit(train);
            var p = model.Predict(test);
            for (var i = 0; i < fold.Test.Length; i++)
            {
                predictions[fold.Test[i]] = p[i];
            }

            results.Add(new FoldResult(fold.Index, train.Timestamps[0], train.Timestamps[^1], fold.TestStart, fold.TestEnd, train.RowCount, test.RowCount, Score(test, p, spec.Task)));
        }

        var key = spec.Task == ModelTask.Classification ? "auc" : "rank_ic";
        var score = results.Select(r => r.Metrics[key]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();
        return new EvaluationResult { Folds = results, Predictions = predictions, Score = score };
    }

    /// <summary>The metrics of predictions <paramref name="p"/> for the rows of <paramref name="test"/>.</summary>
    public static Dictionary<string, double> Score(Dataset test, double[] p, ModelTask task)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(p);
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        if (task == ModelTask.Classification)
        {
            var c = ClassificationMetrics.Compute(test.Labels, p);
            m["auc"] = c.Auc;
            m["log_loss"] = c.LogLoss;
            m["accuracy"] = c.Accuracy;
            m["precision_0"] = c.Precision[0];
            m["precision_1"] = c.Precision[1];
            m["recall_0"] = c.Recall[0];
            m["recall_1"] = c.Recall[1];
        }
        else
        {
            var r = RegressionMetrics.Compute(test.Labels, p);
            m["rmse"] = r.Rmse;
            m["mae"] = r.Mae;
            m["ic"] = r.Ic;
        }

        var outcome = test.ForwardReturns ?? test.Labels;
        var ic = InformationCoefficient.Compute(test.Timestamps, p, outcome);
        m["rank_ic"] = ic.Mean;
        m["rank_ic_ir"] = ic.InformationRatio;
        m["long_short"] = LongShort(test.Timestamps, p, outcome);
        return m;
    }

    private static double LongShort(long[] timestamps, double[] p, double[] outcome)
    {
        var total = 0.0;
        var periods = 0;
        var start = 0;
        while (start < timestamps.Length)
        {
            var end = start;
            while (end < timestamps.Length && timestamps[end] == timestamps[start])
            {
                end++;
            }

            var n = end - start;
            var k = n / 3;
            if (k > 0)
            {
                var idx = Enumerable.Range(start, n).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
                total += (idx.Skip(n - k).Average(i => outcome[i])) - idx.Take(k).Average(i => outcome[i]);
                periods++;
            }

            start = end;
        }

        return periods == 0 ? double.NaN : total / periods;
    }
}
