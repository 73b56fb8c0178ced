using System.Text.Json;
using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public sealed class QualityReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alphatrade-quality-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static IReadOnlyList<DataQualityReport> TwoReports()
    {
        var zzz = RandomWalk(Monday, 2, seed: 70);
        zzz.Add(zzz[3]);
        zzz.RemoveAt(20);
        var aaa = RandomWalk(Monday, 2, seed: 71);
        return Cleaner().CleanAll([Series(zzz, "ZZZ"), Series(aaa, "AAA")]).Reports;
    }

    [Fact]
    public void ToJson_Reports_HaveTheDocumentedShapeWithSymbolsInOrdinalOrder()
    {
        using var doc = JsonDocument.Parse(QualityReportWriter.ToJson(TwoReports(), BarCleanerOptions.Default, "NYSE"));
        var root = doc.RootElement;
        Assert.Equal(QualityReportWriter.Schema, root.GetProperty("schema").GetString());
        Assert.Equal("NYSE", root.GetProperty("calendar").GetString());
        Assert.Equal("KeepLast", root.GetProperty("settings").GetProperty("duplicates").GetString());
        Assert.Equal(8, root.GetProperty("settings").GetProperty("outlierThreshold").GetDouble());
        Assert.Equal(30, root.GetProperty("settings").GetProperty("scoreWeights").GetProperty("completeness").GetDouble());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("symbols").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("duplicateRows").GetInt32());

        var symbols = root.GetProperty("symbols").EnumerateArray().ToList();
        Assert.Equal(["AAA", "ZZZ"], symbols.Select(s => s.GetProperty("symbol").GetString()));
        var zzz = symbols[1];
        Assert.Equal("15min", zzz.GetProperty("timeFrame").GetString());
        Assert.Equal("2024-01-08T14:30:00Z", zzz.GetProperty("firstBarUtc").GetString());
        Assert.Equal(1, zzz.GetProperty("duplicates").GetProperty("exactRows").GetInt32());
        Assert.Equal("2024-01-08T15:15:00Z", zzz.GetProperty("duplicates").GetProperty("examples")[0].GetProperty("timeUtc").GetString());
        Assert.Equal(1, zzz.GetProperty("gaps").GetProperty("missingBars").GetInt32());
        Assert.Equal(1, zzz.GetProperty("order").GetProperty("outOfOrderRows").GetInt32());
        var components = zzz.GetProperty("score").GetProperty("components");
        foreach (var name in new[] { "completeness", "validity", "uniqueness", "outliers", "splits", "staleness" })
        {
            var c = components.GetProperty(name);
            Assert.InRange(c.GetProperty("value").GetDouble(), 0, 1);
            Assert.True(c.GetProperty("weight").GetDouble() > 0);
        }

        foreach (var section in new[] { "order", "invalidValues", "session", "ohlc", "outliers", "staleness" })
        {
            Assert.Equal(JsonValueKind.Object, zzz.GetProperty(section).ValueKind);
        }

        Assert.Equal(JsonValueKind.Array, zzz.GetProperty("splits").ValueKind);
        Assert.Equal(JsonValueKind.Null, zzz.GetProperty("staleness").GetProperty("longestRunStartUtc").ValueKind);
    }

    [Fact]
    public void ToUtf8Json_SameReportsInAnyOrder_GiveIdenticalBytes()
    {
        var reports = TwoReports();
        var a = QualityReportWriter.ToUtf8Json(reports, BarCleanerOptions.Default, "NYSE");
        var b = QualityReportWriter.ToUtf8Json(reports.Reverse(), BarCleanerOptions.Default, "NYSE");
        var c = QualityReportWriter.ToUtf8Json(TwoReports(), BarCleanerOptions.Default, "NYSE");
        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal((byte)'\n', a[^1]);
    }

    [Fact]
    public void Write_MissingFolder_CreatesItAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "processed", "quality.json");
        QualityReportWriter.Write(path, TwoReports(), BarCleanerOptions.Default, "NYSE");
        Assert.True(File.Exists(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(2, doc.RootElement.GetProperty("symbols").GetArrayLength());
    }

    [Fact]
    public void Write_ExistingFile_IsReplaced()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "quality.json");
        File.WriteAllText(path, "old");
        QualityReportWriter.Write(path, [], BarCleanerOptions.Default, "NYSE");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("symbols").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("summary").GetProperty("worstSymbol").ValueKind);
    }

    [Fact]
    public void TableRow_FromReport_FormatsInvariantCells()
    {
        var report = TwoReports().Single(r => r.Symbol == "ZZZ");
        var row = QualityTableRow.From(report);
        Assert.Equal(QualityTableRow.Headers.Count, row.ToCells().Count);
        Assert.Equal(
            ["ZZZ", "51", "2024-01-08 14:30", "2024-01-09 20:45", "1.92", "1", "0", report.Score.Total.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)],
            row.ToCells());
    }
}
