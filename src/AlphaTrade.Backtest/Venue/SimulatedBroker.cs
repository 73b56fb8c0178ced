using System.Globalization;
using System.Runtime.CompilerServices;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Kernel;

namespace AlphaTrade.Backtest.Venue;

/// <summary>
/// A simulated venue that fills orders against bars. Rules (each has a unit test):
/// <list type="bullet">
/// <item>An order may fill only on a bar that starts at or after it was accepted (or last amended), inside a regular
/// session, on a tradable bar: present, with volume, not synthetic, outlier or extended-hours. A symbol with no bar at
/// a time step does not fill.</item>
/// <item>Market: the bar's open plus slippage. Limit: at the open when the bar opens through the limit (slippage,
/// bounded by the limit), else at the limit when the bar trades through it (a buy: low &lt; limit); a bar that only
/// touches the limit fills with <see cref="VenueOptions.TouchFillProbability"/> (seeded). Stop: triggers when the
/// bar trades at or through the stop; fills at the open if it gapped through, else at the stop, plus slippage; then
/// works as a market order. Stop-limit: triggers like a stop, then works as a limit; after an intrabar trigger it
/// fills on the trigger bar only when the limit is at or through the stop (at the stop), else from the next bar.</item>
/// <item>Market-on-open: the first bar of the first session opening at or after acceptance, at its open plus
/// slippage. Market-on-close: the last bar of the first session whose last bar starts at or after acceptance, at its
/// close plus slippage. Remainders beyond the participation cap are cancelled; with no such bar they expire.</item>
/// <item>Each bar fills at most <see cref="VenueOptions.ParticipationCap"/> of its volume per order; the rest carries.
/// IOC: the first tradable bar fills what it can and the rest is cancelled. FOK: all on the first tradable bar or
/// nothing (cancelled).</item>
/// <item>DAY orders (and IOC/FOK still waiting) expire at the close of the first session closing after acceptance;
/// GTC orders never expire.</item>
/// <item>Commission and fees come from the cost models on the order's running totals; prices round to $0.0001.</item>
/// <item>Fill times: the bar's start (the bar's end for market-on-close).</item>
/// </list>
/// Deterministic: orders are matched in id order, and the only randomness is the seeded touch draw. Single-threaded.
/// </summary>
public sealed class SimulatedBroker : IExecutionClient, ISimulatedVenue
{
    private readonly SymbolTable _symbols;
    private readonly ITradingCalendar _calendar;
    private readonly IClock _clock;
    private readonly long _barTicks;
    private readonly bool _daily;
    private readonly VenueOptions _options;
    private readonly FillPricing _pricing;
    private readonly Random _random;
    private readonly List<WorkingOrder> _working = [];
    private readonly Dictionary<long, WorkingOrder> _byId = [];
    private readonly Stack<WorkingOrder> _free = new();
    private IOrderEventSink? _sink;
    private long _dayStart = long.MaxValue;
    private long _dayEnd = long.MinValue;
    private TradingSession? _daySession;
    private TradingSession? _nextSession;

    /// <summary>Creates the venue for the symbols of a run.</summary>
    public SimulatedBroker(SymbolTable symbols, ITradingCalendar calendar, TimeFrame timeFrame, IClock clock, CostModels costs, VenueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(costs);
        _symbols = symbols;
        _calendar = calendar;
        _clock = clock;
        _options = options ?? new VenueOptions();
        _barTicks = timeFrame.Duration.Ticks;
        _daily = timeFrame.IsDaily;
        _pricing = new FillPricing(costs, _options.EffectiveCap, symbols.Count, timeFrame, _options.StatisticsSpanBars);
        _random = new Random(_options.Seed);
    }

    /// <summary>Orders working now.</summary>
    public int WorkingCount => _working.Count;

    /// <inheritdoc />
    public void Connect(IOrderEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
    }

    /// <inheritdoc />
    public void Submit(OrderId orderId, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long now = _clock.UtcNow.Ticks;
        if (!_symbols.TryGetId(request.Symbol, out int symbolId))
        {
            Raise(new OrderRejected(orderId, now, $"unknown symbol {request.Symbol}"));
            return;
        }

        var w = _free.Count > 0 ? _free.Pop() : new WorkingOrder();
        w.Reset(orderId, symbolId, request, now);
        if (!_byId.TryAdd(orderId.Value, w))
        {
            _free.Push(w);
            Raise(new OrderRejected(orderId, now, $"duplicate order id {orderId}"));
            return;
        }

        if (!Schedule(w, now))
        {
            _byId.Remove(orderId.Value);
            _free.Push(w);
            Raise(new OrderRejected(orderId, now, "no trading session ahead in the calendar"));
            return;
        }

        _working.Add(w);
        Raise(new OrderAccepted(orderId, now, request.Quantity));
    }

