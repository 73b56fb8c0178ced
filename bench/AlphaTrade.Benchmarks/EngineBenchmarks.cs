using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
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
    private List<BarSeries> _bars = [];
    private AlignedBars _aligned = null!;
    private double[] _weights = [];
    private double[] _zero = [];
    private SmaCrossoverParameters _p = null!;

    /// <summary>Fast/slow average lengths, bars.</summary>
    [Params("10/30", "50/200")]
    public string Crossover { get; set; } = "10/30";

    /// <summary>Symbol-bars in the data set.</summary>
    public static long Bars { get; private set; }

    /// <summary>Bar × symbol cells of the aligned matrix.</summary>
    public static long Cells { get; private set; }

    /// <summary>Generates the market and the vectorized engine's inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions { Seed = 42, Faults = false });
        _bars = market.Series.Where(s => s.Symbol != SampleMarketOptions.DefaultBenchmark).ToList();
        Bars = _bars.Sum(b => (long)b.Count);
        var periods = Crossover.Split('/');
        _p = new SmaCrossoverParameters
        {
            FastPeriod = int.Parse(periods[0], System.Globalization.CultureInfo.InvariantCulture),
            SlowPeriod = int.Parse(periods[1], System.Globalization.CultureInfo.InvariantCulture),
            AllowShort = true,
        };
        _aligned = AlignedBars.Create(_bars);
        Cells = _aligned.Cells;
        _weights = SmaCrossoverStrategy.TargetWeights(_aligned, _p);
        _zero = new double[_weights.Length];
        Console.WriteLine($"// {_bars.Count} symbols, {Bars} bars, {Cells} cells; event fills {EventDriven().Fills.Count}, vectorized fills {Vectorized().Fills.Count}");
    }

    /// <summary>The event-driven engine with full accounting (decimal ledger, costs, round trips, daily snapshots), participation cap 10%.</summary>
    [Benchmark]
    public RunResult EventDriven() => Backtester.Run(new BacktestSpec
    {
        Bars = _bars,
        Calendar = NyseCalendar.Instance,
        Strategies = [new SmaCrossoverStrategy(_p)],
        Costs = CostOptions.Default,
    });

    /// <summary>The vectorized engine from the precomputed weight matrix (the same ledger and costs), cap off.</summary>
    [Benchmark]
    public RunResult Vectorized() => VectorizedBacktester.Run(new VectorizedSpec
    {
        Bars = _aligned,
        TargetWeights = _weights,
        Calendar = NyseCalendar.Instance,
        Costs = CostOptions.Default,
        Venue = new VenueOptions { ParticipationCap = null },
        StrategyName = _p.Name,
    });

    /// <summary>The vectorized engine's per-cell loop alone: a zero weight matrix (no order, no position).</summary>
    [Benchmark]
    public RunResult VectorizedNoTrades() => VectorizedBacktester.Run(new VectorizedSpec
    {
        Bars = _aligned,
        TargetWeights = _zero,
        Calendar = NyseCalendar.Instance,
        Costs = CostOptions.Default,
        Venue = new VenueOptions { ParticipationCap = null },
        StrategyName = _p.Name,
    });

    /// <summary>The event engine's historical feed alone: every time step of the 46 series delivered into one slice.</summary>
    [Benchmark]
    public long Feed()
    {
        var feed = new BarSeriesFeed(_bars);
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
    public AlignedBars Align() => AlignedBars.Create(_bars);
}
