using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Engine.Tests.Kernel;

/// <summary>A feed over an in-memory list of bars.</summary>
internal sealed class ListFeed : IMarketDataFeed
{
    private readonly List<(long Time, List<(int Sym, Bar Bar)> Bars)> _steps;
    private int _next;

    public ListFeed(SymbolTable symbols, IEnumerable<(int Symbol, Bar Bar)> bars, TimeFrame? timeFrame = null)
    {
        Symbols = symbols;
        TimeFrame = timeFrame ?? TimeFrame.FifteenMinutes;
        _steps = bars.GroupBy(b => b.Bar.TimeUtcTicks).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.OrderBy(x => x.Symbol).Select(x => (x.Symbol, x.Bar)).ToList())).ToList();
    }

    public SymbolTable Symbols { get; }

    public TimeFrame TimeFrame { get; }

    public bool TryPeekNextStart(out long startUtcTicks)
    {
        startUtcTicks = _next < _steps.Count ? _steps[_next].Time : long.MaxValue;
        return _next < _steps.Count;
    }

    public bool TryReadNext(BarSlice destination)
    {
        if (_next >= _steps.Count)
        {
            return false;
        }

        var (t, bars) = _steps[_next++];
        destination.Reset(t);
        foreach (var (s, b) in bars)
        {
            destination.Add(s, b.Open, b.High, b.Low, b.Close, b.Volume);
        }

        return true;
    }
}

/// <summary>An execution client that accepts every order, records commands and fills on demand.</summary>
internal sealed class RecordingClient : IExecutionClient
{
    private IOrderEventSink? _sink;

    public IClock? Clock { get; set; }

    public List<(OrderId Id, OrderRequest Request)> Submitted { get; } = [];

    public List<OrderId> Cancelled { get; } = [];

    public void Connect(IOrderEventSink sink) => _sink = sink;

    public void Submit(OrderId orderId, OrderRequest request)
    {
        Submitted.Add((orderId, request));
        _sink!.OnOrderEvent(new OrderAccepted(orderId, Clock?.UtcNow.Ticks ?? 0, request.Quantity));
    }

    public void Cancel(OrderId orderId)
    {
        Cancelled.Add(orderId);
        _sink!.OnOrderEvent(new OrderCancelled(orderId, Clock?.UtcNow.Ticks ?? 0, "cancelled by request"));
    }

    public void Replace(OrderId orderId, OrderAmendment amendment) =>
        _sink!.OnOrderEvent(new OrderUpdateRejected(orderId, 0, "not supported"));

    public void FillNow(OrderId id, OrderRequest r, long qty, decimal price, bool last) =>
        _sink!.OnOrderEvent(last
            ? new OrderFilled(id, Clock!.UtcNow.Ticks, new Fill(id, r.Symbol, r.Side, qty, price, 1m, 0m, Clock.UtcNow.Ticks))
            : new OrderPartiallyFilled(id, Clock!.UtcNow.Ticks, new Fill(id, r.Symbol, r.Side, qty, price, 1m, 0m, Clock.UtcNow.Ticks), r.Quantity - qty));
}

/// <summary>A strategy that logs every callback and runs scripted actions.</summary>
internal sealed class LoggingStrategy(string name = "log") : Strategy
{
    public override string Name => name;

    public List<string> Log { get; } = [];

    public List<OrderEvent> Events { get; } = [];

    public List<Fill> Fills { get; } = [];

    public Action<IStrategyContext, BarSlice>? Bar { get; set; }

    public Action<IStrategyContext>? Start { get; set; }

    public Action<IStrategyContext, TimerEvent>? Timer { get; set; }

    public Action<IStrategyContext, Fill>? Filled { get; set; }

    public override void OnStart(IStrategyContext context)
    {
        Log.Add("start");
        Start?.Invoke(context);
    }

    public override void OnSessionOpen(IStrategyContext context, TradingSession session) =>
        Log.Add("open " + session.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public override void OnBar(IStrategyContext context, BarSlice slice)
    {
        Log.Add("bar " + Et(slice.StartUtcTicks) + "-" + Et(context.NowUtcTicks));
        Bar?.Invoke(context, slice);
    }

    public override void OnTimer(IStrategyContext context, TimerEvent timer)
    {
        Log.Add("timer " + timer.Name + " " + Et(context.NowUtcTicks));
        Timer?.Invoke(context, timer);
    }

    public override void OnSessionClose(IStrategyContext context, TradingSession session) =>
        Log.Add("close " + session.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public override void OnOrderEvent(IStrategyContext context, OrderEvent orderEvent)
    {
        Events.Add(orderEvent);
        Log.Add("event " + orderEvent.GetType().Name);
    }

    public override void OnFill(IStrategyContext context, Fill fill)
    {
        Fills.Add(fill);
        Log.Add("fill");
        Filled?.Invoke(context, fill);
    }

    public override void OnStop(IStrategyContext context) => Log.Add("stop");

    private static string Et(long ticks) =>
        NyseCalendar.Instance.ToExchangeTime(new DateTime(ticks, DateTimeKind.Utc)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
