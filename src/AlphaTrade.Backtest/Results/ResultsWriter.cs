using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Backtest.Results;

/// <summary>
/// One more file of a run's results folder, written by another component (the analytics layer's metrics.json and
/// report.html plug in here). Writers run inside the same atomic write as the core files.
/// </summary>
public interface IRunArtifactWriter
{
    /// <summary>File name inside the run folder, e.g. "metrics.json".</summary>
    string FileName { get; }

    /// <summary>Writes the file's content to <paramref name="output"/>.</summary>
    void Write(RunResult result, RunConfig config, Stream output);
}

/// <summary>
/// Writes <c>results/&lt;run-id&gt;/</c>: config.yaml, equity.csv, orders.csv, fills.csv, trades.csv, positions.csv and
/// any extra artifacts. Atomic: everything is written to a hidden sibling folder which is then renamed into place,
/// so a run folder is either complete or absent; an existing folder of the same id is replaced. UTF-8 without BOM,
/// "\n" line ends, invariant formatting: the same run writes the same bytes.
/// </summary>
public static class ResultsWriter
{
    /// <summary>Writes the run and returns the full path of its folder.</summary>
    public static string Write(RunResult result, RunConfig config, string resultsDirectory, IEnumerable<IRunArtifactWriter>? extraArtifacts = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(config);
        var files = Render(result, config);
        var extras = extraArtifacts?.ToList() ?? [];
        using var folder = StagedRunFolder.Begin(resultsDirectory, config.RunId);
        folder.Write(files);
        foreach (var extra in extras)
        {
            using var stream = File.Create(folder.PathOf(extra.FileName));
            extra.Write(result, config, stream);
        }

        return folder.Commit();
    }

