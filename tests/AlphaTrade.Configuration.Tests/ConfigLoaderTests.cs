using AlphaTrade.Core;
using AlphaTrade.Core.Time;
using AlphaTrade.Testing;

namespace AlphaTrade.Configuration.Tests;

public class ConfigLoaderTests
{
    private static readonly Dictionary<string, string> NoEnv = new(StringComparer.Ordinal);

    private static AlphaTradeConfig LoadShipped(Dictionary<string, string>? env = null) => ConfigLoader.Load(RepoPaths.Root, env ?? NoEnv);

    private static TempDir WithConfig(string file, string yaml)
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.File("config"));
        foreach (var f in new[] { "settings.yaml", "risk_params.yaml", "symbols.yaml" })
        {
            File.Copy(Path.Combine(RepoPaths.Config, f), dir.File(Path.Combine("config", f)));
        }

        File.WriteAllText(dir.File(Path.Combine("config", file)), yaml);
        return dir;
    }

    [Fact]
    public void Load_ShippedConfig_HasTheDefaultUniverse()
    {
        var cfg = LoadShipped();
        Assert.Equal(46, cfg.Universe.Symbols.Count);
        Assert.Equal(11, cfg.Universe.Sectors.Count);
        Assert.Equal("SPY", cfg.Universe.Benchmark);
        Assert.True(cfg.Universe.TryGet("NVDA", out var nvda));
        Assert.Equal("Information Technology", nvda.Sector);
        Assert.Equal(8, cfg.Universe.Symbols.Count(s => s.Sector == "Information Technology"));
        Assert.Equal(2, cfg.Universe.Symbols.Count(s => s.Sector == "Real Estate"));
    }

    [Fact]
    public void Load_ShippedConfig_HasTheDocumentedRiskLimits()
    {
        var r = LoadShipped().Risk;
        Assert.Equal(0.10, r.MaxPositionPct);
        Assert.Equal(0.30, r.MaxSectorPct);
        Assert.Equal(0.15, r.MaxDrawdownPct);
        Assert.Equal(0.03, r.DailyLossLimitPct);
        Assert.Equal(0.03, r.CircuitBreakerPct);
        Assert.Empty(r.Restricted);
    }

    [Fact]
    public void Load_ShippedConfig_HasSettings()
    {
        var s = LoadShipped().Settings;
        Assert.Equal(RunMode.Backtest, s.Mode);
        Assert.Equal(TimeFrame.FifteenMinutes, s.Data.TimeFrame);
        Assert.Equal("data/raw", s.Data.RawDir);
        Assert.Equal(1_000_000m, s.Backtest.InitialCapital);
        Assert.Equal(0.005m, s.Costs.PerShare);
        Assert.Equal(DuplicatePolicy.KeepLast, s.Data.Duplicates);
        Assert.Equal("America/New_York", s.Exchange.TimeZone);
    }

    [Fact]
    public void Load_NoConfigFolder_GivesTheSameValuesAsTheShippedFiles()
    {
        using var empty = new TempDir();
        var defaults = ConfigLoader.Load(empty.Path, NoEnv);
        var shipped = LoadShipped();

        // Except the strategies: without a settings file only the built-in reference crossover is defined (and runs by
        // default); the shipped file adds the library strategies and makes their combination the default.
        Assert.Equal(shipped.Settings with
        {
            Backtest = shipped.Settings.Backtest with { DefaultStrategy = SmaCrossoverSettings.TypeName },
            Strategies = StrategyCatalog.BuiltIn,
        }, defaults.Settings);
        Assert.Equal(shipped.Settings.Strategies.Find(SmaCrossoverSettings.TypeName), defaults.Settings.DefaultStrategy);
        Assert.Equal(shipped.Universe.Symbols, defaults.Universe.Symbols);
        Assert.Equal(shipped.Risk with { Restricted = [], ShortRestricted = [] }, defaults.Risk with { Restricted = [], ShortRestricted = [] });
    }

    [Fact]
    public void Load_EnvironmentOverride_ReplacesRiskKey()
    {
        var cfg = LoadShipped(new() { ["ALPHATRADE__RISK__MAX_POSITION_PCT"] = "0.05" });
        Assert.Equal(0.05, cfg.Risk.MaxPositionPct);
    }

    [Fact]
    public void Load_EnvironmentOverride_ReplacesNestedSettingsKeys()
    {
        var cfg = LoadShipped(new()
        {
            ["ALPHATRADE__DATA__TIMEFRAME"] = "5min",
            ["ALPHATRADE__BACKTEST__INITIAL_CAPITAL"] = "250000",
            ["ALPHATRADE__BACKTEST__START"] = "2024-01-02",
            ["ALPHATRADE__RISK__RESTRICTED"] = "TSLA,BA",
        });
        Assert.Equal(TimeFrame.FiveMinutes, cfg.Settings.Data.TimeFrame);
        Assert.Equal(250_000m, cfg.Settings.Backtest.InitialCapital);
        Assert.Equal(new DateOnly(2024, 1, 2), cfg.Settings.Backtest.Start);
        Assert.Equal(["TSLA", "BA"], cfg.Risk.Restricted);
    }

    [Fact]
    public void Load_EnvironmentOverrideOutOfRange_NamesTheVariable()
    {
        var ex = Assert.Throws<InputException>(() => LoadShipped(new() { ["ALPHATRADE__RISK__MAX_POSITION_PCT"] = "1.5" }));
        Assert.Contains("ALPHATRADE__RISK__MAX_POSITION_PCT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("risk.max_position_pct", ex.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownEnvironmentKey_IsRejected()
    {
        var ex = Assert.Throws<InputException>(() => LoadShipped(new() { ["ALPHATRADE__DATA__RAWDIR"] = "x" }));
        Assert.Contains("ALPHATRADE__DATA__RAWDIR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInFile_NamesFileLineAndKnownKeys()
    {
        using var dir = WithConfig("settings.yaml", "mode: backtest\ndata:\n  raw_dir: x\n  timeframe: 15min\n  bad_row: skip\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.StartsWith("config/settings.yaml:5: data.bad_row: unknown key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad_rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadEnumValue_ListsAllowedValues()
    {
        using var dir = WithConfig("settings.yaml", "data:\n  bad_rows: skipp\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.Equal("config/settings.yaml:2: data.bad_rows: 'skipp' is not allowed; expected one of fail, skip", ex.Message);
    }

    [Fact]
    public void Load_BadTimeframe_SaysWhatIsExpected()
    {
        using var dir = WithConfig("settings.yaml", "data:\n  timeframe: 7sec\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.Contains("data.timeframe: '7sec' is not a bar size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NonNumber_IsRejectedWithLine()
    {
        using var dir = WithConfig("risk_params.yaml", "max_position_pct: 0.1\nmax_sector_pct: lots\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.Equal("config/risk_params.yaml:2: risk.max_sector_pct: 'lots' is not a number", ex.Message);
    }

    [Fact]
    public void Load_InvalidYaml_GivesOneLineWithLine()
    {
        using var dir = WithConfig("settings.yaml", "data:\n  raw_dir: [unclosed\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.StartsWith("config/settings.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_UnknownSector_IsRejected()
    {
        using var dir = WithConfig("symbols.yaml", "benchmark: SPY\nsymbols:\n  - { symbol: AAPL, sector: Tech }\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.StartsWith("config/symbols.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("symbols[0].sector: 'Tech' is not a GICS sector", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateSymbol_IsRejected()
    {
        using var dir = WithConfig("symbols.yaml", "symbols:\n  - { symbol: AAPL, sector: Information Technology }\n  - { symbol: AAPL, sector: Information Technology }\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.Contains("'AAPL' is listed twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EndBeforeStart_IsRejected()
    {
        using var dir = WithConfig("settings.yaml", "backtest:\n  start: 2024-06-01\n  end: 2024-01-01\n");
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.Contains("backtest.end: 2024-01-01 is before backtest.start 2024-06-01", ex.Message, StringComparison.Ordinal);
    }
}
