using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest.Tests;

/// <summary>Hand-built and generated bars on the NYSE 15-minute grid, and one-call runs.</summary>
internal static class TestMarket
{
    public static readonly NyseCalendar Cal = NyseCalendar.Instance;

    /// <summary>A New York wall-clock time in January 2024 as UTC ticks.</summary>
    public static long Et(int day, int hour, int minute, int month = 1) => Cal.ToUtc(new DateTime(2024, month, day, hour, minute, 0)).Ticks;

    public static BarSeries Series(string symbol, params (long T, double O, double H, double L, double C, double V)[] bars) =>
        Series(symbol, bars.Select(b => (b.T, b.O, b.H, b.L, b.C, b.V, BarFlags.None)).ToArray());

    public static BarSeries Series(string symbol, (long T, double O, double H, double L, double C, double V, BarFlags F)[] bars)
    {
        var s = new BarSeries(symbol, TimeFrame.FifteenMinutes);
        foreach (var b in bars)
        {
            s.Add(b.T, b.O, b.H, b.L, b.C, b.V, flags: b.F);
        }

        return s;
    }

    /// <summary>Every 15-minute bar start of <paramref name="sessions"/> sessions from <paramref name="from"/>.</summary>
    public static List<long> BarStarts(DateOnly from, int sessions)
    {
        var list = new List<long>();
        var buf = new long[64];
        var date = Cal.IsTradingDay(from) ? from : Cal.NextTradingDay(from);
        for (int i = 0; i < sessions; i++)
        {
            var s = Cal.GetSession(date)!.Value;
            int n = s.BarStarts(TimeFrame.FifteenMinutes, buf);
            list.AddRange(buf.AsSpan(0, n).ToArray());
            date = Cal.NextTradingDay(date);
        }

        return list;
    }

    /// <summary>A seeded geometric random walk with consistent OHLC and random volume.</summary>
    public static BarSeries RandomWalk(string symbol, IReadOnlyList<long> starts, int seed, double start = 100, double vol = 0.004)
    {
        var rng = new Random(seed);
        var s = new BarSeries(symbol, TimeFrame.FifteenMinutes, starts.Count);
        double price = start;
        foreach (long t in starts)
        {
            double open = price * (1 + (vol * 0.3 * Normal(rng)));
            double close = open * (1 + (vol * Normal(rng)));
            double high = Math.Max(open, close) * (1 + (vol * 0.5 * rng.NextDouble()));
            double low = Math.Min(open, close) * (1 - (vol * 0.5 * rng.NextDouble()));
            s.Add(t, Math.Round(open, 2), Math.Round(high, 2) + 0.01, Math.Round(low, 2) - 0.01, Math.Round(close, 2), Math.Round(5_000 + (50_000 * rng.NextDouble())));
            price = close;
        }

        return s;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    public static VenueOptions NoCap { get; } = new() { ParticipationCap = null };

    public static RunResult Run(IReadOnlyList<BarSeries> bars, IStrategy strategy, CostOptions? costs = null, VenueOptions? venue = null,
        MarginPolicy? margin = null, decimal capital = 1_000_000m) =>
        Backtester.Run(new BacktestSpec
        {
            Bars = bars,
            Calendar = Cal,
            Strategies = [strategy],
            Costs = costs ?? CostOptions.Free,
            Venue = venue ?? NoCap,
            Margin = margin ?? MarginPolicy.RegT,
            InitialCapital = capital,
        });
}

/// <summary>A strategy that runs scripted actions at given bar steps and records everything it hears.</summary>
internal sealed class Script(string name = "script") : Strategy
{
    private int _step;

    public override string Name => name;

    public Dictionary<int, Action<IStrategyContext>> At { get; } = [];

    public List<OrderEvent> Events { get; } = [];

    public List<Fill> Fills { get; } = [];

    public List<OrderId> Ids { get; } = [];

    public Script On(int step, Func<IStrategyContext, OrderId> submit)
    {
        At[step] = ctx => Ids.Add(submit(ctx));
        return this;
    }

    public Script Do(int step, Action<IStrategyContext> action)
    {
        At[step] = action;
        return this;
    }

    public override void OnBar(IStrategyContext context, BarSlice slice)
    {
        if (At.TryGetValue(_step, out var a))
        {
            a(context);
        }

        _step++;
    }

    public override void OnOrderEvent(IStrategyContext context, OrderEvent orderEvent) => Events.Add(orderEvent);

    public override void OnFill(IStrategyContext context, Fill fill) => Fills.Add(fill);

    public T Last<T>()
        where T : OrderEvent => Events.OfType<T>().Last();
}
