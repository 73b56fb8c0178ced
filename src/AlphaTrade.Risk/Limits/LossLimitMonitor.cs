using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Risk.Limits;

/// <summary>Which protective limit tripped.</summary>
public enum ProtectiveTrigger
{
    /// <summary>Drawdown from the equity peak reached <c>max_drawdown_pct</c>.</summary>
    Drawdown,

    /// <summary>Intraday loss from the day's start reached <c>circuit_breaker_pct</c>.</summary>
    CircuitBreaker,

    /// <summary>Loss from the day's start reached <c>daily_loss_limit_pct</c>.</summary>
    DailyLossLimit,
}

/// <summary>A limit tripped; the engine acts on <see cref="Action"/> (flatten: close every position; halt: keep them).</summary>
/// <param name="Trigger">Which limit.</param>
/// <param name="Action">What to do (the daily loss limit is always <see cref="ProtectiveAction.Halt"/>: no new risk).</param>
/// <param name="Reason">One line with the numbers.</param>
/// <param name="TimeUtcTicks">When.</param>
public sealed record ProtectiveActionRequest(ProtectiveTrigger Trigger, ProtectiveAction Action, string Reason, long TimeUtcTicks);

/// <summary>
/// Watches equity for the loss limits of <c>risk_params.yaml</c>: drawdown from the running peak (trading halts until
/// a person resets it; positions flattened or kept per <c>drawdown_action</c>), loss from the trading day's starting
/// equity for the daily loss limit (no new risk for the rest of the day) and the intraday circuit breaker (flatten
/// or halt per <c>circuit_breaker_action</c>, for the rest of the day). A limit trips when the loss reaches it
/// (loss ≥ limit). The trading day is the US Eastern calendar date; the first equity seen on a new date starts it.
/// </summary>
public sealed class LossLimitMonitor
{
    private readonly RiskParams _limits;
    private long _dayStartUtc;
    private long _dayEndUtc;
    private bool _settled; // the last Update saw Equity and nothing has changed the state since

