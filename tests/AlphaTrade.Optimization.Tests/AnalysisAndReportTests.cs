using System.Text.Json;
using System.Xml.Linq;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Reporting;
using AlphaTrade.Optimization.Sweeps;
using AlphaTrade.Optimization.WalkForward;
using AlphaTrade.Testing;

namespace AlphaTrade.Optimization.Tests;

public class HeatmapTests
{
    private static SweepResult Sweep(string objectiveFormula = "sum")
    {
        var configs = ParameterGrid.Parse(["fast=1:3:1", "slow=10,20", "k=0,1"]).Enumerate();
        return GridSweep.Run(configs, (p, _) =>
        {
            double v = p.GetDouble("fast") + p.GetDouble("slow") + (10 * p.GetDouble("k"));
            if (p.GetInt32("fast") == 3 && p.GetInt32("slow") == 20)
            {
                throw new InvalidOperationException("no data");
            }

            return new TrialResult(objectiveFormula == "nan" && p.GetInt32("k") == 1 ? double.NaN : v, [0.0]);
        }, 1);
    }

    [Fact]
    public void Build_Max_AggregatesOverOtherParameters()
    {
        var grid = Heatmap.Build(Sweep(), "fast", "slow", Objective.Sharpe);
        Assert.Equal(HeatmapAggregation.Max, grid.Aggregation);
        Assert.Equal(["1", "2", "3"], grid.XValues.Select(v => v.ToString()));
        Assert.Equal(["10", "20"], grid.YValues.Select(v => v.ToString()));
        Assert.Equal(21, grid[0, 0]); // fast 1, slow 10, k = 1
        Assert.True(double.IsNaN(grid[1, 2])); // fast 3, slow 20: every trial failed
        Assert.Equal(0, grid.Counts[(1 * 3) + 2]);
        Assert.Equal(2, grid.Counts[0]);
    }

    [Fact]
    public void Build_MeanAndMin_AndNaNObjectivesLeftOut()
    {
        var mean = Heatmap.Build(Sweep(), "fast", "slow", Objective.Sharpe, HeatmapAggregation.Mean);
        Assert.Equal(16, mean[0, 0]); // (11 + 21) / 2
        Assert.Equal(HeatmapAggregation.Min, Heatmap.Build(Sweep(), "fast", "slow", Objective.MaxDrawdown).Aggregation);
        var withNaN = Heatmap.Build(Sweep("nan"), "fast", "slow", Objective.Sharpe, HeatmapAggregation.Mean);
        Assert.Equal(11, withNaN[0, 0]);
        Assert.Equal(1, withNaN.Counts[0]);
    }

    [Fact]
    public void Build_SingleParameter_OneRow()
    {
        var grid = Heatmap.Build(Sweep(), "k", null, Objective.Sharpe);
        Assert.Equal(1, grid.Rows);
        Assert.Equal(2, grid.Columns);
        Assert.Equal(22, grid[0, 0]); // k = 0: the best of fast + slow is 2 + 20 (fast 3 with slow 20 failed)
        Assert.Equal(32, grid[0, 1]);
        Assert.Null(grid.YName);
    }

    [Fact]
    public void Render_IsWellFormedSvgWithOneRectPerCellAndHighlight()
    {
        var sweep = Sweep();
        var grid = Heatmap.Build(sweep, "fast", "slow", Objective.Sharpe);
        var chosen = sweep.Best(Objective.Sharpe)!.Parameters;
        string svg = HeatmapSvg.Render(grid, new HeatmapSvgOptions("Sharpe <by> fast & slow", chosen));
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        var cells = doc.Descendants(ns + "g").Single(g => (string?)g.Attribute("id") == "heatmap-cells").Elements(ns + "rect").ToList();
        Assert.Equal(6, cells.Count);
        Assert.Equal(1, cells.Count(c => (string?)c.Attribute("fill") == "#d9d9d9"));
        Assert.Contains(doc.Descendants(ns + "title"), t => t.Value == "chosen configuration");
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "Sharpe <by> fast & slow");
        Assert.Contains(doc.Descendants(ns + "title"), t => t.Value == "fast=2 slow=20: sharpe 32 (2 trials)");
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(svg, HeatmapSvg.Render(grid, new HeatmapSvgOptions("Sharpe <by> fast & slow", chosen)));
    }

    [Fact]
    public void Render_BestValueIsYellowForBothDirections()
    {
        var sweep = Sweep();
        string max = HeatmapSvg.Render(Heatmap.Build(sweep, "fast", "slow", Objective.Sharpe));
        string min = HeatmapSvg.Render(Heatmap.Build(sweep, "fast", "slow", Objective.MaxDrawdown));
        Assert.Contains("fill=\"#fde725\"><title>fast=2 slow=20", max, StringComparison.Ordinal);
        Assert.Contains("fill=\"#fde725\"><title>fast=1 slow=10", min, StringComparison.Ordinal);
    }
}

