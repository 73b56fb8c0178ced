namespace AlphaTrade.Core.Orders;

/// <summary>
/// What a strategy asks for: symbol, side, whole-share quantity, type, time in force and prices. Immutable; the
/// constructor checks every rule so an instance is always valid: quantity positive; a limit price exactly for
/// limit and stop-limit orders; a stop price exactly for stop and stop-limit orders; prices positive;
/// market-on-open and market-on-close orders are DAY orders.
/// </summary>
public sealed record OrderRequest
{
    /// <summary>Creates a checked request; throws <see cref="ArgumentException"/> when a rule is broken.</summary>
    public OrderRequest(string symbol, OrderSide side, long quantity, OrderType type = OrderType.Market,
        TimeInForce timeInForce = TimeInForce.Day, decimal? limitPrice = null, decimal? stopPrice = null, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type.");
        }

        if (!Enum.IsDefined(timeInForce))
        {
            throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "Unknown time in force.");
        }

        bool needsLimit = type is OrderType.Limit or OrderType.StopLimit;
        bool needsStop = type is OrderType.Stop or OrderType.StopLimit;
        if (needsLimit != limitPrice.HasValue)
        {
            throw new ArgumentException(needsLimit ? $"A {type} order needs a limit price." : $"A {type} order takes no limit price.", nameof(limitPrice));
        }

        if (needsStop != stopPrice.HasValue)
        {
            throw new ArgumentException(needsStop ? $"A {type} order needs a stop price." : $"A {type} order takes no stop price.", nameof(stopPrice));
        }

        if (limitPrice is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(limitPrice), limitPrice, "Limit price must be positive.");
        }

        if (stopPrice is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(stopPrice), stopPrice, "Stop price must be positive.");
        }

        if (type is OrderType.MarketOnOpen or OrderType.MarketOnClose && timeInForce != TimeInForce.Day)
        {
            throw new ArgumentException($"A {type} order is a DAY order (got {timeInForce}).", nameof(timeInForce));
        }

        Symbol = symbol;
        Side = side;
        Quantity = quantity;
        Type = type;
        TimeInForce = timeInForce;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
        Tag = tag;
    }

    /// <summary>Ticker.</summary>
    public string Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>Shares, positive.</summary>
    public long Quantity { get; }

    /// <summary>Order type.</summary>
    public OrderType Type { get; }

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce { get; }

    /// <summary>Limit price for limit and stop-limit orders.</summary>
    public decimal? LimitPrice { get; }

    /// <summary>Stop (trigger) price for stop and stop-limit orders.</summary>
    public decimal? StopPrice { get; }

    /// <summary>Free text the strategy attaches (kept in reports), or null.</summary>
    public string? Tag { get; }

    /// <summary>Quantity with sign: positive for a buy, negative for a sell.</summary>
    public long SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>A market order.</summary>
    public static OrderRequest Market(string symbol, OrderSide side, long quantity, TimeInForce timeInForce = TimeInForce.Day, string? tag = null) =>
        new(symbol, side, quantity, OrderType.Market, timeInForce, tag: tag);

    /// <summary>A limit order.</summary>
    public static OrderRequest Limit(string symbol, OrderSide side, long quantity, decimal limitPrice, TimeInForce timeInForce = TimeInForce.Day, string? tag = null) =>
        new(symbol, side, quantity, OrderType.Limit, timeInForce, limitPrice: limitPrice, tag: tag);

    /// <summary>A stop (stop-market) order.</summary>
    public static OrderRequest Stop(string symbol, OrderSide side, long quantity, decimal stopPrice, TimeInForce timeInForce = TimeInForce.Day, string? tag = null) =>
        new(symbol, side, quantity, OrderType.Stop, timeInForce, stopPrice: stopPrice, tag: tag);

    /// <summary>A stop-limit order.</summary>
    public static OrderRequest StopLimit(string symbol, OrderSide side, long quantity, decimal stopPrice, decimal limitPrice, TimeInForce timeInForce = TimeInForce.Day, string? tag = null) =>
        new(symbol, side, quantity, OrderType.StopLimit, timeInForce, limitPrice, stopPrice, tag);

    /// <summary>A market-on-open order.</summary>
    public static OrderRequest MarketOnOpen(string symbol, OrderSide side, long quantity, string? tag = null) =>
        new(symbol, side, quantity, OrderType.MarketOnOpen, TimeInForce.Day, tag: tag);

    /// <summary>A market-on-close order.</summary>
    public static OrderRequest MarketOnClose(string symbol, OrderSide side, long quantity, string? tag = null) =>
        new(symbol, side, quantity, OrderType.MarketOnClose, TimeInForce.Day, tag: tag);

    /// <summary>The same request with another quantity (checked).</summary>
    public OrderRequest WithQuantity(long quantity) => new(Symbol, Side, quantity, Type, TimeInForce, LimitPrice, StopPrice, Tag);

    /// <summary>The request after <paramref name="amendment"/> (checked; an amendment cannot add a price the type does not take).</summary>
    public OrderRequest Amend(OrderAmendment amendment)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        return new(Symbol, Side, amendment.Quantity ?? Quantity, Type, TimeInForce,
            amendment.LimitPrice ?? LimitPrice, amendment.StopPrice ?? StopPrice, Tag);
    }
}

/// <summary>
/// A change to a working order: a new total quantity (including what already filled), a new limit price, a new
/// stop price. Null leaves a field unchanged; at least one field must be set.
/// </summary>
public sealed record OrderAmendment
{
    /// <summary>Creates a checked amendment.</summary>
    public OrderAmendment(long? quantity = null, decimal? limitPrice = null, decimal? stopPrice = null)
    {
        if (quantity is null && limitPrice is null && stopPrice is null)
        {
            throw new ArgumentException("An amendment changes at least one of quantity, limit price, stop price.");
        }

        if (quantity is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be positive.");
        }

        if (limitPrice is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(limitPrice), limitPrice, "Limit price must be positive.");
        }

        if (stopPrice is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(stopPrice), stopPrice, "Stop price must be positive.");
        }

        Quantity = quantity;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
    }

    /// <summary>New total quantity, or null.</summary>
    public long? Quantity { get; }

    /// <summary>New limit price, or null.</summary>
    public decimal? LimitPrice { get; }

    /// <summary>New stop price, or null.</summary>
    public decimal? StopPrice { get; }
}
