using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;

namespace AlphaTrade.Data.Tests.Loading;

public class BarFileNameTests
{
    [Theory]
    [InlineData("data/raw/AAPL_15min.csv", "AAPL", 15, BarFileKind.Text, false)]
    [InlineData("/x/AAPL_5min.csv.gz", "AAPL", 5, BarFileKind.Text, true)]
    [InlineData("aapl.csv", "AAPL", 0, BarFileKind.Text, false)]
    [InlineData("AAPL-1h.csv", "AAPL", 60, BarFileKind.Text, false)]
    [InlineData("BRK.B_15min.csv", "BRK.B", 15, BarFileKind.Text, false)]
    [InlineData("BRK-B_15min.csv", "BRK-B", 15, BarFileKind.Text, false)]
    [InlineData("BRK-B.csv", "BRK-B", 0, BarFileKind.Text, false)]
    [InlineData("XYZ-D.txt", "XYZ-D", 0, BarFileKind.Text, false)]
    [InlineData("MSFT_15min_2024.tsv", "MSFT", 15, BarFileKind.Text, false)]
    [InlineData("SPY_daily.parquet", "SPY", TimeFrame.DailyMinutes, BarFileKind.Parquet, false)]
    [InlineData("SPY_1d.pq", "SPY", TimeFrame.DailyMinutes, BarFileKind.Parquet, false)]
    [InlineData("notes.md", "NOTES.MD", 0, BarFileKind.Unknown, false)]
    public void Parse_Names_GiveSymbolBarSizeAndKind(string path, string symbol, int minutes, BarFileKind kind, bool gzip)
    {
        var name = BarFileName.Parse(path);
        Assert.Equal(symbol, name.Symbol);
        Assert.Equal(minutes == 0 ? null : minutes, name.TimeFrame?.Minutes);
        Assert.Equal(kind, name.Kind);
        Assert.Equal(gzip, name.IsGzip);
    }
}
