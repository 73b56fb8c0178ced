using System.Text.Json;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Testing;

namespace AlphaTrade.Analytics.Tests;

public class MetricsJsonWriterTests
{
    [Fact]
    public void ToJson_FullReport_HasStableKeyOrderAndAllSections()
    {
        var input = SampleRun.Build(sessions: 60);
        var report = PerformanceAnalyzer.Analyze(input.Analytics);
        var json = MetricsJsonWriter.ToJson(report, new Dictionary<string, string> { ["strategy"] = "momentum", ["run_id"] = "r1" });
        Assert.Equal(json, MetricsJsonWriter.ToJson(PerformanceAnalyzer.Analyze(SampleRun.Build(sessions: 60).Analytics), new Dictionary<string, string> { ["run_id"] = "r1", ["strategy"] = "momentum" }));
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["schema", "run", "annualization", "period", "returns", "drawdown", "distribution", "period_statistics", "calendar", "benchmark", "trades", "exposure", "attribution"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["run_id", "strategy"], root.GetProperty("run").EnumerateObject().Select(p => p.Name));
        Assert.Equal(6552, root.GetProperty("annualization").GetProperty("periods_per_year").GetDouble());
        Assert.Equal(report.Performance.Sharpe, root.GetProperty("returns").GetProperty("sharpe").GetDouble());
        Assert.Equal(report.Trades!.Count, root.GetProperty("trades").GetProperty("count").GetInt32());
        Assert.Equal(report.Exposure!.Sectors.Count, root.GetProperty("exposure").GetProperty("sectors").GetArrayLength());
        var bf = root.GetProperty("attribution").GetProperty("brinson_fachler");
        Assert.Equal(60, bf.GetProperty("periods").GetInt32());
        Assert.Equal(report.Brinson!.ActiveReturn, bf.GetProperty("active_return").GetDouble(), 12);
        Assert.Equal(report.Pnl!.TotalNetPnl, root.GetProperty("attribution").GetProperty("pnl").GetProperty("total_net_pnl").GetDouble(), 6);
    }

    [Fact]
    public void ToJson_UndefinedMetrics_AreNullNotNaN()
    {
        var curve = new EquityCurve([1, 2, 3], [100, 101, 102]);
        var report = PerformanceAnalyzer.Analyze(new AnalyticsInput { Curve = curve, Options = new MetricsOptions(Annualization.Daily) });
        var json = MetricsJsonWriter.ToJson(report);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("returns").GetProperty("calmar").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("returns").GetProperty("sortino").ValueKind);
        Assert.Equal(0, root.GetProperty("drawdown").GetProperty("worst").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trades").ValueKind);
    }

    [Fact]
    public void Write_CreatesFolderAndWritesTheSameText()
    {
        using var dir = new TempDir();
        var report = PerformanceAnalyzer.Analyze(SampleRun.Build(sessions: 10, withExtras: false).Analytics);
        var path = dir.File("results/run/metrics.json");
        MetricsJsonWriter.Write(path, report);
        Assert.Equal(MetricsJsonWriter.ToJson(report), File.ReadAllText(path));
    }

    [Fact]
    public void RunReportWriter_WritesMetricsAndTearsheetIntoTheFolder()
    {
        using var dir = new TempDir();
        var input = SampleRun.Build(sessions: 30);
        var report = RunReportWriter.Write(dir.File("run-1"), input, new Dictionary<string, string> { ["run_id"] = "run-1" });
        Assert.Equal(MetricsJsonWriter.ToJson(report, new Dictionary<string, string> { ["run_id"] = "run-1" }), File.ReadAllText(dir.File("run-1/metrics.json")));
        Assert.Equal(TearsheetBuilder.Build(input with { Report = report }), File.ReadAllText(dir.File("run-1/report.html")));
        Assert.Equal(["metrics.json", "report.html"], Directory.GetFiles(dir.File("run-1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
