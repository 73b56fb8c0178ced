using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Tests.Sample;

public sealed partial class SampleMarketWriterTests : IDisposable
{
    private static readonly SampleMarketGenerator Generator = new(NyseCalendar.Instance);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alphatrade-sample-" + Guid.NewGuid().ToString("N"));

    private static SampleMarketOptions Small(int seed = 11) => new()
    {
        Start = new DateOnly(2024, 2, 1),
        End = new DateOnly(2024, 5, 31),
        Seed = seed,
        Universe = [new("AAPL", "Information Technology"), new("KO", "Consumer Staples"), new("PEP", "Consumer Staples"), new("XOM", "Energy")],
        Faults = true,
    };

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Write_SameSeedTwice_WritesByteIdenticalFiles()
    {
        var a = SampleMarketWriter.Write(Generator.Generate(Small()), Path.Combine(_dir, "a"));
        var b = SampleMarketWriter.Write(Generator.Generate(Small() with { MaxDegreeOfParallelism = 1 }), Path.Combine(_dir, "b"), maxDegreeOfParallelism: 1);
        Assert.Equal(6, a.Count);
        Assert.Equal(a.Select(Path.GetFileName), b.Select(Path.GetFileName));
        for (int i = 0; i < a.Count; i++)
        {
            Assert.True(File.ReadAllBytes(a[i]).AsSpan().SequenceEqual(File.ReadAllBytes(b[i])), $"{Path.GetFileName(a[i])} differs");
        }
    }

    [Fact]
    public void Write_DifferentSeed_WritesDifferentBytes()
    {
        var a = SampleMarketWriter.Write(Generator.Generate(Small(seed: 11)), Path.Combine(_dir, "a"));
        var b = SampleMarketWriter.Write(Generator.Generate(Small(seed: 12)), Path.Combine(_dir, "b"));
        Assert.False(File.ReadAllBytes(a[0]).AsSpan().SequenceEqual(File.ReadAllBytes(b[0])));
    }

    [Fact]
    public void Write_Market_WritesOneVendorCsvPerSymbolAndTheTruth()
    {
        var paths = SampleMarketWriter.Write(Generator.Generate(Small()), _dir);
        string[] expected = ["AAPL_15min.csv", "KO_15min.csv", "PEP_15min.csv", "XOM_15min.csv", "SPY_15min.csv", "_ground_truth.json"];
        Assert.Equal(expected, paths.Select(Path.GetFileName));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_EveryCsvLine_HasTheVendorFormat()
    {
        SampleMarketWriter.Write(Generator.Generate(Small()), _dir);
        foreach (var file in Directory.GetFiles(_dir, "*.csv"))
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            Assert.Equal("timestamp,open,high,low,close,volume", lines[0]);
            foreach (var line in lines.Skip(1))
            {
                Assert.Matches(RowPattern(), line);
            }
        }
    }

