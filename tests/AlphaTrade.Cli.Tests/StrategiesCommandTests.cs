using System.Text.Json;

namespace AlphaTrade.Cli.Tests;

public sealed class StrategiesCommandTests
{
    private static CliHarness Harness(string? extraSettings = null) =>
        new(CliHarness.ShortSampleSettings + (extraSettings ?? string.Empty), CliHarness.SmallUniverse);

    [Fact]
    public void Strategies_list_prints_every_type_with_its_parameters_and_defaults()
    {
        using var h = Harness();
        var r = h.Run("strategies", "--list");
        Assert.True(r.Code == 0, r.Err);
        foreach (var type in new[] { "mtf_momentum", "donchian_breakout", "bollinger_reversion", "pairs", "sector_rotation", "factors" })
        {
            Assert.Contains(type + ": ", r.Out, StringComparison.Ordinal);
        }

        Assert.Matches(@"\n\s*entry_period\s+55\s+a whole number in \[2, 2000\]", r.Out);
        Assert.Matches(@"\n\s*hedge\s+rolling\s+one of rolling, kalman", r.Out);
        Assert.Contains("sma_crossover", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategies_list_json_holds_types_parameters_and_the_configured_strategies()
    {
        using var h = Harness("backtest:\n  default_strategy: mr\nstrategies:\n  mr:\n    type: bollinger_reversion\n    period: 30\n    allocation: 0.5\n");
        var r = h.Run("strategies", "--list", "--json");
        Assert.True(r.Code == 0, r.Err);
        var doc = JsonDocument.Parse(r.Out).RootElement;
        var types = doc.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(7, types.Count);
        Assert.Contains(types, t => t.GetProperty("name").GetString() == "ml");
        var pairs = types.Single(t => t.GetProperty("name").GetString() == "pairs");
        var maxP = pairs.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "max_pvalue");
        Assert.Equal("0.01", maxP.GetProperty("default").GetString());
        var configured = Assert.Single(doc.GetProperty("configured").EnumerateArray());
        Assert.Equal("bollinger_reversion", configured.GetProperty("type").GetString());
        Assert.Equal("30", configured.GetProperty("parameters").GetProperty("period").GetString());
    }

    [Theory]
    [InlineData("strategies:\n  mr:\n    type: bollinger_reversion\n    period: 1\n",
        "config/settings.yaml:10: strategies.mr.period: '1' is not a whole number in [2, 2000]")]
    [InlineData("strategies:\n  mr:\n    type: bollinger_reversion\n    perod: 20\n",
        "config/settings.yaml:10: strategies.mr.perod: unknown key; expected type, symbols, allocation or a parameter of bollinger_reversion")]
    [InlineData("strategies:\n  p:\n    type: pairs\n    hedge: ols\n",
        "config/settings.yaml:10: strategies.p.hedge: 'ols' is not one of rolling, kalman")]
    [InlineData("strategies:\n  p:\n    type: pairz\n",
        "config/settings.yaml:9: strategies.p.type: 'pairz' is not a strategy type; expected one of sma_crossover, mtf_momentum")]
    public void A_bad_strategy_declaration_stops_with_the_file_line_and_key(string settings, string expected)
    {
        using var h = Harness("backtest:\n  default_strategy: " + (settings.Contains("  mr:", StringComparison.Ordinal) ? "mr" : "p") + "\n" + settings);
        var r = h.Run("strategies", "--list");
        Assert.Equal(2, r.Code);
        Assert.Contains(expected, r.Err.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_of_the_ml_strategy_without_a_registered_model_stops_with_one_line_naming_the_model_and_how_to_train_it()
    {
        using var h = Harness();
        var list = h.Run("strategies", "--list");
        Assert.Contains("ml: ", list.Out, StringComparison.Ordinal);
        var r = h.Run("backtest", "--strategy", "ml");
        Assert.Equal(2, r.Code);
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("direction_lgbm@production", line, StringComparison.Ordinal);
        Assert.Contains("alphatrade train --model lightgbm --name direction_lgbm", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mtf_momentum")]
    [InlineData("donchian_breakout")]
    [InlineData("bollinger_reversion")]
    [InlineData("pairs")]
    [InlineData("sector_rotation")]
    [InlineData("factors")]
    public void Backtest_runs_each_library_strategy_by_type_name_and_writes_its_report(string type)
    {
        using var h = Harness();
        var r = h.Run("backtest", "--strategy", type);
        Assert.True(r.Code == 0, r.Err);
        string folder = Assert.Single(Directory.GetDirectories(h.File("results")));
        Assert.StartsWith(type + "-", Path.GetFileName(folder), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "report.html")), r.Err);
        Assert.Contains($"  type: \"{type}\"\n", File.ReadAllText(Path.Combine(folder, "config.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_runs_a_declared_library_strategy_with_its_parameters_and_it_trades()
    {
        using var h = Harness("backtest:\n  default_strategy: fast_mr\nstrategies:\n  fast_mr:\n    type: bollinger_reversion\n    period: 20\n    entry_z: 1.5\n    rsi_low: 40\n    rsi_high: 60\n    symbols: [KO, PEP]\n");
        var r = h.Run("backtest", "--strategy", "fast_mr");
        Assert.True(r.Code == 0, r.Err);
        string folder = Assert.Single(Directory.GetDirectories(h.File("results")));
        var fills = File.ReadAllLines(Path.Combine(folder, "fills.csv")).Skip(1).ToList();
        Assert.True(fills.Count > 10, "mean reversion should trade over three months");
        Assert.DoesNotContain(fills, f => f.Contains(",XOM,", StringComparison.Ordinal));
        Assert.Contains("    entry_z: 1.5\n", File.ReadAllText(Path.Combine(folder, "config.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_of_a_combination_runs_its_members_side_by_side_with_per_strategy_attribution()
    {
        using var h = Harness("backtest:\n  default_strategy: combo\nstrategies:\n" +
            "  rev:\n    type: bollinger_reversion\n    allocation: 0.5\n    entry_z: 1.5\n    rsi_low: 40\n    rsi_high: 60\n" +
            "  mom:\n    type: mtf_momentum\n    allocation: 0.4\n    daily_ma_period: 5\n" +
            "  combo:\n    type: combination\n    members: [rev, mom]\n");
        var r = h.Run("backtest");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("Backtest combo (event-driven engine)", r.Out, StringComparison.Ordinal);
        string folder = Assert.Single(Directory.GetDirectories(h.File("results")));
        Assert.StartsWith("combo-", Path.GetFileName(folder), StringComparison.Ordinal);

        // Orders carry their member's name, and the attribution has a row per member that traded.
        var orders = File.ReadAllText(Path.Combine(folder, "orders.csv"));
        Assert.Contains(",rev,", orders, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
        var byStrategy = Find(metrics.RootElement, "by_strategy");
        Assert.True(byStrategy.HasValue, "metrics.json has no by_strategy attribution");
        var keys = byStrategy.Value.EnumerateArray().Select(b => b.GetProperty("key").GetString()).ToList();
        Assert.Contains("rev", keys);

        // The run record reproduces the combination.
        string config = File.ReadAllText(Path.Combine(folder, "config.yaml"));
        Assert.Contains("  type: \"combination\"\n", config, StringComparison.Ordinal);
        var again = h.Run("backtest", "--config", Path.Combine("results", Path.GetFileName(folder), "config.yaml"), "--out", "again");
        Assert.True(again.Code == 0, again.Err);
    }

    [Fact]
    public void A_combination_whose_allocations_exceed_one_is_refused_in_one_line()
    {
        using var h = Harness("backtest:\n  default_strategy: combo\nstrategies:\n" +
            "  rev:\n    type: bollinger_reversion\n    allocation: 0.7\n  mom:\n    type: mtf_momentum\n    allocation: 0.7\n" +
            "  combo:\n    type: combination\n    members: [rev, mom]\n");
        var r = h.Run("backtest");
        Assert.Equal(2, r.Code);
        Assert.Contains("strategies.combo.members: allocations sum to 1.4; expected at most 1", r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void A_library_strategy_whose_parameters_contradict_each_other_is_refused_in_one_line()
    {
        using var h = Harness("backtest:\n  default_strategy: mr\nstrategies:\n  mr:\n    type: bollinger_reversion\n    entry_z: 1.0\n    exit_z: 1.5\n");
        var r = h.Run("backtest");
        Assert.Equal(2, r.Code);
        Assert.Contains("error: strategy mr: the parameters of bollinger_reversion contradict each other (entry_z: 1.0, exit_z: 1.5)", r.Err, StringComparison.Ordinal);

        // One error line (after the sample-market notice), no stack trace.
        Assert.Single(r.Err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    private static JsonElement? Find(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == name)
                {
                    return p.Value;
                }

                if (Find(p.Value, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
