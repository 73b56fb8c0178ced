using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Risk.Limits;

/// <summary>Account rules the limits file does not hold.</summary>
/// <param name="AccountType">Cash (1× buying power, no shorting) or margin.</param>
/// <param name="MarginLeverage">Buying-power multiple of a margin account (Reg T overnight: 2).</param>
/// <param name="RecordAccepts">Log accepted orders too (not only resizes, rejections and state changes).</param>
public sealed record RiskManagerOptions(AccountType AccountType = AccountType.Margin, double MarginLeverage = 2.0, bool RecordAccepts = true)
{
    /// <summary>Margin account, 2× buying power, every decision logged.</summary>
    public static RiskManagerOptions Default { get; } = new();

    /// <summary>Buying-power multiple of equity.</summary>
    public double Leverage => AccountType == AccountType.Cash ? 1.0 : MarginLeverage;
}

/// <summary>
/// The risk layer every order passes through in backtest, paper and live alike. It runs the pre-trade checks in a
/// fixed order, each able to cut the quantity or refuse the order, and returns one explicit decision (accept, resize
/// with the reasons, reject with the reason) that is logged and counted in <see cref="Log"/>. It also watches equity
/// for the drawdown limit, the daily loss limit and the circuit breaker (<see cref="OnEquity"/>), and owns the
/// <see cref="KillSwitch"/>. <see cref="ProtectiveActionRequested"/> tells the engine to flatten or halt.
/// Deterministic; single-threaded (the kill switch alone may be pulled from another thread).
/// </summary>
public sealed class RiskManager
{
    private const string Unclassified = "(unclassified)";
    private static readonly long MinuteTicks = TimeSpan.FromMinutes(1).Ticks;
    private readonly IReadOnlyList<IPreTradeCheck> _checks;
    private readonly TradingUniverse? _universe;
    private readonly Queue<long> _recentOrders = new();
    private readonly PositionValueCache _values;
    private readonly Dictionary<string, string> _sectors = new(StringComparer.Ordinal);
    private static readonly string[] VerdictNames = ["accept", "resize", "reject"]; // RiskVerdict order, as ToSnakeCase writes them

    /// <summary>Creates the risk layer for <paramref name="limits"/>; <paramref name="universe"/> gives the sectors.</summary>
    public RiskManager(RiskParams limits, TradingUniverse? universe = null, RiskManagerOptions? options = null, IReadOnlyList<IPreTradeCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _universe = universe;
        Options = options ?? RiskManagerOptions.Default;
        KillSwitch = new KillSwitch();
        KillSwitch.Changed += (_, change) => Log.Record(new RiskEvent(change.TimeUtcTicks, "state", string.Empty, string.Empty, string.Empty, 0, 0,
            change.Engaged ? TradingState.Killed.ToSnakeCase() : State.ToSnakeCase(), "kill_switch",
            (change.Engaged ? "kill switch engaged: " : "kill switch released: ") + change.Reason));
        Monitor = new LossLimitMonitor(limits);
        _checks = checks ?? PreTradeChecks.Standard(KillSwitch);
        _values = new PositionValueCache(SectorOf);
    }

    /// <summary>The limits in force.</summary>
    public RiskParams Limits { get; }

    /// <summary>Account rules.</summary>
    public RiskManagerOptions Options { get; }

    /// <summary>The kill switch.</summary>
    public KillSwitch KillSwitch { get; }

    /// <summary>The loss-limit state machine.</summary>
    public LossLimitMonitor Monitor { get; }

    /// <summary>Every decision and state change, with counts.</summary>
    public RiskEventLog Log { get; } = new();

    /// <summary>The covariance for the VaR limit (null: the VaR check passes).</summary>
    public RiskModel? RiskModel { get; set; }

    /// <summary>Where trading stands now.</summary>
    public TradingState State => KillSwitch.IsEngaged ? TradingState.Killed : Monitor.State;

    /// <summary>Raised when a loss limit trips: the engine flattens (close every position) or halts (keep them).</summary>
    public event EventHandler<ProtectiveActionRequest>? ProtectiveActionRequested;

