using System.Globalization;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;

namespace AlphaTrade.Risk.Limits;

/// <summary>What the risk layer decided about one order.</summary>
public enum RiskVerdict
{
    /// <summary>Send it as requested.</summary>
    Accept,

    /// <summary>Send it with a smaller quantity.</summary>
    Resize,

    /// <summary>Refuse it.</summary>
    Reject,
}

/// <summary>The pre-trade checks, in the order they run.</summary>
public enum RiskCheck
{
    /// <summary>The kill switch is engaged: nothing trades.</summary>
    KillSwitch,

    /// <summary>More orders in the last minute than <c>max_orders_per_minute</c>.</summary>
    OrderRate,

    /// <summary>No price to value the order (no last trade and no limit or stop price).</summary>
    NoPrice,

    /// <summary>Limit price outside <c>price_band_pct</c> of the last trade (fat finger).</summary>
    PriceBand,

    /// <summary>Symbol on the <c>restricted</c> list.</summary>
    Restricted,

    /// <summary>Trading halted (drawdown, circuit breaker) or no new risk (daily loss limit): only reductions pass.</summary>
    TradingHalt,

    /// <summary>Shorting not allowed (<c>allow_short</c>, <c>short_restricted</c>, cash account).</summary>
    ShortSale,

    /// <summary>More shares than <c>max_order_shares</c>.</summary>
    MaxOrderShares,

    /// <summary>More notional than <c>max_order_notional</c>.</summary>
    MaxOrderNotional,

    /// <summary>Position above <c>max_position_pct</c> of equity.</summary>
    MaxPosition,

    /// <summary>Sector gross exposure above <c>max_sector_pct</c> of equity.</summary>
    MaxSector,

    /// <summary>Gross exposure above <c>max_gross_exposure</c> × equity.</summary>
    MaxGrossExposure,

    /// <summary>|Net exposure| above <c>max_net_exposure</c> × equity.</summary>
    MaxNetExposure,

    /// <summary>Gross exposure above the account's buying power (leverage × equity).</summary>
    BuyingPower,

    /// <summary>1-day parametric portfolio VaR above <c>max_var_pct</c> of equity.</summary>
    MaxVar,

    /// <summary>Order notional under <c>min_order_notional</c>: dropped.</summary>
    MinOrderNotional,
}

/// <summary>Where trading stands. Every state but <see cref="Normal"/> lets only risk-reducing orders through.</summary>
public enum TradingState
{
    /// <summary>All checks apply; new risk allowed.</summary>
    Normal,

    /// <summary>Daily loss limit hit: no new risk until the next trading day.</summary>
    NoNewRisk,

    /// <summary>Circuit breaker or drawdown halt: no new risk (positions kept or being flattened).</summary>
    Halted,

    /// <summary>A protective flatten is in force: positions are being closed; only reductions pass.</summary>
    Flattening,

    /// <summary>The kill switch is engaged: nothing trades, open orders are cancelled.</summary>
    Killed,
}

/// <summary>An order the risk layer is asked about, with the account as it stands.</summary>
/// <param name="Strategy">Strategy sending it.</param>
/// <param name="Request">The order.</param>
/// <param name="Portfolio">The account (all strategies together).</param>
/// <param name="LastPrice">Last trade of the symbol (0 when unknown).</param>
/// <param name="TimeUtcTicks">Now.</param>
public readonly record struct OrderIntent(string Strategy, OrderRequest Request, IPortfolioView Portfolio, decimal LastPrice, long TimeUtcTicks);

/// <summary>The outcome of the pre-trade checks for one order.</summary>
/// <param name="Verdict">Accept, resize or reject.</param>
/// <param name="Quantity">Shares to send (the request's for accept, fewer for resize, 0 for reject).</param>
/// <param name="Checks">The checks that cut or refused it (empty for accept).</param>
/// <param name="Reason">One line: what was cut and why (null for accept).</param>
public sealed record RiskDecision(RiskVerdict Verdict, long Quantity, IReadOnlyList<RiskCheck> Checks, string? Reason)
{
    /// <summary>Accept <paramref name="quantity"/> shares.</summary>
    public static RiskDecision Accept(long quantity) => new(RiskVerdict.Accept, quantity, [], null);
}

/// <summary>Something the risk layer decided or noticed, for the log and <c>risk_events.csv</c>.</summary>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Kind">"order" for an order decision; "state" for a limit tripping, a new day, the kill switch.</param>
/// <param name="Strategy">Strategy of the order, or empty.</param>
/// <param name="Symbol">Symbol of the order, or empty.</param>
/// <param name="Side">"buy"/"sell", or empty.</param>
/// <param name="RequestedQuantity">Shares asked for (0 for state events).</param>
/// <param name="FinalQuantity">Shares let through (0 for reject and state events).</param>
/// <param name="Verdict">"accept", "resize", "reject", or the new trading state for state events.</param>
/// <param name="Check">The check(s) or trigger, snake_case, ';'-separated.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record RiskEvent(long TimeUtcTicks, string Kind, string Strategy, string Symbol, string Side, long RequestedQuantity, long FinalQuantity,
    string Verdict, string Check, string Reason)
{
    /// <summary>When, as a UTC <see cref="DateTime"/>.</summary>
    public DateTime TimeUtc => new(TimeUtcTicks, DateTimeKind.Utc);

    /// <summary>One line for logs.</summary>
    public override string ToString() => Kind == "order"
        ? string.Create(CultureInfo.InvariantCulture, $"{TimeUtc:yyyy-MM-ddTHH:mm:ssZ} risk {Verdict} {Strategy} {Side} {RequestedQuantity} {Symbol} -> {FinalQuantity}: {Reason}")
        : string.Create(CultureInfo.InvariantCulture, $"{TimeUtc:yyyy-MM-ddTHH:mm:ssZ} risk state {Verdict} ({Check}): {Reason}");
}

/// <summary>Names used in files.</summary>
public static class RiskNames
{
    /// <summary>snake_case of a check ("max_position").</summary>
    public static string ToSnakeCase(this RiskCheck check) => Configuration.ConfigNode.SnakeCase(check.ToString());

    /// <summary>"accept", "resize" or "reject".</summary>
    public static string ToSnakeCase(this RiskVerdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>snake_case of a state ("no_new_risk").</summary>
    public static string ToSnakeCase(this TradingState state) => Configuration.ConfigNode.SnakeCase(state.ToString());
}
