namespace AlphaTrade.Engine;

/// <summary>
/// Rounding rules for money. Bars carry <see cref="double"/> prices; the ledger works in <see cref="decimal"/>:
/// a bar price becomes a decimal price at the venue tick of $0.0001 (<see cref="ToPrice"/>), cash amounts are
/// cents. Every conversion goes through here so the event-driven and vectorized engines agree to the cent.
/// </summary>
public static class PriceMath
{
    /// <summary>Decimal places of a price (the sub-penny tick of $0.0001).</summary>
    public const int PriceDecimals = 4;

    /// <summary>A bar price as a decimal price, rounded half away from zero to $0.0001. Throws on NaN or infinity.</summary>
    public static decimal ToPrice(double price)
    {
        if (!double.IsFinite(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be finite.");
        }

        return decimal.Round((decimal)price, PriceDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Rounds a price half away from zero to $0.0001.</summary>
    public static decimal RoundPrice(decimal price) => decimal.Round(price, PriceDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount half away from zero to the cent.</summary>
    public static decimal RoundCents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a non-negative amount up to the next cent (how regulatory fees are charged).</summary>
    public static decimal CeilingCents(decimal amount) => decimal.Ceiling(amount * 100m) / 100m;
}