public class OptimizationReportTests
{
    private static (OptimizeReport Report, IReadOnlyList<ParameterSet> Configs) Build(bool withWalkForward = true)
    {
        var grid = ParameterGrid.Parse(["fast=5:25:5", "slow=20:60:20"]);
        var constraint = ParameterConstraint.Parse("fast<slow", grid);
        var configs = grid.Enumerate(constraint.IsSatisfiedBy);
        var sweep = GridSweep.Run(configs, TestTrials.Evaluator(640, failWhen: "fast=10 slow=40"), 2);
        var analysis = OptimizationAnalysis.Analyze(sweep, Objective.Sharpe, 252, cscvBlocks: 8);
        var times = Enumerable.Range(0, 640).Select(i => new DateTime(2020, 1, 1, 14, 30, 0, DateTimeKind.Utc).AddDays(i).Ticks).ToArray();
        var spec = WalkForwardSpec.Parse("train=6M,test=3M");
        var wf = withWalkForward ? WalkForwardOptimizer.FromFullPeriod(sweep, WalkForwardSplitter.Split(times, spec), Objective.Sharpe, 252) : null;
        var report = new OptimizeReport
        {
            RunId = "20260101-sma",
            Strategy = "sma_cross",
            Objective = Objective.Sharpe,
            PeriodsPerYear = 252,
            Parameters = grid.Axes,
            Constraint = constraint.Text,
            Sweep = sweep,
            Analysis = analysis,
            WalkForwardSpec = withWalkForward ? spec : null,
            WalkForward = wf,
            Heatmap = Heatmap.Build(sweep, "fast", "slow", Objective.Sharpe),
            BarTimesUtc = times,
            Data = "synthetic, 640 daily bars",
        };
        return (report, configs);
    }

    [Fact]
    public void Analyze_ChoosesBestAndComputesDsrAndPbo()
    {
        var (report, configs) = Build(false);
        var a = report.Analysis!;
        Assert.Equal(report.Sweep.Best(Objective.Sharpe)!.Index, a.Chosen.Index);
        Assert.NotNull(a.DeflatedSharpe);
        Assert.Equal(configs.Count - 1, a.DeflatedSharpe!.Trials);
        Assert.NotNull(a.Pbo);
        Assert.Equal(70, a.Pbo!.Combinations);
        Assert.Null(a.PboUnavailableReason);
    }

    [Fact]
    public void Analyze_UnequalLengths_ExplainsWhyPboIsMissing()
    {
        var configs = ParameterGrid.Parse(["x=1:3:1"]).Enumerate();
        var sweep = GridSweep.Run(configs, (p, _) => TrialResult.FromReturns(TestTrials.Returns(p, 100 + p.GetInt32("x")), Objective.Sharpe, 252), 1);
        var a = OptimizationAnalysis.Analyze(sweep, Objective.Sharpe, 252);
        Assert.Null(a.Pbo);
        Assert.Equal("PBO needs every trial's returns on one timeline; their lengths differ", a.PboUnavailableReason);
        Assert.NotNull(a.DeflatedSharpe);
    }

    [Fact]
    public void Write_ProducesCsvJsonHtmlAtomicallyAndDeterministically()
    {
        var (report, configs) = Build();
        using var dir = new TempDir();
        string run = Path.Combine(dir.Path, "results", report.RunId);
        var files = OptimizeReportWriter.Write(run, report);
        Assert.Equal(Path.Combine(run, "optimize.csv"), files.Csv);
        Assert.Equal(["optimize.csv", "optimize.html", "optimize.json"], Directory.GetFiles(run).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());

        var first = Directory.GetFiles(run).Select(File.ReadAllBytes).ToArray();
        OptimizeReportWriter.Write(run, report);
        Assert.Equal(first, Directory.GetFiles(run).Select(File.ReadAllBytes).ToArray());
        Assert.Equal(3, Directory.GetFiles(run).Length); // no temporary files left behind
    }

