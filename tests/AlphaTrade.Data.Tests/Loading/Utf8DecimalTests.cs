using System.Globalization;
using System.Text;
using AlphaTrade.Data.Loading;

namespace AlphaTrade.Data.Tests.Loading;

public class Utf8DecimalTests
{
    private static double Framework(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void TryParse_TwoMillionRandomDecimals_BitIdenticalToDoubleParse()
    {
        var rng = new Random(20240102);
        var sb = new StringBuilder();
        int fast = 0;
        for (int n = 0; n < 2_000_000; n++)
        {
            sb.Clear();
            if (rng.Next(8) == 0)
            {
                sb.Append('-');
            }

            int intDigits = rng.Next(0, 12);
            int fracDigits = rng.Next(0, 12);
            if (rng.Next(10) == 0)
            {
                sb.Append('0', rng.Next(1, 4)); // leading zeros
            }

            for (int i = 0; i < intDigits; i++)
            {
                sb.Append((char)('0' + rng.Next(10)));
            }

            if (intDigits == 0 || fracDigits > 0 || rng.Next(4) == 0)
            {
                sb.Append('.');
                if (intDigits == 0 && fracDigits == 0)
                {
                    fracDigits = 1;
                }
            }

            for (int i = 0; i < fracDigits; i++)
            {
                sb.Append((char)('0' + rng.Next(10)));
            }

            string s = sb.ToString();
            if (s is "." or "-.")
            {
                continue;
            }

            var bytes = Encoding.ASCII.GetBytes(s);
            Assert.True(Utf8Decimal.TryParse(bytes, out double got), s);
            double expected = Framework(s);
            if (BitConverter.DoubleToInt64Bits(got) != BitConverter.DoubleToInt64Bits(expected))
            {
                Assert.Fail($"'{s}': parsed {got:R}, double.Parse gives {expected:R}");
            }

            if (Utf8Decimal.TryParseFast(bytes, out _))
            {
                fast++;
            }
        }

        // Most of these (≤ 2^53 mantissa, ≤ 22 decimals) take the exact fast path.
        Assert.True(fast > 1_000_000, $"fast path taken {fast} times");
    }

    [Fact]
    public void TryParse_RandomPricesWithTwoToSixDecimals_AllFastAndExact()
    {
        var rng = new Random(7);
        for (int n = 0; n < 500_000; n++)
        {
            int decimals = rng.Next(2, 7);
            double price = rng.NextDouble() * 5000;
            string s = price.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var bytes = Encoding.ASCII.GetBytes(s);
            Assert.True(Utf8Decimal.TryParseFast(bytes, out double got), s);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Framework(s)), BitConverter.DoubleToInt64Bits(got));
        }
    }

    [Fact]
    public void TryParse_ShortestRoundTripStringsOfRandomDoubles_BitIdentical()
    {
        var rng = new Random(11);
        for (int n = 0; n < 300_000; n++)
        {
            double d = BitConverter.Int64BitsToDouble(rng.NextInt64());
            if (!double.IsFinite(d))
            {
                continue;
            }

            string s = d.ToString("R", CultureInfo.InvariantCulture);
            Assert.True(Utf8Decimal.TryParse(Encoding.ASCII.GetBytes(s), out double got), s);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(got));
        }
    }

    [Theory]
    [InlineData("211.0400", 211.04)]
    [InlineData("4315720", 4315720d)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5d)]
    [InlineData("+1.25", 1.25)]
    [InlineData("-3.5", -3.5)]
    [InlineData("0.000001", 0.000001)]
    [InlineData("1e3", 1000d)]
    [InlineData("1.5E-3", 0.0015)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("9007199254740993", 9007199254740992d)]
    [InlineData("12345678901234567890123", 1.2345678901234568E+22)]
    public void TryParse_Forms_GiveValue(string text, double expected)
    {
        Assert.True(Utf8Decimal.TryParse(Encoding.ASCII.GetBytes(text), out double got));
        Assert.Equal(expected, got);
    }

    [Fact]
    public void TryParse_NegativeZero_KeepsSign()
    {
        Assert.True(Utf8Decimal.TryParse("-0.00"u8, out double got));
        Assert.True(double.IsNegative(got));
        Assert.Equal(0d, got);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12a")]
    public void TryParse_NotNumbers_ReturnFalse(string text) =>
        Assert.False(Utf8Decimal.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryParseFast_TwentyDigitMantissa_LeavesItToTheSlowPath()
    {
        var bytes = "12345678901234567890.5"u8;
        Assert.False(Utf8Decimal.TryParseFast(bytes, out _));
        Assert.True(Utf8Decimal.TryParse(bytes, out double v));
        Assert.Equal(12345678901234567890.5, v);
    }
}
