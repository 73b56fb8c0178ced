using System.Runtime.CompilerServices;
using AlphaTrade.Engine;

namespace AlphaTrade.Backtest.Vectorized;

/// <summary>
/// A <see cref="decimal"/> held as a signed 64-bit mantissa and a scale (value = <see cref="Units"/> ÷ 10^<see cref="Scale"/>),
/// whose operations give exactly what the same <see cref="decimal"/> operations give — the same value <em>and the same
/// scale</em> (1.50 stays 1.50, so text and double conversions of the result match too): addition keeps the larger
/// scale, multiplication adds scales, rounding and division follow <see cref="decimal.Round(decimal, int, MidpointRounding)"/>
/// and <see cref="AlphaTrade.Engine.PriceMath"/>. It is money arithmetic without decimal's general-case overhead, for the
/// vectorized engine's exact accounting path.
/// <para>
/// Exactness: <see cref="decimal"/> is exact while a result fits its 96-bit mantissa at a scale up to 28; every
/// operation here is checked and throws <see cref="OverflowException"/> instead of producing a result beyond 63 bits or
/// scale 28, so a result produced is always the decimal result, bit for bit, and a run that leaves the range is redone on
/// the decimal path. Divisions off the 64-bit path are handed to <see cref="AlphaTrade.Engine.PriceMath.DivRound"/> itself.
/// A negative zero (which decimal can carry and prints as 0) is not kept; it has no effect on values, text or equality.
/// Decimal's one scale quirk on this range is reproduced: a zero product of a mantissa beyond 32 bits has scale 0.
/// </para>
/// </summary>
internal readonly struct ScaledAmount
{
    private static readonly long[] Pow10L = CreatePow10L();
    private static readonly UInt128[] Pow10 = CreatePow10();
    private static readonly double[] DoublePow10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public ScaledAmount(long units, int scale)
    {
        Units = units;
        Scale = scale;
    }

    /// <summary>Value × 10^<see cref="Scale"/>.</summary>
    public long Units { get; }

    /// <summary>Decimal places, 0–28.</summary>
    public int Scale { get; }

    /// <summary>−1, 0 or 1.</summary>
    public int Sign => Math.Sign(Units);

    /// <summary>The amount of <paramref name="value"/> (same value and scale); throws <see cref="OverflowException"/> beyond 63 bits.</summary>
    public static ScaledAmount FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[1] < 0)
        {
            throw new OverflowException("Amount beyond the exact 64-bit range.");
        }

        long m = (long)(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return new ScaledAmount(bits[3] < 0 ? -m : m, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>The decimal with this value and scale.</summary>
    public decimal ToDecimal()
    {
        ulong m = (ulong)Math.Abs(Units);
        return new decimal((int)(uint)m, (int)(uint)(m >> 32), 0, Units < 0, (byte)Scale);
    }

    /// <summary>(double)decimal of the same decimal (the conversion depends on the scale, so it goes through decimal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ToDouble()
    {
        // decimal → double divides the mantissa by 10^scale; with both exact in double (below 2^53, scale ≤ 22) that one
        // correctly rounded division is the conversion, so it is done here directly.
        ulong m = (ulong)Math.Abs(Units);
        if (m < (1UL << 53) && Scale <= 22)
        {
            double d = m / DoublePow10[Scale];
            return Units < 0 ? -d : d;
        }

        return (double)ToDecimal();
    }

    /// <summary><paramref name="units"/> ÷ 10^<paramref name="k"/> truncated toward zero (0 ≤ k ≤ 18).</summary>
    /// <remarks>
    /// A multiplication by a precomputed reciprocal instead of a hardware division (several times its latency, and the
    /// fill path rounds four or five times a fill): for |units| &lt; 2^63 and d = 10^k with 2^(l−1) &lt; d ≤ 2^l,
    /// m = ⌈2^(63+l) ÷ d⌉ &lt; 2^64 gives ⌊|units| ÷ d⌋ = ⌊|units| × m ÷ 2^(63+l)⌋ exactly (Granlund and Montgomery,
    /// "Division by invariant integers using multiplication", 1994, theorem 4.2). A switch over constant divisors was
    /// faster in isolation, but inlined at every rounding site it made the fill path's code larger than the instruction cache.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DivPow10(long units, int k)
    {
        if (k == 0 || units == long.MinValue)
        {
            return units / Pow10L[k];
        }

        ulong magnitude = (ulong)Math.Abs(units);
        ulong q = Math.BigMul(magnitude, Reciprocal10[k], out _) >> ReciprocalShift[k];
        return units < 0 ? -(long)q : (long)q;
    }

    /// <summary>
    /// <paramref name="units"/> ÷ 10^<paramref name="k"/> rounded half away from zero (1 ≤ k ≤ 18): ⌊(|units| + 10^k ÷ 2) ÷ 10^k⌋
    /// with the sign of units, without branches on the remainder (which the fill path's prices make unpredictable).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DivPow10RoundHalfAway(long units, int k)
    {
        ulong magnitude = (ulong)Math.Abs(units == long.MinValue ? 0 : units);
        if (units == long.MinValue || magnitude >= 1UL << 62)
        {
            return DivPow10RoundHalfAwayWide(units, k);
        }

        ulong q = Math.BigMul(magnitude + ((ulong)Pow10L[k] >> 1), Reciprocal10[k], out _) >> ReciprocalShift[k];
        return units < 0 ? -(long)q : (long)q;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long DivPow10RoundHalfAwayWide(long units, int k)
    {
        long d = Pow10L[k];
        long q = units / d;
        long r = units - (q * d);
        if (r != 0 && (ulong)Math.Abs(r) >= (ulong)(d - Math.Abs(r)))
        {
            q += units < 0 ? -1 : 1;
        }

        return q;
    }

    /// <summary>m_k = ⌈2^(63+l) ÷ 10^k⌉ with l = ⌈log2 10^k⌉, for <see cref="DivPow10"/> (index 0 unused).</summary>
    private static readonly ulong[] Reciprocal10 = CreateReciprocals(out ReciprocalShift);

    /// <summary>l − 1 for each k: the high half of |units| × m_k shifted right by it is the quotient.</summary>
    private static readonly int[] ReciprocalShift;

    private static ulong[] CreateReciprocals(out int[] shifts)
    {
        var m = new ulong[19];
        shifts = new int[19];
        UInt128 d = 1;
        for (int k = 1; k < m.Length; k++)
        {
            d *= 10;
            int l = 128 - (int)UInt128.LeadingZeroCount(d - 1); // ⌈log2 d⌉ (d is not a power of two)
            UInt128 scaled = UInt128.One << (63 + l);
            m[k] = (ulong)((scaled + d - 1) / d);
            shifts[k] = l - 1;
        }

        return m;
    }

    /// <summary>
    /// <see cref="AlphaTrade.Engine.PriceMath.ToPrice"/>: a bar price rounded half away from zero to $0.0001, trailing
    /// zeros dropped.
    /// </summary>
    public static ScaledAmount Price(double price) =>
        TryPrice(price, out var amount) ? amount : throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be finite and below 10^11.");

    /// <summary><see cref="Price"/>, false (instead of throwing) for a price that is not finite or not below 10^11.</summary>
    public static bool TryPrice(double price, out ScaledAmount amount)
    {
        // Math.Round(price × 10^4, MidpointRounding.AwayFromZero) without its library call: the fraction x − trunc(x)
        // is exact in double, so comparing it with ±0.5 rounds exactly as Math.Round does.
        amount = default;
        double scaled = price * 10_000.0;
        if (!(Math.Abs(scaled) < 1e15))
        {
            return false;
        }

        double whole = Math.Truncate(scaled);
        double fraction = scaled - whole;
        long ticks = (long)whole;
        if (fraction >= 0.5)
        {
            ticks++;
        }
        else if (fraction <= -0.5)
        {
            ticks--;
        }

        if (Math.Abs(ticks) >= 1_000_000_000_000_000)
        {
            return false;
        }

        // Trailing zeros dropped (constant divisors: multiplications).
        if (ticks % 100 != 0)
        {
            amount = ticks % 10 != 0 ? new ScaledAmount(ticks, 4) : new ScaledAmount(ticks / 10, 3);
        }
        else if (ticks % 10_000 != 0)
        {
            amount = ticks % 1_000 != 0 ? new ScaledAmount(ticks / 100, 2) : new ScaledAmount(ticks / 1_000, 1);
        }
        else
        {
            amount = new ScaledAmount(ticks / 10_000, 0); // zero included: scale 0, as decimal's 0
        }

        return true;
    }

    /// <summary>
    /// A price of <see cref="Price"/> packed in one long (units × 8 + scale: |units| &lt; 10^15, scale ≤ 4), or
    /// <see cref="NoPackedPrice"/> where <see cref="Price"/> would throw.
    /// </summary>
    public static long PackPrice(double price) => TryPrice(price, out var a) ? (a.Units << 3) | (long)a.Scale : NoPackedPrice;

    /// <summary>What <see cref="PackPrice"/> gives for a price <see cref="Price"/> refuses.</summary>
    public const long NoPackedPrice = long.MinValue;

    /// <summary>The price packed by <see cref="PackPrice"/> (not <see cref="NoPackedPrice"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount UnpackPrice(long packed) => new(packed >> 3, (int)(packed & 7));

    /// <summary>This amount's units at scale 4 (a price's ticks of $0.0001); the scale must be at most 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long UnitsAtScale4() => checked(Units * Pow10L[4 - Scale]);

    /// <summary>
    /// The amount of <paramref name="unitsAtScale4"/> ÷ 10^4 at scale <paramref name="scale"/> (≤ 4); the units must be a
    /// multiple of 10^(4 − scale), as a sum of terms of at most that scale is.
    /// </summary>
    public static ScaledAmount FromScale4(long unitsAtScale4, int scale) => new(DivPow10(unitsAtScale4, 4 - scale), scale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount operator +(ScaledAmount a, ScaledAmount b) =>
        a.Scale == b.Scale ? new ScaledAmount(checked(a.Units + b.Units), a.Scale) : AddAligned(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount operator -(ScaledAmount a, ScaledAmount b) =>
        a.Scale == b.Scale ? new ScaledAmount(checked(a.Units - b.Units), a.Scale) : SubtractAligned(a, b);

    // The sums across scales, out of line: the fill path inlines every operator, and the aligned cases are the rarer ones.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScaledAmount AddAligned(ScaledAmount a, ScaledAmount b)
    {
        return a.Scale > b.Scale
            ? new ScaledAmount(checked(a.Units + Up(b.Units, a.Scale - b.Scale)), a.Scale)
            : new ScaledAmount(checked(Up(a.Units, b.Scale - a.Scale) + b.Units), b.Scale);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScaledAmount SubtractAligned(ScaledAmount a, ScaledAmount b)
    {
        return a.Scale > b.Scale
            ? new ScaledAmount(checked(a.Units - Up(b.Units, a.Scale - b.Scale)), a.Scale)
            : new ScaledAmount(checked(Up(a.Units, b.Scale - a.Scale) - b.Units), b.Scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount operator -(ScaledAmount a) => new(checked(-a.Units), a.Scale);

    /// <summary>decimal × decimal: scales add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount operator *(ScaledAmount a, ScaledAmount b)
    {
        int scale = a.Scale + b.Scale;
        if (scale > 28)
        {
            throw new OverflowException("Scale beyond decimal's exact range.");
        }

        long units = checked(a.Units * b.Units);
        return units != 0 ? new ScaledAmount(units, scale) : ZeroProduct(a.Units, b.Units, scale);
    }

    /// <summary>decimal × (decimal)long: the scale stays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledAmount operator *(ScaledAmount a, long q)
    {
        long units = checked(a.Units * q);
        return units != 0 ? new ScaledAmount(units, a.Scale) : ZeroProduct(a.Units, q, a.Scale);
    }

    /// <summary>
    /// A zero product as decimal makes it: at the sum of the scales when both mantissas fit 32 bits, else at scale 0
    /// (decimal's multiplication returns a plain zero on its wider paths: 50000000.00 × 0 is 0, 5.00 × 0 is 0.00).
    /// </summary>
    private static ScaledAmount ZeroProduct(long a, long b, int scale) =>
        (ulong)Math.Abs(a) > uint.MaxValue || (ulong)Math.Abs(b) > uint.MaxValue ? default : new ScaledAmount(0, scale);

    public static bool operator >(ScaledAmount a, ScaledAmount b) => Compare(a, b) > 0;

    public static bool operator <(ScaledAmount a, ScaledAmount b) => Compare(a, b) < 0;

    public static bool operator >=(ScaledAmount a, ScaledAmount b) => Compare(a, b) >= 0;

    public static bool operator <=(ScaledAmount a, ScaledAmount b) => Compare(a, b) <= 0;

    /// <summary>Compares values (not scales).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(ScaledAmount a, ScaledAmount b)
    {
        if (a.Scale == b.Scale)
        {
            return a.Units.CompareTo(b.Units);
        }

        // Scales at most 4 apart and mantissas under 2^49: both brought to the larger scale fit 63 bits (the commission's
        // minimum and cap against its per-share amount, every fill).
        int diff = a.Scale - b.Scale;
        if ((uint)(diff + 4) <= 8 && (ulong)(a.Units + (1L << 49)) < (1UL << 50) && (ulong)(b.Units + (1L << 49)) < (1UL << 50))
        {
            long x = diff >= 0 ? a.Units : a.Units * Pow10L[-diff];
            long y = diff >= 0 ? b.Units * Pow10L[diff] : b.Units;
            return x.CompareTo(y);
        }

        return CompareAligned(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CompareAligned(ScaledAmount a, ScaledAmount b)
    {
        if (Math.Abs(a.Scale - b.Scale) > 18)
        {
            throw new OverflowException("Scales too far apart to compare exactly.");
        }

        // The lower-scale side brought up to the other's scale; a product beyond 64 bits is larger in magnitude than any long.
        if (a.Scale > b.Scale)
        {
            long hiB = Math.BigMul(b.Units, Pow10L[a.Scale - b.Scale], out long loB);
            return hiB == (loB >> 63) ? a.Units.CompareTo(loB) : (hiB < 0 ? 1 : -1);
        }
        else
        {
            long hiA = Math.BigMul(a.Units, Pow10L[b.Scale - a.Scale], out long loA);
            return hiA == (loA >> 63) ? loA.CompareTo(b.Units) : (hiA < 0 ? -1 : 1);
        }
    }

    /// <summary>
    /// <c>x &gt; a × b</c> in decimal, with the product in 128 bits (a leverage times equity can pass 63 bits); throws
    /// <see cref="OverflowException"/> where decimal would have rounded the product.
    /// </summary>
    public static bool GreaterThanProduct(ScaledAmount x, ScaledAmount a, ScaledAmount b)
    {
        int ps = a.Scale + b.Scale;
        Int128 p = (Int128)a.Units * b.Units;
        if (ps > 28 || Int128.Abs(p) >> 95 != 0)
        {
            throw new OverflowException("Product beyond decimal's exact range.");
        }

        Int128 y = x.Units;
        if (ps - x.Scale > 18)
        {
            throw new OverflowException("Scales too far apart to compare exactly.");
        }

        if (ps > x.Scale)
        {
            y *= (Int128)Pow10[ps - x.Scale];
        }
        else if (x.Scale > ps)
        {
            if (x.Scale - ps > 9)
            {
                throw new OverflowException("Scales too far apart to compare exactly.");
            }

            p *= (Int128)Pow10[x.Scale - ps];
        }

        return y > p;
    }

    /// <summary><see cref="Math.Max(decimal, decimal)"/>: the first on a tie.</summary>
    public static ScaledAmount Max(ScaledAmount a, ScaledAmount b) => Compare(a, b) >= 0 ? a : b;

    /// <summary><see cref="Math.Min(decimal, decimal)"/>: the second on a tie.</summary>
    public static ScaledAmount Min(ScaledAmount a, ScaledAmount b) => Compare(a, b) < 0 ? a : b;

    /// <summary><see cref="Math.Abs(decimal)"/>.</summary>
    public ScaledAmount Abs() => new(checked(Math.Abs(Units)), Scale);

    /// <summary><c>decimal.Round(x, decimals, MidpointRounding.AwayFromZero)</c>: unchanged at or below that scale, else exactly that scale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScaledAmount Round(int decimals)
    {
        if (Scale <= decimals)
        {
            return this;
        }

        int drop = Scale - decimals;
        if (drop > 18)
        {
            return RoundBeyond64(decimals);
        }

        return new ScaledAmount(DivPow10RoundHalfAway(Units, drop), decimals);
    }

    /// <summary><see cref="Round"/> dropping more than 18 places.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ScaledAmount RoundBeyond64(int decimals)
    {
        // |Units| < 9.3e18 < 10^19 / 2 × 2: rounds to 0 or ±1 only when at least half of 10^drop.
        UInt128 half = Pow10[Scale - decimals] / 2;
        return new ScaledAmount((UInt128)(ulong)Math.Abs(Units) >= half ? Math.Sign(Units) : 0, decimals);
    }

    /// <summary><c>decimal.Ceiling</c>: scale 0.</summary>
    public ScaledAmount Ceiling()
    {
        if (Scale == 0)
        {
            return this;
        }

        if (Scale > 18)
        {
            return new ScaledAmount(Units > 0 ? 1 : 0, 0);
        }

        // Toward zero is the ceiling of a negative amount; a positive one rounds up: ⌊(units + 10^scale − 1) ÷ 10^scale⌋.
        long q = Units > 0 && Units <= long.MaxValue - Pow10L[Scale] ? DivPow10(Units + Pow10L[Scale] - 1, Scale) : CeilingWide(Units, Scale);
        return new ScaledAmount(q, 0);
    }

    private static long CeilingWide(long units, int scale)
    {
        long d = Pow10L[scale];
        long q = units / d;
        return units > 0 && q * d != units ? q + 1 : q;
    }

    /// <summary>
    /// <see cref="AlphaTrade.Engine.PriceMath.CeilingCents"/>: <c>decimal.Ceiling(x × 100) / 100</c>, the quotient at the fewest
    /// places that hold it exactly (as decimal division leaves it: 12.3, not 12.30).
    /// </summary>
    public ScaledAmount CeilingCents()
    {
        long cents = (this * 100).Ceiling().Units;
        int scale = 2;
        while (scale > 0 && cents % 10 == 0)
        {
            cents /= 10;
            scale--;
        }

        return new ScaledAmount(cents, scale);
    }

    /// <summary>
    /// <see cref="AlphaTrade.Engine.PriceMath.DivRound"/> (same value and scale): its 128-bit integer path step for step in
    /// 64 bits where the numerator fits (the usual case), else PriceMath itself on the decimal.
    /// </summary>
    public static ScaledAmount DivRound(ScaledAmount numerator, long divisor, int decimals)
    {
        int scale = numerator.Scale;
        if (divisor != 0 && divisor != long.MinValue && (uint)decimals <= 12 && scale <= 16)
        {
            ulong n = (ulong)Math.Abs(divisor);
            bool negative = (numerator.Units < 0) ^ (divisor < 0);
            if (scale <= decimals)
            {
                // num = mantissa × 10^(decimals − scale), den = n
                ulong hi = Math.BigMul((ulong)Math.Abs(numerator.Units), (ulong)Pow10L[decimals - scale], out ulong num64);
                if (hi == 0 && TryDivRound64(num64, n, n, scale, decimals, negative, out var result))
                {
                    return result;
                }
            }
            else
            {
                // num = mantissa, den = n × 10^(scale − decimals) (interest and borrow accruals: rate × balance has more places)
                ulong hi = Math.BigMul(n, (ulong)Pow10L[scale - decimals], out ulong den64);
                if (hi == 0 && TryDivRound64((ulong)Math.Abs(numerator.Units), den64, n, scale, decimals, negative, out var result))
                {
                    return result;
                }
            }
        }

        return FromDecimal(PriceMath.DivRound(numerator.ToDecimal(), divisor, decimals));
    }

    /// <summary>
    /// <c>DivRound(a × m, divisor, decimals)</c>: the pro-rata splits of large positions pass 63 bits in the product
    /// before the division brings them back; such a product is formed as the exact decimal and handed to PriceMath.
    /// </summary>
    public static ScaledAmount MulDivRound(ScaledAmount a, long m, long divisor, int decimals)
    {
        long hi = Math.BigMul(a.Units, m, out long lo);
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
        {
            return DivRound(a * m, divisor, decimals);
        }

        if (a.Units == long.MinValue || m == long.MinValue)
        {
            throw new OverflowException("Amount beyond the exact 64-bit range.");
        }

        UInt128 p = (UInt128)(ulong)Math.Abs(a.Units) * (ulong)Math.Abs(m);
        var product = new decimal((int)(uint)p, (int)(uint)(p >> 32), (int)(uint)(p >> 64), (a.Units < 0) ^ (m < 0), (byte)a.Scale);
        return FromDecimal(PriceMath.DivRound(product, divisor, decimals));
    }

    /// <summary>PriceMath.TryDivRound on 64-bit <paramref name="num"/> ÷ <paramref name="den"/> (its num and den; <paramref name="n"/> the divisor); false where PriceMath would leave its integer path.</summary>
    private static bool TryDivRound64(ulong num, ulong den, ulong n, int scale, int decimals, bool negative, out ScaledAmount result)
    {
        result = default;
        if (scale > 16)
        {
            return false;
        }

        ulong q = num / den;
        ulong rem = num - (q * den);
        bool exact = rem == 0;
        if (!exact && rem >= den - rem)
        {
            q++;
        }

        // PriceMath's guard, (q + 10^decimals) × n × 10^scale ≥ 10^26, without its 128-bit wrap-around (a case it would
        // wrap on is handed to the decimal path, which runs PriceMath itself).
        ulong qp = q + (ulong)Pow10L[decimals];
        if (qp < q || (UInt128)qp * n >= Pow10[26 - scale])
        {
            return false;
        }

        int outScale = decimals;
        if (exact)
        {
            if (q != 0)
            {
                // Trailing zeros dropped down to the numerator's scale (four at a time, then one at a time).
                while (outScale - scale >= 4 && q % 10_000 == 0)
                {
                    q /= 10_000;
                    outScale -= 4;
                }

                while (outScale > scale && q % 10 == 0)
                {
                    q /= 10;
                    outScale--;
                }
            }
            else
            {
                outScale = Math.Min(outScale, scale);
            }
        }

        if (q > long.MaxValue)
        {
            return false;
        }

        result = new ScaledAmount(negative ? -(long)q : (long)q, outScale);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Up(long units, int by) => by <= 18 ? checked(units * Pow10L[by]) : Overflow(units);

    private static long Overflow(long units) => units == 0 ? 0 : throw new OverflowException("Amount beyond the exact 64-bit range.");

    private static long[] CreatePow10L()
    {
        var p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }

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

    public override string ToString() => ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
