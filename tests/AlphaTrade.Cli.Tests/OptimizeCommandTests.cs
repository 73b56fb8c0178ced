using System.Globalization;
using System.Text.Json;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Cli.Optimize;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Universe;
using AlphaTrade.Optimization;

namespace AlphaTrade.Cli.Tests;

public class OptimizeCommandTests
{
    // fast 2, 4, 6 × slow 10, 20, 30: nine valid configurations over a three-symbol, three-month sample market.
    private static readonly string[] SmallGrid = ["optimize", "--strategy", "sma_crossover", "--param", "fast=2:6:2", "--param", "slow=10:30:10"];

    private static CliHarness Harness(string extraSettings = "") =>
        new(CliHarness.ShortSampleSettings + extraSettings, CliHarness.SmallUniverse);

    private static string[] Args(params string[] more) => [.. SmallGrid, .. more];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Optimize_SmallGridOnSampleMarket_WritesGridHeatmapAndOverfittingStatistics()
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run(Args("--out", "opt"));

        Assert.True(code == 0, stderr);
        Assert.Contains("using the newly generated sample market", stderr, StringComparison.Ordinal);
        Assert.Contains("Risk layer: off in sweeps", stderr, StringComparison.Ordinal);
        Assert.Contains("3 symbols from the generated sample market, 15min bars", stdout, StringComparison.Ordinal);
        Assert.Contains("Grid: fast 3 × slow 3 = 9; 9 configurations run on", stdout, StringComparison.Ordinal);
        Assert.Contains("Deflated Sharpe ratio: ", stdout, StringComparison.Ordinal);
        Assert.Contains("Probability of backtest overfitting (CSCV): ", stdout, StringComparison.Ordinal);
        Assert.Contains("Report: " + Path.Combine("opt", "optimize.html"), stdout, StringComparison.Ordinal);

