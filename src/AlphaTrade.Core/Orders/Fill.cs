namespace AlphaTrade.Core.Orders;

/// <summary>
/// One execution: shares that changed hands at one price. Money is <see cref="decimal"/>: the price to the
/// venue's tick, commission and regulatory fees in dollars (each already rounded as the cost model rounds it).
/// Immutable and checked: quantity and price positive, commission and fees not negative.
/// </summary>
public sealed record Fill
{
    /// <summary>Creates a checked fill.</summary>
    public Fill(OrderId orderId, string symbol, OrderSide side, long quantity, decimal price, decimal commission, decimal fees, long timeUtcTicks)
    {
        if (orderId.Value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(orderId), orderId, "A fill belongs to an assigned order id.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(commission);
        ArgumentOutOfRangeException.ThrowIfNegative(fees);
        OrderId = orderId;
        Symbol = symbol;
        Side = side;
        Quantity = quantity;
        Price = price;
        Commission = commission;
        Fees = fees;
        TimeUtcTicks = timeUtcTicks;
        Notional = decimal.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The order filled.</summary>
    public OrderId OrderId { get; }

    /// <summary>Ticker.</summary>
    public string Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>Shares, positive.</summary>
    public long Quantity { get; }

    /// <summary>Price per share.</summary>
    public decimal Price { get; }

    /// <summary>Broker commission charged for this execution.</summary>
    public decimal Commission { get; }

    /// <summary>Regulatory and exchange fees charged for this execution (SEC fee, FINRA TAF).</summary>
    public decimal Fees { get; }

    /// <summary>When it happened, UTC ticks (for bar-based venues: the bar's start, or its end for a closing auction).</summary>
    public long TimeUtcTicks { get; }

    /// <summary>When it happened.</summary>
    public DateTime TimeUtc => new(TimeUtcTicks, DateTimeKind.Utc);

    /// <summary>Trade value: quantity × price rounded to the cent (half away from zero), as a confirmation shows it.</summary>
    public decimal Notional { get; }

    /// <summary>Quantity with sign: positive for a buy, negative for a sell.</summary>
    public long SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>Cash change: minus the notional for a buy, plus for a sell, less commission and fees.</summary>
    public decimal CashFlow => (Side == OrderSide.Buy ? -Notional : Notional) - Commission - Fees;
}
