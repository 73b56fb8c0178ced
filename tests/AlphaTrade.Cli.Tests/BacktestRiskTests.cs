using System.Globalization;
using System.Text.Json;
using AlphaTrade.Risk.Limits;

namespace AlphaTrade.Cli.Tests;

/// <summary>
/// The risk layer in <c>alphatrade backtest</c>: every order of the event engine passes config/risk_params.yaml and
/// each decision lands in risk_events.csv, metrics.json and the report.
/// </summary>
public class BacktestRiskTests
{
    /// <summary>
    /// Limits tight enough for the three-symbol, three-month sample market (seed 7), whose planted crash runs from
    /// 2024-05-02 to 2024-05-10: a 0.5% intraday circuit breaker (halt), a 2% drawdown halt (flatten), positions of at
    /// most 25% of equity (the crossover asks for a third each).
    /// </summary>
    private const string CrashLimits =
        "max_position_pct: 0.25\nmax_sector_pct: 0.30\nmax_gross_exposure: 1.0\nmax_net_exposure: 1.0\n" +
        "max_drawdown_pct: 0.02\ndrawdown_action: flatten\ndaily_loss_limit_pct: 0.005\ncircuit_breaker_pct: 0.005\ncircuit_breaker_action: halt\n" +
        "max_var_pct: 0.02\nvar_confidence: 0.95\nmax_order_notional: 250000\nmax_order_shares: 20000\nmin_order_notional: 100\n" +
        "price_band_pct: 0.05\nmax_orders_per_minute: 120\nallow_short: true\nrestricted: []\nshort_restricted: []\n";

    private static CliHarness Harness(string? limits = null)
    {
        var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        if (limits is not null)
        {
            File.WriteAllText(h.File("config/risk_params.yaml"), limits);
        }

        return h;
    }

    private static string RunFolder(CliHarness h) => Assert.Single(Directory.GetDirectories(h.File("results")));

