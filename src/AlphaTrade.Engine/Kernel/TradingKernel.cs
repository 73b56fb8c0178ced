using System.Globalization;
using System.Runtime.CompilerServices;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Engine.Time;

namespace AlphaTrade.Engine.Kernel;

/// <summary>
/// The event loop: one deterministic, single-threaded loop that merges four event sources in time order —
/// session opens, bar completions (multi-symbol slices from the feed), strategy timers and session closes — and
/// routes orders from strategies through the pre-trade gate and buying-power check to the execution client, and
/// order events back through the ledger to strategies.
/// <para>
/// Ordering at equal times: session open, then bars, then timers, then session close. A bar slice is processed at
/// its end time: the clock moves there, a simulated venue fills working orders on it, the ledger marks to its
/// closes, the history appends it, then strategies see it. Order events are queued and handled after each step
/// (never re-entrantly), so a strategy's reaction to an event is itself an ordinary, ordered event.
/// </para>
/// <para>
/// Nothing is allocated per bar: the slice is a reused buffer, history is preallocated, the equity curve grows by
/// doubling; decimal work happens only when money moves (fills, session-close accruals and snapshots).
/// </para>
/// </summary>
public sealed class TradingKernel : IOrderEventSink
{
    private const int PrioritySessionOpen = 0;
    private const int PriorityBar = 1;
    private const int PriorityTimer = 2;
    private const int PrioritySessionClose = 3;

    private readonly IMarketDataFeed _feed;
    private readonly IExecutionClient _client;
    private readonly ISimulatedVenue? _venue;
    private readonly ITradingCalendar _calendar;
    private readonly SimulatedClock _clock;
    private readonly IStrategy[] _strategies;
    private readonly StrategyContext[] _contexts;
    private readonly SymbolTable _symbols;
    private readonly Ledger _ledger;
    private readonly RunRecorder _recorder;
    private readonly IBarHistory _history;
    private readonly BarSlice _slice;
    private readonly MarginPolicy _margin;
    private readonly IOrderGate _gate;
    private readonly KernelOptions _options;
    private readonly long _barTicks;
    private readonly bool _daily;
    private readonly ChunkedList<OrderRecord> _orders = new();
    private readonly long[] _working;
    private readonly long[] _workingByStrategy;
    private readonly Queue<OrderEvent> _events = new();
    private readonly PriorityQueue<(int Strategy, TimerEvent Timer), (long Time, long Sequence)> _timers = new();
    private long _timerSequence;
    private TradingSession _current;
    private TradingSession? _next;
    private bool _sessionOpen;
    private bool _ran;

    /// <summary>Wires the loop; nothing runs until <see cref="Run"/>.</summary>
    public TradingKernel(KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _feed = options.Feed;
        _client = options.Execution;
        _venue = options.Execution as ISimulatedVenue;
        _calendar = options.Calendar;
        _clock = options.Clock;
        _margin = options.Margin;
        _gate = options.Gate;
        _symbols = _feed.Symbols;
        _strategies = [.. options.Strategies];
        if (_strategies.Length == 0)
        {
            throw new ArgumentException("A run needs at least one strategy.", nameof(options));
        }

        var names = _strategies.Select(s => s.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("Strategy names must be distinct: " + string.Join(", ", names), nameof(options));
        }

        _ledger = new Ledger(_symbols, names, options.InitialCapital);
        int steps = _feed is IFeedExtent extent ? extent.RemainingTimeSteps : 0;
        _recorder = new RunRecorder(_ledger, _margin, Math.Max(steps, 1024)) { Progress = options.Progress };
        _history = (_feed as IHistorySource)?.CreateHistory(options.HistoryLength) ?? new MarketHistory(_symbols, options.HistoryLength);
        _slice = new BarSlice(_symbols.Count);
        _working = new long[_symbols.Count];
        _workingByStrategy = new long[_symbols.Count * _strategies.Length];
        _barTicks = _feed.TimeFrame.Duration.Ticks;
        _daily = _feed.TimeFrame.IsDaily;
        _contexts = new StrategyContext[_strategies.Length];
        for (int k = 0; k < _strategies.Length; k++)
        {
            _contexts[k] = new StrategyContext(this, k);
        }

        _client.Connect(this);
    }

    /// <summary>The account's books (read them after or during the run; only the loop writes them).</summary>
    public Ledger Ledger => _ledger;

    /// <summary>The run's clock.</summary>
    public IClock Clock => _clock;

