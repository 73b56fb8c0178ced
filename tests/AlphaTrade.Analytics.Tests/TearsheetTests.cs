using System.Text.RegularExpressions;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Testing;

namespace AlphaTrade.Analytics.Tests;

public partial class TearsheetTests
{
    [GeneratedRegex("(?:src|href)\\s*=\\s*[\"']?\\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReference();

    [Fact]
    public void Build_SampleRun_IsSelfContainedWithChartsAndTables()
    {
        var html = TearsheetBuilder.Build(SampleRun.Build());
        var outPath = Environment.GetEnvironmentVariable("ALPHATRADE_TEARSHEET_OUT");
        if (!string.IsNullOrEmpty(outPath))
        {
            TearsheetBuilder.Write(outPath, SampleRun.Build());
        }

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(RemoteReference(), html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"url\((?!#)", html); // only references to the page's own clip paths
        Assert.True(Regex.Count(html, "<svg ") >= 9, "expected the equity, underwater, yearly, distribution, rolling, exposure, sector and VaR charts");
        Assert.True(Regex.Count(html, "<table") >= 9, "expected metric, drawdown, trade and attribution tables");
        foreach (var heading in new[] { "Cumulative growth", "Underwater", "Monthly returns", "Yearly returns", "Rolling Sharpe", "Rolling volatility",
                     "Rolling beta", "Distribution of daily returns", "Exposure over time", "Average exposure by sector", "Worst drawdowns",
                     "Trade statistics", "P&amp;L by sector", "P&amp;L by strategy", "Brinson–Fachler", "1-day 95% historical VaR over time", "Risk-limit events" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("252 sessions × 26 bars = 6552 periods per year", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameInput_GivesIdenticalBytes() =>
        Assert.Equal(TearsheetBuilder.Build(SampleRun.Build()), TearsheetBuilder.Build(SampleRun.Build()));

    [Fact]
    public void Build_EquityOnly_ShowsPlaceholdersInsteadOfMissingSections()
    {
        var html = TearsheetBuilder.Build(SampleRun.Build(sessions: 30, withExtras: false) with { });
        Assert.Contains("No position snapshots were recorded", html, StringComparison.Ordinal);
        Assert.Contains("No trades were recorded", html, StringComparison.Ordinal);
        Assert.Contains("<b>Risk layer off.</b> no risk layer was recorded for this run", html, StringComparison.Ordinal);
        Assert.Contains("No risk-limit events: the risk layer was off.", html, StringComparison.Ordinal);
        Assert.Contains("<svg ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReplacesTheFileAtomicallyAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDir();
        var path = dir.File("results/run1/report.html");
        var input = SampleRun.Build(sessions: 20, withExtras: false);
        TearsheetBuilder.Write(path, input);
        TearsheetBuilder.Write(path, input);
        Assert.Equal(TearsheetBuilder.Build(input), File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}