    /// <summary>A CSV line split into fields (quoted fields may hold commas and doubled quotes).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cur.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cur.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(cur.ToString());
                cur.Clear();
            }
            else
            {
                cur.Append(ch);
            }
        }

        fields.Add(cur.ToString());
        return fields;
    }

    private sealed record Row(DateTime Utc, DateTimeOffset Exchange, string Kind, string Strategy, string Symbol, string Side, long Requested, long Final,
        string Verdict, string Check, string Reason)
    {
        public DateOnly ExchangeDate => DateOnly.FromDateTime(Exchange.DateTime);
    }

    private static List<Row> ReadEvents(string path)
    {
        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RiskEventCsvWriter.Header, lines[0]);
        var rows = new List<Row>();
        foreach (var line in lines.Skip(1))
        {
            var f = Fields(line);
            Assert.Equal(11, f.Count);
            rows.Add(new Row(
                DateTime.ParseExact(f[0], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                DateTimeOffset.ParseExact(f[1], "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                f[2], f[3], f[4], f[5], long.Parse(f[6], CultureInfo.InvariantCulture), long.Parse(f[7], CultureInfo.InvariantCulture), f[8], f[9], f[10]));
        }

        return rows;
    }

    [Fact]
    public void Backtest_PlantedCrash_CircuitBreakerAndDrawdownHaltFire_AndOrdersAreRejectedAndResizedWithReasons()
    {
        using var h = Harness(CrashLimits);
        var r = h.Run("backtest");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("Risk (config/risk_params.yaml)", r.Out, StringComparison.Ordinal);
        Assert.Contains("tripped: circuit_breaker", r.Out, StringComparison.Ordinal);

        // The crash window from the sample market's ground truth.
        var crash = JsonDocument.Parse(File.ReadAllText(h.File("data/sample/_ground_truth.json"))).RootElement.GetProperty("crash");
        var crashStart = DateOnly.ParseExact(crash.GetProperty("startDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var crashEnd = DateOnly.ParseExact(crash.GetProperty("endDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        string folder = RunFolder(h);
        var rows = ReadEvents(Path.Combine(folder, "risk_events.csv"));

        // Both timestamps name the same instant; the exchange one is New York time (EST/EDT).
        Assert.All(rows, e => Assert.Equal(e.Utc, e.Exchange.UtcDateTime));
        Assert.All(rows, e => Assert.Contains(e.Exchange.Offset, new[] { TimeSpan.FromHours(-5), TimeSpan.FromHours(-4) }));

        // The intraday circuit breaker halts trading inside the crash.
        var breaker = rows.Where(e => e.Kind == "state" && e.Check == "circuit_breaker").ToList();
        Assert.Contains(breaker, e => e.ExchangeDate >= crashStart && e.ExchangeDate <= crashEnd);
        Assert.All(breaker, e => Assert.Equal("halted", e.Verdict));
        Assert.All(breaker, e => Assert.Contains("reached circuit_breaker_pct 0.50 %", e.Reason, StringComparison.Ordinal));

        // The drawdown halt fires once, inside the crash, and flattens the book with market orders.
        var drawdown = Assert.Single(rows, e => e.Kind == "state" && e.Check == "drawdown");
        Assert.InRange(drawdown.ExchangeDate, crashStart, crashEnd);
        Assert.Equal("flattening", drawdown.Verdict);
        Assert.Contains("reached max_drawdown_pct 2.00 %", drawdown.Reason, StringComparison.Ordinal);
        var orders = File.ReadAllLines(Path.Combine(folder, "orders.csv"));
        Assert.Contains(orders, l => l.EndsWith("," + RiskGuardedStrategy.FlattenTag, StringComparison.Ordinal));

        // Orders refused while halted, with the reason, after a breaker trip on the same day.
        var rejected = rows.Where(e => e.Kind == "order" && e.Verdict == "reject").ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, e => Assert.Equal(0, e.Final));
        var halted = rejected.Where(e => e.Check == "trading_halt").ToList();
        Assert.NotEmpty(halted);
        Assert.All(halted, e => Assert.Equal("trading state is halted: only risk-reducing orders pass", e.Reason));
        Assert.All(halted, e => Assert.Contains(breaker, b => b.ExchangeDate == e.ExchangeDate && b.Utc <= e.Utc));

        // Orders cut to the position limit, with the reason; the engine sent the cut quantity.
        var resized = rows.Where(e => e.Kind == "order" && e.Verdict == "resize").ToList();
        Assert.NotEmpty(resized);
        Assert.All(resized, e => Assert.InRange(e.Final, 1, e.Requested - 1));
        Assert.Contains(resized, e => e.Check.Split(';').Contains("max_position") && e.Reason.Contains("max_position_pct is 25.00 %", StringComparison.Ordinal));
        Assert.All(resized, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));

        // Every order the strategy sent was checked: accepted + resized + rejected = order rows; metrics.json agrees.
        var risk = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))).RootElement.GetProperty("risk");
        Assert.True(risk.GetProperty("enabled").GetBoolean());
        var counts = risk.GetProperty("orders");
        Assert.Equal(rows.Count(e => e.Kind == "order" && e.Verdict == "accept"), counts.GetProperty("accepted").GetInt32());
        Assert.Equal(resized.Count, counts.GetProperty("resized").GetInt32());
        Assert.Equal(rejected.Count, counts.GetProperty("rejected").GetInt32());
        Assert.Equal(orders.Length - 1, rows.Count(e => e.Kind == "order"));
        Assert.Equal(rejected.Count, orders.Count(l => l.Contains(",rejected,", StringComparison.Ordinal)));
        Assert.Contains(risk.GetProperty("by_limit").EnumerateArray(), l => l.GetProperty("limit").GetString() == "drawdown" && l.GetProperty("count").GetInt32() == 1);

        // The report's risk section lists them.
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<b>Risk layer on.</b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>circuit_breaker</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>drawdown</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>trading_halt</td>", html, StringComparison.Ordinal);
        Assert.Contains("Gross exposure by sector over time", html, StringComparison.Ordinal);
        Assert.Contains("risk: \"on: config/risk_params.yaml\"", File.ReadAllText(Path.Combine(folder, "config.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_NoRisk_WritesNoRiskEventsAndReportsTheLayerOff()
    {
        using var h = Harness(CrashLimits);
        var r = h.Run("backtest", "--no-risk");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("risk: OFF (--no-risk)", r.Err, StringComparison.Ordinal);
        Assert.Contains("Risk: off: --no-risk", r.Out, StringComparison.Ordinal);
        string folder = RunFolder(h);
        Assert.False(File.Exists(Path.Combine(folder, "risk_events.csv")));
        Assert.Contains("risk: \"off: --no-risk\"", File.ReadAllText(Path.Combine(folder, "config.yaml")), StringComparison.Ordinal);
        var risk = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))).RootElement.GetProperty("risk");
        Assert.False(risk.GetProperty("enabled").GetBoolean());
        Assert.Contains("<b>Risk layer off.</b>", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);

        // Without the limits nothing is flattened.
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(folder, "orders.csv")), l => l.EndsWith("," + RiskGuardedStrategy.FlattenTag, StringComparison.Ordinal));
    }

    [Fact]
    public void Report_ResultsFolderWithRiskEvents_RebuildsTheSameRiskSection()
    {
        using var h = Harness(CrashLimits);
        Assert.Equal(0, h.Run("backtest").Code);
        string folder = RunFolder(h);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        string metrics = File.ReadAllText(Path.Combine(folder, "metrics.json"));
        File.Delete(Path.Combine(folder, "report.html"));
        var r = h.Run("report", Path.Combine("results", Path.GetFileName(folder)));
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal(html, File.ReadAllText(Path.Combine(folder, "report.html")));
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(folder, "metrics.json")));
    }
}
