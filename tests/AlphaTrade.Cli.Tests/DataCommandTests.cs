using System.Text.Json;

namespace AlphaTrade.Cli.Tests;

public class DataCommandTests
{
    [Fact]
    public void Generate_SmallUniverse_WritesVendorFilesAndGroundTruthDeterministically()
    {
        using var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        var a = h.Run("data", "generate", "--start", "2024-03-01", "--end", "2024-03-29", "--out", "gen_a", "--seed", "3");
        var b = h.Run("data", "generate", "--start", "2024-03-01", "--end", "2024-03-29", "--out", "gen_b", "--seed", "3");
        Assert.Equal(0, a.Code);
        Assert.Contains("Generated 4 symbols (3 + benchmark SPY)", a.Out, StringComparison.Ordinal);
        foreach (var sym in new[] { "KO", "PEP", "XOM", "SPY" })
        {
            var fa = File.ReadAllBytes(h.File($"gen_a/{sym}_15min.csv"));
            Assert.Equal(fa, File.ReadAllBytes(h.File($"gen_b/{sym}_15min.csv")));
        }

        var lines = File.ReadAllLines(h.File("gen_a/KO_15min.csv"));
        Assert.Equal("timestamp,open,high,low,close,volume", lines[0]);
        Assert.StartsWith("2024-03-01T09:30:00-05:00,", lines[1], StringComparison.Ordinal);
        Assert.Equal(20 * 26, lines.Length - 1); // 20 sessions in March 2024 up to the 29th (Good Friday closed)
        Assert.True(File.Exists(h.File("gen_a/_ground_truth.json")));
    }

    [Fact]
    public void Generate_BadDate_IsOneLineUsageError()
    {
        using var h = new CliHarness();
        var r = h.Run("data", "generate", "--start", "2024-02-30");
        Assert.Equal(2, r.Code);
        Assert.Equal("error: --start: '2024-02-30' is not a date; expected yyyy-MM-dd", r.Err.Trim());
    }

    [Fact]
    public void Check_NoRawData_ChecksTheSampleMarketAndSaysSo()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var r = h.Run("data", "check");
        Assert.Equal(0, r.Code);
        Assert.Contains("No data for the universe in data/raw: checking the generated sample market in data/sample.", r.Err, StringComparison.Ordinal);
        Assert.Contains("4 symbols", r.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse(File.ReadAllText(h.File("data/processed/quality.json"))).RootElement;
        Assert.Equal("alphatrade.quality/1", json.GetProperty("schema").GetString());
    }

