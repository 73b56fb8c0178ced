using AlphaTrade.Backtest.Reference;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Cli.Benchmarking;
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
    private StrategyWorkload _w = null!;

    /// <summary>"idle" (the kernel's bar loop and valuation with a strategy that does nothing), "sma_crossover" (baseline), a library type, or "all_six".</summary>
    [Params("idle", "sma_crossover", "mtf_momentum", "donchian_breakout", "bollinger_reversion", "pairs", "sector_rotation", "factors", "all_six")]
    public string Strategy { get; set; } = "all_six";

    /// <summary>Symbol-bars in the data set.</summary>
    public static long Bars { get; private set; }

    /// <summary>Generates the market (the workload of <c>alphatrade bench --suite strategies</c>).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _w = StrategyWorkload.Create();
        Bars = _w.BarCount;
        Console.WriteLine($"// {Bars} bars");
    }

    /// <summary>One backtest.</summary>
    [Benchmark]
    public RunResult Backtest() => Strategy switch
    {
        "idle" => _w.Run([new IdleStrategy()]),
        "sma_crossover" => _w.Run([new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 10, SlowPeriod = 30, AllowShort = true })]),
        _ => _w.Run(Strategy),
    };

    /// <summary>Receives every event and does nothing: what is left is the engine's own per-bar cost.</summary>
    private sealed class IdleStrategy : Strategy
    {
        public override string Name => "idle";
    }
}
