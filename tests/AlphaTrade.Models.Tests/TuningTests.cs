using AlphaTrade.Models.Tuning;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Tests;

public class TuningTests
{
    private static readonly SearchSpace Space = SearchSpace.Parse("x=uniform(-2,2);lr=log(0.001,1);depth=int(1,10)");

    // Maximum 0 at x = 0.3, lr = 0.05, depth = 6.
    private static double Bowl(IReadOnlyDictionary<string, double> p, double budget, CancellationToken _) =>
        -Math.Pow(p["x"] - 0.3, 2) - Math.Pow(Math.Log10(p["lr"] / 0.05), 2) - Math.Pow((p["depth"] - 6) / 5, 2);

    private static Study NewStudy(string sampler, int parallelism) => new() { Name = "t", Sampler = sampler, Space = Space.ToString(), Seed = 9, Parallelism = parallelism };

    [Fact]
    public void Search_space_text_round_trips_and_bad_entries_name_themselves()
    {
        Assert.Equal(Space.ToString(), SearchSpace.Parse(Space.ToString()).ToString());
        var e = Assert.Throws<AlphaTrade.Core.InputException>(() => SearchSpace.Parse("lr=log(0,1)"));
        Assert.Contains("lr=log(0,1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tpe_concentrates_on_the_optimum_after_the_random_startup()
    {
        var study = TpeOptimizer.Optimize(NewStudy("tpe", 4), Space, Bowl, 80);
        Assert.Equal(80, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.InRange(t.Parameters["depth"], 1, 10));
        Assert.All(study.Trials, t => Assert.Equal(Math.Round(t.Parameters["depth"]), t.Parameters["depth"]));
        var startup = study.Trials.Take(10).Average(t => t.Value!.Value);
        var late = study.Trials.Skip(60).Average(t => t.Value!.Value);
        Assert.True(late > startup + 0.3, $"late trials {late} should score well above random startup trials {startup}");
        Assert.True(study.Best!.Value > -0.1, $"best {study.Best.Value}");
    }

    [Fact]
    public void Interrupted_tpe_study_resumes_from_its_file_to_the_same_result()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "study.json");
        TpeOptimizer.Optimize(NewStudy("tpe", 3), Space, Bowl, 17, path);
        var resumed = TpeOptimizer.Optimize(Study.LoadOrCreate(path, NewStudy("tpe", 3)), Space, Bowl, 40, path);
        var straight = TpeOptimizer.Optimize(NewStudy("tpe", 3), Space, Bowl, 40);
        Assert.Equal(straight.Trials.Select(t => t.Value), resumed.Trials.Select(t => t.Value));
        Assert.Equal(40, Study.Load(path).Trials.Count);
        Assert.False(File.Exists(path + AlphaTrade.Core.IO.AtomicFile.TempSuffix));
    }

    [Fact]
    public void Study_file_with_another_space_is_refused()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "study.json");
        NewStudy("tpe", 1).Save(path);
        var other = new Study { Name = "t", Sampler = "tpe", Space = "x=uniform(0,1)", Seed = 9 };
        Assert.Throws<AlphaTrade.Core.InputException>(() => Study.LoadOrCreate(path, other));
    }

    [Fact]
    public void Successive_halving_promotes_the_best_third_up_to_the_full_budget()
    {
        var budgets = new System.Collections.Concurrent.ConcurrentBag<double>();
        double Objective(IReadOnlyDictionary<string, double> p, double budget, CancellationToken c)
        {
            budgets.Add(budget);
            return Bowl(p, budget, c);
        }

        var study = SuccessiveHalving.Optimize(NewStudy("halving", 4), Space, Objective, 27, 3);
        Assert.Equal(new[] { 27, 9, 3, 1 }, Enumerable.Range(0, 4).Select(r => study.Trials.Count(t => t.Rung == r)));
        Assert.Equal(1.0, study.Best!.Budget);
        Assert.Equal(1.0 / 27, budgets.Min(), 12);

        // The survivor is the best of the first rung (the objective ignores the budget here).
        var firstRungBest = study.Trials.Where(t => t.Rung == 0).OrderByDescending(t => t.Value).First();
        Assert.Equal(firstRungBest.Number, study.Best.Number);
    }

    [Fact]
    public void Walk_forward_objective_tunes_a_real_model_in_parallel()
    {
        var data = Synthetic.Panel(80, 6, 5, ModelTask.Classification);
        var objective = new WalkForwardObjective(data, new WalkForwardSplitter(2), new ModelSpec { Kind = "lightgbm", Threads = 1, Parameters = new Dictionary<string, double> { ["n_estimators"] = 30 } });
        var space = SearchSpace.Parse("learning_rate=log(0.02,0.3);num_leaves=int(4,16)");
        var study = TpeOptimizer.Optimize(new Study { Name = "lgb", Sampler = "tpe", Space = space.ToString(), Seed = 1, Parallelism = 2 }, space, objective.Evaluate, 4);
        Assert.Equal(4, study.Trials.Count(t => t.Value is not null));
        Assert.True(study.Best!.Value > 0.7, $"best walk-forward AUC {study.Best.Value}");
    }
}
