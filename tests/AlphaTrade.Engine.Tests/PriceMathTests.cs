using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Engine.Tests;

public sealed class PriceMathTests
{
    [Theory]
    [InlineData(100.5, "100.5")]
    [InlineData(12.34, "12.34")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(187.12345, "187.1235")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(0.0, "0")]
    [InlineData(250.0, "250")]
    public void ToPrice_RoundsToTheTickAndDropsTrailingZeros(double price, string expected) =>
        Assert.Equal(expected, PriceMath.ToPrice(price).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ToPrice_AgreesWithDecimalConversionOnCentAndSubPennyPrices()
    {
        // Independent reference: the BCL's double→decimal conversion then rounding half away from zero to 4 places.
        var rng = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            double p = Math.Round(rng.NextDouble() * 5_000, rng.Next(0, 5));
            decimal reference = decimal.Round((decimal)p, 4, MidpointRounding.AwayFromZero);
            Assert.Equal(reference, PriceMath.ToPrice(p));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e12)]
    public void ToPrice_RejectsNonFiniteOrHugePrices(double price) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceMath.ToPrice(price));

    [Theory]
    [InlineData(0.5, 100_000.0, 30.0, 1666)]
    [InlineData(-0.5, 100_000.0, 30.0, -1666)]
    [InlineData(0.0, 100_000.0, 30.0, 0)]
    [InlineData(0.5, 100_000.0, 0.0, 0)]
    [InlineData(0.5, -1.0, 30.0, 0)]
    public void TargetSizing_TruncatesTowardZero(double weight, double equity, double price, long expected) =>
        Assert.Equal(expected, TargetSizing.Shares(weight, equity, price));

    [Fact]
    public void TargetSizing_RejectsNonFiniteWeight() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetSizing.Shares(double.NaN, 1.0, 1.0));

    [Fact]
    public void DivRound_MatchesDecimalDivisionThenRoundingInValueAndScale()
    {
        // Independent reference: the BCL's decimal division and decimal.Round (compared as text, so the scale must match too).
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var rng = new Random(11);
        for (int i = 0; i < 300_000; i++)
        {
            int scale = rng.Next(0, 17);
            long mantissa = rng.Next(4) switch
            {
                0 => rng.NextInt64(0, 1_000),
                1 => rng.NextInt64(0, 100_000_000),
                2 => rng.NextInt64(0, 100_000_000_000),
                _ => rng.NextInt64(0, 1_000_000_000_000_000_000),
            };
            var a = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, rng.Next(2) == 0, (byte)scale);
            long n = rng.Next(3) switch { 0 => rng.Next(1, 10), 1 => rng.Next(1, 10_000), _ => rng.NextInt64(1, 100_000_000) };
            n = rng.Next(8) == 0 ? -n : n;
            int k = rng.Next(3) switch { 0 => 2, 1 => 4, _ => rng.Next(0, 13) };
            decimal expected = decimal.Round(a / n, k, MidpointRounding.AwayFromZero);
            decimal actual = PriceMath.DivRound(a, n, k);
            Assert.True(expected.ToString(c) == actual.ToString(c), $"{a.ToString(c)} / {n} to {k} places: expected {expected.ToString(c)}, got {actual.ToString(c)}");
        }
    }

    [Theory]
    [InlineData("21734.11", 185, 4, "117.4817")]
    [InlineData("1.00", 1, 4, "1.00")]
    [InlineData("0.10", 4, 8, "0.025")]
    [InlineData("-0.125", 1, 2, "-0.13")]
    [InlineData("0.125", -1, 2, "-0.13")]
    [InlineData("10", 3, 4, "3.3333")]
    public void DivRound_RoundsHalfAwayFromZeroAndKeepsDecimalScale(string numerator, long divisor, int decimals, string expected)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(expected, PriceMath.DivRound(decimal.Parse(numerator, c), divisor, decimals).ToString(c));
    }

    [Fact]
    public void DivRound_ByZero_Throws() => Assert.Throws<DivideByZeroException>(() => PriceMath.DivRound(1m, 0, 2));
}

