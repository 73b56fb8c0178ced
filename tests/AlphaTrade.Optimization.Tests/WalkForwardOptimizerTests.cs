using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;
using AlphaTrade.Optimization.WalkForward;

namespace AlphaTrade.Optimization.Tests;

public class WalkForwardOptimizerTests
{
    /// <summary>
    /// Config x earns +1% a bar inside its own "regime" and −1% elsewhere; regime of bar i is (i / 20) % 3 — so the
    /// best configuration changes every 20 bars and the winner of each 40-bar training window is known by hand.
    /// </summary>
    private static double Regime(int x, int bar) => (bar / 20 % 3) == x ? 0.01 : -0.01;

    private static readonly IReadOnlyList<ParameterSet> Configs = ParameterGrid.Parse(["x=0,1,2"]).Enumerate();

    [Fact]
    public void FromFullPeriod_PicksTrainWinnerAndStitchesTestReturns()
    {
        // Returns that are the same in each training window for configs 0..2 except a known ordering:
        // config x has drift (x − 1)·0.001 on bars < 60 and (1 − x)·0.001 afterwards.
        var sweep = GridSweep.Run(Configs, (p, _) =>
        {
            int x = p.GetInt32("x");
            var r = new double[100];
            for (int i = 0; i < 100; i++)
            {
                r[i] = (i < 60 ? (x - 1) : (1 - x)) * 0.001 + (i % 2 == 0 ? 0.002 : -0.002);
            }

            return TrialResult.FromReturns(r, Objective.TotalReturn, 252);
        }, 2);
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B"));
        var wf = WalkForwardOptimizer.FromFullPeriod(sweep, folds, Objective.TotalReturn, 252);
        Assert.Equal(3, wf.Folds.Count);
        // Fold 1 trains on [0, 40): x = 2 wins. Fold 2 trains on [20, 60): x = 2. Fold 3 trains on [40, 80): 20 bars of
        // each regime cancel, so all tie at the same total... x = 2 has (+0.001·20) then (−0.001·20); x = 0 the
        // reverse; compounding favours neither exactly, so check only folds 1 and 2 by hand.
        Assert.Equal(2, wf.Folds[0].Chosen.GetInt32("x"));
        Assert.Equal(2, wf.Folds[1].Chosen.GetInt32("x"));
        Assert.Equal(60, wf.StitchedReturns.Length);
        var chosen3 = sweep.Outcomes[wf.Folds[2].Chosen.Index].Result!.Returns;
        Assert.Equal(sweep.Outcomes[2].Result!.Returns[40..80], wf.StitchedReturns[..40]);
        Assert.Equal(chosen3[80..100], wf.StitchedReturns[40..]);
        Assert.Equal(ReturnMetrics.TotalReturn(wf.StitchedReturns), wf.OutOfSampleObjective);
        Assert.Equal(ReturnMetrics.TotalReturn(sweep.Outcomes[2].Result!.Returns.AsSpan(0, 40)), wf.Folds[0].InSampleObjective);
        Assert.Equal(ReturnMetrics.TotalReturn(sweep.Outcomes[2].Result!.Returns.AsSpan(40, 20)), wf.Folds[0].OutOfSampleObjective);
    }

    [Fact]
    public void Run_RegimeSwitching_ChoosesLastRegimeAndStitches()
    {
        // Training window [20k, 20k + 40) holds regimes k % 3 and (k + 1) % 3 → both earn equally; a purge gap of 20
        // leaves only the first 20 bars, so the winner is regime k % 3 — which then loses in the test window.
        var folds = WalkForwardSplitter.Split(120, WalkForwardSpec.Parse("train=40B,test=20B,gap=20"));
        var calls = 0;
        var wf = WalkForwardOptimizer.Run(Configs, folds, (p, range, _) =>
        {
            Interlocked.Increment(ref calls);
            int x = p.GetInt32("x");
            var r = new double[range.Length];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = Regime(x, range.Start + i);
            }

            return TrialResult.FromReturns(r, Objective.TotalReturn, 252);
        }, Objective.TotalReturn, 252, degreeOfParallelism: 2);
        Assert.Equal(4, wf.Folds.Count);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(new BarRange(20 * k, (20 * k) + 20), wf.Folds[k].Fold.Train);
            Assert.Equal(k % 3, wf.Folds[k].Chosen.GetInt32("x"));
            Assert.Equal(-1 + Math.Pow(0.99, 20), wf.Folds[k].OutOfSampleObjective, 12);
        }

        Assert.Equal(80, wf.StitchedReturns.Length);
        Assert.All(wf.StitchedReturns, r => Assert.Equal(-0.01, r));
        Assert.Equal(4 * (3 + 1), calls);
    }

    [Fact]
    public void Run_OverlappingTestWindows_EachBarTradedByTheNewestModel()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=30B,step=20B"));
        var wf = WalkForwardOptimizer.Run(Configs, folds, (p, range, _) =>
        {
            var r = new double[range.Length];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = (range.Start + i) * 1e-5 * (p.GetInt32("x") + 1);
            }

            return new TrialResult(p.GetInt32("x"), r);
        }, Objective.Sharpe, 252);
        Assert.Equal([new BarRange(40, 60), new BarRange(60, 80), new BarRange(80, 100)], wf.Folds.Select(f => f.Stitched).ToArray());
        Assert.Equal(60, wf.StitchedReturns.Length);
        Assert.Equal(3 * 40 * 1e-5, wf.StitchedReturns[0], 15);
        Assert.Equal(3 * 99 * 1e-5, wf.StitchedReturns[^1], 15);
    }

    [Fact]
    public void Run_TestEvaluatorReturnsWrongLength_Throws()
    {
        var folds = WalkForwardSplitter.Split(100, WalkForwardSpec.Parse("train=40B,test=20B"));
        var ex = Assert.Throws<InvalidOperationException>(() => WalkForwardOptimizer.Run(
            Configs, folds, (p, range, _) => new TrialResult(p.Index, new double[range.Length == 20 ? 5 : range.Length]), Objective.Sharpe, 252));
        Assert.StartsWith("walk-forward fold 1: the evaluator returned 5 returns for the 20-bar test window", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFullPeriod_DegreeOfParallelism_DoesNotChangeTheResult()
    {
        var configs = ParameterGrid.Parse(["fast=5:50:5", "slow=20:200:20"]).Enumerate();
        var sweep = GridSweep.Run(configs, TestTrials.Evaluator(1000), 4);
        var folds = WalkForwardSplitter.Split(1000, WalkForwardSpec.Parse("train=300B,test=100B,mode=expanding"));
        var a = WalkForwardOptimizer.FromFullPeriod(sweep, folds, Objective.Sharpe, 252, degreeOfParallelism: 1);
        var b = WalkForwardOptimizer.FromFullPeriod(sweep, folds, Objective.Sharpe, 252, degreeOfParallelism: 4);
        Assert.Equal(a.Folds.Select(f => f.Chosen.Index), b.Folds.Select(f => f.Chosen.Index));
        Assert.Equal(a.StitchedReturns, b.StitchedReturns);
        Assert.Equal(700, a.StitchedReturns.Length);
    }
}
