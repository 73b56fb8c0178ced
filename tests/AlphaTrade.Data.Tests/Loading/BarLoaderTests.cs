using AlphaTrade.Core;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Tests.Loading;

public sealed class BarLoaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Rows(double close) =>
        $"timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,2,0.5,{close.ToString(System.Globalization.CultureInfo.InvariantCulture)},100\n2024-01-02 09:45,1,2,0.5,1,100\n";

    [Fact]
    public void LoadMany_Folder_AllSymbolsSortedRegardlessOfThreads()
    {
        string[] symbols = ["MSFT", "AAPL", "XOM", "BRK.B", "AMD", "GOOG", "NVDA", "BA"];
        for (int i = 0; i < symbols.Length; i++)
        {
            _dir.Write($"raw/{symbols[i]}_15min.csv", Rows(10 + i));
        }

        _dir.Write("raw/README.md", "not data");
        var results = BarLoader.LoadMany(_dir.Combine("raw"), new BarLoadOptions { MaxParallelism = 4 });
        Assert.Equal(symbols.Order(StringComparer.Ordinal).ToArray(), results.Select(r => r.Symbol).ToArray());
        Assert.Equal(10 + Array.IndexOf(symbols, "XOM"), results.Single(r => r.Symbol == "XOM").Series.Close[0]);
        Assert.All(results, r => Assert.Equal(TimeFrame.FifteenMinutes, r.Series.TimeFrame));
    }

    [Fact]
    public void LoadMany_Glob_MatchesFileNamesOnly()
    {
        _dir.Write("raw/AAPL_15min.csv", Rows(1));
        _dir.Write("raw/AAPL_5min.csv", Rows(2));
        _dir.Write("raw/MSFT_15min.csv", Rows(3));
        var results = BarLoader.LoadMany(_dir.Combine("raw/*_15min.csv"));
        Assert.Equal(["AAPL", "MSFT"], results.Select(r => r.Symbol).ToArray());
        Assert.Equal(1, results[0].Series.Close[0]);

        var ex = Assert.Throws<InputException>(() => BarLoader.LoadMany(_dir.Combine("raw/*_1min.csv")));
        Assert.Equal($"{_dir.Combine("raw/*_1min.csv")}: no file matches", ex.Message);
    }

    [Fact]
    public void LoadMany_SeveralFilesPerSymbol_PrefersTheRequestedBarSize()
    {
        _dir.Write("raw/AAPL_5min.csv", Rows(5));
        _dir.Write("raw/AAPL_15min.csv", Rows(15));
        _dir.Write("raw/AAPL_1h.csv", Rows(60));
        _dir.Write("raw/MSFT_1min.csv", Rows(1));
        _dir.Write("raw/MSFT_5min.csv", Rows(5));
        _dir.Write("raw/MSFT_1h.csv", Rows(60));
        _dir.Write("raw/IBM.csv", Rows(0));
        _dir.Write("raw/IBM_daily.csv", "date,open,high,low,close,volume\n2024-01-02,1,1,1,7,1\n");

        var exact = BarLoader.LoadMany(_dir.Combine("raw"), new BarLoadOptions { TimeFrame = TimeFrame.FifteenMinutes });
        Assert.Equal(15, exact.Single(r => r.Symbol == "AAPL").Series.Close[0]);
        Assert.Equal(5, exact.Single(r => r.Symbol == "MSFT").Series.Close[0]); // coarsest that divides 15
        Assert.Equal(7, exact.Single(r => r.Symbol == "IBM").Series.Close[0]); // a known bar size beats an unknown one

        var finest = BarLoader.LoadMany(_dir.Combine("raw"));
        Assert.Equal(5, finest.Single(r => r.Symbol == "AAPL").Series.Close[0]);
        Assert.Equal(1, finest.Single(r => r.Symbol == "MSFT").Series.Close[0]);
    }

    [Fact]
    public void LoadMany_SymbolFilter_LoadsOnlyThoseAndNamesMissingOnes()
    {
        _dir.Write("raw/AAPL_15min.csv", Rows(1));
        _dir.Write("raw/MSFT_15min.csv", Rows(2));
        var one = BarLoader.LoadMany(_dir.Combine("raw"), new BarLoadOptions { Symbols = ["msft"] });
        Assert.Equal(["MSFT"], one.Select(r => r.Symbol).ToArray());

        var ex = Assert.Throws<InputException>(() => BarLoader.LoadMany(_dir.Combine("raw"), new BarLoadOptions { Symbols = ["AAPL", "ZZZ", "QQQ"] }));
        Assert.Equal($"{_dir.Combine("raw")}: no file for symbols QQQ, ZZZ", ex.Message);
    }

    [Fact]
    public void LoadMany_SeveralBadFiles_ReportsTheFirstSymbolsError()
    {
        _dir.Write("raw/AAPL_15min.csv", Rows(1));
        string bad1 = _dir.Write("raw/BAD1_15min.csv", Rows(1) + "2024-01-02 10:00,1,1,1,x,1\n");
        _dir.Write("raw/BAD2_15min.csv", Rows(1) + "2024-01-02 10:00,1,1,1,y,1\n");
        for (int i = 0; i < 5; i++)
        {
            var ex = Assert.Throws<InputException>(() => BarLoader.LoadMany(_dir.Combine("raw")));
            Assert.Equal($"{bad1}:4: 'x' in column close is not a number", ex.Message);
        }
    }

    [Fact]
    public void LoadMany_WithCache_SecondRunServedFromCache()
    {
        _dir.Write("raw/AAPL_15min.csv", Rows(1));
        _dir.Write("raw/MSFT_15min.csv", Rows(2));
        var opts = new BarLoadOptions { Cache = new BarCache(_dir.Combine("processed")) };
        var first = BarLoader.LoadMany(_dir.Combine("raw"), opts);
        var second = BarLoader.LoadMany(_dir.Combine("raw"), opts);
        Assert.All(first, r => Assert.False(r.FromCache));
        Assert.All(second, r => Assert.True(r.FromCache));
        Assert.Equal(DataFingerprint.Of(first.Select(r => r.Series)), DataFingerprint.Of(second.Select(r => r.Series)));
    }

    [Fact]
    public void LoadMany_PathListOrMissingSource_LoadsOrNamesTheSource()
    {
        string a = _dir.Write("AAPL_15min.csv", Rows(1));
        string b = _dir.Write("x/MSFT_15min.csv", Rows(2));
        Assert.Equal(["AAPL", "MSFT"], BarLoader.LoadMany([b, a]).Select(r => r.Symbol).ToArray());
        Assert.Equal(["AAPL"], BarLoader.LoadMany(a).Select(r => r.Symbol).ToArray());

        string nothing = _dir.Combine("nothing");
        Assert.Equal($"{nothing}: no such file or folder", Assert.Throws<InputException>(() => BarLoader.LoadMany(nothing)).Message);
        Directory.CreateDirectory(_dir.Combine("empty"));
        Assert.StartsWith($"{_dir.Combine("empty")}: no bar files in this folder", Assert.Throws<InputException>(() => BarLoader.LoadMany(_dir.Combine("empty"))).Message, StringComparison.Ordinal);
    }
}