    /// <summary>Sector of <paramref name="symbol"/> from the universe.</summary>
    public string SectorOf(string symbol)
    {
        if (!_sectors.TryGetValue(symbol, out var sector))
        {
            sector = _universe is not null && _universe.TryGet(symbol, out var info) ? info.Sector : Unclassified;
            _sectors.Add(symbol, sector);
        }

        return sector;
    }

    /// <summary>
    /// Feeds the account equity at <paramref name="timeUtcTicks"/> (each bar, and at each session open). Trips the
    /// loss limits, logs them and raises <see cref="ProtectiveActionRequested"/>; returns what tripped.
    /// </summary>
    public IReadOnlyList<ProtectiveActionRequest> OnEquity(long timeUtcTicks, decimal equity)
    {
        if (Monitor.IsNewDay(timeUtcTicks))
        {
            bool hadDay = Monitor.TradingDay is not null;
            var before = Monitor.State;
            Monitor.StartDay(timeUtcTicks, equity);
            if (hadDay && before != Monitor.State)
            {
                Log.Record(StateEvent(timeUtcTicks, "new_day", string.Create(CultureInfo.InvariantCulture,
                    $"new trading day {Monitor.TradingDay:yyyy-MM-dd}: daily limits cleared, starting equity {equity:0.00}")));
            }
        }

        var tripped = Monitor.Update(timeUtcTicks, equity);
        foreach (var t in tripped)
        {
            Log.Record(StateEvent(timeUtcTicks, ConfigNode.SnakeCase(t.Trigger.ToString()), t.Reason));
            ProtectiveActionRequested?.Invoke(this, t);
        }

        return tripped;
    }

    /// <summary>Lifts the drawdown halt (a person's decision), logged with <paramref name="reason"/>.</summary>
    public void ResetDrawdownHalt(long timeUtcTicks, decimal equity, string reason)
    {
        Monitor.ResetDrawdown(equity);
        Log.Record(StateEvent(timeUtcTicks, "drawdown_reset", reason));
    }

    /// <summary>Runs every check on one order and returns the decision (also logged and counted).</summary>
    public RiskDecision Evaluate(in OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent.Request);
        ArgumentNullException.ThrowIfNull(intent.Portfolio);
        long now = intent.TimeUtcTicks;
        while (_recentOrders.Count > 0 && _recentOrders.Peek() <= now - MinuteTicks)
        {
            _recentOrders.Dequeue();
        }

        var ctx = new PreTradeContext(intent, Limits, Options, State, SectorOf(intent.Request.Symbol), SectorOf, RiskModel, _recentOrders.Count, _values);
        long requested = intent.Request.Quantity;
        long q = requested;
        List<RiskCheck>? cut = null;
        List<string>? reasons = null;
        foreach (var check in _checks)
        {
            var outcome = check.Evaluate(ctx, q);
            if (outcome.MaxQuantity >= q)
            {
                continue;
            }

            q = outcome.MaxQuantity;
            (cut ??= []).Add(check.Check);
            (reasons ??= []).Add(outcome.Reason ?? check.Check.ToSnakeCase());
            if (q == 0)
            {
                break;
            }
        }

        RiskDecision decision = q == requested ? RiskDecision.Accept(q)
            : q == 0 ? new RiskDecision(RiskVerdict.Reject, 0, cut!, reasons![^1])
            : new RiskDecision(RiskVerdict.Resize, q, cut!, string.Join("; ", reasons!));
        if (q > 0)
        {
            _recentOrders.Enqueue(now);
        }

        var r = intent.Request;
        string checkNames = decision.Checks.Count == 0 ? string.Empty : string.Join(';', decision.Checks.Select(c => c.ToSnakeCase()));
        Log.RecordDecision(decision, new RiskEvent(now, "order", intent.Strategy, r.Symbol, r.Side.ToSnakeCase(), requested, q,
            VerdictNames[(int)decision.Verdict], checkNames, decision.Reason ?? string.Empty), Options.RecordAccepts);
        return decision;
    }

    private RiskEvent StateEvent(long time, string check, string reason) =>
        new(time, "state", string.Empty, string.Empty, string.Empty, 0, 0, State.ToSnakeCase(), check, reason);
}
