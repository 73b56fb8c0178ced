using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// Per-bar cost of the strategy framework: event-driven backtests over the default sample market (46 stocks + SPY,
/// 2024–2025, 15-minute bars, ~620k symbol-bars), default costs, with (a) the reference SMA crossover (the engine's own
/// baseline), (b) each library strategy alone in a <see cref="StrategyHost"/>, (c) all six side by side, 1/6 of equity
/// each. Default parameters, except pairs' formation window (3900 bars, so that it selects pairs within the year).
/// Throughput = <see cref="Bars"/> / mean time; overhead per bar = (mean − baseline mean) / <see cref="Bars"/>.
/// </summary>
[MemoryDiagnoser]
public class StrategyBenchmarks
{
    private IReadOnlyList<BarSeries> _bars = [];
    private Dictionary<string, string> _sectors = [];

    /// <summary>"idle" (the kernel's bar loop and valuation with a strategy that does nothing), "sma_crossover" (baseline), a library type, or "all_six".</summary>
    [Params("idle", "sma_crossover", "mtf_momentum", "donchian_breakout", "bollinger_reversion", "pairs", "sector_rotation", "factors", "all_six")]
    public string Strategy { get; set; } = "all_six";

    /// <summary>Symbol-bars in the data set.</summary>
    public static long Bars { get; private set; }

    /// <summary>Generates the market.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
        {
            Start = new DateOnly(2024, 1, 2),
            End = new DateOnly(2025, 12, 31),
        });
        _bars = market.CleanSeries;
        _sectors = market.Truth.Symbols.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);
        Bars = _bars.Sum(b => (long)b.Count);
        Console.WriteLine($"// {Bars} bars");
    }

    /// <summary>One backtest.</summary>
    [Benchmark]
    public RunResult Backtest() => Backtester.Run(new BacktestSpec
    {
        Bars = _bars,
        Calendar = NyseCalendar.Instance,
        Strategies = Strategies(),
    });

    private IReadOnlyList<IStrategy> Strategies()
    {
        if (Strategy == "idle")
        {
            return [new IdleStrategy()];
        }

        if (Strategy == "sma_crossover")
        {
            return [new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 10, SlowPeriod = 30, AllowShort = true })];
        }

        var types = Strategy == "all_six" ? StrategyRegistry.Types.Take(6).Select(t => t.Name).ToArray() : [Strategy];
        return [.. types.Select(t => (IStrategy)StrategyRegistry.CreateHost(
            new StrategyDeclaration(t, t, t == PairsTrading.TypeName ? [new("formation_bars", "3900")] : [], null, 1.0 / types.Length),
            new StrategyHostOptions { Calendar = NyseCalendar.Instance, Sectors = _sectors }))];
    }

    /// <summary>Receives every event and does nothing: what is left is the engine's own per-bar cost.</summary>
    private sealed class IdleStrategy : Strategy
    {
        public override string Name => "idle";
    }
}
