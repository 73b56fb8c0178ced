using System.Text;
using AlphaTrade.Core;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;

namespace AlphaTrade.Data.Tests.Loading;

public sealed class BarFileReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_IsoWithOffset_GivesUtcBarStartsAndValues()
    {
        string path = _dir.Write("AAPL_5min.csv",
            "timestamp,open,high,low,close,volume\n"
            + "2025-05-12T09:30:00-04:00,211.0400,211.2600,207.0000,208.9000,4315720\n"
            + "2025-05-12T09:35:00-04:00,208.8600,209.0000,207.0800,207.3000,1446283\n");
        var r = BarFileReader.Read(path);
        var s = r.Series;
        Assert.Equal("AAPL", s.Symbol);
        Assert.Equal(TimeFrame.FiveMinutes, s.TimeFrame);
        Assert.Equal(2, s.Count);
        Assert.Equal(Utc.Ticks(2025, 5, 12, 13, 30), s.Time[0]);
        Assert.Equal(Utc.Ticks(2025, 5, 12, 13, 35), s.Time[1]);
        Assert.Equal(211.04, s.Open[0]);
        Assert.Equal(211.26, s.High[0]);
        Assert.Equal(207.0, s.Low[0]);
        Assert.Equal(208.9, s.Close[0]);
        Assert.Equal(4315720, s.Volume[0]);
        Assert.Equal(1446283, s.Volume[1]);
        Assert.Equal(2, r.RowsRead);
        Assert.Equal(0, r.RowsSkipped);
        Assert.False(s.HasVwap);
        Assert.False(r.FromCache);
        Assert.Equal("CSV (comma-delimited); columns timestamp,open,high,low,close,volume; timestamps ISO-8601 with UTC offset; bar start labelled; 5min bars (from file name)", r.Format);
    }

    [Fact]
    public void Read_HeaderInAnyCaseAndOrderWithExtras_MapsByName()
    {
        string path = _dir.Write("MSFT_15min.csv",
            "Symbol,VOLUME,Close,Low,High,Open,Date Time,Adj Close,VWAP,Trade_Count\n"
            + "MSFT,1000,10.5,9.5,11,10,2024-01-02 09:30:00,10.4,10.25,17\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(1, s.Count);
        Assert.Equal(10, s.Open[0]);
        Assert.Equal(11, s.High[0]);
        Assert.Equal(9.5, s.Low[0]);
        Assert.Equal(10.5, s.Close[0]);
        Assert.Equal(1000, s.Volume[0]);
        Assert.True(s.HasVwap);
        Assert.True(s.HasTradeCount);
        Assert.Equal(10.25, s.Vwap[0]);
        Assert.Equal(17, s.TradeCount[0]);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), s.Time[0]);
    }

    [Theory]
    [InlineData("t,o,h,l,c,v,vw,n")]
    [InlineData("date,open,high,low,close,volume,wap,barCount")]
    [InlineData("Timestamp,Open,High,Low,Close,Volume,Average,Trades")]
    public void Read_VendorAliases_Recognised(string header)
    {
        string path = _dir.Write("X_15min.csv", header + "\n2024-01-02 09:30,1,2,0.5,1.5,100,1.25,7\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(1.5, s.Close[0]);
        Assert.Equal(100, s.Volume[0]);
        Assert.Equal(1.25, s.Vwap[0]);
        Assert.Equal(7, s.TradeCount[0]);
    }

    [Fact]
    public void Read_NumberForms_ExponentSignsSpacesAndQuotesAccepted()
    {
        string path = _dir.Write("X_15min.csv", "timestamp,open,high,low,close,volume\n"
            + "2024-01-02 09:30,1.5e2, 151 ,+149.5,\"150.25\",1E6\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(150, s.Open[0]);
        Assert.Equal(151, s.High[0]);
        Assert.Equal(149.5, s.Low[0]);
        Assert.Equal(150.25, s.Close[0]);
        Assert.Equal(1_000_000, s.Volume[0]);
    }

    [Fact]
    public void Read_OptionalColumnsEmptyOrNa_AreNaN()
    {
        string path = _dir.Write("X_15min.csv", "timestamp,open,high,low,close,volume,vwap,trades\n"
            + "2024-01-02 09:30,1,2,0.5,1.5,100,,NA\n");
        var s = BarFileReader.Read(path).Series;
        Assert.True(double.IsNaN(s.Vwap[0]));
        Assert.True(double.IsNaN(s.TradeCount[0]));
    }

    [Fact]
    public void Read_SeparateDateAndTimeColumns_Combined()
    {
        string path = _dir.Write("IBM_1min.csv",
            "Date,Time,Open,High,Low,Close,Volume\n01/02/2024,09:30,160.1,160.2,160,160.15,500\n01/02/2024,09:31,160.15,160.3,160.1,160.2,600\n");
        var r = BarFileReader.Read(path);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), r.Series.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 31), r.Series.Time[1]);
        Assert.Equal(TimeFrame.OneMinute, r.Series.TimeFrame);
        Assert.Contains("separate date and time columns", r.Format, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-07-01T09:30:00-04:00")]
    [InlineData("2024-07-01T13:30:00Z")]
    [InlineData("2024-07-01T13:30:00.000Z")]
    [InlineData("2024-07-01 09:30:00")]
    [InlineData("2024-07-01T09:30")]
    [InlineData("2024-07-01 09:30")]
    [InlineData("2024-07-01 09:30:00.0000000")]
    [InlineData("07/01/2024 09:30:00")]
    [InlineData("07/01/2024 09:30")]
    [InlineData("7/1/2024 9:30 AM")]
    [InlineData("20240701 09:30:00")]
    [InlineData("2024-07-01 13:30:00+00:00")]
    [InlineData("1719840600")]
    [InlineData("1719840600000")]
    [InlineData("1719840600000000")]
    [InlineData("1719840600000000000")]
    [InlineData("1719840600.0")]
    public void Read_TimestampFormats_AllGiveTheSameInstant(string timestamp)
    {
        string path = _dir.Write("SPY_15min.csv", $"timestamp,open,high,low,close,volume\n{timestamp},1,1,1,1,1\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(Utc.Ticks(2024, 7, 1, 13, 30), s.Time[0]);
    }

    [Fact]
    public void Read_EpochMilliseconds_DescribedAndConsistentUnitRequired()
    {
        string good = _dir.Write("A_15min.csv", "t,o,h,l,c,v\n1719840600000,1,1,1,1,1\n1719841500000,1,1,1,1,1\n");
        var r = BarFileReader.Read(good);
        Assert.Equal(Utc.Ticks(2024, 7, 1, 13, 45), r.Series.Time[1]);
        Assert.Contains("Unix epoch milliseconds", r.Format, StringComparison.Ordinal);

        string bad = _dir.Write("B_15min.csv", "t,o,h,l,c,v\n1719840600000,1,1,1,1,1\n1719841500,1,1,1,1,1\n");
        var ex = Assert.Throws<InputException>(() => BarFileReader.Read(bad));
        Assert.Equal($"{bad}:3: '1719841500' in column t is not epoch milliseconds like the first row (magnitude differs)", ex.Message);
    }

    [Fact]
    public void Read_DateOnlyRows_AreDailyBarsAtTheNewYorkOpen()
    {
        string path = _dir.Write("spy.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,470,472,468,471,1000\n2024-07-01,545,546,544,545.5,900\n");
        var r = BarFileReader.Read(path);
        Assert.Equal(TimeFrame.Daily, r.Series.TimeFrame);
        Assert.Equal("SPY", r.Series.Symbol);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), r.Series.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 7, 1, 13, 30), r.Series.Time[1]);
        Assert.Contains("daily bars (inferred)", r.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NaiveTimestampsAcrossDst_UseTheNewYorkOffsetOfEachDay()
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,close,volume\n"
            + "2024-03-08 15:45:00,1,1,1,1,1\n"   // EST
            + "2024-03-11 09:30:00,1,1,1,1,1\n"   // EDT (clocks moved 2024-03-10)
            + "2024-11-01 15:45:00,1,1,1,1,1\n"   // EDT
            + "2024-11-04 09:30:00,1,1,1,1,1\n"); // EST (clocks moved 2024-11-03)
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(Utc.Ticks(2024, 3, 8, 20, 45), s.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 3, 11, 13, 30), s.Time[1]);
        Assert.Equal(Utc.Ticks(2024, 11, 1, 19, 45), s.Time[2]);
        Assert.Equal(Utc.Ticks(2024, 11, 4, 14, 30), s.Time[3]);
    }

    [Fact]
    public void Read_NaiveTimesOnAClockChangeDay_ConvertEachTimeAlone()
    {
        string path = _dir.Write("BTC_1h.csv", "timestamp,open,high,low,close,volume\n"
            + "2024-03-10 01:00:00,1,1,1,1,1\n2024-03-10 03:00:00,1,1,1,1,1\n2024-03-10 09:30:00,1,1,1,1,1\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(Utc.Ticks(2024, 3, 10, 6, 0), s.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 3, 10, 7, 0), s.Time[1]);
        Assert.Equal(Utc.Ticks(2024, 3, 10, 13, 30), s.Time[2]);
    }

    [Fact]
    public void Read_NaiveTimeSkippedByTheClockChange_IsABadRow()
    {
        string path = _dir.Write("BTC_1h.csv", "timestamp,open,high,low,close,volume\n2024-03-10 01:00:00,1,1,1,1,1\n2024-03-10 02:30:00,1,1,1,1,1\n");
        var ex = Assert.Throws<InputException>(() => BarFileReader.Read(path));
        Assert.Equal($"{path}:3: '2024-03-10 02:30:00' in column timestamp does not exist in America/New_York (skipped by a clock change)", ex.Message);
    }

    [Fact]
    public void Read_OffsetTimestampsAcrossDst_UseTheWrittenOffsets()
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,close,volume\n"
            + "2024-03-08T15:45:00-05:00,1,1,1,1,1\n2024-03-11T09:30:00-04:00,1,1,1,1,1\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(Utc.Ticks(2024, 3, 8, 20, 45), s.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 3, 11, 13, 30), s.Time[1]);
    }

    [Fact]
    public void Read_ExchangeTimeOption_ReplacesNewYork()
    {
        string path = _dir.Write("X_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 14:30:00,1,1,1,1,1\n");
        var opts = new BarFileOptions { ExchangeTime = ExchangeTimeZone.Utc };
        var r = BarFileReader.Read(path, opts);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), r.Series.Time[0]);
        Assert.Contains("in exchange time (UTC)", r.Format, StringComparison.Ordinal);

        var shifted = new ExchangeTimeZone("UTC+1", t => DateTime.SpecifyKind(t.AddHours(-1), DateTimeKind.Utc));
        Assert.Equal(Utc.Ticks(2024, 1, 2, 13, 30), BarFileReader.Read(path, new BarFileOptions { ExchangeTime = shifted }).Series.Time[0]);
    }

    [Fact]
    public void Read_BarEndLabels_SubtractTheBarSize()
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 09:45:00,1,1,1,1,1\n2024-01-02T16:00:00-05:00,1,1,1,1,1\n1704229200,1,1,1,1,1\n");
        var opts = new BarFileOptions { Label = BarLabel.End };

        // Mixed formats in one file are not supported: check the text rows in one file, epoch in another.
        string text = _dir.Write("B_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 09:45:00,1,1,1,1,1\n2024-01-02T16:00:00-05:00,1,1,1,1,1\n");
        var s = BarFileReader.Read(text, opts).Series;
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), s.Time[0]);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 20, 45), s.Time[1]);

        string epoch = _dir.Write("C_15min.csv", "timestamp,open,high,low,close,volume\n1704229200,1,1,1,1,1\n");
        Assert.Equal(Utc.Ticks(2024, 1, 2, 20, 45), BarFileReader.Read(epoch, opts).Series.Time[0]);
        Assert.Contains("bar end labelled", BarFileReader.Read(epoch, opts).Format, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData(";", "semicolon")]
    [InlineData("\t", "tab")]
    [InlineData("|", "pipe")]
    public void Read_OtherDelimiters_Detected(string d, string name)
    {
        string path = _dir.Write("X_15min.txt", string.Join(d, "timestamp", "open", "high", "low", "close", "volume") + "\n"
            + string.Join(d, "2024-01-02 09:30", "1.5", "2", "1", "1.75", "10") + "\n");
        var r = BarFileReader.Read(path);
        Assert.Equal(1.75, r.Series.Close[0]);
        Assert.StartsWith($"CSV ({name}-delimited)", r.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SemicolonFileWithDecimalCommas_ReadsDecimals()
    {
        // European spreadsheet export: semicolon-delimited, decimal commas.
        string path = _dir.Write("X_15min.csv", "timestamp;note;open;high;low;close;volume\n2024-01-02 09:30;x;185,25;186;184,5;185,75;1200\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(185.25, s.Open[0]);
        Assert.Equal(184.5, s.Low[0]);
        Assert.Equal(185.75, s.Close[0]);
        Assert.Equal(1200, s.Volume[0]);
    }

    [Fact]
    public void Read_BomAndCrlf_Tolerated()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(
            "timestamp,open,high,low,close,volume\r\n2024-01-02 09:30,1,2,0.5,1.5,100\r\n2024-01-02 09:45,1.5,2,1,1.25,200\r\n")).ToArray();
        string path = _dir.WriteBytes("X_15min.csv", bytes);
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(2, s.Count);
        Assert.Equal(100, s.Volume[0]);
        Assert.Equal(200, s.Volume[1]);
    }

    [Fact]
    public void Read_QuotedFields_Tolerated()
    {
        string path = _dir.Write("X_15min.csv", "\"Name\",\"timestamp\",\"open\",\"high\",\"low\",\"close\",\"volume\"\n"
            + "\"Acme, \"\"Inc\"\"\",\"2024-01-02 09:30\",\"1.5\",\"2\",\"1\",\"1.75\",\"10\"\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), s.Time[0]);
        Assert.Equal(1.75, s.Close[0]);
        Assert.Equal(10, s.Volume[0]);
    }

    [Fact]
    public void Read_Gzip_DecompressedBySniffing()
    {
        string path = _dir.WriteGzip("AAPL_5min.csv.gz", "timestamp,open,high,low,close,volume\n2025-05-12T09:30:00-04:00,211.04,211.26,207,208.9,4315720\n");
        var r = BarFileReader.Read(path);
        Assert.Equal(208.9, r.Series.Close[0]);
        Assert.StartsWith("CSV, gzip", r.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowsOutOfOrderAndDuplicated_KeptInFileOrder()
    {
        string path = _dir.Write("X_15min.csv", "timestamp,open,high,low,close,volume\n"
            + "2024-01-02 10:00,3,3,3,3,3\n2024-01-02 09:30,1,1,1,1,1\n2024-01-02 09:30,2,2,2,2,2\n");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal([Utc.Ticks(2024, 1, 2, 15, 0), Utc.Ticks(2024, 1, 2, 14, 30), Utc.Ticks(2024, 1, 2, 14, 30)], s.Time.ToArray());
        Assert.Equal([3d, 1d, 2d], s.Close.ToArray());
    }

    [Fact]
    public void Read_MalformedNumber_FailsWithFileLineAndColumn()
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n2024-01-02 09:45,1,1,1,abc,1\n");
        var ex = Assert.Throws<InputException>(() => BarFileReader.Read(path));
        Assert.Equal($"{path}:3: 'abc' in column close is not a number", ex.Message);
    }

    [Theory]
    [InlineData("2024-01-02 09:45,1,1,1,,1", "empty value in column close, expected a number")]
    [InlineData("2024-01-02 09:45,1,1,1,NaN,1", "'NaN' in column close is not a finite number")]
    [InlineData("2024-01-02 09:45,1,1,1", "row has 4 fields, expected at least 6 (timestamp,open,high,low,close,volume)")]
    [InlineData("2024-13-02 09:45,1,1,1,1,1", "'2024-13-02 09:45' in column timestamp is not a timestamp; expected e.g. 2024-01-02T09:30:00-05:00, 2024-01-02 09:30[:00], 01/02/2024 09:30 or 2024-01-02")]
    [InlineData("\"2024-01-02 09:45,1,1,1,1,1", "unterminated quoted field in column timestamp: \"2024-01-02 09:45,1,1,1,1,1")]
    public void Read_BadRows_ExplainTheProblem(string row, string message)
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n\n" + row + "\n");
        var ex = Assert.Throws<InputException>(() => BarFileReader.Read(path));
        Assert.Equal($"{path}:4: {message}", ex.Message);
    }

    [Fact]
    public void Read_SkipPolicy_CountsAndKeepsTheFirstMessages()
    {
        var sb = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < 30; i++)
        {
            sb.Append("2024-01-02 09:30,1,1,1,1,1\n");
            sb.Append("2024-01-02 09:45,1,1,1,x").Append(i).Append(",1\n");
        }

        string path = _dir.Write("AAPL_15min.csv", sb.ToString());
        var r = BarFileReader.Read(path, new BarFileOptions { BadRows = BadRowPolicy.Skip, MaxSkippedMessages = 3 });
        Assert.Equal(30, r.Series.Count);
        Assert.Equal(60, r.RowsRead);
        Assert.Equal(30, r.RowsSkipped);
        Assert.Equal(
            [$"{path}:3: 'x0' in column close is not a number", $"{path}:5: 'x1' in column close is not a number", $"{path}:7: 'x2' in column close is not a number"],
            r.SkippedRowMessages);
    }

    [Fact]
    public void Read_MissingColumns_OneLineNamingFoundAndExpected()
    {
        string path = _dir.Write("AAPL_15min.csv", "timestamp,open,high,low,price\n2024-01-02 09:30,1,1,1,1\n");
        var ex = Assert.Throws<InputException>(() => BarFileReader.Read(path));
        Assert.Equal($"{path}:1: missing columns close, volume; found [timestamp,open,high,low,price] (comma-delimited); expected timestamp (or date and time), open, high, low, close, volume; optional vwap, trade_count", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsClearError()
    {
        string path = _dir.Write("AAPL_15min.csv", "");
        Assert.Equal($"{path}: the file is empty; expected a header line and bar rows", Assert.Throws<InputException>(() => BarFileReader.Read(path)).Message);

        string blank = _dir.Write("MSFT_15min.csv", "\n\r\n  \n");
        Assert.Equal($"{blank}: the file is empty; expected a header line and bar rows", Assert.Throws<InputException>(() => BarFileReader.Read(blank)).Message);

        string headerOnly = _dir.Write("IBM_15min.csv", "timestamp,open,high,low,close,volume\n");
        Assert.Equal($"{headerOnly}: no data rows after the header", Assert.Throws<InputException>(() => BarFileReader.Read(headerOnly)).Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsInputException()
    {
        string path = _dir.Combine("NOPE_15min.csv");
        Assert.Equal($"{path}: no such file", Assert.Throws<InputException>(() => BarFileReader.Read(path)).Message);
    }

    [Fact]
    public void Read_Utf16_ThrowsSaveAsUtf8()
    {
        string path = _dir.WriteBytes("X_15min.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("timestamp,open\n")).ToArray());
        Assert.Equal($"{path}: the file is UTF-16 text; save it as UTF-8", Assert.Throws<InputException>(() => BarFileReader.Read(path)).Message);
    }

    [Fact]
    public void Read_NoHeader_AssumesTheUsualColumns()
    {
        string a = _dir.Write("A_15min.csv", "2024-01-02 09:30,1,2,0.5,1.5,100\n2024-01-02 09:45,1,2,0.5,1.25,50\n");
        var ra = BarFileReader.Read(a);
        Assert.Equal(2, ra.Series.Count);
        Assert.Equal(1.25, ra.Series.Close[1]);
        Assert.Contains("no header", ra.Format, StringComparison.Ordinal);

        string b = _dir.Write("B_15min.csv", "01/02/2024,09:30,1,2,0.5,1.5,100\n");
        var rb = BarFileReader.Read(b);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), rb.Series.Time[0]);
        Assert.Equal(100, rb.Series.Volume[0]);

        string c = _dir.Write("C_15min.csv", "hello,world\n1,2\n");
        Assert.StartsWith($"{c}:1: no recognisable header", Assert.Throws<InputException>(() => BarFileReader.Read(c)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SymbolAndTimeFrame_FromNameOrOverriddenOrInferred()
    {
        string body = "timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n2024-01-02 10:30,1,1,1,1,1\n2024-01-02 10:00,1,1,1,1,1\n";
        string named = _dir.Write("BRK.B_30min.csv", body);
        var r1 = BarFileReader.Read(named);
        Assert.Equal("BRK.B", r1.Series.Symbol);
        Assert.Equal(TimeFrame.ThirtyMinutes, r1.Series.TimeFrame);

        var r2 = BarFileReader.Read(named, new BarFileOptions { Symbol = "brk-b", TimeFrame = TimeFrame.Hourly });
        Assert.Equal("BRK-B", r2.Series.Symbol);
        Assert.Equal(TimeFrame.Hourly, r2.Series.TimeFrame);
        Assert.Contains("60min bars (given)", r2.Format, StringComparison.Ordinal);

        string bare = _dir.Write("aapl.csv", body);
        var r3 = BarFileReader.Read(bare);
        Assert.Equal("AAPL", r3.Series.Symbol);
        Assert.Equal(TimeFrame.ThirtyMinutes, r3.Series.TimeFrame);
        Assert.Contains("30min bars (inferred)", r3.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoLastNewline_LastRowKept()
    {
        string path = _dir.Write("X_15min.csv", "timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n2024-01-02 09:45,2,2,2,2,7");
        var s = BarFileReader.Read(path).Series;
        Assert.Equal(2, s.Count);
        Assert.Equal(7, s.Volume[1]);
    }

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void Read_FilesLargerThanTheBuffer_ReadCompletely(bool gzip, string newline)
    {
        // About 5 MB: several buffer refills, rows straddling buffer boundaries.
        const int rows = 80_000;
        var sb = new StringBuilder("timestamp,open,high,low,close,volume,vwap" + newline);
        var t0 = new DateTime(2024, 1, 2, 9, 30, 0);
        for (int i = 0; i < rows; i++)
        {
            var t = t0.AddMinutes(i);
            sb.Append(t.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append("-05:00,")
              .Append(System.Globalization.CultureInfo.InvariantCulture, $"{100 + (i % 1000) * 0.01:F2},{101 + (i % 1000) * 0.01:F2},{99 + (i % 1000) * 0.01:F2},{100.5 + (i % 1000) * 0.01:F2},{i},{100.25 + (i % 1000) * 0.01:F4}")
              .Append(newline);
        }

        string path = gzip ? _dir.WriteGzip("BIG_1min.csv.gz", sb.ToString()) : _dir.Write("BIG_1min.csv", sb.ToString());
        var r = BarFileReader.Read(path);
        var s = r.Series;
        Assert.Equal(rows, s.Count);
        Assert.Equal(rows, r.RowsRead);
        for (int i = 0; i < rows; i += 997)
        {
            Assert.Equal(new DateTime(t0.AddMinutes(i).Ticks + TimeSpan.FromHours(5).Ticks, DateTimeKind.Utc).Ticks, s.Time[i]);
            Assert.Equal(double.Parse((100.5 + (i % 1000) * 0.01).ToString("F2", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), s.Close[i]);
            Assert.Equal(i, s.Volume[i]);
        }

        Assert.Equal(rows - 1, s.Volume[rows - 1]);
        Assert.True(s.Capacity <= rows * 1.10, $"capacity {s.Capacity} for {rows} rows");
    }

    [Fact]
    public void Read_Stream_UsesTheGivenName()
    {
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes("timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n"));
        var r = BarFileReader.Read(ms, "QQQ_15min.csv");
        Assert.Equal("QQQ", r.Series.Symbol);
        Assert.Equal("QQQ_15min.csv", r.SourcePath);
        Assert.Equal(Utc.Ticks(2024, 1, 2, 14, 30), r.Series.Time[0]);
    }
}
