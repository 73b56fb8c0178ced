using System.Globalization;
using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.IO;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;
using AlphaTrade.Risk.Limits;
using AnalyticsRiskEvent = AlphaTrade.Analytics.Reporting.RiskEvent;
using RiskData = AlphaTrade.Analytics.Reporting.RiskData;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>The text of a run's files that the report reads (benchmark.csv, universe_closes.csv and risk_events.csv may be missing).</summary>
internal sealed record RunTexts(string ConfigYaml, string EquityCsv, string TradesCsv, string PositionsCsv, string? BenchmarkCsv, string? UniverseClosesCsv = null, string? RiskEventsCsv = null)
{
    public const string ConfigFile = "config.yaml";
    public const string EquityFile = "equity.csv";
    public const string TradesFile = "trades.csv";
    public const string PositionsFile = "positions.csv";
    public const string BenchmarkFile = "benchmark.csv";
    public const string RiskEventsFile = RiskEventCsvWriter.FileName;

    /// <summary>Reads a results folder; a missing file is a one-line error naming it.</summary>
    public static RunTexts Read(string folder, Func<string, string> display)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{display(folder)}: no such folder; expected a run's results folder such as results/<run-id>");
        }

        string Need(string name)
        {
            string path = Path.Combine(folder, name);
            return File.Exists(path)
                ? File.ReadAllText(path)
                : throw new InputException($"{display(path)}: file not found; a results folder holds {ConfigFile}, {EquityFile}, {TradesFile} and {PositionsFile}");
        }

        string? Optional(string name)
        {
            string path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        return new RunTexts(Need(ConfigFile), Need(EquityFile), Need(TradesFile), Need(PositionsFile), Optional(BenchmarkFile), Optional(UniverseCloses.FileName), Optional(RiskEventsFile));
    }
}

/// <summary>A run's computed analytics and the files written from them (attribution_brinson.csv only when the folder holds the universe's closes).</summary>
internal sealed record RunReport(PerformanceReport Report, string MetricsJson, string Html, string? BrinsonCsv = null)
{
    public const string BrinsonFile = "attribution_brinson.csv";
}