    [Fact]
    public void Csv_OneRowPerConfigurationWithParametersObjectiveMetrics()
    {
        var (report, configs) = Build();
        var lines = OptimizeReportWriter.Csv(report).TrimEnd('\n').Split('\n');
        Assert.Equal(configs.Count + 1, lines.Length);
        Assert.Equal("index,fast,slow,status,objective,sharpe,sortino,calmar,total_return,cagr,max_drawdown,profit_factor,volatility,skewness,kurtosis,periods,error", lines[0]);
        Assert.StartsWith("0,5,20,ok,", lines[1], StringComparison.Ordinal);
        var failed = Assert.Single(lines, l => l.Contains(",failed,", StringComparison.Ordinal));
        Assert.EndsWith(",InvalidOperationException: boom on two lines", failed, StringComparison.Ordinal);
        var best = report.Sweep.Best(Objective.Sharpe)!;
        var cells = lines[best.Index + 1].Split(',');
        Assert.Equal(best.Objective, double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Json_HasChosenDsrPsrPboAndFoldsInFixedOrder()
    {
        var (report, _) = Build();
        using var doc = JsonDocument.Parse(OptimizeReportWriter.Json(report));
        var root = doc.RootElement;
        Assert.Equal(
            ["run_id", "strategy", "data", "objective", "periods_per_year", "parameters", "constraint", "configurations", "chosen", "deflated_sharpe", "pbo", "walk_forward", "top", "failures", "grid"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        var a = report.Analysis!;
        Assert.Equal(a.Chosen.Index, root.GetProperty("chosen").GetProperty("index").GetInt32());
        Assert.Equal(a.Chosen.Parameters.GetInt32("fast"), root.GetProperty("chosen").GetProperty("parameters").GetProperty("fast").GetInt32());
        Assert.Equal(a.DeflatedSharpe!.Dsr, root.GetProperty("deflated_sharpe").GetProperty("dsr").GetDouble());
        Assert.Equal(a.DeflatedSharpe.Psr, root.GetProperty("deflated_sharpe").GetProperty("psr").GetDouble());
        Assert.Equal(a.Pbo!.Pbo, root.GetProperty("pbo").GetProperty("pbo").GetDouble());
        Assert.Equal(70, root.GetProperty("pbo").GetProperty("combinations").GetInt32());
        var folds = root.GetProperty("walk_forward").GetProperty("folds");
        Assert.Equal(report.WalkForward!.Folds.Count, folds.GetArrayLength());
        Assert.Equal("2020-01-01T14:30Z", folds[0].GetProperty("train").GetProperty("first_bar").GetString());
        Assert.Equal("2020-07-01T14:30Z", folds[0].GetProperty("test").GetProperty("first_bar").GetString());
        Assert.Equal("train=6M,test=3M,step=3M,mode=rolling,gap=0", root.GetProperty("walk_forward").GetProperty("spec").GetString());
        Assert.Equal(10, root.GetProperty("top").GetArrayLength());
        Assert.Equal(1, root.GetProperty("failures").GetArrayLength());
        Assert.Equal(1, root.GetProperty("configurations").GetProperty("failed").GetInt32());
        var grid = root.GetProperty("grid");
        Assert.Equal(report.Sweep.Outcomes.Count, grid.GetArrayLength());
        for (int i = 0; i < grid.GetArrayLength(); i++)
        {
            var o = report.Sweep.Outcomes[i];
            Assert.Equal(i, grid[i].GetProperty("index").GetInt32());
            Assert.Equal(o.Parameters.GetInt32("slow"), grid[i].GetProperty("parameters").GetProperty("slow").GetInt32());
            Assert.Equal(o.Succeeded ? "ok" : "failed", grid[i].GetProperty("status").GetString());
            if (o.Succeeded)
            {
                Assert.Equal(o.Objective, grid[i].GetProperty("objective").GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, grid[i].GetProperty("objective").ValueKind);
            }
        }
    }

    [Fact]
    public void Html_IsSelfContainedWithHeatmapTopTableAndExplanations()
    {
        var (report, _) = Build();
        using var dir = new TempDir();
        var html = File.ReadAllText(OptimizeReportWriter.Write(dir.Path, report).Html);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Top 10 configurations", html, StringComparison.Ordinal);
        Assert.Contains("Deflated Sharpe ratio", html, StringComparison.Ordinal);
        Assert.Contains("Probability of backtest overfitting (CSCV)", html, StringComparison.Ordinal);
        Assert.Contains("Walk-forward", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }
}
