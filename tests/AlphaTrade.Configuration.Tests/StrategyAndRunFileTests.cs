using AlphaTrade.Core;
using AlphaTrade.Core.Time;
using AlphaTrade.Testing;

namespace AlphaTrade.Configuration.Tests;

public class StrategyAndRunFileTests
{
    private static readonly Dictionary<string, string> NoEnv = new(StringComparer.Ordinal);

    private static TempDir WithSettings(string yaml)
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.File("config"));
        File.WriteAllText(dir.File(Path.Combine("config", "settings.yaml")), yaml);
        return dir;
    }

    private static Settings Load(string yaml)
    {
        using var dir = WithSettings(yaml);
        return ConfigLoader.Load(dir.Path, NoEnv).Settings;
    }

    private static RunFile Run(string yaml, Settings? settings = null) =>
        ConfigLoader.ParseRunFile(yaml, "run.yaml", settings ?? ConfigLoader.Load(RepoPaths.Root, NoEnv).Settings);

    [Fact]
    public void Load_ShippedSettings_DefaultIsACombinationOfLibraryStrategiesAndTheCrossoverStaysConfigured()
    {
        // Loaded without the strategy library's catalog: library types bind by their generic keys only.
        var s = ConfigLoader.Load(RepoPaths.Root, NoEnv).Settings;
        var combo = Assert.IsType<CombinationSettings>(s.DefaultStrategy);
        Assert.Equal(["momentum", "pairs", "reversion", "factors"], combo.Members.Select(m => m.Name));
        Assert.Equal(["mtf_momentum", "pairs", "bollinger_reversion", "factors"], combo.Members.Select(m => m.Type));
        Assert.True(combo.Members.Sum(CombinationSettings.AllocationOf) <= 1.0);
        var sma = Assert.IsType<SmaCrossoverSettings>(s.Strategies.Find("sma_crossover"));
        Assert.Equal(new SmaCrossoverSettings("sma_crossover", 10, 30, PositionSizing.TargetWeight, null, 100, false), sma);
        Assert.Equal(BacktestEngineKind.Event, s.Backtest.Engine);
        Assert.Equal(42, s.Backtest.Seed);
        Assert.Equal(360, s.Costs.DayCountBasis);
    }

    [Fact]
    public void Load_StrategiesSection_BindsEveryStrategyInFileOrder()
    {
        var s = Load("backtest:\n  default_strategy: slow\nstrategies:\n  fast:\n    type: sma_crossover\n    fast_period: 3\n    slow_period: 9\n" +
                     "  slow:\n    type: sma_crossover\n    sizing: fixed_shares\n    shares: 50\n    weight: 0.05\n    allow_short: yes\n");
        Assert.Equal(["fast", "slow"], s.Strategies.Names);
        Assert.Equal(new SmaCrossoverSettings("fast", 3, 9), s.Strategies[0]);
        Assert.Equal(new SmaCrossoverSettings("slow", 10, 30, PositionSizing.FixedShares, 0.05, 50, true), s.DefaultStrategy);
    }

    [Theory]
    [InlineData("backtest:\n  default_strategy: nope\n", "config/settings.yaml:2: backtest.default_strategy: 'nope' is not defined under strategies; defined: sma_crossover")]
    [InlineData("strategies:\n  x:\n    type: mo-mentum\n", "config/settings.yaml:3: strategies.x.type: 'mo-mentum' is not a strategy type name; expected letters, digits and '_'")]
    [InlineData("backtest:\n  default_strategy: c\nstrategies:\n  a:\n    type: pairs\n  c:\n    type: combination\n    members: [a, b]\n",
        "config/settings.yaml:8: strategies.c.members: 'b' is not a strategy defined under strategies")]
    [InlineData("strategies:\n  a:\n    type: pairs\n    allocation: 0.6\n  b:\n    type: factors\n    allocation: 0.5\n  c:\n    type: combination\n    members: [a, b]\n",
        "config/settings.yaml:10: strategies.c.members: allocations sum to 1.1; expected at most 1")]
    [InlineData("strategies:\n  a:\n    type: pairs\n  c:\n    type: combination\n", "config/settings.yaml:5: strategies.c.members: missing; expected a list")]
    [InlineData("strategies:\n  x:\n    fast_period: 5\n", "config/settings.yaml:3: strategies.x.type: missing; expected one of sma_crossover")]
    [InlineData("strategies:\n  sma_crossover:\n    fast_period: 0\n", "config/settings.yaml:3: strategies.sma_crossover.fast_period: 0 is out of range; allowed 1 to 1000000")]
    [InlineData("strategies:\n  sma_crossover:\n    fast_period: 20\n    slow_period: 20\n", "config/settings.yaml:3: strategies.sma_crossover.slow_period: 20 must exceed fast_period (20)")]
    [InlineData("strategies:\n  sma_crossover:\n    fast: 20\n", "config/settings.yaml:3: strategies.sma_crossover.fast: unknown key")]
    [InlineData("backtest:\n  engine: gpu\n", "config/settings.yaml:2: backtest.engine: 'gpu' is not allowed; expected one of event, vectorized")]
    [InlineData("costs:\n  day_count_basis: 364\n", "config/settings.yaml:2: costs.day_count_basis: 364 is not allowed; expected 360 or 365")]
    public void Load_BadStrategyOrBacktestKey_OneLineNamingFileLineAndKey(string yaml, string expected)
    {
        using var dir = WithSettings(yaml);
        var ex = Assert.Throws<InputException>(() => ConfigLoader.Load(dir.Path, NoEnv));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_CombinationAndGenericTypes_KeepMembersInOrderAndParametersAsWritten()
    {
        var s = Load("backtest:\n  default_strategy: both\nstrategies:\n  both:\n    type: combination\n    members: [rev, pairs]\n" +
                     "  pairs:\n    type: pairs\n    allocation: 0.4\n    hedge: kalman\n  rev:\n    type: bollinger_reversion\n    allocation: 0.5\n    symbols: [KO, PEP]\n    entry_z: 2.5\n");
        Assert.Equal(["both", "pairs", "rev"], s.Strategies.Names);
        var both = Assert.IsType<CombinationSettings>(s.DefaultStrategy);
        Assert.Equal(["rev", "pairs"], both.Members.Select(m => m.Name));
        var rev = Assert.IsType<FrameworkStrategySettings>(both.Members[0]);
        Assert.Equal(new FrameworkStrategySettings("rev", "bollinger_reversion", [new("entry_z", "2.5")], ["KO", "PEP"], 0.5), rev);
        Assert.Equal([new KeyValuePair<string, string>("members", "rev,pairs")], both.Describe());
    }

    [Fact]
    public void ParseRunFile_CombinationRecord_ResolvesItsMembersFromTheSettings()
    {
        var settings = Load("backtest:\n  default_strategy: c\nstrategies:\n  a:\n    type: pairs\n    allocation: 0.5\n  b:\n    type: factors\n    allocation: 0.5\n  c:\n    type: combination\n    members: [a, b]\n");
        var r = Run("strategy:\n  name: \"c\"\n  type: \"combination\"\n  parameters:\n    members: \"a,b\"\n", settings);
        Assert.Equal(settings.Strategies.Find("c"), r.Strategy);
    }

    [Fact]
    public void ParseRunFile_Empty_TakesEverythingFromSettings()
    {
        var settings = ConfigLoader.Load(RepoPaths.Root, NoEnv).Settings;
        var r = Run(string.Empty, settings);
        Assert.Null(r.Strategy);
        Assert.Null(r.Engine);
        Assert.Equal(settings.Costs, r.Costs);
        Assert.Equal(new VenueSettings(0.10, 0, 42, 520), r.Venue);
    }

    [Fact]
    public void ParseRunFile_RunRecord_ReadsStrategyPeriodCostsVenueAndFingerprints()
    {
        var r = Run(
            "run_id: \"x-1\"\nengine: \"vectorized\"\nalphatrade_version: \"0.1.0\"\nstrategy:\n  name: \"fast\"\n  type: \"sma_crossover\"\n  parameters:\n" +
            "    fast_period: 5\n    weight: null\nseed: 7\ninitial_capital: 250000\naccount: \"cash\"\ntimeframe: \"30min\"\n" +
            "start: \"2024-03-11T04:00:00Z\"\nend: \"2024-04-02T04:00:00Z\"\ncalendar: \"NYSE\"\nsymbols: [\"KO\", \"PEP\"]\n" +
            "sectors:\n  KO: \"Consumer Staples\"\n  PEP: \"Consumer Staples\"\nbenchmark: \"SPY\"\ncosts:\n  commission: \"zero\"\n  day_count_basis: 365\n" +
            "venue:\n  participation_cap: null\n  touch_fill_probability: 0.5\n  seed: 9\n  statistics_span_bars: 100\n" +
            "data_fingerprints:\n  universe: \"00aa\"\n  KO: \"11bb\"\nextra:\n  data_source: \"sample market\"\nsummary:\n  final_equity: 1\n");
        Assert.Equal("x-1", r.RunId);
        Assert.Equal(BacktestEngineKind.Vectorized, r.Engine);
        Assert.Equal(new SmaCrossoverSettings("fast", 5, 30), r.Strategy);
        Assert.Equal(250_000m, r.InitialCapital);
        Assert.Equal(AccountType.Cash, r.Account);
        Assert.Equal(TimeFrame.ThirtyMinutes, r.TimeFrame);

        // Instants as a run records them: midnight New York of the start, and of the day after the (inclusive) end.
        Assert.Equal(new DateOnly(2024, 3, 11), r.Start);
        Assert.Equal(new DateOnly(2024, 4, 1), r.End);
        Assert.Equal(["KO", "PEP"], r.Symbols);
        Assert.Equal("Consumer Staples", r.Sectors[1].Value);
        Assert.Equal(CommissionKind.Zero, r.Costs.Commission);
        Assert.Equal(365, r.Costs.DayCountBasis);
        Assert.Equal(new VenueSettings(0, 0.5, 9, 100), r.Venue);
        Assert.Equal([new("universe", "00aa"), new KeyValuePair<string, string>("KO", "11bb")], r.DataFingerprints);
    }

    [Fact]
    public void ParseRunFile_ConfiguredStrategyByName_OverridesOnlyTheGivenParameters()
    {
        var settings = Load("backtest:\n  default_strategy: ls\nstrategies:\n  ls:\n    type: sma_crossover\n    fast_period: 4\n    slow_period: 12\n    allow_short: true\n");
        var r = Run("strategy:\n  name: ls\n  parameters:\n    slow_period: 40\n", settings);
        Assert.Equal(new SmaCrossoverSettings("ls", 4, 40, AllowShort: true), r.Strategy);
    }

    [Theory]
    [InlineData("strategy:\n  name: mystery\n", "run.yaml:2: strategy.name: 'mystery' is neither a configured strategy (sma_crossover, momentum, pairs, reversion, factors, combo) nor a type")]
    [InlineData("start: 2024-02-30\n", "run.yaml:1: start: '2024-02-30' is not a date; expected yyyy-MM-dd")]
    [InlineData("start: 2024-05-01\nend: 2024-04-01\n", "run.yaml:1: end: 2024-04-01 is before start 2024-05-01")]
    [InlineData("calendar: LSE\n", "run.yaml:1: calendar: 'LSE' is not supported; expected NYSE")]
    [InlineData("account: portfolio\n", "run.yaml:1: account: 'portfolio' is not allowed; expected cash or margin (reg_t)")]
    [InlineData("venue:\n  participation_cap: 2\n", "run.yaml:2: venue.participation_cap: 2 is out of range; allowed 0 to 1")]
    [InlineData("strategy:\n  type: sma_crossover\n  parameters:\n    fast_period: 5\n    colour: red\n", "run.yaml:5: strategy.parameters.colour: unknown key")]
    public void ParseRunFile_BadKey_OneLineNamingFileLineAndKey(string yaml, string expected)
    {
        var ex = Assert.Throws<InputException>(() => Run(yaml));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}