    /// <inheritdoc />
    public void Cancel(OrderId orderId)
    {
        long now = _clock.UtcNow.Ticks;
        if (!_byId.TryGetValue(orderId.Value, out var w) || w.Done)
        {
            Raise(new OrderUpdateRejected(orderId, now, "cancel refused: the order is not working"));
            return;
        }

        Finish(w);
        Raise(new OrderCancelled(orderId, now, "cancelled by request"));
    }

    /// <inheritdoc />
    public void Replace(OrderId orderId, OrderAmendment amendment)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        long now = _clock.UtcNow.Ticks;
        if (!_byId.TryGetValue(orderId.Value, out var w) || w.Done)
        {
            Raise(new OrderUpdateRejected(orderId, now, "replace refused: the order is not working"));
            return;
        }

        var r = w.Request;
        bool takesLimit = r.Type is OrderType.Limit or OrderType.StopLimit;
        bool takesStop = r.Type is OrderType.Stop or OrderType.StopLimit;
        if ((amendment.LimitPrice.HasValue && !takesLimit) || (amendment.StopPrice.HasValue && !takesStop))
        {
            Raise(new OrderUpdateRejected(orderId, now, $"replace refused: a {r.Type.ToSnakeCase()} order has no such price"));
            return;
        }

        if (amendment.Quantity is { } q && q <= w.Filled)
        {
            Raise(new OrderUpdateRejected(orderId, now, string.Create(CultureInfo.InvariantCulture, $"replace refused: new quantity {q} must exceed the {w.Filled} shares already filled")));
            return;
        }

        w.Request = r.Amend(amendment);
        w.EligibleFrom = now;
        Raise(new OrderReplaced(orderId, now, w.Request));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnBars(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (_working.Count != 0 && slice.InSession)
        {
            MatchAll(slice, closingAuction: false);
            MatchAll(slice, closingAuction: true);
            Compact();
        }

        if (slice.InSession && _pricing.TracksStatistics)
        {
            var ids = slice.Symbols;
            for (int i = 0; i < ids.Length; i++)
            {
                int id = ids[i];
                if (FillPricing.IsTradable(slice.Open[id], slice.High[id], slice.Low[id], slice.Close[id], slice.Volume[id], slice.Flags[id]))
                {
                    _pricing.Observe(id, slice.High[id], slice.Low[id], slice.Close[id], slice.Volume[id]);
                }
            }
        }
    }

    /// <inheritdoc />
    public void OnSessionClose(TradingSession session)
    {
        long close = session.CloseUtc.Ticks;
        foreach (var w in _working)
        {
            if (w.Done || w.ExpiresAt > close)
            {
                continue;
            }

            string reason = w.Request.Type switch
            {
                OrderType.MarketOnOpen => "market-on-open order: no tradable opening bar",
                OrderType.MarketOnClose => "market-on-close order: no tradable closing bar",
                _ => w.Request.TimeInForce switch
                {
                    TimeInForce.Ioc => "IOC order: no tradable bar before the session close",
                    TimeInForce.Fok => "FOK order: no tradable bar before the session close",
                    _ => "DAY order expired at the session close",
                },
            };
            Finish(w);
            Raise(new OrderExpired(w.Id, close, reason));
        }

        Compact();
    }

    private bool Schedule(WorkingOrder w, long now)
    {
        var r = w.Request;
        TradingSession? target;
        switch (r.Type)
        {
            case OrderType.MarketOnOpen:
                target = FirstSessionClosingAfter(now);
                if (target is { } t0 && t0.OpenUtc.Ticks < now)
                {
                    target = _calendar.GetSession(_calendar.NextTradingDay(t0.Date));
                }

                break;
            case OrderType.MarketOnClose:
                target = FirstSessionClosingAfter(now);
                if (target is { } t1 && LastBarStart(t1) < now)
                {
                    target = _calendar.GetSession(_calendar.NextTradingDay(t1.Date));
                }

                break;
            default:
                if (r.TimeInForce == TimeInForce.Gtc)
                {
                    w.ExpiresAt = long.MaxValue;
                    return true;
                }

                target = FirstSessionClosingAfter(now);
                break;
        }

        if (target is not { } s)
        {
            return false;
        }

        w.TargetOpen = s.OpenUtc.Ticks;
        w.TargetClose = s.CloseUtc.Ticks;
        w.ExpiresAt = s.CloseUtc.Ticks;
        return true;
    }

