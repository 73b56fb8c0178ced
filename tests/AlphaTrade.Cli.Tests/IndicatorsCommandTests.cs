using System.Globalization;
using System.Text.Json;
using AlphaTrade.Data.Loading;
using AlphaTrade.Indicators;
using AlphaTrade.Indicators.Momentum;
using AlphaTrade.Indicators.Overlap;

namespace AlphaTrade.Cli.Tests;

public class IndicatorsCommandTests
{
    /// <summary>A header and rows split into cells, as written by <c>alphatrade indicators --output</c>.</summary>
    private sealed record Csv(string[] Header, string[][] Rows)
    {
        public static Csv Read(string path)
        {
            var lines = File.ReadAllLines(path);
            return new Csv(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
        }

        public string[] Column(string name)
        {
            int k = Array.IndexOf(Header, name);
            Assert.True(k >= 0, $"no column {name}");
            return Rows.Select(r => r[k]).ToArray();
        }
    }

    private static CliHarness Generated(out string barsFile)
    {
        var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        Assert.Equal(0, h.Run("data", "generate", "--start", "2024-03-01", "--end", "2024-04-30", "--out", "raw", "--seed", "5").Code);
        barsFile = h.File("raw/KO_15min.csv");
        return h;
    }

    private static double Parse(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Compute_DefaultSelection_Sma30EqualsTheLibraryAndTheMeanOfThirtyCloses()
    {
        using var h = Generated(out string bars);
        var r = h.Run("indicators", "--input", bars, "--output", "out/ko.csv");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("wrote out/ko.csv", r.Out, StringComparison.Ordinal);
        var csv = Csv.Read(h.File("out/ko.csv"));
        var series = BarFileReader.Read(bars).Series;
        Assert.Equal(series.Count, csv.Rows.Length);

        var sma = csv.Column("sma_30");
        var expected = new double[series.Count];
        Sma.Compute(series.Close, 30, expected);
        var close = series.Close.ToArray();
        for (int i = 0; i < series.Count; i++)
        {
            if (i < 29)
            {
                Assert.Equal(string.Empty, sma[i]); // warm-up cells are empty
                continue;
            }

            double v = Parse(sma[i]);
            Assert.Equal(expected[i], v); // round-trip formatting: bit-identical
            double mean = close.Skip(i - 29).Take(30).Average();
            Assert.True(Math.Abs(v - mean) <= 1e-12 * mean, $"bar {i}: {v:R} vs mean {mean:R}");
        }
    }

    [Fact]
    public void Compute_DefaultSelection_EveryColumnMatchesTheLibraryWithEmptyCellsExactlyWhereNaN()
    {
        using var h = Generated(out string bars);
        Assert.Equal(0, h.Run("indicators", "--input", bars, "--output", "out/ko.csv").Code);
        var csv = Csv.Read(h.File("out/ko.csv"));
        var series = BarFileReader.Read(bars).Series;
        var columns = IndicatorTable.Compute(series, IndicatorSelection.Default);

        Assert.Equal(["timestamp", .. columns.Select(c => c.Name)], csv.Header);
        Assert.Equal(csv.Header.Length, csv.Header.Distinct(StringComparer.Ordinal).Count());
        Assert.True(columns.Select(c => c.Indicator).Distinct().Count() >= 130);
        foreach (var name in new[] { "sma_30", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9", "bbands_upper_5_2_2", "stoch_slowk_5_3_3", "cdl_engulfing" })
        {
            Assert.Contains(name, csv.Header);
        }

        // Timestamps are the input's own (the vendor file writes the same ISO-8601 New York form).
        var inputStamps = File.ReadAllLines(bars).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(inputStamps, csv.Column("timestamp"));
        foreach (var c in columns)
        {
            var cells = csv.Column(c.Name);
            for (int i = 0; i < cells.Length; i++)
            {
                if (double.IsNaN(c.Values[i]))
                {
                    Assert.True(cells[i].Length == 0, $"{c.Name} bar {i}: '{cells[i]}' for NaN");
                }
                else
                {
                    Assert.True(c.Values[i].Equals(Parse(cells[i])), $"{c.Name} bar {i}: '{cells[i]}' vs {c.Values[i]:R}");
                }
            }

            Assert.All(cells.Take(c.Lookback), cell => Assert.Equal(string.Empty, cell));
        }

        var engulfing = csv.Column("cdl_engulfing").Where(c => c.Length > 0).Select(Parse).ToArray();
        Assert.Equal(csv.Rows.Length - IndicatorRegistry.Get("cdl_engulfing").DefaultLookback, engulfing.Length);
        // TA-Lib 0.6's CDLENGULFING: ±100, or ±80 when an open equals the other candle's close.
        Assert.All(engulfing, v => Assert.Contains(v, new[] { -100.0, -80.0, 0.0, 80.0, 100.0 }));
        Assert.Contains(engulfing, v => v != 0);
    }

    [Fact]
    public void Compute_OnlyAndParams_WritesTheChosenColumnsAtTheGivenParameters()
    {
        using var h = Generated(out string bars);
        var r = h.Run("indicators", "--input", bars, "--output", "out/few.csv", "--only", "sma,rsi,macd", "--params", "sma:period=10,rsi:period=7,macd:fast_period=5,slow_period=13");
        Assert.True(r.Code == 0, r.Err);
        var csv = Csv.Read(h.File("out/few.csv"));
        Assert.Equal(["timestamp", "sma_10", "macd_5_13_9", "macd_signal_5_13_9", "macd_hist_5_13_9", "rsi_7"], csv.Header);
        var series = BarFileReader.Read(bars).Series;
        var rsi = new double[series.Count];
        Rsi.Compute(series.Close, 7, rsi);
        var cells = csv.Column("rsi_7");
        Assert.Equal(string.Empty, cells[6]);
        for (int i = 7; i < cells.Length; i++)
        {
            Assert.Equal(rsi[i], Parse(cells[i]));
        }
    }

    [Fact]
    public void Compute_SameInput_IsByteIdentical()
    {
        using var h = Generated(out string bars);
        Assert.Equal(0, h.Run("indicators", "--input", bars, "--output", "a.csv", "--only", "sar,adx,cdl_doji,vwap").Code);
        Assert.Equal(0, h.Run("indicators", "--input", bars, "--output", "b.csv", "--only", "sar,adx,cdl_doji,vwap").Code);
        Assert.Equal(File.ReadAllBytes(h.File("a.csv")), File.ReadAllBytes(h.File("b.csv")));
    }

    [Fact]
    public void List_Table_ShowsEveryIndicatorWithParametersOutputsWarmUpAndTaLibName()
    {
        using var h = new CliHarness();
        var r = h.Run("indicators", "--list");
        Assert.Equal(0, r.Code);
        var lines = r.Out.Split('\n');
        Assert.Equal(["name", "talib", "category", "parameters", "outputs", "warmup"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var d in IndicatorRegistry.All)
        {
            Assert.Single(lines, l => l.StartsWith(d.Info.Name + " ", StringComparison.Ordinal));
        }

        var macd = lines.Single(l => l.StartsWith("macd ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["macd", "MACD", "momentum", "fast_period=12", "slow_period=26", "signal_period=9", "macd,signal,hist", "33"], macd);
        var hma = lines.Single(l => l.StartsWith("hma ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("-", hma[1]);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{IndicatorRegistry.All.Count} indicators"), r.Out, StringComparison.Ordinal);
        Assert.Contains("mavp reads a caller-supplied series", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_Json_GivesEachColumnsIndicatorTaLibNameParametersAndOutputIndex()
    {
        using var h = Generated(out string bars);
        var r = h.Run("indicators", "--list", "--json");
        Assert.Equal(0, r.Code);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("alphatrade.indicators/1", root.GetProperty("schema").GetString());
        Assert.Equal(IndicatorRegistry.All.Count, root.GetProperty("indicator_count").GetInt32());
        Assert.True(root.GetProperty("indicator_count").GetInt32() >= 130);
        var byColumn = root.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!, StringComparer.Ordinal);

        var signal = byColumn["macd_signal_12_26_9"];
        Assert.Equal("macd", signal.GetProperty("indicator").GetString());
        Assert.Equal("MACD", signal.GetProperty("talib").GetString());
        Assert.Equal(1, signal.GetProperty("output_index").GetInt32());
        Assert.Equal("signal", signal.GetProperty("output").GetString());
        Assert.Equal(26, signal.GetProperty("parameters").GetProperty("slow_period").GetDouble());
        Assert.Equal(33, signal.GetProperty("warmup").GetInt32());
        Assert.Equal(0, byColumn["bbands_upper_5_2_2"].GetProperty("output_index").GetInt32());
        Assert.Equal(2, byColumn["bbands_lower_5_2_2"].GetProperty("output_index").GetInt32());
        Assert.Equal(0, byColumn["bbands_upper_5_2_2"].GetProperty("parameters").GetProperty("ma_type").GetDouble());
        Assert.Equal("STOCH", byColumn["stoch_slowk_5_3_3"].GetProperty("talib").GetString());
        Assert.Equal("CDLENGULFING", byColumn["cdl_engulfing"].GetProperty("talib").GetString());
        Assert.Equal(JsonValueKind.Null, byColumn["supertrend_10_3"].GetProperty("talib").ValueKind);

        // The listing's columns are exactly the CSV's, in order: tools can match columns by position or name.
        Assert.Equal(0, h.Run("indicators", "--input", bars, "--output", "all.csv").Code);
        var header = File.ReadLines(h.File("all.csv")).First().Split(',');
        Assert.Equal(header.Skip(1), root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()!));

        var sma = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "sma");
        Assert.Equal(29, sma.GetProperty("warmup").GetInt32());
        Assert.Equal("overlap", sma.GetProperty("category").GetString());
        Assert.Equal(30, sma.GetProperty("parameters")[0].GetProperty("default").GetDouble());
    }

    [Fact]
    public void List_JsonWithParams_NamesColumnsWithTheGivenParameters()
    {
        using var h = new CliHarness();
        var r = h.Run("indicators", "--list", "--json", "--only", "bbands", "--params", "bbands:period=20,ma_type=1");
        Assert.Equal(0, r.Code);
        var columns = JsonDocument.Parse(r.Out).RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()!).ToArray();
        Assert.Equal(["bbands_upper_20_2_2_1", "bbands_middle_20_2_2_1", "bbands_lower_20_2_2_1"], columns);
    }

    [Theory]
    [InlineData("error: Unknown indicator 'smaa'. Use 'alphatrade indicators --list' to see them", "--list", "--only", "smaa")]
    [InlineData("error: sma: period = 1 is outside [2, 100000] or not an integer", "--list", "--params", "sma:period=1")]
    [InlineData("error: sma has no parameter 'length' (it has: period)", "--list", "--params", "sma:length=5")]
    [InlineData("error: --params rsi:period: 'x' is not a number", "--list", "--params", "rsi:period=x")]
    [InlineData("error: expected --list, or --input BARS --output OUT.csv; see 'alphatrade indicators --help'")]
    public void BadInput_IsOneLineErrorWithExitCode2(string expected, params string[] args)
    {
        using var h = new CliHarness();
        var r = h.Run(["indicators", .. args]);
        Assert.Equal(2, r.Code);
        Assert.Equal(expected, r.Err.Trim());
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Compute_MissingFile_IsOneLineErrorNamingIt()
    {
        using var h = new CliHarness();
        var r = h.Run("indicators", "--input", "missing.csv", "--output", "o.csv");
        Assert.Equal(2, r.Code);
        Assert.Matches("^error: .*missing\\.csv: no such file$", r.Err.Trim());
    }

    [Fact]
    public void Compute_OutOfOrderBars_IsRefusedUnlessCleaned()
    {
        using var h = new CliHarness();
        File.WriteAllText(h.File("ABC_15min.csv"),
            "timestamp,open,high,low,close,volume\n" +
            "2024-03-04T09:30:00-05:00,10,10.5,9.9,10.2,1000\n" +
            "2024-03-04T10:00:00-05:00,10.3,10.6,10.2,10.5,800\n" +
            "2024-03-04T09:45:00-05:00,10.2,10.4,10.1,10.3,900\n" +
            "2024-03-04T10:15:00-05:00,10.5,10.7,10.4,10.6,700\n");
        var refused = h.Run("indicators", "--input", "ABC_15min.csv", "--output", "o.csv", "--only", "sma", "--params", "sma:period=2");
        Assert.Equal(2, refused.Code);
        Assert.Equal("error: ABC_15min.csv: bar 3 (2024-03-04 09:45) is before bar 2 (2024-03-04 10:00); expected strictly increasing timestamps (add --clean to sort and deduplicate)", refused.Err.Trim());
        Assert.False(File.Exists(h.File("o.csv")));

        var cleaned = h.Run("indicators", "--input", "ABC_15min.csv", "--output", "o.csv", "--only", "sma", "--params", "sma:period=2", "--clean");
        Assert.True(cleaned.Code == 0, cleaned.Err);
        Assert.Equal(
            ["timestamp,sma_2", "2024-03-04T09:30:00-05:00,", "2024-03-04T09:45:00-05:00,10.25", "2024-03-04T10:00:00-05:00,10.4", "2024-03-04T10:15:00-05:00,10.55"],
            File.ReadAllLines(h.File("o.csv")));
    }

    [Fact]
    public void Help_DescribesListInputOutputAndColumnNames()
    {
        using var h = new CliHarness();
        var r = h.Run("indicators", "--help");
        Assert.Equal(0, r.Code);
        foreach (var s in new[] { "--list", "--json", "--input", "--output", "--only", "--params", "--clean", "macd_signal_12_26_9", "cdl_engulfing", "empty" })
        {
            Assert.Contains(s, r.Out, StringComparison.Ordinal);
        }

        Assert.Matches(@"\n\s+indicators\s+Technical indicators", h.Run("--help").Out);
    }
}
