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

    /// <summary>The heatmap's cells: the rectangles of the first clipped group, by (row from the top, column).</summary>
    private static Dictionary<(int Row, int Column), XElement> Cells(XElement svg)
    {
        static double At(XElement e, string a) => double.Parse((string)e.Attribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
        var rects = svg.Elements("g").First(g => g.Elements("rect").Any()).Elements("rect").ToList();
        var xs = rects.Select(r => Math.Round(At(r, "x"), 2)).Distinct().Order().ToList();
        var ys = rects.Select(r => Math.Round(At(r, "y"), 2)).Distinct().Order().ToList();
        return rects.ToDictionary(r => (ys.IndexOf(Math.Round(At(r, "y"), 2)), xs.IndexOf(Math.Round(At(r, "x"), 2))));
    }

    [Fact]
    public void Render_InlineSvgWithACellPerPairTheChosenOutlinedAndFailedCellsGrey()
    {
        var sweep = Sweep();
        var grid = Heatmap.Build(sweep, "fast", "slow", Objective.Sharpe);
        var chosen = sweep.Best(Objective.Sharpe)!.Parameters; // fast=2 slow=20
        string svg = HeatmapSvg.Render(grid, new HeatmapSvgOptions("Sharpe <by> fast & slow", chosen, ShowValues: true));
        var doc = XElement.Parse(svg);
        Assert.Equal("svg", doc.Name.LocalName);
        Assert.StartsWith("<svg role=\"img\" aria-label=\"Heatmap of sharpe (max over other parameters) by fast and slow\"", svg, StringComparison.Ordinal);

        // Two rows (slow 20 on top of slow 10) by three columns (fast 1, 2, 3).
        var cells = Cells(doc);
        Assert.Equal(6, cells.Count);
        Assert.Equal("#D9D9D9", (string?)cells[(0, 2)].Attribute("fill")); // fast 3, slow 20: every trial failed
        Assert.Single(cells.Values, c => (string?)c.Attribute("fill") == "#D9D9D9");
        var outline = Assert.Single(doc.Descendants("rect"), r => (string?)r.Attribute("stroke") == "#E4002B");
        Assert.Equal((string?)cells[(0, 1)].Attribute("x"), (string?)outline.Attribute("x"));
        Assert.Equal((string?)cells[(0, 1)].Attribute("y"), (string?)outline.Attribute("y"));

        var texts = doc.Descendants("text").Select(t => t.Value).ToList();
        foreach (var label in new[] { "Sharpe <by> fast & slow", "fast", "slow", "1", "2", "3", "10", "20", "chosen configuration", "no result", "sharpe (max)", "32", "21" })
        {
            Assert.Contains(label, texts);
        }

        Assert.DoesNotContain("http", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Equal(svg, HeatmapSvg.Render(grid, new HeatmapSvgOptions("Sharpe <by> fast & slow", chosen, ShowValues: true)));
    }

    [Fact]
    public void Render_BestValueIsYellowForBothDirections()
    {
        var sweep = Sweep();
        var max = Cells(XElement.Parse(HeatmapSvg.Render(Heatmap.Build(sweep, "fast", "slow", Objective.Sharpe))));
        var min = Cells(XElement.Parse(HeatmapSvg.Render(Heatmap.Build(sweep, "fast", "slow", Objective.MaxDrawdown))));
        Assert.Equal("#FDE724", (string?)max[(0, 1)].Attribute("fill")); // fast=2 slow=20: the largest, 32
        Assert.Equal("#FDE724", (string?)min[(1, 0)].Attribute("fill")); // fast=1 slow=10: the smallest, 11
        Assert.Equal("#440154", (string?)min[(0, 1)].Attribute("fill"));
    }

    [Fact]
    public void Render_SingleParameterAndAllFailed_OneRowOrANoDataChart()
    {
        var sweep = Sweep();
        var oneRow = Cells(XElement.Parse(HeatmapSvg.Render(Heatmap.Build(sweep, "k", null, Objective.Sharpe))));
        Assert.Equal(2, oneRow.Count);
        Assert.All(oneRow.Keys, k => Assert.Equal(0, k.Row));

        var failed = GridSweep.Run(ParameterGrid.Parse(["fast=1,2"]).Enumerate(), (_, _) => throw new InvalidOperationException("no data"), 1);
        string svg = HeatmapSvg.Render(Heatmap.Build(failed, "fast", null, Objective.Sharpe));
        Assert.Contains(XElement.Parse(svg).Descendants("text"), t => t.Value == "no data");
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
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "<svg ")); // the heatmap and the PBO logit histogram
        Assert.Contains("aria-label=\"Histogram of the CSCV logits\"", html, StringComparison.Ordinal);
        Assert.Contains("logit λ (left of the dashed line: overfitted splits)", html, StringComparison.Ordinal);
        Assert.Contains("Top 10 configurations", html, StringComparison.Ordinal);
        Assert.Contains("Deflated Sharpe ratio", html, StringComparison.Ordinal);
        Assert.Contains("Probability of backtest overfitting (CSCV)", html, StringComparison.Ordinal);
        Assert.Contains("Walk-forward", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal); // nothing to fetch, not even a namespace URL
    }
}
