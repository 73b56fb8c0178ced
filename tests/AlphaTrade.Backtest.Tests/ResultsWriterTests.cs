using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using AlphaTrade.Testing;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

public sealed class ResultsWriterTests
{
    private static RunResult Small() => Run(
        [RandomWalk("AAA", BarStarts(new DateOnly(2024, 1, 2), 5), 1), RandomWalk("BBB", BarStarts(new DateOnly(2024, 1, 2), 5), 2)],
        new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 9, AllowShort = true }),
        CostOptions.Default);

    private static RunConfig Config(string id = "run-1") => new()
    {
        RunId = id,
        Strategy = "sma_crossover",
        StrategyParameters = new SmaCrossoverParameters { FastPeriod = 3, SlowPeriod = 9 }.Describe(),
        Seed = 42,
        InitialCapital = 1_000_000m,
        Account = "reg_t",
        TimeFrame = "15min",
        Calendar = "NYSE",
        Symbols = ["AAA", "BBB"],
        DataFingerprints = [new("AAA", "sha256:abc"), new("BBB", "sha256:def")],
    };

    [Fact]
    public void Write_Run_CreatesEveryFileWithHeaders()
    {
        using var dir = new TempDir();
        var r = Small();
        string path = ResultsWriter.Write(r, Config(), dir.Path);
        Assert.Equal(Path.Combine(dir.Path, "run-1"), path);
        Assert.StartsWith("time_utc,equity,cash\n", File.ReadAllText(Path.Combine(path, "equity.csv")), StringComparison.Ordinal);
        Assert.StartsWith("order_id,strategy,symbol,side,type", File.ReadAllText(Path.Combine(path, "orders.csv")), StringComparison.Ordinal);
        Assert.StartsWith("fill_id,order_id,strategy,time_utc", File.ReadAllText(Path.Combine(path, "fills.csv")), StringComparison.Ordinal);
        Assert.StartsWith("strategy,symbol,direction,entry_utc", File.ReadAllText(Path.Combine(path, "trades.csv")), StringComparison.Ordinal);
        Assert.StartsWith("time_utc,date,strategy,symbol,quantity", File.ReadAllText(Path.Combine(path, "positions.csv")), StringComparison.Ordinal);
        Assert.Equal(r.Equity.Count + 1, File.ReadAllLines(Path.Combine(path, "equity.csv")).Length);
        Assert.Equal(r.Fills.Count + 1, File.ReadAllLines(Path.Combine(path, "fills.csv")).Length);
        Assert.Single(Directory.GetDirectories(dir.Path)); // no staging folder left behind
    }

    [Fact]
    public void Write_ConfigYaml_RecordsSeedParametersCostsAndFingerprints()
    {
        using var dir = new TempDir();
        var r = Small();
        string yaml = File.ReadAllText(Path.Combine(ResultsWriter.Write(r, Config(), dir.Path), "config.yaml"));
        Assert.Contains("seed: 42\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    fast_period: 3\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  per_share: 0.005\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  AAA: \"sha256:abc\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("symbols: [\"AAA\", \"BBB\"]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  log_sha256: \"" + ResultsFormat.LogHash(r) + "\"\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ExistingRun_IsReplacedWhole()
    {
        using var dir = new TempDir();
        string path = ResultsWriter.Write(Small(), Config(), dir.Path);
        File.WriteAllText(Path.Combine(path, "stale.txt"), "x");
        ResultsWriter.Write(Small(), Config(), dir.Path);
        Assert.False(File.Exists(Path.Combine(path, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(path, "fills.csv")));
    }

    [Fact]
    public void Write_ArtifactThrows_LeavesNoFolder()
    {
        using var dir = new TempDir();
        Assert.Throws<InvalidOperationException>(() => ResultsWriter.Write(Small(), Config(), dir.Path, [new Failing()]));
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Write_ExtraArtifact_WrittenInsideRunFolder()
    {
        using var dir = new TempDir();
        string path = ResultsWriter.Write(Small(), Config(), dir.Path, [new Metrics()]);
        Assert.Equal("{\"fills\":" + Small().Fills.Count + "}", File.ReadAllText(Path.Combine(path, "metrics.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    public void Write_BadRunId_Throws(string id)
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => ResultsWriter.Write(Small(), Config(id), dir.Path));
    }

    [Fact]
    public void DeterministicRunId_SameConfig_SameIdAndDifferentSeed_DifferentId()
    {
        string a = ResultsWriter.DeterministicRunId(Config());
        Assert.Equal(a, ResultsWriter.DeterministicRunId(Config("other")));
        Assert.NotEqual(a, ResultsWriter.DeterministicRunId(Config() with { Seed = 43 }));
        Assert.Matches("^sma_crossover-[0-9a-f]{12}$", a);
    }

    [Fact]
    public void Time_Format_IsIsoUtc()
    {
        Assert.Equal("2024-01-02T14:30:00Z", ResultsFormat.Time(Et(2, 9, 30)));
    }

    private sealed class Failing : IRunArtifactWriter
    {
        public string FileName => "boom.json";

        public void Write(RunResult result, RunConfig config, Stream output) => throw new InvalidOperationException("boom");
    }

    private sealed class Metrics : IRunArtifactWriter
    {
        public string FileName => "metrics.json";

        public void Write(RunResult result, RunConfig config, Stream output)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("{\"fills\":" + result.Fills.Count + "}");
            output.Write(bytes);
        }
    }

    [Fact]
    public void StagedFolder_BackgroundAndForegroundWrites_LandTogetherOnCommit_ReplacingAnOldFolder()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "run-1"));
        File.WriteAllText(Path.Combine(dir.Path, "run-1", "stale.csv"), "old");
        using (var folder = StagedRunFolder.Begin(dir.Path, "run-1"))
        {
            folder.WriteInBackground([new("a.csv", "x,y\n1,2\n"), new("b.csv", "b\n")]);
            folder.Write([new("report.html", "<html></html>\n")]);
            Assert.False(File.Exists(Path.Combine(dir.Path, "run-1", "a.csv"))); // nothing visible before the commit
            Assert.Equal(Path.Combine(dir.Path, "run-1"), folder.Commit());
        }

        Assert.Equal(["a.csv", "b.csv", "report.html"], Directory.GetFiles(Path.Combine(dir.Path, "run-1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("x,y\n1,2\n", File.ReadAllText(Path.Combine(dir.Path, "run-1", "a.csv")));
        Assert.Single(Directory.GetDirectories(dir.Path)); // no staging or old folder left
    }

    [Fact]
    public void StagedFolder_DisposedWithoutCommit_LeavesNothing_AndABadNameIsRefusedBeforeWriting()
    {
        using var dir = new TempDir();
        using (var folder = StagedRunFolder.Begin(dir.Path, "run-2"))
        {
            folder.WriteInBackground([new("a.csv", "1\n")]);
            Assert.Throws<ArgumentException>(() => folder.WriteInBackground([new("../escape.csv", "no")]));
        }

        Assert.Empty(Directory.GetDirectories(dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
