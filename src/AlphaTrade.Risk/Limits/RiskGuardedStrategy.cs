using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// Runs a strategy under the risk layer's protective limits, the part the order gate cannot do alone because it
/// only sees orders. At each session open and bar close it feeds the account equity to the
/// <see cref="RiskManager"/> (drawdown, daily loss, circuit breaker), and it acts on what trips:
/// <list type="bullet">
/// <item><b>flatten</b> (<c>drawdown_action</c> / <c>circuit_breaker_action</c>): cancels the strategy's working
/// orders and sends market orders closing every position, re-sending until flat; the strategy is suspended (its
/// <see cref="IStrategy.OnBar"/> and timers are not called) while the state is flattening.</item>
/// <item><b>halt</b> and the daily loss limit: cancels the working orders (a resting entry must not fill after the
/// halt); the strategy keeps running and the gate lets only risk-reducing orders through.</item>
/// <item><b>kill switch</b>: at the first callback after it is engaged, cancels every working order and suspends the
/// strategy until it is released.</item>
/// </list>
/// Use it with <see cref="RiskOrderGate"/> over the same manager. It wraps one strategy; the closing orders and
/// their fills belong to that strategy's books, so its <see cref="IStrategy.OnFill"/> sees them (tag
/// <see cref="FlattenTag"/>).
/// </summary>
public sealed class RiskGuardedStrategy : IStrategy
{
    /// <summary>Tag of the orders the guard sends to flatten.</summary>
    public const string FlattenTag = "risk_flatten";

    private readonly IStrategy _inner;
    private readonly RiskManager _risk;
    private readonly Queue<ProtectiveActionRequest> _pending = new();
    private readonly List<OrderId> _orders = [];
    private readonly Dictionary<int, OrderId> _closing = [];
    private readonly List<ProtectiveActionRequest> _actions = [];
    private GuardedContext? _context;
    private bool _killHandled;

    /// <summary>Guards <paramref name="inner"/> with <paramref name="riskManager"/>.</summary>
    public RiskGuardedStrategy(IStrategy inner, RiskManager riskManager)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _risk = riskManager ?? throw new ArgumentNullException(nameof(riskManager));

        // Limits can also trip inside the gate (it feeds equity at each order): queue and act at the next callback.
        _risk.ProtectiveActionRequested += (_, request) => _pending.Enqueue(request);
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <summary>The strategy under guard.</summary>
    public IStrategy Inner => _inner;

    /// <summary>Protective actions carried out, in order (flatten and halt requests as they were acted on).</summary>
    public IReadOnlyList<ProtectiveActionRequest> ActionsTaken => _actions;

    /// <summary>
    /// Covariances for the VaR limit: when set, the manager's <see cref="RiskManager.RiskModel"/> is replaced at each
    /// session open by the model of the days before it (no look-ahead). Null: the manager's model is left as it is.
    /// </summary>
    public TrailingRiskModel? RiskModels { get; init; }

    /// <summary>Closing orders sent by the guard.</summary>
    public int FlattenOrdersSent { get; private set; }

    /// <summary>Working orders the guard cancelled.</summary>
    public int OrdersCancelled { get; private set; }

    private bool Suspended => _risk.State is TradingState.Flattening or TradingState.Killed;

    /// <inheritdoc />
    public void OnStart(IStrategyContext context)
    {
        _context = new GuardedContext(context ?? throw new ArgumentNullException(nameof(context)), _orders);
        _inner.OnStart(_context);
    }

    /// <inheritdoc />
    public void OnSessionOpen(IStrategyContext context, TradingSession session)
    {
        if (RiskModels is not null)
        {
            _risk.RiskModel = RiskModels.ModelFor(session.Date);
        }

        var ctx = Guard(context);
        if (!Suspended)
        {
            _inner.OnSessionOpen(ctx, session);
        }
    }

    /// <inheritdoc />
    public void OnBar(IStrategyContext context, BarSlice slice)
    {
        var ctx = Guard(context);
        if (!Suspended)
        {
            _inner.OnBar(ctx, slice);
        }
    }

    /// <inheritdoc />
    public void OnFill(IStrategyContext context, Fill fill) => _inner.OnFill(Wrap(context), fill);

    /// <inheritdoc />
    public void OnOrderEvent(IStrategyContext context, OrderEvent orderEvent) => _inner.OnOrderEvent(Wrap(context), orderEvent);

    /// <inheritdoc />
    public void OnTimer(IStrategyContext context, TimerEvent timer)
    {
        var ctx = Wrap(context);
        SyncKillSwitch(ctx);
        if (!Suspended)
        {
            _inner.OnTimer(ctx, timer);
        }
    }