    /// <summary>Runs the loop until the feed is exhausted and the last session closed; returns the results. Once per kernel.</summary>
    public RunResult Run()
    {
        if (_ran)
        {
            throw new InvalidOperationException("A kernel runs once.");
        }

        _ran = true;
        bool any = _feed.TryPeekNextStart(out long first);
        if (any)
        {
            _clock.AdvanceTo(first);
            _next = FirstSessionClosingAfter(first);
        }

        for (int k = 0; k < _strategies.Length; k++)
        {
            _strategies[k].OnStart(_contexts[k]);
            Drain();
        }

        while (Step())
        {
        }

        for (int k = 0; k < _strategies.Length; k++)
        {
            _strategies[k].OnStop(_contexts[k]);
            Drain();
        }

        return _recorder.Build("event", new OrderReports(_orders, _strategies));
    }

    /// <inheritdoc />
    void IOrderEventSink.OnOrderEvent(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        _events.Enqueue(orderEvent);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Step()
    {
        bool hasBar = _feed.TryPeekNextStart(out long start);
        if (!hasBar && !_sessionOpen)
        {
            return false;
        }

        long tBar = hasBar ? BarEnd(start) : long.MaxValue;
        long tOpen = !_sessionOpen && hasBar && _next is { } nx ? nx.OpenUtc.Ticks : long.MaxValue;
        long tClose = _sessionOpen ? _current.CloseUtc.Ticks : long.MaxValue;
        long tTimer = _timers.TryPeek(out _, out var tp) ? tp.Time : long.MaxValue;

        long best = tOpen;
        int kind = PrioritySessionOpen;
        if (tBar < best)
        {
            best = tBar;
            kind = PriorityBar;
        }

        if (tTimer < best)
        {
            best = tTimer;
            kind = PriorityTimer;
        }

        if (tClose < best)
        {
            best = tClose;
            kind = PrioritySessionClose;
        }

        switch (kind)
        {
            case PrioritySessionOpen:
                OpenSession();
                break;
            case PriorityBar:
                ProcessBars(start, tBar);
                break;
            case PriorityTimer:
                FireTimer();
                break;
            default:
                CloseSession();
                break;
        }

        return true;
    }

    private long BarEnd(long start)
    {
        var session = _sessionOpen ? _current : _next;
        if (session is { } s && start >= s.OpenUtc.Ticks && start < s.CloseUtc.Ticks)
        {
            long close = s.CloseUtc.Ticks;
            return _daily ? close : Math.Min(start + _barTicks, close);
        }

        return start + (_daily ? TimeSpan.TicksPerDay : _barTicks);
    }

    private void OpenSession()
    {
        _current = _next!.Value;
        _sessionOpen = true;
        _clock.AdvanceTo(Math.Max(_clock.UtcTicks, _current.OpenUtc.Ticks)); // data may start mid-session
        for (int k = 0; k < _strategies.Length; k++)
        {
            _strategies[k].OnSessionOpen(_contexts[k], _current);
            Drain();
        }
    }

    private void CloseSession()
    {
        var session = _current;
        _clock.AdvanceTo(session.CloseUtc.Ticks);
        _venue?.OnSessionClose(session);
        Drain();
        var nextDate = _calendar.NextTradingDay(session.Date);
        int days = nextDate.DayNumber - session.Date.DayNumber;
        _recorder.CloseSession(session, days, _options.BorrowFee, _options.Interest);
        for (int k = 0; k < _strategies.Length; k++)
        {
            _strategies[k].OnSessionClose(_contexts[k], session);
            Drain();
        }

        _sessionOpen = false;
        _next = _calendar.GetSession(nextDate);
    }

    private void FireTimer()
    {
        var (k, timer) = _timers.Dequeue();
        _clock.AdvanceTo(timer.TimeUtcTicks);
        _strategies[k].OnTimer(_contexts[k], timer);
        Drain();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessBars(long start, long end)
    {
        _clock.AdvanceTo(end);
        var slice = _slice;
        if (!_feed.TryReadNext(slice) || slice.StartUtcTicks != start)
        {
            throw new InvalidOperationException("The feed returned a different time step than it announced.");
        }

        bool inSession = _sessionOpen && start >= _current.OpenUtc.Ticks && start < _current.CloseUtc.Ticks;
        slice.StampSession(end, inSession, inSession && start == _current.OpenUtc.Ticks, inSession && end == _current.CloseUtc.Ticks);

        if (_venue is not null)
        {
            _venue.OnBars(slice);
            Drain();
        }

        var ids = slice.Symbols;
        var close = slice.Close;
        var flags = slice.Flags;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if ((flags[id] & BarFlags.Outlier) == 0)
            {
                _ledger.SetMark(id, close[id]);
            }
        }

        _history.Append(slice);
        for (int k = 0; k < _strategies.Length; k++)
        {
            _strategies[k].OnBar(_contexts[k], slice);
            if (_events.Count != 0)
            {
                Drain();
            }
        }

        _recorder.RecordEquity(end);
        _recorder.BarsProcessed += ids.Length;
        _recorder.TimeSteps++;
    }

    private void Drain()
    {
        while (_events.TryDequeue(out var e))
        {
            Handle(e);
        }
    }

    private void Handle(OrderEvent e)
    {
        long idx = e.OrderId.Value - 1;
        if (idx < 0 || idx >= _orders.Count)
        {
            throw new InvalidOperationException($"The execution client reported an unknown order {e.OrderId}.");
        }

        ref var rec = ref _orders.Ref((int)idx);
        rec.UpdatedUtcTicks = e.TimeUtcTicks;
        int k = rec.StrategyId;
        switch (e)
        {
            case OrderAccepted:
                if (rec.Status == OrderStatus.Submitted)
                {
                    rec.Status = OrderStatus.Accepted;
                }

                break;
            case OrderRejected r:
                if (rec.Status != OrderStatus.Rejected)
                {
                    ReleaseWorking(in rec);
                    rec.Status = OrderStatus.Rejected;
                    rec.Reason = r.Reason;
                }

                break;
            case OrderFillEvent f:
                {
                    var fill = f.Fill;
                    if (!rec.IsWorking || fill.Quantity > rec.Leaves || fill.Side != rec.Request.Side)
                    {
                        throw new InvalidOperationException($"Fill {fill} does not match working order {rec.Id} ({rec.Status}, leaves {rec.Leaves}).");
                    }

                    _recorder.BookFill(k, rec.SymbolId, fill);
                    rec.Filled += fill.Quantity;
                    rec.FilledValue += fill.Quantity * fill.Price;
                    AddWorking(in rec, -fill.SignedQuantity);
                    rec.Status = rec.Leaves == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
                    _strategies[k].OnFill(_contexts[k], fill);
                    return;
                }

            case OrderCancelled c:
                ReleaseWorking(in rec);
                rec.Status = OrderStatus.Cancelled;
                rec.Reason = c.Reason;
                break;
            case OrderExpired x:
                ReleaseWorking(in rec);
                rec.Status = OrderStatus.Expired;
                rec.Reason = x.Reason;
                break;
            case OrderReplaced rep:
                ReleaseWorking(in rec);
                rec.Request = rep.Request;
                AddWorking(in rec, rep.Request.Side == OrderSide.Buy ? rec.Leaves : -rec.Leaves);
                break;
        }

        _strategies[k].OnOrderEvent(_contexts[k], e);
    }

    private void ReleaseWorking(in OrderRecord rec)
    {
        if (rec.IsWorking && rec.SymbolId >= 0)
        {
            long leaves = rec.Leaves;
            AddWorking(in rec, rec.Request.Side == OrderSide.Buy ? -leaves : leaves);
        }
    }

    private void AddWorking(in OrderRecord rec, long signed)
    {
        _working[rec.SymbolId] += signed;
        _workingByStrategy[(rec.StrategyId * _symbols.Count) + rec.SymbolId] += signed;
    }

    private TradingSession? FirstSessionClosingAfter(long utcTicks)
    {
        var local = _calendar.ToExchangeTime(new DateTime(utcTicks, DateTimeKind.Utc));
        var date = DateOnly.FromDateTime(local);
        if (_calendar.GetSession(date) is { } s && s.CloseUtc.Ticks > utcTicks)
        {
            return s;
        }

        return _calendar.GetSession(_calendar.NextTradingDay(date));
    }

    private OrderId Submit(int k, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long now = _clock.UtcTicks;
        var id = new OrderId(_orders.Count + 1);
        ref var rec = ref _orders.Add(new OrderRecord(id, k, request, now));
        if (!_symbols.TryGetId(request.Symbol, out int s))
        {
            Refuse(ref rec, $"unknown symbol {request.Symbol}");
            return id;
        }

        rec.SymbolId = s;
        // The default gate accepts everything: its input (a decimal mark per order) is not built for it.
        var decision = _gate is AcceptAllGate ? GateDecision.Accept() : _gate.Check(new OrderCheck(_strategies[k].Name, s, request, _ledger, _ledger.MarkPrice(s), now));
        switch (decision.Verdict)
        {
            case GateVerdict.Reject:
                Refuse(ref rec, "risk: " + (decision.Reason ?? "rejected"));
                return id;
            case GateVerdict.Resize:
                if (decision.Quantity <= 0)
                {
                    Refuse(ref rec, "risk: " + (decision.Reason ?? "resized to nothing"));
                    return id;
                }

                request = request.WithQuantity(decision.Quantity);
                rec.Request = request;
                rec.Reason = "risk resize: " + decision.Reason;
                break;
        }

        bool intraday = _sessionOpen && request.Type is not (OrderType.MarketOnOpen or OrderType.MarketOnClose);
        var bp = BuyingPower.Check(_margin, _ledger, _working, s, request, intraday);
        if (bp is not null)
        {
            Refuse(ref rec, bp);
            return id;
        }

        rec.Status = OrderStatus.Submitted;
        AddWorking(in rec, request.SignedQuantity);
        _client.Submit(id, request);
        return id;
    }

    private void Refuse(ref OrderRecord rec, string reason)
    {
        rec.Status = OrderStatus.Rejected;
        rec.Reason = reason;
        _events.Enqueue(new OrderRejected(rec.Id, _clock.UtcTicks, reason));
    }

    /// <summary>Index of strategy <paramref name="k"/>'s order <paramref name="id"/> in the order log, or -1.</summary>
    private int Own(int k, OrderId id)
    {
        long idx = id.Value - 1;
        if (idx < 0 || idx >= _orders.Count)
        {
            return -1;
        }

        return _orders.Ref((int)idx).StrategyId == k ? (int)idx : -1;
    }

    /// <summary>The order log, each report built when read from the kernel's (final) order record.</summary>
    private sealed class OrderReports(ChunkedList<OrderRecord> orders, IStrategy[] strategies) : IReadOnlyList<OrderReport>
    {
        public int Count => orders.Count;

        public OrderReport this[int index] => Report(orders[index]);

        public IEnumerator<OrderReport> GetEnumerator()
        {
            for (int i = 0; i < orders.Count; i++)
            {
                yield return Report(orders[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private OrderReport Report(in OrderRecord o) => o.ToReport(strategies[o.StrategyId].Name);
    }

    private sealed class StrategyContext : IStrategyContext
    {
        private readonly TradingKernel _k;
        private readonly int _id;

        public StrategyContext(TradingKernel kernel, int id)
        {
            _k = kernel;
            _id = id;
        }

        public string StrategyName => _k._strategies[_id].Name;

        public IClock Clock => _k._clock;

        public long NowUtcTicks => _k._clock.UtcTicks;

        public TradingSession? Session => _k._sessionOpen ? _k._current : null;

        public SymbolTable Symbols => _k._symbols;

        public IMarketView Market => _k._history;

        public IPortfolioView Portfolio => _k._ledger;

        public long Position(int symbolId) => _k._ledger.StrategyQuantity(_id, symbolId);

        public long WorkingQuantity(int symbolId) => _k._workingByStrategy[(_id * _k._symbols.Count) + symbolId];

        public OrderId Submit(OrderRequest request) => _k.Submit(_id, request);

        public bool Cancel(OrderId orderId)
        {
            int i = _k.Own(_id, orderId);
            if (i < 0 || !_k._orders.Ref(i).IsWorking)
            {
                return false;
            }

            _k._client.Cancel(orderId);
            return true;
        }

        public bool Replace(OrderId orderId, OrderAmendment amendment)
        {
            ArgumentNullException.ThrowIfNull(amendment);
            int i = _k.Own(_id, orderId);
            if (i < 0 || !_k._orders.Ref(i).IsWorking)
            {
                return false;
            }

            _k._client.Replace(orderId, amendment);
            return true;
        }

        public OrderStatus? StatusOf(OrderId orderId) => _k.Own(_id, orderId) is int i and >= 0 ? _k._orders.Ref(i).Status : null;

        public OrderId? SetTargetShares(int symbolId, long targetShares)
        {
            long current = Position(symbolId) + WorkingQuantity(symbolId);
            long delta = targetShares - current;
            if (delta == 0)
            {
                return null;
            }

            var side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
            return Submit(OrderRequest.Market(_k._symbols[symbolId], side, Math.Abs(delta)));
        }

        public OrderId? SetTargetWeight(int symbolId, double weight)
        {
            var ledger = _k._ledger;
            if (!ledger.HasMark(symbolId))
            {
                return null;
            }

            long target = TargetSizing.Shares(weight, ledger.EquityEstimate(), ledger.Mark(symbolId));
            return SetTargetShares(symbolId, target);
        }

        public void Schedule(long utcTicks, string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (utcTicks < _k._clock.UtcTicks)
            {
                throw new ArgumentOutOfRangeException(nameof(utcTicks), new DateTime(utcTicks, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                    "A timer cannot be scheduled in the past.");
            }

            _k._timers.Enqueue((_id, new TimerEvent(name, utcTicks)), (utcTicks, _k._timerSequence++));
        }
    }
}
