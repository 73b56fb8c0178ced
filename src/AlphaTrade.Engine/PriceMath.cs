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

    /// <summary>
    /// <paramref name="numerator"/> ÷ <paramref name="divisor"/> rounded half away from zero to <paramref name="decimals"/>
    /// places: the same value and scale as <c>decimal.Round(numerator / divisor, decimals, MidpointRounding.AwayFromZero)</c>.
    /// Ledger divisions (average prices, pro-rata splits, accruals) are by whole numbers; done in 128-bit integers they cost a
    /// tenth of a decimal division. Inputs near decimal's 28-digit precision limit, where decimal's own rounding of the
    /// quotient could matter, take the decimal path.
    /// </summary>
    public static decimal DivRound(decimal numerator, long divisor, int decimals)
    {
        if (divisor == 0)
        {
            throw new DivideByZeroException();
        }

        return TryDivRound(numerator, divisor, decimals, out var result)
            ? result
            : decimal.Round(numerator / divisor, decimals, MidpointRounding.AwayFromZero);
    }

    private static readonly UInt128[] Pow10 = CreatePow10();

    private static UInt128[] CreatePow10()
    {
        var p = new UInt128[39];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }

    private static bool TryDivRound(decimal numerator, long divisor, int decimals, out decimal result)
    {
        result = 0m;
        if (divisor == long.MinValue || (uint)decimals > 12)
        {
            return false;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(numerator, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = (bits[3] < 0) ^ (divisor < 0);
        var mantissa = new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        ulong n = (ulong)Math.Abs(divisor);
        if (scale > 16 || mantissa >> 90 != 0)
        {
            return false;
        }

        UInt128 num, den;
        if (decimals >= scale)
        {
            num = mantissa * Pow10[decimals - scale];
            den = n;
        }
        else
        {
            num = mantissa;
            den = n * Pow10[scale - decimals];
        }

        UInt128 q = num / den;
        UInt128 rem = num - (q * den);
        bool exact = rem == 0;
        if (!exact && rem >= den - rem)
        {
            q++;
        }

        // decimal keeps about 28 significant digits of a quotient: stay well clear so its rounding never decides.
        if ((q + Pow10[decimals]) * n * Pow10[scale] >= Pow10[26])
        {
            return false;
        }

        int outScale = decimals;
        if (exact)
        {
            // An exact quotient keeps the numerator's scale or the fewest places that hold it, as decimal division does.
            while (outScale > scale && q != 0 && q % 10 == 0)
            {
                q /= 10;
                outScale--;
            }

            if (q == 0)
            {
                outScale = Math.Min(outScale, scale);
            }
        }

        result = new decimal((int)(uint)q, (int)(uint)(q >> 32), (int)(uint)(q >> 64), negative && q != 0, (byte)outScale);
        return true;
    }

    /// <summary>Rounds a price half away from zero to $0.0001.</summary>
    public static decimal RoundPrice(decimal price) => decimal.Round(price, PriceDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount half away from zero to the cent.</summary>
    public static decimal RoundCents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a non-negative amount up to the next cent (how regulatory fees are charged).</summary>
    public static decimal CeilingCents(decimal amount) => decimal.Ceiling(amount * 100m) / 100m;
}
