using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using AlphaTrade.Cli.Benchmarking;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// The backtest engines on the reference SMA crossover (long/short, 1/46 of equity per symbol, default costs) over the
/// default sample universe: 46 symbols × two years (2024–2025) of 15-minute bars, 597,080 bars (the generated market
/// without faults, seed 42; the benchmark SPY left out). Two parameter sets: 10/30 trades about every 25 bars per symbol
/// (~23,000 fills: the per-trade bookkeeping dominates), 50/200 about 6× less often (closer to the per-bar cost).
/// Throughput: event-driven bars/s = <see cref="Bars"/> ÷ mean; vectorized cells/s = <see cref="Cells"/> ÷ mean.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private CrossoverWorkload _w = null!;
    private double[] _zero = [];

    /// <summary>Fast/slow average lengths, bars.</summary>
    [Params("10/30", "50/200")]
    public string Crossover { get; set; } = "10/30";

    /// <summary>Symbol-bars in the data set.</summary>
    public static long Bars { get; private set; }

    /// <summary>Bar × symbol cells of the aligned matrix.</summary>
    public static long Cells { get; private set; }

    /// <summary>Generates the market and the vectorized engine's inputs (the workload of <c>alphatrade bench</c>).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _w = CrossoverWorkload.Create(Crossover);
        Bars = _w.BarCount;
        Cells = _w.Aligned.Cells;
        _zero = new double[_w.Weights.Length];
        Console.WriteLine($"// {_w.Bars.Count} symbols, {Bars} bars, {Cells} cells; event fills {EventDriven().Fills.Count}, vectorized fills {Vectorized().Fills.Count}");
    }

    /// <summary>The event-driven engine with full accounting (decimal ledger, costs, round trips, daily snapshots), participation cap 10%.</summary>
    [Benchmark]
    public RunResult EventDriven() => _w.RunEvent();

    /// <summary>The vectorized engine from the precomputed weight matrix (the same ledger and costs), cap off.</summary>
    [Benchmark]
    public RunResult Vectorized() => _w.RunVectorized();

    /// <summary>
    /// The vectorized engine's run with its round trips and position snapshots read (they are rebuilt from the fill
    /// log on first read): what <c>alphatrade backtest --engine vectorized</c> pays before writing trades.csv and
    /// positions.csv. <see cref="Vectorized"/> is what a sweep pays (it reads the equity curve and counts).
    /// </summary>
    [Benchmark]
    public long VectorizedWithRecords() => _w.RunVectorizedWithRecords().Records;

    /// <summary>The vectorized engine's per-cell loop alone: a zero weight matrix (no order, no position).</summary>
    [Benchmark]
    public RunResult VectorizedNoTrades() => VectorizedBacktester.Run(new VectorizedSpec
    {
        Bars = _w.Aligned,
        TargetWeights = _zero,
        Calendar = NyseCalendar.Instance,
        Costs = CostOptions.Default,
        Venue = new VenueOptions { ParticipationCap = null },
        StrategyName = _w.Parameters.Name,
    });

    /// <summary>The event engine's historical feed alone: every time step of the 46 series delivered into one slice.</summary>
    [Benchmark]
    public long Feed()
    {
        var feed = new BarSeriesFeed(_w.Bars);
        var slice = new AlphaTrade.Core.Market.BarSlice(feed.Symbols.Count);
        long bars = 0;
        while (feed.TryReadNext(slice))
        {
            bars += slice.Count;
        }

        return bars;
    }

    /// <summary>Aligning the 46 series into the vectorized engine's row-major matrix (once per sweep).</summary>
    [Benchmark]
    public AlignedBars Align() => AlignedBars.Create(_w.Bars);
}