    /// <inheritdoc />
    public void OnSessionClose(IStrategyContext context, TradingSession session) => _inner.OnSessionClose(Wrap(context), session);

    /// <inheritdoc />
    public void OnStop(IStrategyContext context) => _inner.OnStop(Wrap(context));

    private GuardedContext Wrap(IStrategyContext context) => _context ??= new GuardedContext(context, _orders);

    /// <summary>Feeds equity, acts on tripped limits and the kill switch, keeps flattening while required.</summary>
    private GuardedContext Guard(IStrategyContext context)
    {
        var ctx = Wrap(context);
        _risk.OnEquity(ctx.NowUtcTicks, ctx.Portfolio.Equity);
        SyncKillSwitch(ctx);
        while (_pending.TryDequeue(out var request))
        {
            _actions.Add(request);
            CancelWorking(ctx);
        }

        if (_risk.State == TradingState.Flattening)
        {
            Flatten(ctx);
        }

        return ctx;
    }

    private void SyncKillSwitch(GuardedContext ctx)
    {
        if (_risk.KillSwitch.IsEngaged && !_killHandled)
        {
            _killHandled = true;
            CancelWorking(ctx);
            foreach (var id in _closing.Values)
            {
                if (ctx.Inner.StatusOf(id) is { } s && !s.IsTerminal() && ctx.Inner.Cancel(id))
                {
                    OrdersCancelled++;
                }
            }

            _closing.Clear();
        }
        else if (!_risk.KillSwitch.IsEngaged)
        {
            _killHandled = false;
        }
    }

    private void CancelWorking(GuardedContext ctx)
    {
        foreach (var id in _orders)
        {
            if (ctx.Inner.StatusOf(id) is { } s && !s.IsTerminal() && ctx.Inner.Cancel(id))
            {
                OrdersCancelled++;
            }
        }

        _orders.Clear();
    }

    private void Flatten(GuardedContext ctx)
    {
        var symbols = ctx.Symbols;
        for (int i = 0; i < symbols.Count; i++)
        {
            long position = ctx.Inner.Position(i);
            if (_closing.TryGetValue(i, out var pending))
            {
                if (ctx.Inner.StatusOf(pending) is { } s && !s.IsTerminal())
                {
                    continue;
                }

                _closing.Remove(i);
            }

            if (position == 0)
            {
                continue;
            }

            var side = position > 0 ? OrderSide.Sell : OrderSide.Buy;
            _closing[i] = ctx.Inner.Submit(OrderRequest.Market(symbols[i], side, Math.Abs(position), TimeInForce.Day, FlattenTag));
            FlattenOrdersSent++;
        }
    }

    /// <summary>The strategy's context with its order ids recorded, so the guard can cancel what it has working.</summary>
    private sealed class GuardedContext(IStrategyContext inner, List<OrderId> orders) : IStrategyContext
    {
        public IStrategyContext Inner { get; } = inner;

        public string StrategyName => Inner.StrategyName;

        public IClock Clock => Inner.Clock;

        public long NowUtcTicks => Inner.NowUtcTicks;

        public TradingSession? Session => Inner.Session;

        public SymbolTable Symbols => Inner.Symbols;

        public IMarketView Market => Inner.Market;

        public IPortfolioView Portfolio => Inner.Portfolio;

        public long Position(int symbolId) => Inner.Position(symbolId);

        public long WorkingQuantity(int symbolId) => Inner.WorkingQuantity(symbolId);

        public OrderId Submit(OrderRequest request) => Track(Inner.Submit(request));

        public bool Cancel(OrderId orderId) => Inner.Cancel(orderId);

        public bool Replace(OrderId orderId, OrderAmendment amendment) => Inner.Replace(orderId, amendment);

        public OrderStatus? StatusOf(OrderId orderId) => Inner.StatusOf(orderId);

        public OrderId? SetTargetShares(int symbolId, long targetShares) => Track(Inner.SetTargetShares(symbolId, targetShares));

        public OrderId? SetTargetWeight(int symbolId, double weight) => Track(Inner.SetTargetWeight(symbolId, weight));

        public void Schedule(long utcTicks, string name) => Inner.Schedule(utcTicks, name);

        private OrderId Track(OrderId id)
        {
            // Keep the list short: drop orders that are already final before adding.
            if (orders.Count >= 256)
            {
                orders.RemoveAll(o => Inner.StatusOf(o) is not { } s || s.IsTerminal());
            }

            orders.Add(id);
            return id;
        }

        private OrderId? Track(OrderId? id) => id is { } v ? Track(v) : null;
    }
}
