using System.Globalization;
using System.Text.Json;
using AlphaTrade.Testing;

namespace AlphaTrade.Cli.Tests;

public class MetricsCommandTests
{
    private static string FixtureDir => Path.Combine(RepoPaths.Root, "tests", "AlphaTrade.Analytics.Tests", "Fixtures");

    private static string Fixture(string name) => Path.Combine(FixtureDir, name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Expected(string name) =>
        JsonDocument.Parse(File.ReadAllText(Fixture(name + ".expected.json")).Replace("NaN", "null", StringComparison.Ordinal)).RootElement.Clone();

    private static void Close(double expected, double actual, double rel = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Max(1e-12, Math.Abs(expected) * rel), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Metrics_FifteenMinuteCsv_PrintsTableWithInferredAnnualisation()
    {
        var (code, stdout, stderr) = Run("metrics", "--equity", Fixture("intraday_15min.csv"));
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("252 sessions × 26 bars = 6552 periods per year", stdout, StringComparison.Ordinal);
        Assert.Contains("inferred (median spacing 15 min)", stdout, StringComparison.Ordinal);
        var sharpe = Expected("intraday_15min").GetProperty("sharpe").GetDouble();
        Assert.Contains("Sharpe                " + sharpe.ToString("F2", CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
        Assert.Contains("Worst drawdowns", stdout, StringComparison.Ordinal);
        Assert.Contains("Kurtosis (excess)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Benchmark", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_Json_IsDeterministicAndMatchesReference()
    {
        var first = Run("metrics", "--equity", Fixture("daily.csv"), "--json");
        var second = Run("metrics", "--equity", Fixture("daily.csv"), "--json");
        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        Assert.StartsWith("{\n  \"schema\": \"alphatrade.metrics/1\",\n  \"run\"", first.Out, StringComparison.Ordinal);
        var root = JsonDocument.Parse(first.Out).RootElement;
        var exp = Expected("daily");
        Assert.Equal(252, root.GetProperty("annualization").GetProperty("periods_per_year").GetDouble());
        Close(exp.GetProperty("sharpe").GetDouble(), root.GetProperty("returns").GetProperty("sharpe").GetDouble());
        Close(exp.GetProperty("cagr").GetDouble(), root.GetProperty("returns").GetProperty("cagr").GetDouble());
        Close(exp.GetProperty("max_drawdown").GetDouble(), root.GetProperty("drawdown").GetProperty("max_drawdown").GetDouble());
        Close(exp.GetProperty("cvar99").GetDouble(), root.GetProperty("distribution").GetProperty("cvar_99").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("benchmark").ValueKind);
        Assert.Equal(5, root.GetProperty("drawdown").GetProperty("worst").GetArrayLength());
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["schema", "run", "annualization", "period", "returns", "drawdown", "distribution", "period_statistics", "calendar", "benchmark", "trades", "exposure", "attribution"], keys);
    }

    [Fact]
    public void Metrics_BenchmarkPriceFileWithOwnHeader_AlignsAndMatchesReferenceBeta()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Fixture("daily.csv"));
        var bench = new List<string> { "Date;Adj Close" };
        bench.AddRange(lines.Skip(1).Select(l => l.Split(',')).Select(f => f[0] + ";" + f[2]));
        File.WriteAllLines(dir.File("spy.csv"), bench);

        var (code, stdout, stderr) = Run("metrics", "--equity", Fixture("daily.csv"), "--benchmark", dir.File("spy.csv"), "--json");
        Assert.True(code == 0, stderr);
        var b = JsonDocument.Parse(stdout).RootElement.GetProperty("benchmark");
        var eb = Expected("daily").GetProperty("benchmark");
        Close(eb.GetProperty("beta").GetDouble(), b.GetProperty("beta").GetDouble());
        Close(eb.GetProperty("information_ratio").GetDouble(), b.GetProperty("information_ratio").GetDouble());
        Assert.Contains("aligned by timestamp on 700 of 700", b.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_BenchmarkMissingRows_UsesCommonRowsAndSaysSo()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(Fixture("daily.csv"));
        var bench = new List<string> { "date,close" };
        bench.AddRange(lines.Skip(1).Where((_, i) => i % 10 != 3).Select(l => l.Split(',')).Select(f => f[0] + "," + f[2]));
        File.WriteAllLines(dir.File("bench.csv"), bench);

        var (code, stdout, _) = Run("metrics", "--equity", Fixture("daily.csv"), "--benchmark", dir.File("bench.csv"));
        Assert.Equal(0, code);
        Assert.Contains("aligned by timestamp on 630 of 700 equity rows (relative metrics use the common rows)", stdout, StringComparison.Ordinal);
        var sharpe = Expected("daily").GetProperty("sharpe").GetDouble();
        Assert.Contains("Sharpe                " + sharpe.ToString("F2", CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_DailyEquityAtCloseVersusDatedBenchmark_AlignsByDate()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("eq.csv"), ["time,portfolio_value", "2024-01-02T21:00:00Z,100", "2024-01-03T21:00:00Z,101", "2024-01-04T21:00:00Z,100.5", "2024-01-05T21:00:00Z,102"]);
        File.WriteAllLines(dir.File("b.csv"), ["date,close", "2024-01-02,470", "2024-01-03,472", "2024-01-04,471", "2024-01-05,475"]);
        var (code, stdout, stderr) = Run("metrics", "--equity", dir.File("eq.csv"), "--benchmark", dir.File("b.csv"));
        Assert.True(code == 0, stderr);
        Assert.Contains("aligned by date on 4 of 4", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_PeriodsPerYearGiven_UsesAndStatesIt()
    {
        var (code, stdout, _) = Run("metrics", "--equity", Fixture("intraday_15min.csv"), "--periods-per-year", "252");
        Assert.Equal(0, code);
        Assert.Contains("given: 252 periods per year", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp,equity\n2024-01-02T14:45:00Z,100\n2024-01-02T15:00:00Z,abc\n", "bad.csv:3: expected a positive number in 'equity', found 'abc'")]
    [InlineData("timestamp,equity\n2024-01-02T14:45:00Z,100\nyesterday,101\n", "bad.csv:3: expected a timestamp")]
    [InlineData("when,equity\n2024-01-02,100\n", "bad.csv:1: no timestamp column in header 'when,equity'")]
    [InlineData("date,foo,bar\n2024-01-02,1,2\n2024-01-03,1,2\n", "bad.csv:1: no value column")]
    [InlineData("date,equity\n2024-01-03,100\n2024-01-02,101\n", "bad.csv:3: timestamp '2024-01-02' is not after the previous row's")]
    [InlineData("date,equity\n2024-01-02,100\n", "bad.csv: 1 data row(s); expected at least two rows")]
    [InlineData("date,equity\n2024-01-02,100\n2024-01-03,-5\n", "bad.csv:3: expected a positive number")]
    [InlineData("date,equity\n2024-01-02,100\n2024-01-03,101,7\n", "bad.csv:3: expected 2 fields like the first line, found 3")]
    [InlineData("", "bad.csv: empty file")]
    public void Metrics_BadEquityFile_FailsWithOneLineNamingFileAndLine(string content, string expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.csv"), content);
        var (code, stdout, stderr) = Run("metrics", "--equity", dir.File("bad.csv"));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: " + dir.File(expected), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = Run("metrics", "--equity", "/nonexistent/equity.csv");
        Assert.Equal(2, code);
        Assert.Equal("error: /nonexistent/equity.csv: file not found\n", stderr.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_BenchmarkWithNoCommonTimestamps_ExitsTwo()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("b.csv"), ["timestamp,close", "1999-01-04T15:00:00Z,10", "1999-01-04T15:15:00Z,11"]);
        var (code, _, stderr) = Run("metrics", "--equity", Fixture("intraday_15min.csv"), "--benchmark", dir.File("b.csv"));
        Assert.Equal(2, code);
        Assert.Contains("b.csv: 0 timestamp(s) in common with", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--periods-per-year", "-3")]
    [InlineData("--periods-per-year", "0")]
    public void Metrics_BadPeriodsPerYear_ExitsTwo(string option, string value)
    {
        var (code, _, stderr) = Run("metrics", "--equity", Fixture("daily.csv"), option, value);
        Assert.Equal(2, code);
        Assert.Contains("--periods-per-year: expected a positive number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_WithoutEquityOption_IsAUsageError()
    {
        var (code, _, stderr) = Run("metrics");
        Assert.Equal(2, code);
        Assert.Contains("--equity", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_HtmlOption_WritesASelfContainedTearsheet()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = Run("metrics", "--equity", Fixture("intraday_15min.csv"), "--benchmark", Fixture("intraday_15min.csv"), "--html", dir.File("out/report.html"));
        Assert.Equal(0, code);
        Assert.Contains("Sharpe", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote", stderr, StringComparison.Ordinal);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }
}
