using System.Text.Json;
using AlphaTrade.Models.Metrics;

namespace AlphaTrade.Models.Tests;

/// <summary>Metrics against scikit-learn and scipy values recorded in Fixtures/metrics_reference.json.</summary>
public class MetricsTests
{
    private static readonly JsonElement Ref = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "metrics_reference.json"))).RootElement;

    private static double[] Doubles(string name) => Ref.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void Classification_metrics_match_scikit_learn()
    {
        var m = ClassificationMetrics.Compute(Doubles("labels"), Doubles("probabilities"));
        Assert.Equal(Ref.GetProperty("auc").GetDouble(), m.Auc, 12);
        Assert.Equal(Ref.GetProperty("log_loss").GetDouble(), m.LogLoss, 12);
        Assert.Equal(Ref.GetProperty("accuracy").GetDouble(), m.Accuracy, 12);
        var precision = Doubles("precision");
        var recall = Doubles("recall");
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(precision[c], m.Precision[c], 12);
            Assert.Equal(recall[c], m.Recall[c], 12);
        }
    }

    [Fact]
    public void Rank_ic_per_period_matches_scipy_spearman()
    {
        var times = Ref.GetProperty("times").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var ic = InformationCoefficient.Compute(times, Doubles("predictions"), Doubles("outcomes"));
        var want = Doubles("rank_ic_per_period");
        Assert.Equal(want.Length, ic.Periods.Count);
        for (var i = 0; i < want.Length; i++)
        {
            Assert.Equal(want[i], ic.Periods[i].RankIc, 12);
        }

        Assert.Equal(Ref.GetProperty("rank_ic_mean").GetDouble(), ic.Mean, 12);
        Assert.Equal(Ref.GetProperty("rank_ic_std").GetDouble(), ic.StdDev, 12);
    }

    [Fact]
    public void Auc_is_undefined_with_one_class()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([1, 1, 1], [0.2, 0.5, 0.9])));
    }
}
