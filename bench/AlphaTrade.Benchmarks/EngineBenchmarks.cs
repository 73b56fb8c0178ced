using AlphaTrade.Backtest;
using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// The backtest engines on the reference SMA crossover (10/30, long/short, 1/46 of equity per symbol, default costs)
/// over 46 symbols × two years of synthetic 15-minute NYSE bars (2023–2024, ~600k bars). Throughput:
/// event-driven bars/s = <see cref="Bars"/> / mean time; vectorized cells/s = <see cref="Cells"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private List<BarSeries> _bars = [];
    private AlignedBars _aligned = null!;
    private double[] _weights = [];
    private SmaCrossoverParameters _p = null!;

    /// <summary>Symbol-bars in the data set.</summary>
    public static long Bars { get; private set; }

    /// <summary>Bar × symbol cells of the aligned matrix.</summary>
    public static long Cells { get; private set; }

    /// <summary>Generates the market.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cal = NyseCalendar.Instance;
        var starts = new List<long>();
        var buf = new long[64];
        foreach (var s in cal.Sessions(new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31)))
        {
            int n = s.BarStarts(TimeFrame.FifteenMinutes, buf);
            starts.AddRange(buf.AsSpan(0, n).ToArray());
        }

        _bars = [];
        for (int k = 0; k < 46; k++)
        {
            var rng = new Random(1000 + k);
            var series = new BarSeries("S" + k.ToString("00", System.Globalization.CultureInfo.InvariantCulture), TimeFrame.FifteenMinutes, starts.Count);
            double price = 20 + (10 * k);
            foreach (long t in starts)
            {
                double open = price * (1 + (0.0005 * (rng.NextDouble() - 0.5)));
                double close = open * (1 + (0.006 * (rng.NextDouble() - 0.5)));
                double high = Math.Max(open, close) * (1 + (0.001 * rng.NextDouble()));
                double low = Math.Min(open, close) * (1 - (0.001 * rng.NextDouble()));
                series.Add(t, Math.Round(open, 2), Math.Round(high, 2) + 0.01, Math.Round(low, 2) - 0.01, Math.Round(close, 2), 20_000 + (200_000 * rng.NextDouble()));
                price = close;
            }

            _bars.Add(series);
        }

        Bars = _bars.Sum(b => (long)b.Count);
        _p = new SmaCrossoverParameters { FastPeriod = 10, SlowPeriod = 30, AllowShort = true };
        _aligned = AlignedBars.Create(_bars);
        Cells = _aligned.Cells;
        _weights = SmaCrossoverStrategy.TargetWeights(_aligned, _p);
        Console.WriteLine($"// {Bars} bars, {Cells} cells");
    }

    /// <summary>The event-driven engine with full accounting, participation cap 10%.</summary>
    [Benchmark]
    public RunResult EventDriven() => Backtester.Run(new BacktestSpec
    {
        Bars = _bars,
        Calendar = NyseCalendar.Instance,
        Strategies = [new SmaCrossoverStrategy(_p)],
        Costs = CostOptions.Default,
    });

    /// <summary>The vectorized engine from the precomputed weight matrix, cap off.</summary>
    [Benchmark]
    public RunResult Vectorized() => VectorizedBacktester.Run(new VectorizedSpec
    {
        Bars = _aligned,
        TargetWeights = _weights,
        Calendar = NyseCalendar.Instance,
        Costs = CostOptions.Default,
        Venue = new VenueOptions { ParticipationCap = null },
    });
}
