using AlphaTrade.Models.Ensembles;
using AlphaTrade.Models.Metrics;

namespace AlphaTrade.Models.Tests;

public class EnsembleTests
{
    private static ModelSpec[] Members(ModelTask task) =>
    [
        new() { Kind = "lightgbm", Task = task, Parameters = new Dictionary<string, double> { ["n_estimators"] = 40 } },
        new() { Kind = "xgboost", Task = task, Parameters = new Dictionary<string, double> { ["n_estimators"] = 40, ["max_depth"] = 3 } },
        new() { Kind = "fastforest", Task = task, Parameters = new Dictionary<string, double> { ["n_estimators"] = 40 } },
    ];

    [Theory]
    [InlineData(EnsembleMethod.SoftVoting)]
    [InlineData(EnsembleMethod.HardVoting)]
    [InlineData(EnsembleMethod.Stacking)]
    [InlineData(EnsembleMethod.Blending)]
    public void Ensemble_classifies_out_of_sample_and_round_trips(EnsembleMethod method)
    {
        var data = Synthetic.Panel(100, 8, 6, ModelTask.Classification);
        var (train, test) = Synthetic.SplitAt(data, 0.75);
        using var e = new EnsembleModel(method, ModelTask.Classification, Members(ModelTask.Classification), folds: 4);
        e.Fit(train);
        var p = e.Predict(test);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
        Assert.True(ClassificationMetrics.Compute(test.Labels, p).Auc > 0.7);
        using var dir = new TempDir();
        e.Save(dir.Path);
        using var back = ModelFactory.Load(dir.Path);
        Assert.Equal(e.Kind, back.Kind);
        Assert.Equal(p, back.Predict(test));
    }

    [Fact]
    public void Voting_weights_are_learned_out_of_sample_and_favour_the_informative_member()
    {
        var data = Synthetic.Panel(100, 8, 6, ModelTask.Classification);
        // Member 2 is crippled (one leaf of one sample per tree, few trees): it should get less weight.
        ModelSpec[] members =
        [
            new() { Kind = "lightgbm", Parameters = new Dictionary<string, double> { ["n_estimators"] = 60 } },
            new() { Kind = "lightgbm", Parameters = new Dictionary<string, double> { ["n_estimators"] = 1, ["num_leaves"] = 2, ["learning_rate"] = 0.01 } },
        ];
        using var e = new EnsembleModel(EnsembleMethod.SoftVoting, ModelTask.Classification, members);
        e.Fit(data);
        Assert.Equal(1.0, e.Weights.Sum(), 12);
        Assert.True(e.Weights[0] > e.Weights[1], $"weights {string.Join(", ", e.Weights)}");
    }

    [Fact]
    public void Stacking_regressor_meta_learner_puts_positive_weight_on_members()
    {
        var data = Synthetic.Panel(100, 8, 6, ModelTask.Regression);
        var (train, test) = Synthetic.SplitAt(data, 0.75);
        using var e = new EnsembleModel(EnsembleMethod.Stacking, ModelTask.Regression, Members(ModelTask.Regression), folds: 4);
        e.Fit(train);
        Assert.True(e.Weights.Skip(1).Sum() > 0.3, $"meta coefficients {string.Join(", ", e.Weights)}");
        Assert.True(RegressionMetrics.Compute(test.Labels, e.Predict(test)).RankIc > 0.4);
    }
}
