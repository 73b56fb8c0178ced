using System.Globalization;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// Parses numbers from UTF-8 bytes to <see cref="double"/>, correctly rounded (bit-identical to
/// <see cref="double.Parse(string, IFormatProvider)"/> with the invariant culture).
/// <para>
/// Fast path (plain decimals such as <c>211.0400</c>, <c>-3.5</c>, <c>4315720</c>): the digits are read into an
/// integer mantissa m with a decimal scale k. When m ≤ 2^53 and k ≤ 22, both m and 10^k are exact doubles and a
/// single IEEE division m / 10^k is correctly rounded, so the result equals the correctly rounded value of the
/// decimal (Clinger's fast path). Everything else (exponents, long mantissas, whitespace, NaN) goes to the
/// framework's parser.
/// </para>
/// </summary>
internal static class Utf8Decimal
{
    private const ulong MaxExactMantissa = 1UL << 53;
    private const int MaxFastDigits = 19;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses <paramref name="text"/>; false when it is not a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> text, out double value) =>
        TryParseFast(text, out value) || TryParseSlow(text, out value);

    /// <summary>The exact fast path only; false means "not handled here", not "not a number".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseFast(ReadOnlySpan<byte> text, out double value) =>
        TryParseFastPrefix(text, out value, out int consumed) && consumed == text.Length;

    /// <summary>
    /// The exact fast path over the longest plain-decimal prefix of <paramref name="text"/>; <paramref name="consumed"/>
    /// is its length. False when the prefix has no digit or is beyond the exact range (the caller then falls back to
    /// <see cref="TryParseSlow"/> on the whole field).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseFastPrefix(ReadOnlySpan<byte> text, out double value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int i = 0;
        int n = text.Length;
        bool negative = false;
        if (n == 0)
        {
            return false;
        }

        byte first = text[0];
        if (first == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        else if (first == (byte)'+')
        {
            i = 1;
        }

        ulong mantissa = 0;
        int significant = 0;
        int scale = 0;
        int digitsStart = i;
        for (; i < n; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9)
            {
                break;
            }

            if (mantissa != 0 || d != 0)
            {
                mantissa = (mantissa * 10) + d;
                significant++;
            }
        }

        bool anyDigit = i > digitsStart;
        if (i < n && text[i] == (byte)'.')
        {
            int fracStart = ++i;
            for (; i < n; i++)
            {
                uint d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    break;
                }

                if (mantissa != 0 || d != 0)
                {
                    mantissa = (mantissa * 10) + d;
                    significant++;
                }
            }

            scale = i - fracStart;
            anyDigit |= scale > 0;
        }

        if (!anyDigit || significant > MaxFastDigits || mantissa > MaxExactMantissa || scale >= PowersOfTen.Length)
        {
            return false;
        }

        double v = mantissa;
        if (scale != 0)
        {
            v /= PowersOfTen[scale];
        }

        value = negative ? -v : v;
        consumed = i;
        return true;
    }

    /// <summary>The framework's correctly rounded parser (exponents, whitespace, long mantissas, NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryParseSlow(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
