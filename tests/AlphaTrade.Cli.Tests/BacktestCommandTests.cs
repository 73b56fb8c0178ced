using System.Globalization;
using System.Text.Json;

namespace AlphaTrade.Cli.Tests;

public class BacktestCommandTests
{
    private static readonly string[] RunFiles =
        [
            "config.yaml", "equity.csv", "orders.csv", "fills.csv", "trades.csv", "positions.csv", "benchmark.csv", "universe_closes.csv",
            "risk_events.csv",             "metrics.json", "report.html", "attribution_brinson.csv",
        ];

    /// <summary>Three symbols and three months of sample market keep each run well under a second.</summary>
    private static CliHarness Harness(string? extraSettings = null) =>
        new(CliHarness.ShortSampleSettings + (extraSettings ?? string.Empty), CliHarness.SmallUniverse);

    private static string RunFolder(CliHarness h, string results = "results") => Assert.Single(Directory.GetDirectories(h.File(results)));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Backtest_NoArguments_RunsTheDefaultStrategyOnTheSampleMarketAndWritesEveryFile()
    {
        using var h = Harness();
        var r = h.Run("backtest");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("No data for the universe in", r.Err, StringComparison.Ordinal);
        Assert.Contains("sample market", r.Err, StringComparison.Ordinal);

        string folder = RunFolder(h);
        Assert.StartsWith("sma_crossover-", Path.GetFileName(folder), StringComparison.Ordinal);
        foreach (var f in RunFiles)
        {
            Assert.True(File.Exists(Path.Combine(folder, f)), f + " missing");
        }

        Assert.Contains("Backtest sma_crossover (event-driven engine): 3 symbols", r.Out, StringComparison.Ordinal);
        Assert.Contains("Sharpe", r.Out, StringComparison.Ordinal);
        Assert.Contains($"Report: results/{Path.GetFileName(folder)}/report.html", r.Out, StringComparison.Ordinal);

        // The record names the strategy, its parameters, the symbols with sectors and a fingerprint per series.
        string config = File.ReadAllText(Path.Combine(folder, "config.yaml"));
        Assert.Contains("  type: \"sma_crossover\"\n", config, StringComparison.Ordinal);
        Assert.Contains("    fast_period: 10\n", config, StringComparison.Ordinal);
        Assert.Contains("symbols: [\"KO\", \"PEP\", \"XOM\"]", config, StringComparison.Ordinal);
        Assert.Contains("  XOM: \"Energy\"\n", config, StringComparison.Ordinal);
        foreach (var key in new[] { "universe", "KO", "PEP", "XOM", "SPY" })
        {
            Assert.Matches($"\n  {key}: \"?[0-9a-f]{{16}}\"?\n", config);
        }

        // The strategy traded, and the metrics describe the same curve as equity.csv.
        var fills = Lines(File.ReadAllText(Path.Combine(folder, "fills.csv")));
        Assert.True(fills.Length > 10, "the crossover should trade over three months");
        var equity = Lines(File.ReadAllText(Path.Combine(folder, "equity.csv")));
        double lastEquity = double.Parse(equity[^1].Split(',')[1], CultureInfo.InvariantCulture);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))).RootElement;
        Assert.Equal(lastEquity, metrics.GetProperty("period").GetProperty("end_equity").GetDouble());
        Assert.Equal(6552, metrics.GetProperty("annualization").GetProperty("periods_per_year").GetDouble());
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("P&amp;L by sector", html, StringComparison.Ordinal);
        Assert.Contains("Exposure over time", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_SameInputsTwice_WritesByteIdenticalFiles()
    {
        using var h = Harness();
        var a = h.Run("backtest", "--out", "a");
        var b = h.Run("backtest", "--out", "b");
        Assert.True(a.Code == 0 && b.Code == 0, a.Err + b.Err);
        string fa = RunFolder(h, "a"), fb = RunFolder(h, "b");
        Assert.Equal(Path.GetFileName(fa), Path.GetFileName(fb));
        foreach (var f in RunFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(fa, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fb, f))), f + " differs");
        }
    }

    [Fact]
    public void Backtest_EventAndVectorizedEngines_SameFillsAndEquityWithTheParticipationCapOff()
    {
        using var h = Harness();
        File.WriteAllText(h.File("nocap.yaml"), "strategy:\n  name: sma_crossover\n  parameters:\n    allow_short: true\ncosts:\n  participation_cap: 0\n");
        // The vectorized engine has no orders for the risk layer to check: compare with the event engine's run without it.
        var ev = h.Run("backtest", "--config", "nocap.yaml", "--engine", "event", "--no-risk", "--out", "ev");
        var vec = h.Run("backtest", "--config", "nocap.yaml", "--engine", "vectorized", "--out", "vec");
        Assert.True(ev.Code == 0 && vec.Code == 0, ev.Err + vec.Err);
        string fe = RunFolder(h, "ev"), fv = RunFolder(h, "vec");
        Assert.Contains("participation_cap: null", File.ReadAllText(Path.Combine(fe, "config.yaml")), StringComparison.Ordinal);
        Assert.Contains("engine: \"vectorized\"", File.ReadAllText(Path.Combine(fv, "config.yaml")), StringComparison.Ordinal);

        Assert.Equal(File.ReadAllText(Path.Combine(fe, "fills.csv")), File.ReadAllText(Path.Combine(fv, "fills.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(fe, "trades.csv")), File.ReadAllText(Path.Combine(fv, "trades.csv")));
        var e = Lines(File.ReadAllText(Path.Combine(fe, "equity.csv")));
        var v = Lines(File.ReadAllText(Path.Combine(fv, "equity.csv")));
        Assert.Equal(e.Length, v.Length);
        Assert.True(e.Length > 1000);
        for (int i = 1; i < e.Length; i++)
        {
            var x = e[i].Split(',');
            var y = v[i].Split(',');
            Assert.Equal(x[0], y[0]);
            double a = double.Parse(x[1], CultureInfo.InvariantCulture), b = double.Parse(y[1], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Abs(a), $"row {i}: event {a:R}, vectorized {b:R}");
        }
    }

    [Fact]
    public void Backtest_ItsOwnConfigYaml_ReproducesTheRun()
    {
        using var h = Harness();
        var first = h.Run("backtest", "--start", "2024-03-11", "--capital", "250000");
        Assert.True(first.Code == 0, first.Err);
        string folder = RunFolder(h);
        var again = h.Run("backtest", "--config", Path.Combine(folder, "config.yaml"), "--out", "again");
        Assert.True(again.Code == 0, again.Err);
        Assert.DoesNotContain("warning", again.Err, StringComparison.Ordinal);
        string repeat = RunFolder(h, "again");
        Assert.Equal(Path.GetFileName(folder), Path.GetFileName(repeat));
        foreach (var f in RunFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folder, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(repeat, f))), f + " differs");
        }

        Assert.StartsWith("2024-03-11T13:45:00Z,250000,", Lines(File.ReadAllText(Path.Combine(folder, "equity.csv")))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ConfiguredStrategyByName_RunsItsParameters()
    {
        using var h = Harness("strategies:\n  sma_crossover:\n    type: sma_crossover\n  fast_ls:\n    type: sma_crossover\n    fast_period: 4\n    slow_period: 12\n    allow_short: true\n");
        var r = h.Run("backtest", "--strategy", "fast_ls");
        Assert.True(r.Code == 0, r.Err);
        string folder = RunFolder(h);
        Assert.StartsWith("fast_ls-", Path.GetFileName(folder), StringComparison.Ordinal);
        string config = File.ReadAllText(Path.Combine(folder, "config.yaml"));
        Assert.Contains("    slow_period: 12\n", config, StringComparison.Ordinal);
        Assert.Contains("    allow_short: true\n", config, StringComparison.Ordinal);
        Assert.Contains(",short,", File.ReadAllText(Path.Combine(folder, "trades.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ResultsFolder_RebuildsTheSameReportAndMetrics()
    {
        using var h = Harness();
        Assert.Equal(0, h.Run("backtest").Code);
        string folder = RunFolder(h);
        byte[] html = File.ReadAllBytes(Path.Combine(folder, "report.html"));
        byte[] json = File.ReadAllBytes(Path.Combine(folder, "metrics.json"));
        byte[] brinson = File.ReadAllBytes(Path.Combine(folder, "attribution_brinson.csv"));
        File.Delete(Path.Combine(folder, "report.html"));
        File.Delete(Path.Combine(folder, "metrics.json"));
        File.Delete(Path.Combine(folder, "attribution_brinson.csv"));

        var r = h.Run("report", Path.Combine("results", Path.GetFileName(folder)));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("report.html", r.Out, StringComparison.Ordinal);
        Assert.Equal(html, File.ReadAllBytes(Path.Combine(folder, "report.html")));
        Assert.Equal(json, File.ReadAllBytes(Path.Combine(folder, "metrics.json")));
        Assert.Equal(brinson, File.ReadAllBytes(Path.Combine(folder, "attribution_brinson.csv")));
    }

    [Fact]
    public void Backtest_BrinsonAttribution_DailyEffectsReconcileAndMatchTheRecordedBooksAndCloses()
    {
        using var h = Harness();
        var r = h.Run("backtest");
        Assert.True(r.Code == 0, r.Err);
        string folder = RunFolder(h);
        static double D(string x) => double.Parse(x, CultureInfo.InvariantCulture);

        // Inputs recorded by the run: session closes per symbol, the book at each close, equity at each close.
        var closes = Lines(File.ReadAllText(Path.Combine(folder, "universe_closes.csv")));
        Assert.Equal("time_utc,KO,PEP,XOM", closes[0]);
        var closeRows = closes.Skip(1).Select(l => l.Split(',')).ToList();
        var equity = Lines(File.ReadAllText(Path.Combine(folder, "equity.csv"))).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => D(f[1]));
        var positions = Lines(File.ReadAllText(Path.Combine(folder, "positions.csv")));
        var header = positions[0].Split(',');
        int ti = Array.IndexOf(header, "time_utc"), si = Array.IndexOf(header, "symbol"), mi = Array.IndexOf(header, "market_value");
        var book = positions.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[ti])
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f[si]).ToDictionary(x => x.Key, x => x.Sum(f => D(f[mi]))));

        var rows = Lines(File.ReadAllText(Path.Combine(folder, "attribution_brinson.csv")));
        Assert.Equal("period_start_utc,period_end_utc,row,sector,portfolio_weight,benchmark_weight,portfolio_return,benchmark_return,allocation,selection,interaction,total", rows[0]);
        var periodTotals = rows.Where(l => l.Contains(",period,TOTAL,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(closeRows.Count - 1, periodTotals.Count); // one period per pair of consecutive session closes
        int invested = 0;
        for (int p = 0; p < periodTotals.Count; p++)
        {
            var f = periodTotals[p];
            Assert.Equal(closeRows[p][0], f[0]);
            Assert.Equal(closeRows[p + 1][0], f[1]);

            // Allocation + selection + interaction = active return in every period.
            Assert.Equal(D(f[6]) - D(f[7]), D(f[11]), 12);
            Assert.Equal(D(f[11]), D(f[8]) + D(f[9]) + D(f[10]), 12);

            // Recomputed from the recorded files: R_b is the plain mean of the symbols' returns, R_p the book's Σ w r.
            double[] ret = Enumerable.Range(1, 3).Select(k => closeRows[p][k].Length == 0 ? 0 : (D(closeRows[p + 1][k]) / D(closeRows[p][k])) - 1).ToArray();
            Assert.Equal(ret.Average(), D(f[7]), 12);
            double rp = 0;
            if (book.TryGetValue(f[0], out var held))
            {
                invested++;
                string[] syms = ["KO", "PEP", "XOM"];
                rp = held.Sum(kv => kv.Value / equity[f[0]] * ret[Array.IndexOf(syms, kv.Key)]);
            }

            Assert.Equal(rp, D(f[6]), 10);
        }

        Assert.True(invested > 10, "the crossover should hold positions on many days");

        // Run totals: the summed effects equal the summed active returns; metrics.json and report.html show them.
        var sum = rows.Single(l => l.Contains(",sum,TOTAL,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(periodTotals.Sum(f => D(f[11])), D(sum[11]), 10);
        var linked = rows.Single(l => l.Contains(",linked,TOTAL,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(D(linked[11]), D(linked[8]) + D(linked[9]) + D(linked[10]), 12);
        var bf = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))).RootElement.GetProperty("attribution").GetProperty("brinson_fachler");
        Assert.Equal(periodTotals.Count, bf.GetProperty("periods").GetInt32());
        Assert.Equal(D(sum[11]), bf.GetProperty("active_return").GetDouble(), 12);
        Assert.Equal("carino", bf.GetProperty("linked").GetProperty("method").GetString());
        Assert.Equal(D(linked[11]), bf.GetProperty("linked").GetProperty("active_return").GetDouble(), 12);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("Brinson–Fachler sector attribution vs the equal-weighted universe", html, StringComparison.Ordinal);
        Assert.Contains("Total (Carino-linked, compounded)", html, StringComparison.Ordinal);
        Assert.Contains("<td>Consumer Staples</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FolderWithoutRunFiles_ExitsTwoNamingTheMissingFile()
    {
        using var h = Harness();
        Directory.CreateDirectory(h.File("results/empty"));
        var r = h.Run("report", "results/empty");
        Assert.Equal(2, r.Code);
        var line = Assert.Single(Lines(r.Err));
        Assert.Equal("error: results/empty/config.yaml: file not found; a results folder holds config.yaml, equity.csv, trades.csv and positions.csv", line);
    }

    [Theory]
    [InlineData("error: --engine 'gpu': expected event or vectorized", "--engine", "gpu")]
    [InlineData("error: --capital 'lots': expected starting cash in USD", "--capital", "lots")]
    [InlineData("error: --capital '0': expected starting cash in USD", "--capital", "0")]
    [InlineData("error: --start: '2024-13-01' is not a date; expected yyyy-MM-dd", "--start", "2024-13-01")]
    [InlineData("error: --end 2024-03-01 is before the start 2024-04-01", "--start", "2024-04-01", "--end", "2024-03-01")]
    [InlineData("error: --strategy 'momentum': not a configured strategy; expected sma_crossover", "--strategy", "momentum")]
    [InlineData("error: --strategy and --config both name the strategy", "--strategy", "sma_crossover", "--config", "run.yaml")]
    [InlineData("error: run.yaml: file not found", "--config", "run.yaml")]
    [InlineData("error: Unrecognized command or argument '--bogus' (see 'alphatrade backtest --help')", "--bogus")]
    [InlineData("error: Required argument missing for option: '--engine' (see 'alphatrade backtest --help')", "--engine")]
    public void Backtest_BadArguments_ExitTwoWithOneLineBeforeLoadingData(string expected, params string[] args)
    {
        using var h = Harness();
        var r = h.Run(["backtest", .. args]);
        Assert.Equal(2, r.Code);
        Assert.Equal(string.Empty, r.Out);
        var line = Assert.Single(Lines(r.Err));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(h.File("data")), "bad arguments must fail before any data is loaded or generated");
    }

    [Theory]
    [InlineData("strategy:\n  type: sma_crossover\n  parameters:\n    fast_period: 30\n    slow_period: 10\n", "error: run.yaml:", "strategy.parameters.slow_period: 10 must exceed fast_period (30)")]
    [InlineData("strategy:\n  type: momentum\n", "error: run.yaml:", "strategy.type: 'momentum' is not a strategy type; expected one of sma_crossover")]
    [InlineData("engine: turbo\n", "error: run.yaml:1:", "engine: 'turbo' is not allowed; expected one of event, vectorized")]
    [InlineData("costs:\n  slippage_bps: -3\n", "error: run.yaml:2:", "costs.slippage_bps: -3 is out of range")]
    [InlineData("symbols: [KO, ZZZZ]\n", "error: run.yaml: symbols: ZZZZ is not in config/symbols.yaml", "")]
    [InlineData("colour: blue\n", "error: run.yaml:1:", "colour: unknown key")]
    public void Backtest_BadRunFile_ExitsTwoNamingFileLineAndKey(string yaml, string prefix, string message)
    {
        using var h = Harness();
        File.WriteAllText(h.File("run.yaml"), yaml);
        var r = h.Run("backtest", "--config", "run.yaml");
        Assert.Equal(2, r.Code);
        var line = Assert.Single(Lines(r.Err));
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_FixedShareStrategyOnTheVectorizedEngine_IsRefusedWithTheReason()
    {
        using var h = Harness("strategies:\n  sma_crossover:\n    sizing: fixed_shares\n");
        var r = h.Run("backtest", "--engine", "vectorized");
        Assert.Equal(2, r.Code);
        Assert.Equal(
            "error: --engine vectorized: strategy sma_crossover sizes in fixed shares, which a target-weight matrix cannot express; use --engine event or sizing: target_weight",
            Assert.Single(Lines(r.Err)));
    }

    [Theory]
    [InlineData("backtest", "--strategy", "--config", "--engine")]
    [InlineData("report", "RESULTS_DIR")]
    public void Help_BacktestAndReport_DescribeTheirOptions(string command, params string[] expected)
    {
        using var h = Harness();
        var r = h.Run(command, "--help");
        Assert.Equal(0, r.Code);
        Assert.Contains("Usage:", r.Out, StringComparison.Ordinal);
        foreach (var e in expected)
        {
            Assert.Contains(e, r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Backtest_PeriodWithoutBars_ExitsTwoSayingSo()
    {
        using var h = Harness();
        var r = h.Run("backtest", "--start", "2030-01-02");
        Assert.Equal(2, r.Code);
        Assert.Contains("error: no bars for the universe from 2030-01-02 to the last bar in data/sample; choose --start/--end inside the data", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(h.File("results")));
    }
}
