using AlphaTrade.Core;
using AlphaTrade.Models.Features;

namespace AlphaTrade.Models.Tests;

public class LabelSpecTests
{
    [Theory]
    [InlineData("direction:4", LabelKind.Direction, ModelTask.Classification, 4)]
    [InlineData("return:13", LabelKind.Return, ModelTask.Regression, 13)]
    [InlineData("triple-barrier:26", LabelKind.TripleBarrier, ModelTask.Classification, 26)]
    public void Labels_parse_to_their_kind_task_and_horizon_and_print_back(string text, LabelKind kind, ModelTask task, int horizon)
    {
        var l = LabelSpec.Parse(text);
        Assert.Equal(kind, l.Kind);
        Assert.Equal(task, l.Task);
        Assert.Equal(horizon, l.Horizon);
        Assert.Equal(text, l.ToString());
    }

    [Fact]
    public void The_built_in_bar_features_refuse_a_triple_barrier_label_they_cannot_compute()
    {
        var e = Assert.Throws<InputException>(() => new BasicBarFeatures().Build([], LabelSpec.Parse("triple-barrier:26")));
        Assert.Contains("no triple-barrier label", e.Message, StringComparison.Ordinal);
    }
}
