using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Universe;
using AlphaTrade.Optimization;
using AlphaTrade.Optimization.Overfitting;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Reporting;
using AlphaTrade.Optimization.Sweeps;
using AlphaTrade.Optimization.WalkForward;

namespace AlphaTrade.Cli.Optimize;

/// <summary>The arguments of one <c>alphatrade optimize</c> run, as given.</summary>
internal sealed record OptimizeRequest
{
    public required string Strategy { get; init; }

    public required IReadOnlyList<string> Parameters { get; init; }

    public string Objective { get; init; } = "sharpe";

    public string? Constraint { get; init; }

    public string? WalkForward { get; init; }

    /// <summary>vectorized or event; null: vectorized where the strategy allows it, else event.</summary>
    public string? Engine { get; init; }

    public string? OutDirectory { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    public int CscvBlocks { get; init; } = Cscv.DefaultBlocks;

    public int MaxConfigurations { get; init; } = ParameterGrid.DefaultMaxConfigurations;

    /// <summary>Worker threads; 0 = one per core.</summary>
    public int Threads { get; init; }
}

/// <summary>What a finished run produced, for the console summary.</summary>
internal sealed record OptimizeOutcome(
    OptimizeReport Report,
    OptimizeReportFiles Files,
    string ReportJson,
    SweepEngine Engine,
    long GridSize,
    int Skipped,
    string SkipReason,
    int Symbols,
    int Rows,
    bool IsSample,
    TimeSpan SweepTime,
    TimeSpan TotalTime,
    int Threads,
    string Annualization);

/// <summary>
/// Runs <c>alphatrade optimize</c>: checks the arguments, loads the configured universe (or the sample market), sweeps
/// the grid in parallel with the chosen engine, picks the best configuration, measures its deflated Sharpe ratio and
/// the CSCV probability of backtest overfitting, optionally walks forward, and writes optimize.csv/json/html.
/// </summary>
internal static class OptimizeRunner
{
    public static OptimizeOutcome Run(CliContext ctx, OptimizeRequest request, Action<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();

        // Every argument is checked before any data is loaded, so a typo fails in milliseconds.
        var cfg = ctx.Config;
        var strategy = StrategySweeps.Resolve(cfg.Settings, request.Strategy);
        var grid = ParameterGrid.Parse(request.Parameters);
        strategy.Validate(grid);
        var objective = Objective.Parse(request.Objective);
        var engine = ParseEngine(request.Engine, strategy, ctx);
        var constraint = string.IsNullOrWhiteSpace(request.Constraint) ? null : ParameterConstraint.Parse(request.Constraint, grid);
        var walkForward = string.IsNullOrWhiteSpace(request.WalkForward) ? null : WalkForwardSpec.Parse(request.WalkForward);
        if (request.CscvBlocks < 2 || request.CscvBlocks > Cscv.MaxBlocks || request.CscvBlocks % 2 != 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"--cscv-blocks {request.CscvBlocks}: expected an even number from 2 to {Cscv.MaxBlocks}"));
        }

        string skipReason = constraint is null ? strategy.ValidityRule : $"{strategy.ValidityRule}, or --constraint '{constraint.Text}' fails";
        string rule = constraint is null ? $"the rule '{strategy.ValidityRule}'" : $"the rule '{strategy.ValidityRule}' with --constraint '{constraint.Text}'";
        var configs = grid.Enumerate(c => strategy.IsValid(c) && (constraint?.IsSatisfiedBy(c) ?? true), request.MaxConfigurations, rule);
        int skipped = (int)(grid.RawCount - configs.Count);

        var simulation = SimulationSettings.From(cfg.Settings);
        var dataRequest = MarketDataFactory.Request(ctx, request.Start ?? cfg.Settings.Backtest.Start, request.End ?? cfg.Settings.Backtest.End);
        var market = new MarketDataService(NyseCalendar.Instance).Load(dataRequest, cancellationToken);
        foreach (var notice in market.Notices)
        {
            ctx.Notice(notice);
        }

        // Sweeps rank configurations on the strategy alone (the vectorized engine has no orders to check); the chosen
        // one is then run with `alphatrade backtest`, where every order passes the risk layer.
        ctx.Notice("Risk layer: off in sweeps (research, as `backtest --no-risk`); `alphatrade backtest` applies config/risk_params.yaml to the chosen configuration.");

        if (market.Series.Count == 0 || market.BarCount == 0)
        {
            throw new InputException($"optimize: no bars for the universe in {ctx.Display(market.SourceDirectory)} between the requested dates");
        }

        var bars = AlignedBars.Create(market.Series);
        var annualization = Annualization.ForTimeFrame(market.TimeFrame);
        double ppy = annualization.PeriodsPerYear;
        var data = new SweepData
        {
            Series = market.Series,
            Bars = bars,
            Calendar = NyseCalendar.Instance,
            Universe = cfg.Universe,
            TimeFrame = market.TimeFrame,
            Simulation = simulation,
            Engine = engine,
            Objective = objective,
            PeriodsPerYear = ppy,
        };

        // Fold boundaries come from the data before the sweep runs, so a walk-forward longer than the data fails fast.
        var folds = walkForward is null ? null : WalkForwardSplitter.Split(bars.Times, walkForward);

        int threads = request.Threads > 0 ? request.Threads : Environment.ProcessorCount;
        var sweepClock = Stopwatch.StartNew();
        var sweep = GridSweep.Run(configs, (c, ct) => strategy.Evaluate(c, data, ct), threads, progress, cancellationToken);
        sweepClock.Stop();
        if (sweep.Succeeded == 0)
        {
            throw new OptimizeFailedException($"optimize: every one of the {sweep.Outcomes.Count} configurations failed; first: {sweep.Outcomes[0].Parameters}: {sweep.Outcomes[0].Error}");
        }