/// <summary>
/// Builds a run's metrics.json and report.html from the text of its results files. The backtest command and
/// <c>alphatrade report</c> both go through here, so rebuilding a report from a results folder gives the same bytes.
/// </summary>
internal static class RunReportBuilder
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Note shown when every order went through the risk layer.</summary>
    public const string RiskOnNote =
        "Every order passed the risk layer of config/risk_params.yaml (pre-trade checks in the engine's order gate; drawdown, daily loss and circuit breaker on equity); each decision is in risk_events.csv.";

    /// <summary>Note shown when the run has no risk_events.csv.</summary>
    public const string RiskOffNote =
        "This run has no risk_events.csv: it was made with --no-risk, or on the vectorized engine (no order flow to check); see extra.risk in config.yaml.";

    public static RunReport Build(RunTexts texts, RunFile record, string folderName, double? sectorLimit = null)
    {
        // The files are parsed side by side on the machine's cores (the trades, the risk events and the benchmark do
        // not depend on the others); each is awaited where the sequential order used it, so the first bad file named
        // is the same.
        var sectors = record.Sectors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var tradesParsed = Task.Run(() => Trades(texts.TradesCsv, Path.Combine(folderName, RunTexts.TradesFile), sectors));
        var riskParsed = texts.RiskEventsCsv is { } riskText ? Task.Run(() => RiskEvents(riskText, Path.Combine(folderName, RunTexts.RiskEventsFile))) : null;
        var benchmarkParsed = texts.BenchmarkCsv is { } bText ? Task.Run(() => SeriesCsv.Read(new StringReader(bText), Path.Combine(folderName, RunTexts.BenchmarkFile))) : null;
        var equity = SeriesCsv.Read(new StringReader(texts.EquityCsv), Path.Combine(folderName, RunTexts.EquityFile));
        if (equity.Count < 2)
        {
            throw new InputException($"{Path.Combine(folderName, RunTexts.EquityFile)}: {equity.Count} row(s); a report needs at least two");
        }

        double[]? benchmark = null;
        string? benchmarkNote = null;
        if (benchmarkParsed is not null)
        {
            var b = benchmarkParsed.GetAwaiter().GetResult();
            if (b.TimeUtcTicks.AsSpan().SequenceEqual(equity.TimeUtcTicks))
            {
                benchmark = b.Values;
                benchmarkNote = $"{record.Benchmark ?? "benchmark"} closes at the equity timestamps";
            }
        }

        var sectorOrder = record.Sectors.Select(kv => kv.Value).Distinct(StringComparer.Ordinal).ToList();
        var timeFrame = record.TimeFrame ?? TimeFrame.FifteenMinutes;
        var snapshots = Snapshots(texts.PositionsCsv, Path.Combine(folderName, RunTexts.PositionsFile), equity, sectors);
        var brinson = texts.UniverseClosesCsv is { } closesCsv
            ? BrinsonPeriods(closesCsv, Path.Combine(folderName, UniverseCloses.FileName), record, snapshots)
            : null;
        var input = new AnalyticsInput
        {
            Curve = new EquityCurve(equity.TimeUtcTicks, equity.Values, benchmark),
            Options = MetricsOptions.ForTimeFrame(timeFrame),
            BenchmarkNote = benchmarkNote,
            Trades = tradesParsed.GetAwaiter().GetResult(),
            Exposure = snapshots.Count == 0 ? null : ExposureSeries.FromSnapshots(snapshots, sectorOrder.Count > 0 ? sectorOrder : null),
            BrinsonPeriods = brinson,
        };

        var report = PerformanceAnalyzer.Analyze(input);
        var strategy = record.Strategy;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Engine"] = record.Engine == BacktestEngineKind.Vectorized ? "vectorized" : "event-driven",
            ["Account"] = record.Account == AccountType.Cash ? "cash (1×)" : "Reg T margin (4× intraday, 2× overnight)",
            ["Commission"] = record.Costs.Commission switch
            {
                CommissionKind.PerShare => string.Create(C, $"${record.Costs.PerShare}/share, min ${record.Costs.MinPerOrder}"),
                CommissionKind.Percent => string.Create(C, $"{record.Costs.Percent * 100m}% of notional"),
                _ => "zero (regulatory fees only)",
            },
            ["Slippage"] = record.Costs.Slippage switch
            {
                SlippageKind.FixedBps => string.Create(C, $"{record.Costs.SlippageBps} bps"),
                SlippageKind.HalfSpread => "half spread (Corwin–Schultz)",
                _ => string.Create(C, $"√ impact, k = {record.Costs.ImpactK}"),
            },
            ["Participation cap"] = record.Venue.ParticipationCap > 0 ? Fmt.Pct(record.Venue.ParticipationCap, 0) + " of bar volume" : "off",
            ["Seed"] = record.Venue.Seed.ToString(C),
        };
        var meta = new RunMetadata("Backtest: " + (strategy?.Name ?? "run"))
        {
            RunId = record.RunId,
            Strategy = strategy is null ? null : $"{strategy.Name} ({strategy.Type}: {string.Join(", ", strategy.Describe().Select(kv => kv.Key + " " + kv.Value))})",
            BarSize = timeFrame.ToString(),
            Universe = string.Create(C, $"{record.Symbols?.Count ?? sectors.Count} symbols in {sectorOrder.Count} sectors"),
            Benchmark = record.Benchmark,
            Parameters = parameters,
        };

        var run = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["run_id"] = record.RunId ?? string.Empty,
            ["engine"] = record.Engine == BacktestEngineKind.Vectorized ? "vectorized" : "event",
            ["strategy"] = strategy?.Name ?? string.Empty,
            ["strategy_type"] = strategy?.Type ?? string.Empty,
            ["timeframe"] = timeFrame.ToString(),
            ["symbols"] = (record.Symbols?.Count ?? 0).ToString(C),
            ["benchmark"] = record.Benchmark ?? string.Empty,
            ["initial_capital"] = (record.InitialCapital ?? 0m).ToString(C),
        };

        var risk = riskParsed is not null
            ? new RiskData(null, riskParsed.GetAwaiter().GetResult()) { Note = RiskOnNote, SectorLimit = sectorLimit }
            : new RiskData(null, []) { Enabled = false, Note = RiskOffNote, SectorLimit = sectorLimit };
        var brinsonText = brinson is not null && report.Brinson is { } attribution ? Task.Run(() => BrinsonCsv.Format(brinson, attribution)) : null;
        string json = MetricsJsonWriter.ToJson(report, run, RiskSummary.Compute(risk, input.Curve));
        string html = TearsheetBuilder.Build(new TearsheetInput { Analytics = input, Metadata = meta, Report = report, Risk = risk });
        return new RunReport(report, json, html, brinsonText?.GetAwaiter().GetResult());
    }

    /// <summary>Daily holdings-based Brinson periods between consecutive session closes against the equal-weighted run universe.</summary>
    private static List<BrinsonPeriod> BrinsonPeriods(string csv, string name, RunFile record, List<PositionSnapshot> snapshots)
    {
        var universe = record.Sectors.Select(kv => new SymbolInfo(kv.Key, kv.Key, kv.Value, string.Empty)).ToList();
        if (universe.Count == 0)
        {
            throw new InputException($"{name}: config.yaml lists no sectors; the attribution needs each symbol's sector");
        }

        var (times, closes) = UniverseCloses.Parse(csv, name, universe.Select(u => u.Symbol).ToList());
        var byTime = snapshots.ToDictionary(s => s.TimeUtcTicks);
        return SessionBrinson.Build(universe, times, closes, t => byTime.GetValueOrDefault(t));
    }

    /// <summary>The events of risk_events.csv (see <see cref="RiskEventCsvWriter"/>).</summary>
    private static List<AnalyticsRiskEvent> RiskEvents(string csv, string name)
    {
        var rows = ResultsCsv.Parse(csv, name, ["time_utc", "kind", "strategy", "symbol", "side", "requested_qty", "final_qty", "verdict", "check", "reason"]);
        var list = new List<AnalyticsRiskEvent>(rows.Count);
        foreach (var r in rows)
        {
            list.Add(new AnalyticsRiskEvent(r.Time("time_utc"), r.Text("check"), r.Text("reason"))
            {
                Category = r.Text("kind"),
                Verdict = r.Text("verdict"),
                Strategy = r.Text("strategy"),
                Symbol = r.Text("symbol"),
                Side = r.Text("side"),
                RequestedQuantity = (long)r.Decimal("requested_qty"),
                FinalQuantity = (long)r.Decimal("final_qty"),
            });
        }

        return list;
    }

    private static List<TradeRecord> Trades(string csv, string name, Dictionary<string, string> sectors)
    {
        var rows = ResultsCsv.Parse(csv, name, ["strategy", "symbol", "direction", "entry_utc", "exit_utc", "quantity", "entry_price", "exit_price", "costs", "net_pnl"]);
        var list = new List<TradeRecord>(rows.Count);
        foreach (var r in rows)
        {
            if (r.Text("exit_utc").Length == 0)
            {
                continue; // still open at the end: not a round trip
            }

            string symbol = r.Text("symbol");
            list.Add(new TradeRecord(
                symbol,
                sectors.GetValueOrDefault(symbol, "Unknown"),
                r.Text("strategy"),
                r.Text("direction") == "short" ? TradeSide.Short : TradeSide.Long,
                r.Time("entry_utc"),
                r.Time("exit_utc"),
                (double)r.Decimal("entry_price"),
                (double)r.Decimal("exit_price"),
                (double)r.Decimal("quantity"),
                (double)r.Decimal("net_pnl"),
                (double)r.Decimal("costs")));
        }

        return list;
    }

    /// <summary>Net weight per symbol at every session close of the run (zero when flat), from positions.csv and the equity at that close.</summary>
    private static List<PositionSnapshot> Snapshots(string csv, string name, SeriesFile equity, Dictionary<string, string> sectors)
    {
        var rows = ResultsCsv.Parse(csv, name, ["time_utc", "symbol", "market_value"]);
        var byTime = new SortedDictionary<long, Dictionary<string, double>>();
        foreach (var r in rows)
        {
            long t = r.Time("time_utc");
            if (!byTime.TryGetValue(t, out var book))
            {
                byTime[t] = book = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            string symbol = r.Text("symbol");
            book[symbol] = book.GetValueOrDefault(symbol) + (double)r.Decimal("market_value");
        }

        var times = equity.TimeUtcTicks;
        var cal = NyseCalendar.Instance;
        var first = DateOnly.FromDateTime(cal.ToExchangeTime(new DateTime(times[0], DateTimeKind.Utc)));
        var last = DateOnly.FromDateTime(cal.ToExchangeTime(new DateTime(times[^1], DateTimeKind.Utc)));
        var snapshots = new List<PositionSnapshot>();
        foreach (var session in cal.Sessions(first, last))
        {
            long close = session.CloseUtc.Ticks;
            int at = Array.BinarySearch(times, close);
            at = at >= 0 ? at : ~at - 1;
            if (at < 0 || times[at] <= session.OpenUtc.Ticks)
            {
                continue; // no equity point in this session
            }

            double e = equity.Values[at];
            var weights = new List<PositionWeight>();
            if (byTime.TryGetValue(close, out var book))
            {
                foreach (var (symbol, value) in book.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    weights.Add(new PositionWeight(symbol, sectors.GetValueOrDefault(symbol, "Unknown"), value / e));
                }
            }

            snapshots.Add(new PositionSnapshot(close, weights));
        }

        return snapshots;
    }
}
