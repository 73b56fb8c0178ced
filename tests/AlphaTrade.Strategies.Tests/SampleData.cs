using AlphaTrade.Backtest;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Results;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

/// <summary>The sample market shared by the tests (generated once per process), and helpers to run strategies on it.</summary>
internal static class SampleData
{
    private static readonly Lazy<SampleMarket> Year = new(() => Generate(new DateOnly(2024, 1, 2), new DateOnly(2024, 12, 31)));

    private static readonly Lazy<SampleMarket> TwoYear = new(() => Generate(new DateOnly(2024, 1, 2), new DateOnly(2025, 12, 31)));

    public static NyseCalendar Calendar { get; } = new();

    /// <summary>One year (2024) of 15-minute bars, default universe, seed 42, no data faults.</summary>
    public static SampleMarket Market => Year.Value;

    /// <summary>The default two-year sample (2024-2025): long enough for the planted pairs to be unmistakable.</summary>
    public static SampleMarket TwoYears => TwoYear.Value;

    public static SampleMarket Generate(DateOnly start, DateOnly end, int seed = 42) =>
        new SampleMarketGenerator(Calendar).Generate(new SampleMarketOptions { Start = start, End = end, Seed = seed });

    public static IReadOnlyDictionary<string, string> Sectors(SampleMarket market) =>
        market.Truth.Symbols.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);

    /// <summary>The clean series of <paramref name="symbols"/> (all when null).</summary>
    public static IReadOnlyList<BarSeries> Series(SampleMarket market, IReadOnlyList<string>? symbols = null) =>
        symbols is null ? market.CleanSeries : [.. symbols.Select(market.Clean)];

    /// <summary>Runs <paramref name="hosts"/> in one event-driven backtest.</summary>
    public static RunResult Run(IReadOnlyList<BarSeries> bars, IReadOnlyList<StrategyHost> hosts, DateTime? startUtc = null, DateTime? endUtc = null) =>
        Backtester.Run(new BacktestSpec
        {
            Bars = bars,
            Calendar = Calendar,
            Strategies = hosts,
            StartUtc = startUtc,
            EndUtc = endUtc,
        });

    /// <summary>A host for a library type with parameter overrides.</summary>
    public static StrategyHost Host(string type, SampleMarket market, DecisionLog? log = null, byte[]? state = null,
        IEnumerable<KeyValuePair<string, string>>? parameters = null, string? name = null, double allocation = 1.0)
    {
        var (strategy, p) = StrategyRegistry.Create(type, parameters);
        return new StrategyHost(name ?? type, strategy, new StrategyHostOptions
        {
            Calendar = Calendar,
            Parameters = p,
            Sectors = Sectors(market),
            Decisions = log,
            RestoreState = state,
            Allocation = allocation,
        });
    }

    /// <summary>Smaller parameter sets so that every strategy trades within a few months of data.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Quick(string type) => type switch
    {
        MultiTimeframeMomentum.TypeName => [new("daily_ma_period", "10"), new("adx_period", "5"), new("adx_min", "15")],
        DonchianBreakout.TypeName => [new("entry_period", "26"), new("exit_period", "13")],
        PairsTrading.TypeName => [new("formation_bars", "520"), new("reselect_bars", "130"), new("max_pvalue", "0.05"), new("min_half_life", "5")],
        SectorRotation.TypeName => [new("lookback_days", "10"), new("rebalance_days", "5")],
        CrossSectionalFactors.TypeName => [new("momentum_days", "15"), new("skip_days", "3"), new("vol_days", "10"), new("rebalance_days", "5")],
        _ => [],
    };
}
