namespace AlphaTrade.Core.Orders;

/// <summary>Which way an order trades.</summary>
public enum OrderSide
{
    /// <summary>Buy (or buy to cover a short).</summary>
    Buy = 0,

    /// <summary>Sell (or sell short).</summary>
    Sell = 1,
}

/// <summary>How an order's price is determined.</summary>
public enum OrderType
{
    /// <summary>Fill at the next available price.</summary>
    Market = 0,

    /// <summary>Fill at the limit price or better.</summary>
    Limit = 1,

    /// <summary>Becomes a market order once the stop price trades.</summary>
    Stop = 2,

    /// <summary>Becomes a limit order once the stop price trades.</summary>
    StopLimit = 3,

    /// <summary>Fills in the opening auction of the next session (the session's first bar open).</summary>
    MarketOnOpen = 4,

    /// <summary>Fills in the closing auction of the session (the session's last bar close).</summary>
    MarketOnClose = 5,
}

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Until the close of the session it works in; then it expires.</summary>
    Day = 0,

    /// <summary>Until filled or cancelled.</summary>
    Gtc = 1,

    /// <summary>Immediate or cancel: fill what the first tradable bar allows, cancel the rest.</summary>
    Ioc = 2,

    /// <summary>Fill or kill: fill all of it on the first tradable bar or none of it.</summary>
    Fok = 3,
}

/// <summary>Where an order is in its life. <see cref="OrderStatusExtensions.IsTerminal"/> tells the final states.</summary>
public enum OrderStatus
{
    /// <summary>Sent to the execution client, not yet acknowledged.</summary>
    Submitted = 0,

    /// <summary>Working at the venue with nothing filled.</summary>
    Accepted = 1,

    /// <summary>Working with part of it filled.</summary>
    PartiallyFilled = 2,

    /// <summary>Completely filled (final).</summary>
    Filled = 3,

    /// <summary>Cancelled, by request or by its time in force (final).</summary>
    Cancelled = 4,

    /// <summary>Refused before it worked: by a risk check, buying power or the venue (final).</summary>
    Rejected = 5,

    /// <summary>Reached the end of its time in force unfilled or partly filled (final).</summary>
    Expired = 6,
}

/// <summary>Helpers on the order enums.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True for a status from which an order never moves again.</summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;

    /// <summary>+1 for a buy, -1 for a sell.</summary>
    public static int Sign(this OrderSide side) => side == OrderSide.Buy ? 1 : -1;

    /// <summary>The opposite side.</summary>
    public static OrderSide Opposite(this OrderSide side) => side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>Lower-case snake name used in files: "market", "stop_limit", "market_on_open"...</summary>
    public static string ToSnakeCase(this OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.Stop => "stop",
        OrderType.StopLimit => "stop_limit",
        OrderType.MarketOnOpen => "market_on_open",
        OrderType.MarketOnClose => "market_on_close",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Lower-case name used in files: "day", "gtc", "ioc", "fok".</summary>
    public static string ToSnakeCase(this TimeInForce tif) => tif switch
    {
        TimeInForce.Day => "day",
        TimeInForce.Gtc => "gtc",
        TimeInForce.Ioc => "ioc",
        TimeInForce.Fok => "fok",
        _ => throw new ArgumentOutOfRangeException(nameof(tif), tif, null),
    };

    /// <summary>Lower-case name used in files: "submitted", "partially_filled"...</summary>
    public static string ToSnakeCase(this OrderStatus status) => status switch
    {
        OrderStatus.Submitted => "submitted",
        OrderStatus.Accepted => "accepted",
        OrderStatus.PartiallyFilled => "partially_filled",
        OrderStatus.Filled => "filled",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>"buy" or "sell".</summary>
    public static string ToSnakeCase(this OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
