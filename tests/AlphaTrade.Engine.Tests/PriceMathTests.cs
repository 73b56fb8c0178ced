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
}
