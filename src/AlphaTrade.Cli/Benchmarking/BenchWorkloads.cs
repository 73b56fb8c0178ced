using System.Globalization;
using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Cli.Benchmarking;

/// <summary>
/// The reference SMA crossover over the default sample universe, the workload of the engine speed targets: 46 symbols ×
/// two years (2024–2025) of 15-minute bars, 597,080 bars (seed 42, no planted faults, the benchmark SPY left out);
/// long/short, 1/46 of equity per symbol, default costs. 10/30 trades about every 25 bars per symbol (~23,000 fills),
/// 50/200 about six times less often. Shared by <c>alphatrade bench</c> and the BenchmarkDotNet suite.
/// </summary>
internal sealed class CrossoverWorkload
{
    private CrossoverWorkload(List<BarSeries> bars, SmaCrossoverParameters parameters)
    {
        Bars = bars;
        Parameters = parameters;
        BarCount = bars.Sum(b => (long)b.Count);
        Aligned = AlignedBars.Create(bars);
        Weights = SmaCrossoverStrategy.TargetWeights(Aligned, parameters);
    }

    /// <summary>The series, SPY left out.</summary>
    public List<BarSeries> Bars { get; }

    /// <summary>The crossover's settings.</summary>
    public SmaCrossoverParameters Parameters { get; }

    /// <summary>Symbol-bars.</summary>
    public long BarCount { get; }

    /// <summary>The vectorized engine's matrix (rows × symbols).</summary>
    public AlignedBars Aligned { get; }

    /// <summary>The crossover's target weights over <see cref="Aligned"/>.</summary>
    public double[] Weights { get; }

    /// <summary>Builds the workload for "FAST/SLOW" (e.g. "10/30").</summary>
    public static CrossoverWorkload Create(string crossover)
    {
        var periods = crossover.Split('/');
        var p = new SmaCrossoverParameters
        {
            FastPeriod = int.Parse(periods[0], CultureInfo.InvariantCulture),
            SlowPeriod = int.Parse(periods[1], CultureInfo.InvariantCulture),
            AllowShort = true,
        };
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions { Seed = 42, Faults = false });
        return new CrossoverWorkload([.. market.Series.Where(s => s.Symbol != SampleMarketOptions.DefaultBenchmark)], p);
    }

    /// <summary>The event-driven engine with full accounting (decimal ledger, costs, round trips, daily snapshots), participation cap 10%.</summary>
    public RunResult RunEvent() => Backtester.Run(new BacktestSpec
    {
        Bars = Bars,
        Calendar = NyseCalendar.Instance,
        Strategies = [new SmaCrossoverStrategy(Parameters)],
        Costs = CostOptions.Default,
    });

    /// <summary>The vectorized engine from the precomputed weight matrix (the same costs and books), cap off.</summary>
    public RunResult RunVectorized() => VectorizedBacktester.Run(new VectorizedSpec
    {
        Bars = Aligned,
        TargetWeights = Weights,
        Calendar = NyseCalendar.Instance,
        Costs = CostOptions.Default,
        Venue = new VenueOptions { ParticipationCap = null },
        StrategyName = Parameters.Name,
    });

    /// <summary>
    /// <see cref="RunVectorized"/> with its round trips and position snapshots built (the vectorized engine builds them
    /// when first read; reading one record of each builds them all): the engine's work for a backtest that writes
    /// trades.csv and positions.csv, comparable with the event engine's run, which tracks them as it goes. A sweep reads
    /// only the equity curve and the counts. Returns the run and the quantities of the records read.
    /// </summary>
    public (RunResult Run, long Records) RunVectorizedWithRecords()
    {
        var r = RunVectorized();
        long n = 0;
        if (r.Trades.Count > 0)
        {
            n += r.Trades[0].Quantity + r.Trades[^1].Quantity;
        }

        if (r.OpenTrades.Count > 0)
        {
            n += r.OpenTrades[^1].Quantity;
        }

        if (r.Positions.Count > 0)
        {
            n += r.Positions[0].Quantity + r.Positions[^1].Quantity;
        }

        return (r, n);
    }
}

/// <summary>
/// The strategy framework's workload: event-driven backtests over the default sample market (46 stocks + SPY,
/// 2024–2025, 15-minute bars, cleaned, 610,060 symbol-bars), default costs, no risk layer; a library strategy alone in
/// its host, or all six side by side at 1/6 of equity each. Default parameters, except pairs' formation window (3,900
/// bars, so that it selects pairs within the two years).
/// </summary>
internal sealed class StrategyWorkload
{
    /// <summary>The setting that runs the six library strategies together.</summary>
    public const string AllSix = "all_six";

    private readonly IReadOnlyList<BarSeries> _bars;
    private readonly Dictionary<string, string> _sectors;

    private StrategyWorkload(IReadOnlyList<BarSeries> bars, Dictionary<string, string> sectors)
    {
        _bars = bars;
        _sectors = sectors;
        BarCount = bars.Sum(b => (long)b.Count);
    }

    /// <summary>Symbol-bars.</summary>
    public long BarCount { get; }

    /// <summary>Generates the market.</summary>
    public static StrategyWorkload Create()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
        {
            Start = new DateOnly(2024, 1, 2),
            End = new DateOnly(2025, 12, 31),
        });
        return new StrategyWorkload(market.CleanSeries, market.Truth.Symbols.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal));
    }

    /// <summary>The six library types of the framework issue, in registry order.</summary>
    public static IReadOnlyList<string> LibraryTypes => [.. StrategyRegistry.Types.Take(6).Select(t => t.Name)];

    /// <summary>One backtest of a library type, or of <see cref="AllSix"/>.</summary>
    public RunResult Run(string setting) => Run(Hosts(setting));

    /// <summary>One backtest of <paramref name="strategies"/> over the same market and settings (for baselines).</summary>
    public RunResult Run(IReadOnlyList<IStrategy> strategies) => Backtester.Run(new BacktestSpec
    {
        Bars = _bars,
        Calendar = NyseCalendar.Instance,
        Strategies = strategies,
    });

    private List<IStrategy> Hosts(string setting)
    {
        var types = setting == AllSix ? LibraryTypes : [setting];
        return [.. types.Select(t => (IStrategy)StrategyRegistry.CreateHost(
            new StrategyDeclaration(t, t, t == PairsTrading.TypeName ? [new("formation_bars", "3900")] : [], null, 1.0 / types.Count),
            new StrategyHostOptions { Calendar = NyseCalendar.Instance, Sectors = _sectors }))];
    }
}
