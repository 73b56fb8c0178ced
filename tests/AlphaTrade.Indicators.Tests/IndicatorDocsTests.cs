namespace AlphaTrade.Indicators.Tests;

public class IndicatorDocsTests
{
    private static string DocPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlphaTrade.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "docs", "indicators.md");
    }

    [Fact]
    public void IndicatorsMd_IsUpToDateWithTheRegistry()
    {
        string path = DocPath();
        string expected = IndicatorDocs.Markdown();
        if (Environment.GetEnvironmentVariable("ALPHATRADE_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/indicators.md is missing: run with ALPHATRADE_UPDATE_DOCS=1");
        Assert.True(File.ReadAllText(path) == expected, "docs/indicators.md is stale: regenerate with ALPHATRADE_UPDATE_DOCS=1 dotnet test tests/AlphaTrade.Indicators.Tests --filter IndicatorDocsTests");
    }

    [Fact]
    public void Markdown_ListsEveryIndicator()
    {
        string md = IndicatorDocs.Markdown();
        Assert.All(IndicatorRegistry.All, d => Assert.Contains("| `" + d.Info.Name + "` |", md, StringComparison.Ordinal));
    }
}