        var csv = File.ReadAllLines(h.File("opt/optimize.csv"));
        Assert.Equal(10, csv.Length);
        Assert.StartsWith("index,fast,slow,status,objective,sharpe,", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",costs,fills,net_pnl,trades,error", csv[0], StringComparison.Ordinal);
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["2", "10"], rows[0][1..3]);
        Assert.Equal(["6", "30"], rows[8][1..3]);
        Assert.All(rows, r => Assert.Equal("ok", r[3]));
        Assert.All(rows, r => Assert.Equal(r[4], r[5])); // objective = sharpe

        using var doc = JsonDocument.Parse(File.ReadAllText(h.File("opt/optimize.json")));
        var root = doc.RootElement;
        int best = rows.Select((r, i) => (Value: Number(r[4]), Index: i)).OrderByDescending(x => x.Value).ThenBy(x => x.Index).First().Index;
        Assert.Equal(best, root.GetProperty("chosen").GetProperty("index").GetInt32());
        var dsr = root.GetProperty("deflated_sharpe");
        Assert.InRange(dsr.GetProperty("dsr").GetDouble(), 0.0, 1.0);
        Assert.Equal(9, dsr.GetProperty("trials").GetInt32());
        Assert.Equal(Number(rows[best][5]), dsr.GetProperty("sharpe_annualised").GetDouble(), 9);
        var pbo = root.GetProperty("pbo");
        Assert.InRange(pbo.GetProperty("pbo").GetDouble(), 0.0, 1.0);
        Assert.Equal(12_870, pbo.GetProperty("combinations").GetInt32());
        Assert.Equal(9, pbo.GetProperty("trials").GetInt32());
        Assert.Equal(9, root.GetProperty("grid").GetArrayLength());

        // Edge notes name exactly the swept parameters whose chosen value is the smallest or largest of its range.
        var expectedNotes = new[] { ("fast", 1, new[] { "2", "6" }), ("slow", 2, new[] { "10", "30" }) }
            .Where(x => x.Item3.Contains(rows[best][x.Item2]))
            .Select(x => $"Note: {x.Item1}={rows[best][x.Item2]} is at the edge of its range ({x.Item3[0]} to {x.Item3[1]}); the optimum may lie outside the grid.")
            .ToArray();
        Assert.Equal(expectedNotes, stdout.Split('\n').Where(l => l.StartsWith("Note: ", StringComparison.Ordinal)).ToArray());

        var html = File.ReadAllText(h.File("opt/optimize.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"Heatmap of sharpe (max over other parameters) by fast and slow\"", html, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#E4002B\"", html, StringComparison.Ordinal); // the chosen configuration outlined
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Optimize_GridRow_EqualsDirectVectorizedBacktestOfThatConfiguration()
    {
        using var h = Harness();
        var (code, _, stderr) = h.Run(Args("--out", "opt"));
        Assert.True(code == 0, stderr);

        // Independently: the same bars through the engine's crossover and vectorized backtester, outside the sweep.
        var ctx = new CliContext(TextWriter.Null, TextWriter.Null, h.Root);
        var market = new MarketDataService(NyseCalendar.Instance).Load(MarketDataFactory.Request(ctx));
        var bars = AlignedBars.Create(market.Series);
        var sim = SimulationSettings.From(ctx.Config.Settings);
        var p = new SmaCrossoverParameters { FastPeriod = 4, SlowPeriod = 20 };
        var run = VectorizedBacktester.Run(new VectorizedSpec
        {
            Bars = bars,
            TargetWeights = SmaCrossoverStrategy.TargetWeights(bars, p),
            Calendar = NyseCalendar.Instance,
            InitialCapital = sim.InitialCapital,
            Margin = sim.Margin,
            Costs = sim.Costs,
            Venue = sim.Venue,
        });
        var equity = run.Equity.Equity.ToArray();
        var returns = equity.Select((e, i) => (e / (i == 0 ? (double)run.InitialCapital : equity[i - 1])) - 1).ToArray();

        var row = File.ReadAllLines(h.File("opt/optimize.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[1] == "4" && r[2] == "20");
        Assert.Equal(ReturnMetrics.Sharpe(returns, 252 * 26), Number(row[4]));
        var header = File.ReadLines(h.File("opt/optimize.csv")).First().Split(',');
        Assert.Equal(run.Trades.Count, Number(row[Array.IndexOf(header, "trades")]));
        Assert.Equal((double)run.TotalPnl.NetPnl, Number(row[Array.IndexOf(header, "net_pnl")]));
    }

    [Fact]
    public void Optimize_SameGridTwice_WritesByteIdenticalFiles()
    {
        using var h = Harness();
        var first = h.Run(Args("--out", "a", "--threads", "1"));
        var second = h.Run(Args("--out", "b"));
        Assert.True(first.Code == 0, first.Err);
        Assert.True(second.Code == 0, second.Err);
        foreach (var f in new[] { "optimize.csv", "optimize.json", "optimize.html" })
        {
            Assert.Equal(File.ReadAllBytes(h.File("a/" + f)), File.ReadAllBytes(h.File("b/" + f)));
        }

        Assert.Empty(Directory.GetFiles(h.File("a"), "*.tmp"));
    }

    [Fact]
    public void Optimize_DefaultOut_IsResultsFolderNamedByTheInputs()
    {
        using var h = Harness();
        var first = h.Run(SmallGrid);
        var second = h.Run(SmallGrid);
        Assert.True(first.Code == 0, first.Err);
        var folders = Directory.GetDirectories(h.File("results"));
        var folder = Assert.Single(folders);
        Assert.StartsWith("optimize-sma_crossover-", Path.GetFileName(folder), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "optimize.json")));
        Assert.Equal(Path.GetFileName(folder), doc.RootElement.GetProperty("run_id").GetString());
        Assert.Contains("Report: " + Path.Combine("results", Path.GetFileName(folder), "optimize.html"), second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_Json_PrintsTheReportJsonOnly()
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run(Args("--out", "opt", "--json"));
        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllText(h.File("opt/optimize.json")), stdout);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("sma_crossover", doc.RootElement.GetProperty("strategy").GetString());
    }

    [Fact]
    public void Optimize_WalkForward_ReportsFoldsAndStitchedOutOfSample()
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run(Args("--out", "opt", "--walk-forward", "train=1M,test=1M", "--objective", "total_return"));
        Assert.True(code == 0, stderr);
        Assert.Contains("Walk-forward (train=1M,test=1M,step=1M,mode=rolling,gap=0): 2 folds, out-of-sample total_return ", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(h.File("opt/optimize.json")));
        var wf = doc.RootElement.GetProperty("walk_forward");
        Assert.Equal(2, wf.GetProperty("folds").GetArrayLength());
        Assert.Equal("total_return", doc.RootElement.GetProperty("objective").GetProperty("name").GetString());
    }

    [Fact]
    public void Optimize_ConfigurationsWithSlowNotAboveFast_AreSkippedAndCounted()
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run("optimize", "--param", "fast=5:15:5", "--param", "slow=10,20", "--out", "opt");
        Assert.True(code == 0, stderr);
        Assert.Contains("Grid: fast 3 × slow 2 = 6, 2 skipped (slow must exceed fast); 4 configurations run", stdout, StringComparison.Ordinal);
        var pairs = File.ReadAllLines(h.File("opt/optimize.csv")).Skip(1).Select(l => string.Join(' ', l.Split(',')[1..3])).ToArray();
        Assert.Equal(["5 10", "5 20", "10 20", "15 20"], pairs);
    }

    [Fact]
    public void Optimize_EventEngine_MatchesVectorizedWithoutParticipationCap()
    {
        using var h = Harness("costs:\n  participation_cap: 0\n");
        var vec = h.Run("optimize", "--param", "fast=3,5", "--param", "slow=12", "--out", "vec");
        var evt = h.Run("optimize", "--param", "fast=3,5", "--param", "slow=12", "--engine", "event", "--out", "evt");
        Assert.True(vec.Code == 0, vec.Err);
        Assert.True(evt.Code == 0, evt.Err);
        Assert.Contains("event-driven engine", evt.Out, StringComparison.Ordinal);
        var v = File.ReadAllLines(h.File("vec/optimize.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var e = File.ReadAllLines(h.File("evt/optimize.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(2, v.Length);
        int trades = Array.IndexOf(File.ReadLines(h.File("vec/optimize.csv")).First().Split(','), "trades");
        for (int i = 0; i < v.Length; i++)
        {
            Assert.True(Number(v[i][trades]) > 10, "the crossover should trade");
            Assert.Equal(v[i][trades], e[i][trades]);
            double a = Number(v[i][4]), b = Number(e[i][4]);
            Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"row {i}: vectorized {a:R}, event {b:R}");
        }
    }

    [Fact]
    public void Optimize_OneConfiguration_EqualsTheBacktestCommandOnTheVectorizedEngine()
    {
        using var h = Harness();
        var bt = h.Run("backtest", "--engine", "vectorized", "--out", "bt");
        var opt = h.Run("optimize", "--param", "fast=10", "--param", "slow=30", "--out", "opt");
        Assert.True(bt.Code == 0, bt.Err);
        Assert.True(opt.Code == 0, opt.Err);

        var equity = File.ReadAllLines(Path.Combine(Assert.Single(Directory.GetDirectories(h.File("bt"))), "equity.csv"))
            .Skip(1).Select(l => Number(l.Split(',')[1])).ToArray();
        var returns = equity.Select((e, i) => (e / (i == 0 ? 1_000_000.0 : equity[i - 1])) - 1).ToArray();
        var csv = File.ReadAllLines(h.File("opt/optimize.csv"));
        var header = csv[0].Split(',');
        var row = Assert.Single(csv.Skip(1)).Split(',');
        double sharpe = Number(row[Array.IndexOf(header, "sharpe")]);
        double fromBacktest = ReturnMetrics.Sharpe(returns, 252 * 26);
        Assert.True(Math.Abs(fromBacktest - sharpe) <= 1e-9 * Math.Abs(sharpe), $"backtest equity.csv gives {fromBacktest:R}, optimize {sharpe:R}");
        Assert.Equal(equity[^1] - 1_000_000.0, Number(row[Array.IndexOf(header, "net_pnl")]), 6);
    }

    [Fact]
    public void Optimize_ConfiguredStrategy_KeepsItsUnsweptParameters()
    {
        using var h = Harness("backtest:\n  default_strategy: shorty\nstrategies:\n  shorty:\n    type: sma_crossover\n    allow_short: true\n");
        var configured = h.Run("optimize", "--strategy", "shorty", "--param", "fast=3,5", "--param", "slow=12", "--out", "a");
        var explicitShort = h.Run("optimize", "--strategy", "sma_crossover", "--param", "fast=3,5", "--param", "slow=12", "--param", "allow_short=true", "--out", "b");
        var longOnly = h.Run("optimize", "--strategy", "sma_crossover", "--param", "fast=3,5", "--param", "slow=12", "--out", "c");
        Assert.True(configured.Code == 0, configured.Err);
        Assert.True(explicitShort.Code == 0, explicitShort.Err);
        Assert.True(longOnly.Code == 0, longOnly.Err);
        Assert.Equal(Objectives(h, "b"), Objectives(h, "a"));
        Assert.NotEqual(Objectives(h, "c"), Objectives(h, "a"));
        using var doc = JsonDocument.Parse(File.ReadAllText(h.File("a/optimize.json")));
        Assert.Equal("shorty", doc.RootElement.GetProperty("strategy").GetString());

        static string[] Objectives(CliHarness h, string dir)
        {
            var lines = File.ReadAllLines(h.File(dir + "/optimize.csv"));
            int column = Array.IndexOf(lines[0].Split(','), "objective");
            return lines.Skip(1).Select(l => l.Split(',')[column]).ToArray();
        }
    }

    [Fact]
    public void Optimize_FixedShareSizing_RunsOnTheEventEngineAndRefusesVectorized()
    {
        using var h = Harness("backtest:\n  default_strategy: fixed\nstrategies:\n  fixed:\n    type: sma_crossover\n    sizing: fixed_shares\n    shares: 50\n");
        var ok = h.Run("optimize", "--strategy", "fixed", "--param", "fast=3,5", "--param", "slow=12", "--out", "opt");
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Contains("Using the event-driven engine: strategy fixed sizes in fixed shares", ok.Err, StringComparison.Ordinal);
        Assert.Contains("event-driven engine", ok.Out, StringComparison.Ordinal);

        var refused = h.Run("optimize", "--strategy", "fixed", "--param", "fast=3,5", "--engine", "vectorized");
        Assert.Equal(2, refused.Code);
        Assert.StartsWith("error: --engine vectorized: strategy fixed sizes in fixed shares", refused.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--param 'fast=5:x:5': stop 'x' is not a number", "--param", "fast=5:x:5")]
    [InlineData("--param 'fast=50:5:5': start 50 is greater than stop 5", "--param", "fast=50:5:5")]
    [InlineData("--param 'fast5': ", "--param", "fast5")]
    [InlineData("--param 'speed=1:3:1': sma_crossover has no parameter 'speed'; expected fast (fast_period), slow (slow_period) or allow_short", "--param", "speed=1:3:1")]
    [InlineData("--param 'fast=2.5': fast is an average length in bars, a whole number from 1 to 1000000; got 2.5", "--param", "fast=2.5")]
    [InlineData("--param 'allow_short=maybe': allow_short takes true or false (or 1 and 0), got maybe", "--param", "allow_short=maybe")]
    [InlineData("--param 'fast_period=5': fast is already set by --param 'fast=5'", "--param", "fast=5", "--param", "fast_period=5")]
    [InlineData("optimize: the rule 'slow must exceed fast' leaves none of the grid's 1 configurations", "--param", "fast=50", "--param", "slow=10")]
    [InlineData("--objective 'alpha': unknown objective; expected sharpe,", "--param", "fast=5", "--objective", "alpha")]
    [InlineData("--walk-forward 'train=12X,test=3M': ", "--param", "fast=5", "--walk-forward", "train=12X,test=3M")]
    [InlineData("--engine 'gpu': expected vectorized or event", "--param", "fast=5", "--engine", "gpu")]
    [InlineData("--strategy 'momentum': not a configured strategy; expected sma_crossover (config/settings.yaml, strategies)", "--strategy", "momentum", "--param", "fast=5")]
    public void Optimize_BadArguments_ExitTwoWithOneLineErrorBeforeLoadingData(string expected, params string[] args)
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run(["optimize", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(h.File("data")), "no data should be loaded or generated for bad arguments");
    }

    [Fact]
    public void Optimize_NoParam_IsAUsageError()
    {
        using var h = Harness();
        var (code, _, stderr) = h.Run("optimize", "--strategy", "sma_crossover");
        Assert.Equal(2, code);
        Assert.Contains("--param", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_WalkForwardLongerThanData_ExitsTwoNamingTheSpan()
    {
        using var h = Harness();
        var (code, _, stderr) = h.Run(Args("--walk-forward", "train=12M,test=3M"));
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("--walk-forward", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_a_library_strategy_sweeps_its_declared_parameters_on_the_event_engine()
    {
        using var h = Harness();
        var (code, stdout, stderr) = h.Run("optimize", "--strategy", "bollinger_reversion", "--param", "period=10:30:10", "--param", "entry_z=1.5:2.5:0.5",
            "--param", "exit_z=0.5", "--out", "opt");

        Assert.True(code == 0, stderr);
        Assert.Contains("Using the event-driven engine", stderr, StringComparison.Ordinal);
        Assert.Contains("Grid: period 3 × entry_z 3 × exit_z 1 = 9; 9 configurations run on", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(h.File("opt/optimize.html")));
        var csv = File.ReadAllLines(h.File("opt/optimize.csv"));
        Assert.Equal(10, csv.Length);
        Assert.StartsWith("index,period,entry_z,exit_z,status,objective,", csv[0], StringComparison.Ordinal);
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal("ok", r[4]));

        // Different parameters trade differently: the grid is not nine copies of one run.
        Assert.True(rows.Select(r => r[5]).Distinct().Count() > 1, "every configuration gave the same objective");
    }

    [Theory]
    [InlineData("error: --param 'period=1:3:1': period: ", "--param", "period=1:3:1")]
    [InlineData("error: --param 'perod=10': bollinger_reversion has no parameter 'perod'; expected period, entry_z", "--param", "perod=10")]
    [InlineData("error: --param 'allow_short=maybe': allow_short: ", "--param", "allow_short=maybe")]
    public void Optimize_a_library_strategy_rejects_unknown_names_and_out_of_range_values_in_one_line(string expected, params string[] args)
    {
        using var h = Harness();
        var (code, _, stderr) = h.Run(["optimize", "--strategy", "bollinger_reversion", .. args]);
        Assert.Equal(2, code);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
