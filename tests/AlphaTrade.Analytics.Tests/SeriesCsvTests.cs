using AlphaTrade.Analytics.IO;
using AlphaTrade.Core;

namespace AlphaTrade.Analytics.Tests;

public class SeriesCsvTests
{
    private static SeriesFile Parse(string text) => SeriesCsv.Read(new StringReader(text), "t.csv");

    private static long Utc(int y, int mo, int d, int h = 0, int mi = 0) => new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void Read_QuotedSemicolonFileWithBomAndOffsets_ConvertsToUtc()
    {
        var f = Parse("\uFEFF\"Date\";\"Portfolio Value\"\n\"2024-01-02T09:45:00-05:00\";\"100.5\"\n2024-01-02T10:00:00-05:00;101\n");
        Assert.Equal("Date", f.TimeColumn);
        Assert.Equal("Portfolio Value", f.ValueColumn);
        Assert.Equal([Utc(2024, 1, 2, 14, 45), Utc(2024, 1, 2, 15, 0)], f.TimeUtcTicks);
        Assert.Equal([100.5, 101], f.Values);
    }

    [Fact]
    public void Read_HeaderlessEpochSeconds_UsesFirstTwoColumns()
    {
        var f = Parse("1704206700,1e6\n1704207600,1.001e6\n");
        Assert.Equal("column 1", f.TimeColumn);
        Assert.Equal(Utc(2024, 1, 2, 14, 45), f.TimeUtcTicks[0]);
        Assert.Equal(1_001_000, f.Values[1]);
    }

    [Fact]
    public void Read_EpochMillisecondsTabSeparated_PrefersEquityOverClose()
    {
        var f = Parse("ts\tclose\tequity\n1704206700000\t5\t100\n1704207600000\t6\t101\n");
        Assert.Equal("equity", f.ValueColumn);
        Assert.Equal([100, 101], f.Values);
        Assert.Equal(Utc(2024, 1, 2, 15, 0), f.TimeUtcTicks[1]);
    }

    [Fact]
    public void Read_TwoColumnsWithUnknownValueName_UsesTheOtherColumn()
    {
        var f = Parse("datetime,my_strategy\n2024-01-02 14:45:00,10\n2024-01-02 15:00:00,11\n");
        Assert.Equal("my_strategy", f.ValueColumn);
        Assert.Equal(Utc(2024, 1, 2, 14, 45), f.TimeUtcTicks[0]);
    }

    [Theory]
    [InlineData("date,equity\n2024-01-02,100\n\n2024-01-03,nan\n", "t.csv:4: expected a positive number in 'equity', found 'nan'")]
    [InlineData("date,equity\n2024-01-02,100\n2024-01-02,101\n", "t.csv:3: timestamp '2024-01-02' is not after the previous row's")]
    [InlineData("date,equity\n2024-13-45,100\n", "t.csv:2: expected a timestamp")]
    public void Read_BadRows_ThrowInputExceptionNamingTheLine(string text, string expectedStart)
    {
        var ex = Assert.Throws<InputException>(() => Parse(text));
        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_ExactAndByDate()
    {
        long[] a = [1, 2, 3, 5];
        long[] b = [2, 3, 4, 5, 6];
        var exact = SeriesAlignment.Align(a, b);
        Assert.Equal([1, 2, 3], exact.LeftIndices);
        Assert.Equal([0, 1, 3], exact.RightIndices);
        Assert.False(exact.ByDate);

        long[] closes = [Utc(2024, 1, 2, 21), Utc(2024, 1, 3, 21)];
        long[] dates = [Utc(2024, 1, 2), Utc(2024, 1, 3)];
        var byDate = SeriesAlignment.Align(closes, dates);
        Assert.True(byDate.ByDate);
        Assert.Equal(2, byDate.Count);
    }
}
