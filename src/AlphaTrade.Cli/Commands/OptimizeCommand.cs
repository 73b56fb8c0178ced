using System.CommandLine;
using System.Globalization;
using AlphaTrade.Cli.Optimize;
using AlphaTrade.Optimization;
using AlphaTrade.Optimization.Overfitting;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade optimize --strategy NAME --param fast=5:50:5 --param slow=20:200:10 --objective sharpe
/// [--walk-forward train=12M,test=3M] [--out DIR] [--json]</c>: a parallel grid sweep over the configured universe
/// with the deflated Sharpe ratio and the CSCV probability of backtest overfitting of the chosen configuration.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(CliContext ctx)
    {
        var strategy = new Option<string?>("--strategy")
        {
            Description = "A configured strategy (config/settings.yaml, strategies) of a sweepable type (sma_crossover); default: backtest.default_strategy.",
        };
        var param = new Option<string[]>("--param")
        {
            Description = "A swept parameter, repeatable: name=start:stop:step (inclusive), name=a,b,c or name=value. " +
                          "sma_crossover: fast (fast_period), slow (slow_period), allow_short (true,false); the others keep their configured values.",
            Required = true,
        };
        var objective = new Option<string>("--objective")
        {
            Description = $"What the chosen configuration maximises: {string.Join(", ", Objective.All.Select(o => o.Name))} (max_drawdown is minimised).",
            DefaultValueFactory = _ => "sharpe",
        };
        var walkForward = new Option<string?>("--walk-forward")
        {
            Description = "Also walk forward: train=12M,test=3M[,step=3M][,mode=rolling|expanding][,gap=BARS]; units M, W, D or B (bars).",
        };
        var constraint = new Option<string?>("--constraint") { Description = "Only configurations satisfying comparisons of parameters and numbers, e.g. '5<=fast<slow && slow<=100'." };
        var engine = new Option<string?>("--engine")
        {
            Description = "vectorized or event (the event-driven engine); default: vectorized where the strategy allows it (target-weight sizing), else event.",
        };
        var start = new Option<string?>("--start") { Description = "First session, yyyy-MM-dd (default backtest.start, else the first bar)." };
        var end = new Option<string?>("--end") { Description = "Last session, yyyy-MM-dd (default backtest.end, else the last bar)." };
        var output = new Option<string?>("--out") { Description = "Results folder (default results/optimize-<strategy>-<hash of the inputs>)." };
        var json = new Option<bool>("--json") { Description = "Print optimize.json to standard output instead of the summary." };
        var blocks = new Option<int>("--cscv-blocks")
        {
            Description = "CSCV blocks S for the probability of backtest overfitting (even, 2-24; default 16 = 12,870 splits).",
            DefaultValueFactory = _ => Cscv.DefaultBlocks,
        };
        var max = new Option<int>("--max-configurations")
        {
            Description = "Refuse grids with more valid configurations than this (default 100,000).",
            DefaultValueFactory = _ => ParameterGrid.DefaultMaxConfigurations,
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per core)." };

        var cmd = new Command(
            "optimize",
            "Sweep a strategy's parameter grid in parallel over the configured universe (the sample market when data/raw is empty); " +
            "report the grid as a heatmap, the chosen configuration's deflated Sharpe ratio and the probability of backtest " +
            "overfitting (CSCV), and optionally a walk-forward optimisation. Writes optimize.csv, optimize.json and optimize.html.")
        {
            strategy, param, objective, walkForward, constraint, engine, start, end, output, json, blocks, max, threads,
        };
        cmd.SetAction(parse =>
        {
            var request = new OptimizeRequest
            {
                Strategy = parse.GetValue(strategy) ?? ctx.Config.Settings.Backtest.DefaultStrategy,
                Parameters = parse.GetValue(param) ?? [],
                Objective = parse.GetValue(objective)!,
                Constraint = parse.GetValue(constraint),
                WalkForward = parse.GetValue(walkForward),
                Engine = parse.GetValue(engine),
                OutDirectory = parse.GetValue(output),
                Start = CliParse.Date(parse.GetValue(start), "--start"),
                End = CliParse.Date(parse.GetValue(end), "--end"),
                CscvBlocks = parse.GetValue(blocks),
                MaxConfigurations = parse.GetValue(max),
                Threads = parse.GetValue(threads),
            };
            if (request.MaxConfigurations < 1 || request.Threads < 0)
            {
                throw new Core.InputException(request.Threads < 0
                    ? "--threads: expected a positive number of threads"
                    : "--max-configurations: expected a positive number");
            }

            OptimizeOutcome outcome;
            using (var progress = new SweepProgressLine(ctx))
            {
                try
                {
                    outcome = OptimizeRunner.Run(ctx, request, progress.Report);
                }
                catch (OptimizeFailedException ex)
                {
                    progress.Dispose();
                    ctx.Error.WriteLine($"error: {ex.Message}");
                    return CliApp.ExitFailure;
                }
            }

            if (parse.GetValue(json))
            {
                ctx.Out.Write(outcome.ReportJson);
            }
            else
            {
                WriteSummary(ctx, outcome);
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static void WriteSummary(CliContext ctx, OptimizeOutcome o)
    {
        var c = CultureInfo.InvariantCulture;
        var r = o.Report;
        var a = r.Analysis!;
        var w = ctx.Out;
        var grid = string.Join(" × ", r.Parameters.Select(p => $"{p.Name} {p.Values.Count}"));
        w.WriteLine($"AlphaTrade optimize: {r.Strategy}, objective {r.Objective.Name} ({r.Objective.Description})");
        w.WriteLine($"Data: {r.Data}");
        w.WriteLine(string.Create(c, $"Annualisation: {o.Annualization}"));
        string skipped = o.Skipped == 0 ? string.Empty : string.Create(c, $", {o.Skipped:N0} skipped ({o.SkipReason})");
        w.WriteLine(string.Create(c,
            $"Grid: {grid} = {o.GridSize:N0}{skipped}; {r.Sweep.Outcomes.Count:N0} configurations run on {o.Threads} thread{(o.Threads == 1 ? string.Empty : "s")} in {o.SweepTime.TotalSeconds:F2} s " +
            $"({r.Sweep.Failed} failed)"));
        w.WriteLine();

        var top = r.Sweep.Ranked(r.Objective).Take(10).ToList();
        var headers = new List<string> { "rank" };
        headers.AddRange(r.Parameters.Select(p => p.Name));
        bool sharpeObjective = r.Objective.Name == MetricNames.Sharpe;
        headers.Add(r.Objective.Name);
        if (!sharpeObjective)
        {
            headers.Add(MetricNames.Sharpe);
        }

        headers.AddRange(["cagr", "max_dd", "trades"]);
        var rows = top.Select((t, i) =>
        {
            var row = new List<string> { (i + 1).ToString(c) };
            row.AddRange(t.Parameters.Values.Select(v => v.ToString()));
            var m = t.Result!.Metrics;
            row.Add(Num(t.Objective));
            if (!sharpeObjective)
            {
                row.Add(Num(m[MetricNames.Sharpe]));
            }

            row.Add(Pct(m[MetricNames.Cagr]));
            row.Add(Pct(m[MetricNames.MaxDrawdown]));
            row.Add(m.TryGetValue("trades", out var n) ? n.ToString("F0", c) : "-");
            return (IReadOnlyList<string>)row;
        });
        w.WriteLine($"Top {top.Count} of {r.Sweep.Succeeded:N0}");
        TextTable.Write(w, headers, rows);
        w.WriteLine();

        w.WriteLine($"Chosen: {a.Chosen.Parameters}  ({r.Objective.Name} {Num(a.Chosen.Objective)})");
        foreach (var axis in r.Parameters.Where(p => p.IsNumeric && p.Values.Count > 2))
        {
            // A best value on the boundary of a swept range says the optimum may lie outside the grid.
            var value = a.Chosen.Parameters[axis.Name];
            ParameterValue lo = axis.Values.Min(), hi = axis.Values.Max();
            if (value == lo || value == hi)
            {
                w.WriteLine($"Note: {axis.Name}={value} is at the edge of its range ({lo} to {hi}); the optimum may lie outside the grid.");
            }
        }

        if (a.DeflatedSharpe is { } d)
        {
            w.WriteLine(string.Create(c,
                $"Deflated Sharpe ratio: {d.Dsr:F3}  (Sharpe {d.AnnualisedSharpe:F2} vs {d.AnnualisedExpectedMaxSharpe:F2} expected from the best of {d.Trials:N0} " +
                $"skill-less trials; PSR(0) {d.Psr:F3}; {d.Observations:N0} returns)"));
        }

        if (a.Pbo is { } p)
        {
            w.WriteLine(string.Create(c,
                $"Probability of backtest overfitting (CSCV): {p.Pbo:F3}  ({p.Blocks} blocks, {p.Combinations:N0} splits; out-of-sample loss in {p.ProbabilityOfLoss * 100:F0}% of them; " +
                $"degradation slope {p.DegradationSlope:F2})"));
        }
        else
        {
            w.WriteLine($"Probability of backtest overfitting: not computed ({a.PboUnavailableReason})");
        }

        if (r.WalkForward is { } wf)
        {
            string sharpe = sharpeObjective ? string.Empty : $", sharpe {Num(wf.OutOfSample.Sharpe)}";
            w.WriteLine(string.Create(c,
                $"Walk-forward ({r.WalkForwardSpec}): {wf.Folds.Count} folds, out-of-sample {r.Objective.Name} {Num(wf.OutOfSampleObjective)}{sharpe}, " +
                $"total return {Pct(wf.OutOfSample.TotalReturn)} over {wf.OutOfSample.Periods:N0} bars"));
        }

        w.WriteLine();
        w.WriteLine($"Report: {ctx.Display(o.Files.Html)}");
        w.WriteLine($"Grid:   {ctx.Display(o.Files.Csv)}, {ctx.Display(o.Files.Json)}");
        w.WriteLine(string.Create(c, $"Done in {o.TotalTime.TotalSeconds:F1} s."));
    }

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F3", CultureInfo.InvariantCulture);

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>A throttled "configurations done" line on an interactive terminal's standard error; silent otherwise.</summary>
    private sealed class SweepProgressLine(CliContext ctx) : IDisposable
    {
        private readonly bool _enabled = ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected;
        private long _last;
        private bool _shown;

        public void Report(SweepProgress p)
        {
            if (!_enabled)
            {
                return;
            }

            long now = Environment.TickCount64;
            if (p.Completed != p.Total && now - _last < 250)
            {
                return;
            }

            _last = now;
            _shown = true;
            ctx.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rsweep: {p.Completed:N0}/{p.Total:N0} configurations ({p.Failed} failed)"));
        }

        public void Dispose()
        {
            if (_shown)
            {
                ctx.Error.WriteLine();
                _shown = false;
            }
        }
    }
}