    /// <summary>
    /// The text of a run's own files, in order: config.yaml, equity.csv, orders.csv, fills.csv, trades.csv and
    /// positions.csv. Each is formatted once (config.yaml's log hash reuses the orders and fills text); the order and
    /// fill logs, the largest, are formatted on another thread meanwhile (the texts are the same either way).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Render(RunResult result, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(config);
        var logs = Task.Run(() => (Orders: ResultsFormat.OrdersCsv(result), Fills: ResultsFormat.FillsCsv(result)));
        string equity = ResultsFormat.EquityCsv(result);
        string trades = ResultsFormat.TradesCsv(result);
        string positions = ResultsFormat.PositionsCsv(result);
        var (orders, fills) = logs.GetAwaiter().GetResult();
        return
        [
            new("config.yaml", ConfigYaml(config, result, ResultsFormat.LogHash(orders, fills))),
            new("equity.csv", equity),
            new("orders.csv", orders),
            new("fills.csv", fills),
            new("trades.csv", trades),
            new("positions.csv", positions),
        ];
    }

    /// <summary>
    /// A reproducible run id: "&lt;strategy&gt;-&lt;12 hex digits of the SHA-256 of the config without its id&gt;", so the same
    /// inputs always name the same folder.
    /// </summary>
    public static string DeterministicRunId(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string body = ConfigYaml(config with { RunId = "-" }, null);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..12];
        var name = new StringBuilder();
        foreach (char ch in config.Strategy)
        {
            name.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.' ? ch : '_');
        }

        return name + "-" + hash;
    }

    /// <summary>The config.yaml text (with a summary block when <paramref name="result"/> is given).</summary>
    public static string ConfigYaml(RunConfig config, RunResult? result) =>
        ConfigYaml(config, result, result is null ? null : ResultsFormat.LogHash(result));

    private static string ConfigYaml(RunConfig config, RunResult? result, string? logHash)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = CultureInfo.InvariantCulture;
        var y = new StringBuilder();
        y.Append("# AlphaTrade run record: everything needed to reproduce this run.\n");
        y.Append("run_id: ").Append(Q(config.RunId)).Append('\n');
        y.Append("engine: ").Append(Q(config.Engine)).Append('\n');
        y.Append("alphatrade_version: ").Append(Q(typeof(ResultsWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0")).Append('\n');
        y.Append("strategy:\n  name: ").Append(Q(config.Strategy)).Append('\n');
        if (config.StrategyType is { } type)
        {
            y.Append("  type: ").Append(Q(type)).Append('\n');
        }

        Map(y, "  parameters", config.StrategyParameters);
        y.Append("seed: ").Append(config.Seed.ToString(c)).Append('\n');
        y.Append("initial_capital: ").Append(config.InitialCapital.ToString(c)).Append('\n');
        y.Append("account: ").Append(Q(config.Account)).Append('\n');
        y.Append("timeframe: ").Append(Q(config.TimeFrame)).Append('\n');
        y.Append("start: ").Append(config.StartUtc is { } s ? Q(ResultsFormat.Time(s.Ticks)) : "null").Append('\n');
        y.Append("end: ").Append(config.EndUtc is { } e ? Q(ResultsFormat.Time(e.Ticks)) : "null").Append('\n');
        y.Append("calendar: ").Append(Q(config.Calendar)).Append('\n');
        y.Append("symbols: [").AppendJoin(", ", config.Symbols.Select(Q)).Append("]\n");
        if (config.Sectors.Count > 0)
        {
            Map(y, "sectors", config.Sectors);
        }

        if (config.Benchmark is { } benchmark)
        {
            y.Append("benchmark: ").Append(Q(benchmark)).Append('\n');
        }

        Map(y, "costs", config.Costs.Describe());
        Map(y, "venue",
        [
            new("participation_cap", config.Venue.ParticipationCap is { } cap ? cap.ToString("R", c) : "null"),
            new("touch_fill_probability", config.Venue.TouchFillProbability.ToString("R", c)),
            new("seed", config.Venue.Seed.ToString(c)),
            new("statistics_span_bars", config.Venue.StatisticsSpanBars.ToString(c)),
        ]);
        Map(y, "data_fingerprints", config.DataFingerprints);
        Map(y, "extra", config.Extra);
        if (result is not null)
        {
            Map(y, "summary",
            [
                new("final_equity", result.FinalEquity.ToString(c)),
                new("final_cash", result.FinalCash.ToString(c)),
                new("net_pnl", result.TotalPnl.NetPnl.ToString(c)),
                new("commission", result.TotalPnl.Commission.ToString(c)),
                new("fees", result.TotalPnl.Fees.ToString(c)),
                new("borrow_fees", result.TotalPnl.BorrowFees.ToString(c)),
                new("interest", result.TotalPnl.Interest.ToString(c)),
                new("orders", result.Orders.Count.ToString(c)),
                new("fills", result.Fills.Count.ToString(c)),
                new("round_trips", result.Trades.Count.ToString(c)),
                new("bars", result.BarsProcessed.ToString(c)),
                new("margin_calls", result.MarginCalls.Count.ToString(c)),
                new("log_sha256", logHash ?? ResultsFormat.LogHash(result)),
            ]);
        }

        return y.ToString();
    }

    private static void Map(StringBuilder y, string key, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            y.Append(key).Append(": {}\n");
            return;
        }

        string indent = new(' ', key.Length - key.TrimStart().Length + 2);
        y.Append(key).Append(":\n");
        foreach (var (k, v) in pairs)
        {
            y.Append(indent).Append(Key(k)).Append(": ").Append(Scalar(v)).Append('\n');
        }
    }

    private static string Key(string k) => k.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.') && k.Length > 0 ? k : Q(k);

    /// <summary>Plain for numbers, booleans and null; double-quoted otherwise.</summary>
    private static string Scalar(string v)
    {
        if (v is "true" or "false" or "null")
        {
            return v;
        }

        return decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !v.StartsWith('+') ? v : Q(v);
    }

    private static string Q(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    internal static void ValidateRunId(string runId)
    {
        if (string.IsNullOrEmpty(runId) || runId[0] == '.' || !runId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
        {
            throw new ArgumentException($"Run id '{runId}' must be letters, digits, '_', '-' or '.' and not start with '.'.", nameof(runId));
        }
    }
}
