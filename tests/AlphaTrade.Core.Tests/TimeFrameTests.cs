using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Tests;

public class TimeFrameTests
{
    [Theory]
    [InlineData("15min", 15)]
    [InlineData("15m", 15)]
    [InlineData("15T", 15)]
    [InlineData("1h", 60)]
    [InlineData("60min", 60)]
    [InlineData(" 5MIN ", 5)]
    [InlineData("1min", 1)]
    public void TryParse_AcceptsVendorSpellings(string text, int minutes)
    {
        Assert.True(TimeFrame.TryParse(text, out var tf));
        Assert.Equal(minutes, tf.Minutes);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("1d")]
    [InlineData("Day")]
    public void TryParse_DailySpellings_AreDaily(string text)
    {
        Assert.True(TimeFrame.TryParse(text, out var tf));
        Assert.True(tf.IsDaily);
        Assert.Equal("daily", tf.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("min")]
    [InlineData("0min")]
    [InlineData("15s")]
    [InlineData("7h")]
    [InlineData("-5min")]
    public void TryParse_RejectsNonsense(string text) => Assert.False(TimeFrame.TryParse(text, out _));

    [Fact]
    public void Parse_Invalid_NamesTheAcceptedForms()
    {
        var ex = Assert.Throws<FormatException>(() => TimeFrame.Parse("fortnightly"));
        Assert.Contains("15min", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTrips() => Assert.Equal(TimeFrame.FifteenMinutes, TimeFrame.Parse(TimeFrame.FifteenMinutes.ToString()));
}