    [Fact]
    public void Write_Timestamps_CarryTheNewYorkOffsetAcrossDaylightSaving()
    {
        SampleMarketWriter.Write(Generator.Generate(Small()), _dir);
        var text = File.ReadAllText(Path.Combine(_dir, "SPY_15min.csv"));
        Assert.Contains("\n2024-03-08T09:30:00-05:00,", text, StringComparison.Ordinal);
        Assert.Contains("\n2024-03-08T15:45:00-05:00,", text, StringComparison.Ordinal);
        Assert.Contains("\n2024-03-11T09:30:00-04:00,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T16:00:00", text, StringComparison.Ordinal);
        Assert.StartsWith("timestamp,open,high,low,close,volume\n2024-02-01T09:30:00-05:00,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Csv_ReadsBackToTheDeliveredSeries()
    {
        var market = Generator.Generate(Small());
        SampleMarketWriter.Write(market, _dir);
        foreach (var series in market.Series)
        {
            var back = ReadCsv(Path.Combine(_dir, SampleMarketWriter.FileName(series.Symbol, TimeFrame.FifteenMinutes)), series.Symbol);
            Assert.Equal(series.Count, back.Count);
            for (int i = 0; i < series.Count; i++)
            {
                Assert.Equal(series[i], back[i]);
            }
        }
    }

    [Fact]
    public void Write_GroundTruth_IsJsonWithEverythingPlanted()
    {
        var market = Generator.Generate(Small());
        SampleMarketWriter.Write(market, _dir);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, SampleMarketWriter.GroundTruthFileName)));
        var root = doc.RootElement;
        Assert.Equal(11, root.GetProperty("seed").GetInt32());
        Assert.Equal("15min", root.GetProperty("options").GetProperty("timeFrame").GetString());
        Assert.Equal(market.Truth.Regimes.Count, root.GetProperty("regimes").GetArrayLength());
        Assert.Equal(5, root.GetProperty("symbols").GetArrayLength());
        Assert.Equal(market.Truth.Crash!.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            root.GetProperty("crash").GetProperty("startDate").GetString());
        var pair = root.GetProperty("pairs")[0];
        Assert.Equal("KO", pair.GetProperty("symbolA").GetString());
        Assert.Equal("PEP", pair.GetProperty("symbolB").GetString());
        Assert.True(pair.GetProperty("halfLifeBars").GetDouble() > 0);
        Assert.Equal(market.Truth.Faults.Count, root.GetProperty("faults").GetArrayLength());
        var fault = root.GetProperty("faults")[0];
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$", fault.GetProperty("time").GetString());
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(market.Truth.Faults[0].Kind.ToString()), fault.GetProperty("kind").GetString());
        Assert.Equal(0.08, root.GetProperty("model").GetProperty("marketGarch").GetProperty("alpha").GetDouble());
        Assert.All(root.GetProperty("regimes").EnumerateArray(), r => Assert.Contains(r.GetProperty("regime").GetString(), new[] { "bull", "bear", "sideways" }));
    }

    [Fact]
    public void Write_OverExistingFiles_ReplacesThemAndLeavesNoTemporaries()
    {
        SampleMarketWriter.Write(Generator.Generate(Small(seed: 1)), _dir);
        var second = Generator.Generate(Small(seed: 2));
        SampleMarketWriter.Write(second, _dir);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        var back = ReadCsv(Path.Combine(_dir, "AAPL_15min.csv"), "AAPL");
        Assert.Equal(second["AAPL"].Close[0], back.Close[0]);
    }

    [Theory]
    [InlineData(190.125, "190.13")]
    [InlineData(12.3, "12.30")]
    [InlineData(0.0, "0.00")]
    [InlineData(0.004, "0.00")]
    [InlineData(-1.5, "-1.50")]
    [InlineData(1234567.891, "1234567.89")]
    [InlineData(double.NaN, "NaN")]
    public void WritePrice_Value_FormatsWithTwoDecimals(double price, string expected)
    {
        Span<byte> buf = stackalloc byte[64];
        int n = VendorCsvWriter.WritePrice(buf, price);
        Assert.Equal(expected, Encoding.ASCII.GetString(buf[..n]));
    }

    [Fact]
    public void WriteFile_EmptySeries_WritesOnlyTheHeader()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "EMPTY_15min.csv");
        VendorCsvWriter.WriteFile(new BarSeries("EMPTY", TimeFrame.FifteenMinutes), path, NyseCalendar.Instance);
        Assert.Equal("timestamp,open,high,low,close,volume\n", File.ReadAllText(path));
    }

    [Fact]
    public void FileName_Symbol_IsVendorPattern()
    {
        Assert.Equal("AAPL_15min.csv", SampleMarketWriter.FileName("AAPL", TimeFrame.FifteenMinutes));
        Assert.Equal("SPY_daily.csv", SampleMarketWriter.FileName("SPY", TimeFrame.Daily));
    }

    private static BarSeries ReadCsv(string path, string symbol)
    {
        var s = new BarSeries(symbol, TimeFrame.FifteenMinutes);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            s.Add(DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture).UtcTicks, P(f[1]), P(f[2]), P(f[3]), P(f[4]), P(f[5]));
        }

        return s;

        static double P(string x) => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:00-0[45]:00,-?\d+\.\d\d,-?\d+\.\d\d,-?\d+\.\d\d,-?\d+\.\d\d,-?\d+$")]
    private static partial Regex RowPattern();
}
