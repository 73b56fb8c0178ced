using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Resampling;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>Resampling about 0.9 million 5-minute bars (every NYSE session 1990–2035) to larger bars.</summary>
[MemoryDiagnoser]
public class ResampleBenchmarks
{
    private readonly BarResampler _resampler = new(NyseCalendar.Instance);
    private BarSeries _source = null!;
    private BarSeries _fifteen = null!;
    private BarSeries _hourly = null!;
    private BarSeries _daily = null!;

    /// <summary>Builds a deterministic random walk on the 5-minute grid of every session.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _source = new BarSeries("BENCH", TimeFrame.FiveMinutes, 1_000_000, withVwap: true, withTradeCount: true);
        double price = 100;
        long step = TimeSpan.FromMinutes(5).Ticks;
        foreach (var s in NyseCalendar.Instance.Sessions(NyseCalendar.FirstDate, NyseCalendar.LastDate))
        {
            int n = s.BarCount(TimeFrame.FiveMinutes);
            for (int k = 0; k < n; k++)
            {
                double open = price;
                price *= 1 + ((rng.NextDouble() - 0.5) * 0.004);
                double high = Math.Max(open, price) * 1.001;
                double low = Math.Min(open, price) * 0.999;
                _source.Add(s.OpenUtc.Ticks + (k * step), open, high, low, price, 1000 + rng.Next(10_000),
                    (open + price) / 2, 10 + rng.Next(100));
            }
        }

        _fifteen = new BarSeries("BENCH", TimeFrame.FifteenMinutes, _source.Count, true, true);
        _hourly = new BarSeries("BENCH", TimeFrame.Hourly, _source.Count, true, true);
        _daily = new BarSeries("BENCH", TimeFrame.Daily, _source.Count, true, true);
    }

    /// <summary>5-minute to 15-minute bars.</summary>
    [Benchmark(Baseline = true)]
    public int FiveToFifteen() => _resampler.ResampleInto(_source, TimeFrame.FifteenMinutes, _fifteen).Written;

    /// <summary>5-minute to session-aligned hourly bars.</summary>
    [Benchmark]
    public int FiveToHourly() => _resampler.ResampleInto(_source, TimeFrame.Hourly, _hourly).Written;

    /// <summary>5-minute to daily bars.</summary>
    [Benchmark]
    public int FiveToDaily() => _resampler.ResampleInto(_source, TimeFrame.Daily, _daily).Written;
}
