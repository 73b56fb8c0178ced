using System.Text.Json;

namespace AlphaTrade.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_EngineSuite_MeasuresBothEnginesOnBothCrossoversAgainstTheirTargets()
    {
        using var h = new CliHarness();
        var (code, stdout, stderr) = h.Run("bench", "--suite", "engine", "--runs", "1", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var w = doc.RootElement.GetProperty("workloads").EnumerateArray().ToList();
        Assert.Equal(["event 10/30", "vectorized 10/30", "vectorized 10/30 with records", "event 50/200", "vectorized 50/200", "vectorized 50/200 with records"],
            w.Select(x => x.GetProperty("name").GetString()));
        foreach (var x in w)
        {
            Assert.Equal(597_080, x.GetProperty("count").GetInt64()); // 46 symbols × 12,980 steps of the sample universe
            Assert.True(x.GetProperty("cpu_ms_min").GetDouble() > 0);
            Assert.True(x.GetProperty("rate_median_per_s").GetDouble() > 0);
            double target = x.GetProperty("target_per_s").GetDouble();
            Assert.Equal(x.GetProperty("name").GetString()!.StartsWith("event", StringComparison.Ordinal) ? 10e6 : 100e6, target);
            Assert.Equal(x.GetProperty("rate_median_per_s").GetDouble() >= target, x.GetProperty("met").GetBoolean());
        }

        // Both engines make the same trades on the crossover (the workload is the equivalence test's).
        Assert.Equal(w[0].GetProperty("run").GetString(), w[1].GetProperty("run").GetString());
        Assert.StartsWith(w[1].GetProperty("run").GetString()!, w[2].GetProperty("run").GetString(), StringComparison.Ordinal); // the same run, records read
    }

    [Fact]
    public void Bench_CommandSuite_TimesWholeBacktestProcessesAgainstTheLimit()
    {
        // A small root (three symbols, three months) keeps the two child processes short; the JSON reports each run.
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var (code, stdout, stderr) = h.Run("bench", "--suite", "command", "--runs", "2", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("alphatrade backtest --strategy sma_crossover", r.GetProperty("command").GetString());
        Assert.Equal(2, r.GetProperty("runs").GetInt32());
        var wall = r.GetProperty("wall_ms").EnumerateArray().Select(x => x.GetDouble()).ToList();
        var cpu = r.GetProperty("cpu_ms").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.Equal(2, wall.Count);
        Assert.All(wall, ms => Assert.True(ms > 50, $"a whole process takes more than {ms} ms"));
        Assert.All(cpu, ms => Assert.True(ms > 50, $"a whole process uses more than {ms} ms CPU"));
        Assert.Equal(wall.Min(), r.GetProperty("wall_ms_min").GetDouble());
        Assert.Equal(wall.Max(), r.GetProperty("wall_ms_max").GetDouble());
        Assert.Equal(1500, r.GetProperty("target_ms").GetDouble());
        Assert.Equal(wall.Count(ms => ms < 1500), r.GetProperty("runs_under_target").GetInt32());
        Assert.Equal(wall.All(ms => ms < 1500), r.GetProperty("met").GetBoolean());
        Assert.False(Directory.Exists(Path.Combine(h.Root, "results")), "the timed runs write to a scratch folder, not the root's results");
    }

    [Theory]
    [InlineData("--suite", "fast", "--suite: expected engine, strategies, all or command")]
    [InlineData("--runs", "0", "--runs: expected 1 to 1000")]
    public void Bench_BadOption_OneLineError(string option, string value, string message)
    {
        using var h = new CliHarness();
        var (code, _, stderr) = h.Run("bench", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