    private long LastBarStart(TradingSession s)
    {
        if (_daily)
        {
            return s.OpenUtc.Ticks;
        }

        long open = s.OpenUtc.Ticks;
        long n = s.BarCount(TimeFrame.FromMinutes((int)(_barTicks / TimeSpan.TicksPerMinute)));
        return open + ((n - 1) * _barTicks);
    }

    private TradingSession? FirstSessionClosingAfter(long utcTicks)
    {
        // Orders arrive many per exchange day: the day's bounds and its two candidate sessions are looked up once.
        if (utcTicks < _dayStart || utcTicks >= _dayEnd)
        {
            var local = _calendar.ToExchangeTime(new DateTime(utcTicks, DateTimeKind.Utc));
            var date = DateOnly.FromDateTime(local);
            _dayStart = _calendar.ToUtc(date.ToDateTime(TimeOnly.MinValue)).Ticks;
            _dayEnd = _calendar.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue)).Ticks;
            _daySession = _calendar.GetSession(date);
            _nextSession = _calendar.GetSession(_calendar.NextTradingDay(date));
        }

        return _daySession is { } s && s.CloseUtc.Ticks > utcTicks ? s : _nextSession;
    }

    private void MatchAll(BarSlice slice, bool closingAuction)
    {
        long start = slice.StartUtcTicks;
        int count = _working.Count;
        for (int i = 0; i < count; i++)
        {
            var w = _working[i];
            if (w.Done || (w.Request.Type == OrderType.MarketOnClose) != closingAuction)
            {
                continue;
            }

            int id = w.SymbolId;
            if (!slice.Has(id) || start < w.EligibleFrom)
            {
                continue;
            }

            double open = slice.Open[id], high = slice.High[id], low = slice.Low[id], close = slice.Close[id], volume = slice.Volume[id];
            if (!FillPricing.IsTradable(open, high, low, close, volume, slice.Flags[id]))
            {
                continue;
            }

            Match(w, slice, open, high, low, close, volume);
        }
    }

    private void Match(WorkingOrder w, BarSlice slice, double open, double high, double low, double close, double volume)
    {
        var r = w.Request;
        bool buy = r.Side == OrderSide.Buy;
        long barTime = slice.StartUtcTicks;
        switch (r.Type)
        {
            case OrderType.Market:
                Execute(w, volume, PriceMath.ToPrice(open), slip: true, limit: null, barTime);
                break;

            case OrderType.MarketOnOpen:
                if (slice.IsSessionOpenBar && barTime == w.TargetOpen)
                {
                    Execute(w, volume, PriceMath.ToPrice(open), slip: true, limit: null, barTime);
                    CancelRemainder(w, barTime, "market-on-open remainder beyond the participation cap cancelled");
                }

                return;

            case OrderType.MarketOnClose:
                if (slice.IsSessionCloseBar && slice.EndUtcTicks == w.TargetClose)
                {
                    Execute(w, volume, PriceMath.ToPrice(close), slip: true, limit: null, slice.EndUtcTicks);
                    CancelRemainder(w, slice.EndUtcTicks, "market-on-close remainder beyond the participation cap cancelled");
                }

                return;

            case OrderType.Limit:
                TryLimit(w, volume, open, high, low, barTime);
                break;

            case OrderType.Stop:
                {
                    if (w.Triggered)
                    {
                        Execute(w, volume, PriceMath.ToPrice(open), slip: true, limit: null, barTime);
                        break;
                    }

                    decimal stop = r.StopPrice!.Value;
                    decimal o = PriceMath.ToPrice(open);
                    bool gap = buy ? o >= stop : o <= stop;
                    bool through = gap || (buy ? PriceMath.ToPrice(high) >= stop : PriceMath.ToPrice(low) <= stop);
                    if (!through)
                    {
                        break;
                    }

                    w.Triggered = true;
                    Execute(w, volume, gap ? o : stop, slip: true, limit: null, barTime);
                    break;
                }

            case OrderType.StopLimit:
                {
                    if (w.Triggered)
                    {
                        TryLimit(w, volume, open, high, low, barTime);
                        break;
                    }

                    decimal stop = r.StopPrice!.Value;
                    decimal limit = r.LimitPrice!.Value;
                    decimal o = PriceMath.ToPrice(open);
                    bool gap = buy ? o >= stop : o <= stop;
                    if (gap)
                    {
                        w.Triggered = true;
                        TryLimit(w, volume, open, high, low, barTime);
                        break;
                    }

                    bool through = buy ? PriceMath.ToPrice(high) >= stop : PriceMath.ToPrice(low) <= stop;
                    if (!through)
                    {
                        break;
                    }

                    w.Triggered = true;
                    bool marketable = buy ? limit >= stop : limit <= stop;
                    if (marketable)
                    {
                        Execute(w, volume, stop, slip: true, limit: limit, barTime);
                    }

                    break;
                }
        }

        if (!w.Done && r.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
        {
            CancelRemainder(w, barTime, r.TimeInForce == TimeInForce.Ioc
                ? "IOC remainder cancelled after the first tradable bar"
                : "FOK order could not fill completely on the first tradable bar");
        }
    }

    private void TryLimit(WorkingOrder w, double volume, double open, double high, double low, long barTime)
    {
        var r = w.Request;
        bool buy = r.Side == OrderSide.Buy;
        decimal limit = r.LimitPrice!.Value;
        decimal o = PriceMath.ToPrice(open);
        if (buy ? o <= limit : o >= limit)
        {
            Execute(w, volume, o, slip: true, limit: limit, barTime);
            return;
        }

        decimal extreme = buy ? PriceMath.ToPrice(low) : PriceMath.ToPrice(high);
        bool through = buy ? extreme < limit : extreme > limit;
        bool touch = extreme == limit && _options.TouchFillProbability > 0 && _random.NextDouble() < _options.TouchFillProbability;
        if (through || touch)
        {
            Execute(w, volume, limit, slip: false, limit: limit, barTime);
        }
    }

    private void Execute(WorkingOrder w, double volume, decimal reference, bool slip, decimal? limit, long time)
    {
        var r = w.Request;
        long leaves = r.Quantity - w.Filled;
        long cap = _pricing.CapQuantity(volume);
        long q = Math.Min(leaves, cap);
        if (r.TimeInForce == TimeInForce.Fok && q < leaves)
        {
            return;
        }

        if (q <= 0)
        {
            return;
        }

        string symbol = r.Symbol;
        decimal price = _pricing.Price(w.SymbolId, symbol, r.Side, q, reference, slip, limit);
        decimal notional = decimal.Round(q * price, 2, MidpointRounding.AwayFromZero);
        long totalQ = w.Filled + q;
        decimal totalNotional = w.Notional + notional;
        var (commission, fees) = _pricing.Charge(symbol, r.Side, totalQ, totalNotional, w.Commission, w.Fees);
        var fill = new Fill(w.Id, symbol, r.Side, q, price, commission, fees, time);
        w.Filled = totalQ;
        w.Notional = totalNotional;
        w.Commission += commission;
        w.Fees += fees;
        long left = r.Quantity - totalQ;
        if (left == 0)
        {
            Finish(w);
            Raise(new OrderFilled(w.Id, time, fill));
        }
        else
        {
            Raise(new OrderPartiallyFilled(w.Id, time, fill, left));
        }
    }

    private void CancelRemainder(WorkingOrder w, long time, string reason)
    {
        if (w.Done)
        {
            return;
        }

        Finish(w);
        Raise(new OrderCancelled(w.Id, time, reason));
    }

    private void Finish(WorkingOrder w)
    {
        w.Done = true;
        _byId.Remove(w.Id.Value);
    }

    // Finished orders are referenced from nowhere else once out of the working list: their records are reused.
    private void Compact()
    {
        int kept = 0;
        for (int i = 0; i < _working.Count; i++)
        {
            var w = _working[i];
            if (w.Done)
            {
                _free.Push(w);
            }
            else
            {
                _working[kept++] = w;
            }
        }

        _working.RemoveRange(kept, _working.Count - kept);
    }

    private void Raise(OrderEvent e)
    {
        if (_sink is null)
        {
            throw new InvalidOperationException("Connect a sink before sending orders.");
        }

        _sink.OnOrderEvent(e);
    }

    /// <summary>An order the venue is working (recycled through the free list once finished and compacted away).</summary>
    private sealed class WorkingOrder
    {
        public OrderId Id { get; private set; }

        public int SymbolId { get; private set; }

        public OrderRequest Request { get; set; } = null!;

        public long EligibleFrom { get; set; }

        public long ExpiresAt { get; set; }

        public long TargetOpen { get; set; }

        public long TargetClose { get; set; }

        public bool Triggered { get; set; }

        public bool Done { get; set; }

        public long Filled { get; set; }

        public decimal Notional { get; set; }

        public decimal Commission { get; set; }

        public decimal Fees { get; set; }

        public void Reset(OrderId id, int symbolId, OrderRequest request, long acceptedAt)
        {
            Id = id;
            SymbolId = symbolId;
            Request = request;
            EligibleFrom = acceptedAt;
            ExpiresAt = 0;
            TargetOpen = 0;
            TargetClose = 0;
            Triggered = false;
            Done = false;
            Filled = 0;
            Notional = 0m;
            Commission = 0m;
            Fees = 0m;
        }
    }
}
