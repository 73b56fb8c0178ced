namespace AlphaTrade.Core.Orders;

/// <summary>
/// Something that happened to an order, reported by an execution client (or by the platform's own pre-trade
/// checks). Immutable. <see cref="TimeUtcTicks"/> is when it happened.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When it happened, UTC ticks.</param>
public abstract record OrderEvent(OrderId OrderId, long TimeUtcTicks)
{
    /// <summary>When it happened.</summary>
    public DateTime TimeUtc => new(TimeUtcTicks, DateTimeKind.Utc);
}

/// <summary>The venue accepted the order; it is working.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Quantity">Accepted quantity (a pre-trade check may have resized the request).</param>
public sealed record OrderAccepted(OrderId OrderId, long TimeUtcTicks, long Quantity) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>The order was refused before it worked.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record OrderRejected(OrderId OrderId, long TimeUtcTicks, string Reason) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>An execution against the order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Fill">The execution.</param>
/// <param name="LeavesQuantity">Shares still working after it.</param>
public abstract record OrderFillEvent(OrderId OrderId, long TimeUtcTicks, Fill Fill, long LeavesQuantity) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>Part of the order filled; the rest keeps working.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Fill">The execution.</param>
/// <param name="LeavesQuantity">Shares still working (positive).</param>
public sealed record OrderPartiallyFilled(OrderId OrderId, long TimeUtcTicks, Fill Fill, long LeavesQuantity)
    : OrderFillEvent(OrderId, TimeUtcTicks, Fill, LeavesQuantity);

/// <summary>The last shares of the order filled.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Fill">The final execution.</param>
public sealed record OrderFilled(OrderId OrderId, long TimeUtcTicks, Fill Fill) : OrderFillEvent(OrderId, TimeUtcTicks, Fill, 0);

/// <summary>The order stopped working before it filled completely: by request, or by IOC/FOK rules.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record OrderCancelled(OrderId OrderId, long TimeUtcTicks, string Reason) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>A working order was amended; it now works as <paramref name="Request"/>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Request">The order as it now stands (quantity is the new total).</param>
public sealed record OrderReplaced(OrderId OrderId, long TimeUtcTicks, OrderRequest Request) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>The order reached the end of its time in force (a DAY order at the session close).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record OrderExpired(OrderId OrderId, long TimeUtcTicks, string Reason) : OrderEvent(OrderId, TimeUtcTicks);

/// <summary>A cancel or replace request was refused; the order is unchanged.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TimeUtcTicks">When.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record OrderUpdateRejected(OrderId OrderId, long TimeUtcTicks, string Reason) : OrderEvent(OrderId, TimeUtcTicks);
