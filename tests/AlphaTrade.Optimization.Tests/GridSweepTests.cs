using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization.Tests;

public class GridSweepTests
{
    private static IReadOnlyList<ParameterSet> Configs() => ParameterGrid.Parse(["fast=5:50:5", "slow=20:200:20"]).Enumerate();

    [Fact]
    public void Run_DopOneAndFour_GiveIdenticalResultsInInputOrder()
    {
        var configs = Configs();
        var one = GridSweep.Run(configs, TestTrials.Evaluator(500), degreeOfParallelism: 1);
        var four = GridSweep.Run(configs, TestTrials.Evaluator(500), degreeOfParallelism: 4);
        Assert.Equal(configs.Count, one.Outcomes.Count);
        for (int i = 0; i < configs.Count; i++)
        {
            Assert.Equal(i, four.Outcomes[i].Index);
            Assert.Same(configs[i], four.Outcomes[i].Parameters);
            Assert.Equal(one.Outcomes[i].Objective, four.Outcomes[i].Objective);
            Assert.Equal(one.Outcomes[i].Result!.Returns, four.Outcomes[i].Result!.Returns);
        }

        Assert.Equal(one.Best(Objective.Sharpe)!.Index, four.Best(Objective.Sharpe)!.Index);
    }

    [Fact]
    public void Run_ThrowingTrial_IsRecordedAndTheSweepGoesOn()
    {
        var configs = Configs();
        var result = GridSweep.Run(configs, TestTrials.Evaluator(200, failWhen: "fast=15 slow=60"), degreeOfParallelism: 4);
        Assert.Equal(1, result.Failed);
        Assert.Equal(configs.Count - 1, result.Succeeded);
        var failed = Assert.Single(result.Outcomes, o => !o.Succeeded);
        Assert.Equal("fast=15 slow=60", failed.Parameters.ToString());
        Assert.Equal("InvalidOperationException: boom on two lines", failed.Error);
        Assert.IsType<InvalidOperationException>(failed.Exception);
        Assert.True(double.IsNaN(failed.Objective));
        Assert.DoesNotContain(result.Ranked(Objective.Sharpe), o => !o.Succeeded);
    }

    [Fact]
    public void Run_Progress_CountsUpByOneToTotal()
    {
        var configs = Configs();
        var seen = new List<SweepProgress>();
        GridSweep.Run(configs, TestTrials.Evaluator(100, failWhen: "fast=5 slow=20"), 3, p => seen.Add(p));
        Assert.Equal(configs.Count, seen.Count);
        Assert.Equal(Enumerable.Range(1, configs.Count), seen.Select(p => p.Completed));
        Assert.All(seen, p => Assert.Equal(configs.Count, p.Total));
        Assert.Equal(1, seen[^1].Failed);
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        var configs = Configs();
        using var cts = new CancellationTokenSource();
        int started = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => GridSweep.Run(
            configs,
            (p, ct) =>
            {
                if (Interlocked.Increment(ref started) == 10)
                {
                    cts.Cancel();
                }

                ct.ThrowIfCancellationRequested();
                return TrialResult.FromReturns(TestTrials.Returns(p, 50), Objective.Sharpe, 252);
            },
            2,
            cancellationToken: cts.Token));
        Assert.True(started < configs.Count);
    }

    [Fact]
    public void Best_TiesAndNaN_LowestIndexWinsNaNLoses()
    {
        var configs = ParameterGrid.Parse(["x=1:4:1"]).Enumerate();
        double[] objectives = [double.NaN, 2.0, 2.0, 1.0];
        var sweep = GridSweep.Run(configs, (p, _) => new TrialResult(objectives[p.Index], [0.0]), 2);
        Assert.Equal(1, sweep.Best(Objective.Sharpe)!.Index);
        Assert.Equal([1, 2, 3, 0], sweep.Ranked(Objective.Sharpe).Select(o => o.Index).ToArray());
        Assert.Equal(3, sweep.Best(Objective.MaxDrawdown)!.Index);
        Assert.Equal([3, 1, 2, 0], sweep.Ranked(Objective.MaxDrawdown).Select(o => o.Index).ToArray());
    }

    [Fact]
    public void Run_EmptyList_ReturnsEmptyResult()
    {
        var sweep = GridSweep.Run([], TestTrials.Evaluator(10));
        Assert.Empty(sweep.Outcomes);
        Assert.Null(sweep.Best(Objective.Sharpe));
    }

    [Fact]
    public void Run_ThousandConfigurations_AllCoresFinishQuickly()
    {
        // The runner's own overhead: 1,000 cheap trials of 13,000 returns each.
        var configs = ParameterGrid.Parse(["fast=1:50:1", "slow=1:20:1"]).Enumerate();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var sweep = GridSweep.Run(configs, TestTrials.Evaluator(13_000));
        Assert.Equal(1000, sweep.Succeeded);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"took {sw.Elapsed}");
    }
}

public class ObjectiveTests
{
    [Theory]
    [InlineData("sharpe", "sharpe", true)]
    [InlineData("Sortino", "sortino", true)]
    [InlineData("calmar", "calmar", true)]
    [InlineData("total-return", "total_return", true)]
    [InlineData("max_drawdown", "max_drawdown", false)]
    [InlineData("profit_factor", "profit_factor", true)]
    public void Parse_KnownNames_ReturnObjective(string text, string name, bool higher)
    {
        var o = Objective.Parse(text);
        Assert.Equal(name, o.Name);
        Assert.Equal(higher, o.HigherIsBetter);
    }

    [Fact]
    public void Parse_Unknown_ThrowsInputException()
    {
        Assert.Equal("--objective 'sharp': unknown objective; expected sharpe, sortino, calmar, total_return, max_drawdown, profit_factor",
            Assert.Throws<AlphaTrade.Core.InputException>(() => Objective.Parse("sharp")).Message);
    }

    [Fact]
    public void Compare_MinimisedObjective_SmallerIsBetter()
    {
        Assert.True(Objective.MaxDrawdown.IsBetter(0.1, 0.2));
        Assert.True(Objective.Sharpe.IsBetter(0.2, 0.1));
        Assert.True(Objective.MaxDrawdown.IsBetter(0.9, double.NaN));
        Assert.False(Objective.Sharpe.IsBetter(double.NaN, -5));
        Assert.Equal(0, Objective.Sharpe.Compare(double.NaN, double.NaN));
    }
}
