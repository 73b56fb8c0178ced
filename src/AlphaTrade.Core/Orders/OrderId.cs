using System.Globalization;

namespace AlphaTrade.Core.Orders;

/// <summary>
/// The client order id the platform gives an order: a positive number, unique within a run, assigned in
/// submission order (so ids also order orders). Immutable; the default value (0) is invalid and never assigned.
/// </summary>
public readonly record struct OrderId : IComparable<OrderId>
{
    /// <summary>Creates an id; <paramref name="value"/> must be positive.</summary>
    public OrderId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    /// <summary>The number.</summary>
    public long Value { get; }

    /// <inheritdoc />
    public int CompareTo(OrderId other) => Value.CompareTo(other.Value);

    /// <summary>The number in invariant digits.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
