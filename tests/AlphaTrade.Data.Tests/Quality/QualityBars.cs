using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Quality;

namespace AlphaTrade.Data.Tests.Quality;

/// <summary>Hand-built bar lists on the real NYSE grid, for the cleaning tests.</summary>
internal static class QualityBars
{
    public static readonly NyseCalendar Nyse = NyseCalendar.Instance;

    /// <summary>Monday 2024-01-08: five plain sessions follow (then the MLK holiday on the 15th).</summary>
    public static readonly DateOnly Monday = new(2024, 1, 8);

    public static readonly TimeFrame M15 = TimeFrame.FifteenMinutes;

    public static BarCleaner Cleaner(BarCleanerOptions? options = null) => new(Nyse, options);

    /// <summary>Start (UTC ticks) of bar <paramref name="index"/> of the session on <paramref name="date"/>.</summary>
    public static long Slot(DateOnly date, int index, TimeFrame? timeFrame = null)
    {
        var session = Nyse.GetSession(date) ?? throw new ArgumentException($"{date} is not a trading day.", nameof(date));
        return session.OpenUtc.Ticks + (index * (timeFrame ?? M15).Duration.Ticks);
    }

    /// <summary>An exchange-local wall time on <paramref name="date"/> as UTC ticks.</summary>
    public static long Local(DateOnly date, int hour, int minute) =>
        Nyse.ToUtc(date.ToDateTime(new TimeOnly(hour, minute))).Ticks;

    /// <summary>
    /// Every grid bar of <paramref name="sessions"/> sessions from <paramref name="from"/>: closes alternate
    /// between <paramref name="price"/> and price·e^step, so every log return is ±step and the robust scale of
    /// the returns is exactly 1.4826·step (median 0, MAD step). The last bar is left out: an even number of
    /// returns, half up and half down, keeps the median exactly 0.
    /// </summary>
    public static List<Bar> Zigzag(DateOnly from, int sessions, double price = 100, double step = 0.001, TimeFrame? timeFrame = null)
    {
        var tf = timeFrame ?? M15;
        var bars = new List<Bar>();
        int k = 0;
        foreach (var s in Nyse.Sessions(from, from.AddDays(sessions * 3)).Take(sessions))
        {
            var starts = new long[s.BarCount(tf)];
            int n = s.BarStarts(tf, starts);
            for (int j = 0; j < n; j++, k++)
            {
                double close = (k & 1) == 0 ? price : price * Math.Exp(step);
                bars.Add(Flat(starts[j], close, 1000));
            }
        }

        if (bars.Count % 2 == 0)
        {
            bars.RemoveAt(bars.Count - 1);
        }

        return bars;
    }

    /// <summary>A seeded random walk on the grid with realistic wicks and volumes.</summary>
    public static List<Bar> RandomWalk(DateOnly from, int sessions, int seed, double price = 100, double sigma = 0.002, TimeFrame? timeFrame = null)
    {
        var tf = timeFrame ?? M15;
        var rng = new Random(seed);
        var bars = new List<Bar>();
        double close = price;
        foreach (var s in Nyse.Sessions(from, from.AddDays(sessions * 3)).Take(sessions))
        {
            var starts = new long[s.BarCount(tf)];
            int n = s.BarStarts(tf, starts);
            for (int j = 0; j < n; j++)
            {
                double open = close;
                close = open * Math.Exp(sigma * Gaussian(rng));
                double high = Math.Max(open, close) * (1 + (sigma * rng.NextDouble()));
                double low = Math.Min(open, close) * (1 - (sigma * rng.NextDouble()));
                bars.Add(new Bar(starts[j], open, high, low, close, 1000 + rng.Next(10_000)));
            }
        }

        return bars;
    }

    /// <summary>A bar with open = high = low = close.</summary>
    public static Bar Flat(long time, double price, double volume) => new(time, price, price, price, price, volume);

    /// <summary>The bar with its close (and open/high/low, keeping the bar flat-consistent) set to <paramref name="price"/>.</summary>
    public static Bar WithPrice(this Bar bar, double price) => bar with { Open = price, High = price, Low = price, Close = price };

    /// <summary>The rows as a series in list order (file order).</summary>
    public static BarSeries Series(IEnumerable<Bar> rows, string symbol = "TEST", TimeFrame? timeFrame = null)
    {
        var s = new BarSeries(symbol, timeFrame ?? M15);
        foreach (var b in rows)
        {
            s.Add(b);
        }

        return s;
    }

    public static DataQualityReport Report(IEnumerable<Bar> rows, BarCleanerOptions? options = null) =>
        Cleaner(options).Clean(Series(rows)).Report;

    public static CleaningResult Clean(IEnumerable<Bar> rows, BarCleanerOptions? options = null, TimeFrame? timeFrame = null) =>
        Cleaner(options).Clean(Series(rows, timeFrame: timeFrame));

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
