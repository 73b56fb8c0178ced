namespace AlphaTrade.Engine;

/// <summary>
/// Rounding rules for money. Bars carry <see cref="double"/> prices; the ledger works in <see cref="decimal"/>:
/// a bar price becomes a decimal price at the venue tick of $0.0001 (<see cref="ToPrice"/>), cash amounts are
/// cents. Every conversion goes through here so the event-driven and vectorized engines agree to the cent.
/// <see cref="ToPrice"/> is exact integer arithmetic after one double rounding, about 20 times faster than
/// <c>(decimal)double</c>, so marking many positions to decimal stays cheap.
/// </summary>
public static class PriceMath
{
    /// <summary>Decimal places of a price (the sub-penny tick of $0.0001).</summary>
    public const int PriceDecimals = 4;

    /// <summary>
    /// A bar price as a decimal price: price × 10,000 rounded half away from zero (in double arithmetic) to a whole
    /// number of ticks, with trailing zeros dropped (100.5 → 100.5, not 100.5000). Prices with at most four decimals
    /// convert exactly. Throws on NaN, infinity or a magnitude beyond 10^11.
    /// </summary>
    public static decimal ToPrice(double price)
    {
        double scaled = Math.Round(price * 10_000.0, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(scaled) < 1e15))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be finite and below 10^11.");
        }

        long ticks = (long)scaled;
        bool negative = ticks < 0;
        ulong u = (ulong)(negative ? -ticks : ticks);
        byte scale = PriceDecimals;
        while (scale > 0 && u % 10 == 0 && u != 0)
        {
            u /= 10;
            scale--;
        }

        if (u == 0)
        {
            return 0m;
        }

        return new decimal((int)(uint)u, (int)(uint)(u >> 32), 0, negative, scale);
    }

    /// <summary>Rounds a price half away from zero to $0.0001.</summary>
    public static decimal RoundPrice(decimal price) => decimal.Round(price, PriceDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount half away from zero to the cent.</summary>
    public static decimal RoundCents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a non-negative amount up to the next cent (how regulatory fees are charged).</summary>
    public static decimal CeilingCents(decimal amount) => decimal.Ceiling(amount * 100m) / 100m;
}