    [Fact]
    public void Check_FaultyFile_ReportsDuplicatesAndOutOfSessionBars()
    {
        using var h = new CliHarness();
        Directory.CreateDirectory(h.File("raw"));
        File.WriteAllText(h.File("raw/ABC_15min.csv"),
            "timestamp,open,high,low,close,volume\n" +
            "2024-03-04T09:30:00-05:00,10,10.5,9.9,10.2,1000\n" +
            "2024-03-04T09:45:00-05:00,10.2,10.4,10.1,10.3,900\n" +
            "2024-03-04T09:45:00-05:00,10.2,10.4,10.1,10.3,900\n" +
            "2024-03-04T17:00:00-05:00,10.3,10.3,10.3,10.3,10\n" +
            "2024-03-04T10:00:00-05:00,10.3,10.6,10.2,10.5,800\n");
        var r = h.Run("data", "check", "raw");
        Assert.Equal(0, r.Code);
        var row = r.Out.Split('\n').Single(l => l.StartsWith("ABC", StringComparison.Ordinal));
        var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("3", cells[1]);  // rows after cleaning
        Assert.Equal("1", cells[^3]); // duplicates
        var json = File.ReadAllText(h.File("data/processed/quality.json"));
        Assert.Contains("\"ABC\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MalformedFile_NamesFileAndLine()
    {
        using var h = new CliHarness();
        Directory.CreateDirectory(h.File("raw"));
        File.WriteAllText(h.File("raw/ABC_15min.csv"),
            "timestamp,open,high,low,close,volume\n2024-03-04T09:30:00-05:00,10,10.5,9.9,10.2,1000\n2024-03-04T09:45:00-05:00,10.2,abc,10.1,10.3,900\n");
        var r = h.Run("data", "check", "raw");
        Assert.Equal(2, r.Code);
        var line = r.Err.Trim();
        Assert.DoesNotContain('\n', line);
        Assert.Contains("ABC_15min.csv:3:", line, StringComparison.Ordinal);
        Assert.Contains("high", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_FiveMinuteToFifteen_WritesSessionAlignedBars()
    {
        using var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        Assert.Equal(0, h.Run("data", "generate", "--timeframe", "5min", "--start", "2024-07-01", "--end", "2024-07-05", "--out", "five").Code);
        var r = h.Run("data", "resample", "--input", "five", "--to", "15min", "--out", "fifteen");
        Assert.Equal(0, r.Code);
        var lines = File.ReadAllLines(h.File("fifteen/KO_15min.csv"));
        // 2024-07-01..05: Mon, Tue full (26), Wed 3rd early close (14), Thu 4th closed, Fri full (26).
        Assert.Equal(26 + 26 + 14 + 26, lines.Length - 1);
        Assert.StartsWith("2024-07-03T12:45:00-04:00,", lines[1 + 26 + 26 + 13], StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_IntoTheInputFolder_IsRefused()
    {
        using var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        Assert.Equal(0, h.Run("data", "generate", "--timeframe", "5min", "--start", "2024-07-01", "--end", "2024-07-02", "--out", "five").Code);
        var r = h.Run("data", "resample", "--input", "five", "--to", "15min", "--out", "five");
        Assert.Equal(2, r.Code);
        Assert.Contains("is the input folder", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("data", "generate")]
    [InlineData("data", "check")]
    [InlineData("data", "resample")]
    [InlineData("stats", "coint")]
    [InlineData("metrics")]
    public void Help_EveryCommand_DescribesItsOptions(params string[] command)
    {
        using var h = new CliHarness();
        var r = h.Run([.. command, "--help"]);
        Assert.Equal(0, r.Code);
        Assert.Contains("Usage:", r.Out, StringComparison.Ordinal);
        Assert.Contains("Options:", r.Out, StringComparison.Ordinal);
    }
}

public class StatsCommandTests
{
    [Fact]
    public void Coint_PlantedPair_IsCointegratedAndUnrelatedPairIsNot()
    {
        using var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        Assert.Equal(0, h.Run("data", "generate", "--start", "2024-01-02", "--end", "2025-12-31", "--out", "s").Code);
        var truth = JsonDocument.Parse(System.IO.File.ReadAllText(h.File("s/_ground_truth.json"))).RootElement
            .GetProperty("pairs")[0];
        Assert.Equal("KO", truth.GetProperty("symbolA").GetString());
        Assert.Equal("PEP", truth.GetProperty("symbolB").GetString());

        // The generator plants log P_PEP = log P_KO + log h + s with s an AR(1) spread: in logs the slope is one.
        var pair = h.Run("stats", "coint", "--y", "s/PEP_15min.csv", "--x", "s/KO_15min.csv", "--log", "--json");
        Assert.Equal(0, pair.Code);
        var p = JsonDocument.Parse(pair.Out).RootElement;
        Assert.True(p.GetProperty("p_value").GetDouble() < 0.001, pair.Out);
        Assert.InRange(p.GetProperty("hedge_ratio").GetDouble(), 0.9, 1.1);
        double halfLife = truth.GetProperty("halfLifeBars").GetDouble();
        Assert.InRange(p.GetProperty("half_life_bars").GetDouble(), halfLife / 2, halfLife * 2);
        // 2024 and 2025: 502 sessions of 26 bars, six early closes (13:00) with 14 bars each.
        Assert.Equal(502 * 26 - 6 * 12, p.GetProperty("observations").GetInt32());

        var other = h.Run("stats", "coint", "--y", "s/PEP_15min.csv", "--x", "s/XOM_15min.csv", "--log", "--json");
        Assert.True(JsonDocument.Parse(other.Out).RootElement.GetProperty("p_value").GetDouble() > 0.05, other.Out);
    }

    [Fact]
    public void Coint_BadTrend_IsUsageError()
    {
        using var h = new CliHarness(symbolsOverride: CliHarness.SmallUniverse);
        Assert.Equal(0, h.Run("data", "generate", "--start", "2024-01-02", "--end", "2024-02-28", "--out", "s").Code);
        var r = h.Run("stats", "coint", "--y", "s/KO_15min.csv", "--x", "s/PEP_15min.csv", "--trend", "quadratic");
        Assert.Equal(2, r.Code);
        Assert.Equal("error: --trend: 'quadratic' is not allowed; expected c or ct", r.Err.Trim());
    }
}