        var analysis = OptimizationAnalysis.Analyze(sweep, objective, ppy, request.CscvBlocks, degreeOfParallelism: threads, cancellationToken: cancellationToken);
        var wf = folds is null ? null : WalkForwardOptimizer.FromFullPeriod(sweep, folds, objective, ppy, cancellationToken: cancellationToken);
        var times = bars.Times.ToArray();
        string description = Describe(market, bars, engine, ctx);
        string runId = RunId(strategy, engine, grid, constraint, objective, walkForward, request.CscvBlocks, simulation, market);
        var report = new OptimizeReport
        {
            RunId = runId,
            Strategy = strategy.Name,
            Objective = objective,
            PeriodsPerYear = ppy,
            Parameters = grid.Axes,
            Constraint = constraint?.Text,
            Sweep = sweep,
            Analysis = analysis,
            WalkForwardSpec = walkForward,
            WalkForward = wf,
            Heatmap = BuildHeatmap(sweep, grid, objective),
            BarTimesUtc = times,
            Data = description,
        };
        string outDir = request.OutDirectory is { } o ? ctx.Resolve(o) : ctx.Resolve(Path.Combine(cfg.Settings.Backtest.ResultsDir, runId));
        var files = OptimizeReportWriter.Write(outDir, report);
        string json = OptimizeReportWriter.Json(report);
        return new OptimizeOutcome(report, files, json, engine, grid.RawCount, skipped, skipReason, market.Series.Count, bars.Rows,
            market.IsSample, sweepClock.Elapsed, total.Elapsed, threads, annualization.Basis);
    }

    private static SweepEngine ParseEngine(string? text, StrategySweep strategy, CliContext ctx)
    {
        if (text is null)
        {
            if (strategy.VectorizedRefusal is { } reason)
            {
                ctx.Notice($"Using the event-driven engine: {reason}.");
                return SweepEngine.Event;
            }

            return SweepEngine.Vectorized;
        }

        var engine = text.Trim().ToLowerInvariant() switch
        {
            "vectorized" => SweepEngine.Vectorized,
            "event" => SweepEngine.Event,
            _ => throw new InputException($"--engine '{text}': expected vectorized or event"),
        };
        if (engine == SweepEngine.Vectorized && strategy.VectorizedRefusal is { } why)
        {
            throw new InputException("--engine vectorized: " + why);
        }

        return engine;
    }

    /// <summary>
    /// The heatmap: the first two parameters that take more than one value (columns, rows); one row when only one
    /// varies; each cell the best objective over the other parameters.
    /// </summary>
    private static HeatmapGrid BuildHeatmap(SweepResult sweep, ParameterGrid grid, Objective objective)
    {
        var varying = grid.Axes.Where(a => a.Values.Count > 1).Select(a => a.Name).ToList();
        string x = varying.Count > 0 ? varying[0] : grid.Axes[0].Name;
        string? y = varying.Count > 1 ? varying[1] : null;
        return Heatmap.Build(sweep, x, y, objective);
    }

    private static string Describe(MarketData market, AlignedBars bars, SweepEngine engine, CliContext ctx)
    {
        var first = NyseCalendar.Instance.ToExchangeTime(new DateTime(bars.Times[0], DateTimeKind.Utc));
        var last = NyseCalendar.Instance.ToExchangeTime(new DateTime(bars.Times[^1], DateTimeKind.Utc));
        string source = market.IsSample ? "the generated sample market" : ctx.Display(market.SourceDirectory);
        return string.Create(CultureInfo.InvariantCulture,
            $"{market.Series.Count} symbols from {source}, {market.TimeFrame} bars, {first:yyyy-MM-dd} to {last:yyyy-MM-dd} " +
            $"({bars.Rows:N0} steps); {(engine == SweepEngine.Vectorized ? "vectorized" : "event-driven")} engine; data fingerprint {market.Fingerprint}");
    }

    /// <summary>
    /// A run id that depends only on what determines the results (strategy, engine, grid, objective, walk-forward,
    /// CSCV blocks, simulation settings, data fingerprint), so the same run writes the same folder, byte for byte.
    /// </summary>
    private static string RunId(StrategySweep strategy, SweepEngine engine, ParameterGrid grid, ParameterConstraint? constraint,
        Objective objective, WalkForwardSpec? walkForward, int blocks, SimulationSettings simulation, MarketData market)
    {
        var sb = new StringBuilder();
        sb.Append("optimize-1|").Append(strategy.Name).Append('|').Append(strategy.Base.Type).Append('|');
        foreach (var kv in strategy.Base.Describe())
        {
            sb.Append(kv.Key).Append('=').Append(kv.Value).Append(';');
        }

        sb.Append('|').Append(engine).Append('|');
        foreach (var axis in grid.Axes)
        {
            sb.Append(axis.Name).Append('=').AppendJoin(',', axis.Values.Select(v => v.ToString())).Append(';');
        }

        sb.Append('|').Append(constraint?.Text).Append('|').Append(objective.Name).Append('|').Append(walkForward?.ToString())
          .Append('|').Append(blocks.ToString(CultureInfo.InvariantCulture)).Append('|');
        foreach (var kv in simulation.Describe())
        {
            sb.Append(kv.Key).Append('=').Append(kv.Value).Append(';');
        }

        sb.Append('|').Append(market.Fingerprint);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return "optimize-" + strategy.Name + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }
}

/// <summary>A run that could not produce a result although its input was valid (exit code 1).</summary>
internal sealed class OptimizeFailedException(string message) : Exception(message);