    /// <summary>Creates a monitor for <paramref name="limits"/>.</summary>
    public LossLimitMonitor(RiskParams limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>The current trading day (US Eastern date), or null before the first update.</summary>
    public DateOnly? TradingDay { get; private set; }

    /// <summary>Equity at the start of the trading day.</summary>
    public decimal DayStartEquity { get; private set; }

    /// <summary>Highest equity seen (since the start or the last drawdown reset).</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>Latest equity.</summary>
    public decimal Equity { get; private set; }

    /// <summary>(peak − equity)/peak.</summary>
    public double Drawdown => PeakEquity > 0 ? (double)((PeakEquity - Equity) / PeakEquity) : 0.0;

    /// <summary>(day start − equity)/day start (negative on a winning day).</summary>
    public double DayLoss => DayStartEquity > 0 ? (double)((DayStartEquity - Equity) / DayStartEquity) : 0.0;

    /// <summary>The drawdown halt is in force (until <see cref="ResetDrawdown"/>).</summary>
    public bool DrawdownHalted { get; private set; }

    /// <summary>The circuit breaker tripped today.</summary>
    public bool CircuitBreakerTripped { get; private set; }

    /// <summary>The daily loss limit was hit today.</summary>
    public bool DailyLimitHit { get; private set; }

    /// <summary>The trading state these limits imply (the kill switch is not the monitor's business).</summary>
    public TradingState State =>
        (DrawdownHalted && _limits.DrawdownAction == ProtectiveAction.Flatten) || (CircuitBreakerTripped && _limits.CircuitBreakerAction == ProtectiveAction.Flatten)
            ? TradingState.Flattening
            : DrawdownHalted || CircuitBreakerTripped ? TradingState.Halted
            : DailyLimitHit ? TradingState.NoNewRisk
            : TradingState.Normal;

    /// <summary>True when a new trading day starts at <paramref name="timeUtcTicks"/>.</summary>
    public bool IsNewDay(long timeUtcTicks) => TradingDay is null || timeUtcTicks < _dayStartUtc || timeUtcTicks >= _dayEndUtc;

    /// <summary>
    /// Feeds the latest equity. Starts a new day when the Eastern date changed (clearing the daily limits), updates
    /// the peak, and returns the limits that tripped now (each trips once: the drawdown until reset, the others per day).
    /// </summary>
    public IReadOnlyList<ProtectiveActionRequest> Update(long timeUtcTicks, decimal equity)
    {
        // The same day and the same equity as the last update: the same drawdown and loss, and every limit they reach
        // has tripped already (the risk gate feeds equity at each order, and the orders of a bar share one equity).
        if (_settled && equity == Equity && !IsNewDay(timeUtcTicks))
        {
            return [];
        }

        if (IsNewDay(timeUtcTicks))
        {
            StartDay(timeUtcTicks, equity);
        }

        Equity = equity;
        if (equity > PeakEquity)
        {
            PeakEquity = equity;
        }

        List<ProtectiveActionRequest>? tripped = null;
        double dd = Drawdown;
        if (!DrawdownHalted && dd >= _limits.MaxDrawdownPct)
        {
            DrawdownHalted = true;
            (tripped ??= []).Add(new ProtectiveActionRequest(ProtectiveTrigger.Drawdown, _limits.DrawdownAction, string.Create(CultureInfo.InvariantCulture,
                $"drawdown {dd:P2} from peak {PeakEquity:0.00} reached max_drawdown_pct {_limits.MaxDrawdownPct:P2}: trading halted ({Name(_limits.DrawdownAction)})"), timeUtcTicks));
        }

        double loss = DayLoss;
        if (!CircuitBreakerTripped && loss >= _limits.CircuitBreakerPct)
        {
            CircuitBreakerTripped = true;
            (tripped ??= []).Add(new ProtectiveActionRequest(ProtectiveTrigger.CircuitBreaker, _limits.CircuitBreakerAction, string.Create(CultureInfo.InvariantCulture,
                $"intraday loss {loss:P2} from the day's start {DayStartEquity:0.00} reached circuit_breaker_pct {_limits.CircuitBreakerPct:P2}: breaker tripped ({Name(_limits.CircuitBreakerAction)}) for the rest of the day"), timeUtcTicks));
        }

        if (!DailyLimitHit && loss >= _limits.DailyLossLimitPct)
        {
            DailyLimitHit = true;
            (tripped ??= []).Add(new ProtectiveActionRequest(ProtectiveTrigger.DailyLossLimit, ProtectiveAction.Halt, string.Create(CultureInfo.InvariantCulture,
                $"daily loss {loss:P2} reached daily_loss_limit_pct {_limits.DailyLossLimitPct:P2}: no new risk for the rest of the day"), timeUtcTicks));
        }

        _settled = true;
        return tripped ?? (IReadOnlyList<ProtectiveActionRequest>)[];
    }

    /// <summary>Starts a trading day with <paramref name="equity"/> as its starting equity; clears the daily limits.</summary>
    public void StartDay(long timeUtcTicks, decimal equity)
    {
        var day = DayOf(timeUtcTicks);
        TradingDay = day;
        _dayStartUtc = UsEasternTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)).Ticks;
        _dayEndUtc = UsEasternTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).Ticks;
        _settled = false;
        DayStartEquity = equity;
        CircuitBreakerTripped = false;
        DailyLimitHit = false;
        if (PeakEquity == 0m)
        {
            PeakEquity = equity;
        }

        Equity = equity;
    }

    /// <summary>Lifts the drawdown halt (a person's decision) and restarts the peak at <paramref name="equity"/>.</summary>
    public void ResetDrawdown(decimal equity)
    {
        _settled = false;
        DrawdownHalted = false;
        PeakEquity = equity;
        Equity = equity;
    }

    private static DateOnly DayOf(long timeUtcTicks) => DateOnly.FromDateTime(UsEasternTime.ToEastern(new DateTime(timeUtcTicks, DateTimeKind.Utc)));

    private static string Name(ProtectiveAction a) => a == ProtectiveAction.Flatten ? "flatten" : "halt";
}
