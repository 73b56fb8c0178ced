using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlphaTrade.Analytics.Charts;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Data.Storage;
using AlphaTrade.Data.Universe;
using AlphaTrade.Core.Universe;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Risk.Limits;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>What a finished backtest left behind.</summary>
internal sealed record BacktestOutcome(string Folder, RunResult Result, RunReport? Report, long BarCount, TimeSpan EngineTime, string RiskLine);

/// <summary>
/// Runs a <see cref="BacktestPlan"/>: loads the universe through <see cref="MarketDataService"/>, runs the chosen
/// engine, and writes results/&lt;run-id&gt;/ (the engine's files, benchmark.csv, risk_events.csv, metrics.json, report.html)
/// in one atomic folder write. Notices and progress go to standard error.
/// On the event engine every order passes the risk layer of config/risk_params.yaml: the strategy runs inside a
/// <see cref="RiskGuardedStrategy"/> (drawdown, daily loss, circuit breaker, kill switch act on equity; VaR from the
/// trailing 60 days' covariance) and the kernel's order gate is a <see cref="RiskOrderGate"/> (every pre-trade check),
/// both over one <see cref="RiskManager"/> whose log becomes risk_events.csv. <c>--no-risk</c> turns it off; the
/// vectorized engine has no orders to check and runs without it (both are reported).
/// </summary>
internal sealed class BacktestRunner
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly CliContext _ctx;
    private readonly BacktestPlan _plan;

    public BacktestRunner(CliContext ctx, BacktestPlan plan)
    {
        _ctx = ctx;
        _plan = plan;
    }

    public BacktestOutcome Execute(CancellationToken cancellationToken = default)
    {
        var plan = _plan;

        // The report's charts (ScottPlot + SkiaSharp) cost a one-off load and JIT; pay it on the other core while the engine
        // runs. Not awaited: a failure resurfaces when the report draws its charts.
        _ = Task.Run(ChartFactory.WarmUp, CancellationToken.None);
        var market = LoadMarket(cancellationToken);
        if (market.Series.Count == 0 || market.BarCount == 0)
        {
            throw new InputException($"no bars for the universe from {Describe(plan.Start, "the first bar")} to {Describe(plan.End, "the last bar")} in {_ctx.Display(market.SourceDirectory)}; choose --start/--end inside the data");
        }

        CheckFingerprints(market);
        long bars = market.BarCount;
        var risk = plan.Risk && plan.Engine == BacktestEngineKind.Event ? CreateRiskManager() : null;
        string riskMode = risk is not null ? "on: config/risk_params.yaml"
            : !plan.Risk ? "off: --no-risk"
            : "off: the vectorized engine has no orders to check";
        if (risk is null)
        {
            _ctx.Notice(plan.Risk
                ? "risk: not applied: the vectorized engine trades target weights without orders to check; use --engine event for the risk layer"
                : "risk: OFF (--no-risk): config/risk_params.yaml is not applied; for research only");
        }

        // The universe's session closes (for the attribution) depend on the bars alone: formatted on the other core
        // while the engine runs.
        var closesText = Task.Run(() => UniverseCloses.Format(market.Series, NyseCalendar.Instance), CancellationToken.None);
        var progress = new ConsoleProgress(_ctx.Error, bars);
        var sw = Stopwatch.StartNew();
        RunResult result = plan.Engine == BacktestEngineKind.Vectorized ? RunVectorized(market, progress) : RunEvent(market, progress, risk);
        var engineTime = sw.Elapsed;
        progress.Done();
        cancellationToken.ThrowIfCancellationRequested();

        var config = RunConfig(market, riskMode);
        config = config with { RunId = ResultsWriter.DeterministicRunId(config) };
        var files = ResultsWriter.Render(result, config).ToList();
        string Text(string name) => files.First(f => f.Key == name).Value;
        string? benchmarkCsv = market.Benchmark is { Count: > 0 } b ? BenchmarkCsv(result.Equity, b) : null;
        if (benchmarkCsv is not null)
        {
            files.Add(new(RunTexts.BenchmarkFile, benchmarkCsv));
        }

        string universeCloses = closesText.GetAwaiter().GetResult();
        files.Add(new(UniverseCloses.FileName, universeCloses));

        string? riskCsv = risk is null ? null : RiskEventCsvWriter.ToCsv(risk.Log.Events);
        if (riskCsv is not null)
        {
            files.Add(new(RunTexts.RiskEventsFile, riskCsv));
        }

        // The records go to disk on the other core while the report is built from their texts.
        using var staged = StagedRunFolder.Begin(plan.ResultsDirectory, config.RunId);
        staged.WriteInBackground(files);
        var reportFiles = new List<KeyValuePair<string, string>>();
        RunReport? report = null;
        try
        {
            var texts = new RunTexts(Text(RunTexts.ConfigFile), Text(RunTexts.EquityFile), Text(RunTexts.TradesFile), Text(RunTexts.PositionsFile), benchmarkCsv, universeCloses, riskCsv);
            var record = ConfigLoader.ParseRunFile(texts.ConfigYaml, RunTexts.ConfigFile, _ctx.Config.Settings);
            report = RunReportBuilder.Build(texts, record, config.RunId, _ctx.Config.Risk.MaxSectorPct);
            reportFiles.Add(new(RunReportWriter.MetricsFileName, report.MetricsJson));
            reportFiles.Add(new(RunReportWriter.TearsheetFileName, report.Html));
            if (report.BrinsonCsv is { } brinsonCsv)
            {
                reportFiles.Add(new(RunReport.BrinsonFile, brinsonCsv));
            }
        }
        catch (Exception ex) when (ex is InputException or ArgumentException)
        {
            // A curve the analytics cannot take (e.g. equity at or below zero) still leaves the run's records.
            _ctx.Notice($"No metrics.json or report.html: {ex.Message}");
        }

        staged.Write(reportFiles);
        string folder = staged.Commit();
        return new BacktestOutcome(folder, result, report, bars, engineTime, RiskLine(risk, riskMode));
    }

    /// <summary>The risk layer over config/risk_params.yaml, with the plan's symbols and sectors and its account type.</summary>
    private RiskManager CreateRiskManager()
    {
        var universe = new TradingUniverse(_plan.Symbols, _plan.Benchmark);
        return new RiskManager(_ctx.Config.Risk, universe, new RiskManagerOptions(_plan.Account));
    }

    /// <summary>One line for the console: the counts, and the protective limits that tripped.</summary>
    private static string RiskLine(RiskManager? risk, string mode)
    {
        if (risk is null)
        {
            return "Risk: " + mode;
        }

        var trips = risk.Log.Events
            .Where(e => e.Kind == "state" && e.Check is not "new_day")
            .GroupBy(e => e.Check, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(C, $"{g.Key} {g.Count()}"))
            .ToList();
        string line = "Risk (config/risk_params.yaml) " + risk.Log.Summary()["risk: ".Length..];
        return line + (trips.Count > 0 ? "; tripped: " + string.Join(", ", trips) : "; no limit tripped") + "; see " + RunTexts.RiskEventsFile;
    }

    private MarketData LoadMarket(CancellationToken cancellationToken)
    {
        var plan = _plan;
        var universe = _ctx.Config.Universe;

        // The sample market is generated for the configured universe; a run on other symbols picks them out afterwards.
        var requestSymbols = universe.Symbols.Select(s => new SampleSymbol(s.Symbol, s.Sector)).ToList();
        foreach (var s in plan.Symbols.Where(s => !universe.Contains(s.Symbol)))
        {
            requestSymbols.Add(new SampleSymbol(s.Symbol, s.Sector));
        }

        var request = MarketDataFactory.Request(_ctx, plan.Start, plan.End) with
        {
            Symbols = requestSymbols,
            Benchmark = plan.Benchmark,
            TimeFrame = plan.TimeFrame,
        };
        var md = new MarketDataService(NyseCalendar.Instance).Load(request, cancellationToken);
        foreach (var notice in md.Notices)
        {
            _ctx.Notice(notice);
        }

        var wanted = plan.Symbols.Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        if (md.Series.Count == wanted.Count && md.Series.All(s => wanted.Contains(s.Symbol)))
        {
            return md;
        }

        var series = md.Series.Where(s => wanted.Contains(s.Symbol)).ToList();
        var all = md.Benchmark is null ? series : series.Append(md.Benchmark);
        var kept = all.ToDictionary(s => s.Symbol, md.FingerprintOf, StringComparer.Ordinal);
        return new MarketData(series, md.Benchmark, md.TimeFrame, md.IsSample, md.SourceDirectory, DataFingerprint.Of(all), md.Notices, kept);
    }

    private void CheckFingerprints(MarketData market)
    {
        if (_plan.Record is not { DataFingerprints.Count: > 0 } record)
        {
            return;
        }

        var now = Fingerprints(market).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var differ = record.DataFingerprints
            .Where(kv => !string.Equals(now.GetValueOrDefault(kv.Key), kv.Value, StringComparison.Ordinal))
            .Select(kv => kv.Key)
            .ToList();
        if (differ.Count > 0)
        {
            _ctx.Notice($"warning: the data differs from the data {record.File} was run on ({string.Join(' ', differ.Take(8))}{(differ.Count > 8 ? " ..." : string.Empty)}); results will differ from that run.");
        }
    }

    private RunResult RunEvent(MarketData market, IProgress<RunProgress> progress, RiskManager? risk)
    {
        var strategies = StrategyFactory.CreateAll(_plan.Strategy, _ctx.Config.Universe, market.TimeFrame, _ctx.RootDirectory);
        var riskModels = risk is null ? null : new TrailingRiskModel(market.Series);
        riskModels?.PrecomputeInBackground(); // on the other core, ahead of the sessions that need them
        return Backtester.Run(new BacktestSpec
        {
            Bars = market.Series,
            Calendar = NyseCalendar.Instance,
            Strategies = risk is null ? strategies : [.. strategies.Select((s, i) => new RiskGuardedStrategy(s, risk) { RiskModels = i == 0 ? riskModels : null })],
            Gate = risk is null ? AcceptAllGate.Instance : new RiskOrderGate(risk),
            InitialCapital = _plan.InitialCapital,
            Margin = EngineSettings.Margin(_plan.Account),
            Costs = EngineSettings.Costs(_plan.Costs),
            Venue = EngineSettings.Venue(_plan.Venue),
            Progress = progress,
        });
    }

    private RunResult RunVectorized(MarketData market, IProgress<RunProgress> progress)
    {
        var aligned = AlignedBars.Create(market.Series);
        return VectorizedBacktester.Run(new VectorizedSpec
        {
            Bars = aligned,
            TargetWeights = StrategyFactory.TargetWeights(_plan.Strategy, aligned),
            Calendar = NyseCalendar.Instance,
            InitialCapital = _plan.InitialCapital,
            Margin = EngineSettings.Margin(_plan.Account),
            Costs = EngineSettings.Costs(_plan.Costs),
            Venue = EngineSettings.Venue(_plan.Venue),
            StrategyName = _plan.Strategy.Name,
            Progress = progress,
        });
    }

    private RunConfig RunConfig(MarketData market, string riskMode)
    {
        var plan = _plan;
        var cal = NyseCalendar.Instance;
        var bySymbol = plan.Symbols.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        var extra = new List<KeyValuePair<string, string>>
        {
            new("data_source", market.IsSample ? "sample market" : "vendor files"),
            new("data_folder", _ctx.Display(market.SourceDirectory).Replace('\\', '/')),
        };
        if (market.IsSample)
        {
            var sample = _ctx.Config.Settings.Sample;
            extra.Add(new("sample_seed", sample.Seed.ToString(C)));
            extra.Add(new("sample_start", sample.Start.ToString("yyyy-MM-dd", C)));
            extra.Add(new("sample_end", sample.End.ToString("yyyy-MM-dd", C)));
        }

        extra.Add(new("data_processing", MarketDataService.ProcessingVersion));
        extra.Add(new("risk", riskMode));
        return new RunConfig
        {
            RunId = "pending",
            Engine = plan.Engine == BacktestEngineKind.Vectorized ? "vectorized" : "event",
            Strategy = plan.Strategy.Name,
            StrategyType = plan.Strategy.Type,
            StrategyParameters = plan.Strategy.Describe(),
            Seed = plan.Venue.Seed,
            InitialCapital = plan.InitialCapital,
            Account = EngineSettings.Margin(plan.Account).Name,
            Costs = EngineSettings.Costs(plan.Costs),
            Venue = EngineSettings.Venue(plan.Venue),
            TimeFrame = market.TimeFrame.ToString(),
            StartUtc = plan.Start is { } s ? cal.ToUtc(s.ToDateTime(TimeOnly.MinValue)) : null,
            EndUtc = plan.End is { } e ? cal.ToUtc(e.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            Calendar = cal.Name,
            Symbols = market.Series.Select(x => x.Symbol).ToList(),
            Sectors = market.Series.Select(x => new KeyValuePair<string, string>(x.Symbol, bySymbol[x.Symbol].Sector)).ToList(),
            Benchmark = market.Benchmark?.Symbol,
            DataFingerprints = Fingerprints(market),
            Extra = extra,
        };
    }

    private static List<KeyValuePair<string, string>> Fingerprints(MarketData market)
    {
        var list = new List<KeyValuePair<string, string>> { new("universe", market.Fingerprint) };
        list.AddRange(market.Series.Select(s => new KeyValuePair<string, string>(s.Symbol, market.FingerprintOf(s))));
        if (market.Benchmark is { } b && market.Series.All(s => s.Symbol != b.Symbol))
        {
            list.Add(new(b.Symbol, market.FingerprintOf(b)));
        }

        return list;
    }

    /// <summary>The benchmark's last close at or before each equity time (its first close before it trades).</summary>
    private static string BenchmarkCsv(Engine.Results.EquityCurve equity, BarSeries benchmark)
    {
        var sb = new StringBuilder("time_utc,close\n");
        var times = equity.TimeUtcTicks;
        var starts = benchmark.Time;
        var close = benchmark.Close;
        long barTicks = benchmark.TimeFrame.Duration.Ticks;
        int j = -1;
        for (int i = 0; i < times.Length; i++)
        {
            while (j + 1 < starts.Length && starts[j + 1] + barTicks <= times[i])
            {
                j++;
            }

            double value = close[Math.Max(j, 0)];
            sb.Append(ResultsFormat.Time(times[i])).Append(',').Append(value.ToString("R", C)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Describe(DateOnly? d, string otherwise) => d is { } x ? x.ToString("yyyy-MM-dd", C) : otherwise;
}
