using AlphaTrade.Core.Calendar;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Regimes;
using AlphaTrade.Features.Reporting;
using AlphaTrade.Features.Selection;
using AlphaTrade.Features.Technical;
using AlphaTrade.Testing;

namespace AlphaTrade.Features.Tests;

public class SelectionTests
{
    [Fact]
    public void MutualInformation_MatchesScipyEntropies()
    {
        var e = Reference.Root.GetProperty("mutual_information");
        var x = e.GetProperty("x").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var y = e.GetProperty("y").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(e.GetProperty("mi").GetDouble(), FeatureStatistics.MutualInformation(x, y), 12);
        Assert.Equal(0.0, FeatureStatistics.MutualInformation(x, Enumerable.Repeat(3, x.Length).ToArray()), 12);
    }

    [Fact]
    public void QuantileBins_AreEqualFrequency()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)((i * 7919) % 1000)).ToArray();
        var bins = FeatureStatistics.QuantileBins(values, 10);
        Assert.All(bins.GroupBy(b => b), g => Assert.Equal(100, g.Count()));
    }

    private static FeatureTable Synthetic(out string[] families)
    {
        var rng = new SplitMix(5);
        int n = 6000;
        double[] Col(Func<int, double> f) => Enumerable.Range(0, n).Select(f).ToArray();
        var x1 = Col(_ => rng.Normal());
        var x2 = Col(_ => rng.Normal());
        var x3 = Col(_ => rng.Normal());
        var x4 = Col(i => x1[i] + (0.05 * rng.Normal()));
        var x5 = Col(i => i % 500 == 0 ? 1 : 0);
        var x6 = Col(i => i % 5 == 0 ? rng.Normal() : double.NaN);
        var y = Col(i => (2 * x1[i]) - x2[i] + (1.5 * rng.Normal()));
        families = ["f", "f", "f", "f", "f", "f"];
        return FeatureTable.FromColumns(["signal", "signal_neg", "noise", "signal_copy", "almost_constant", "sparse", "y"],
            [x1, x2, x3, x4, x5, x6, y], Enumerable.Range(0, n).Select(i => (long)i * 9_000_000_000).ToArray());
    }

    [Fact]
    public void Selector_DropsSparseConstantAndDuplicateFeatures_AndRanksTheSignalByPermutationImportance()
    {
        var table = Synthetic(out var families);
        var report = FeatureSelector.Select(table, families, new FeatureSelectionOptions { Label = "y", Folds = 4, PurgeBars = 5 });
        var d = report.Features.ToDictionary(f => f.Name);
        Assert.False(d["almost_constant"].Kept);
        Assert.StartsWith("dropped: near-constant", d["almost_constant"].Reason, StringComparison.Ordinal);
        Assert.False(d["sparse"].Kept);
        Assert.StartsWith("dropped: coverage 20.0%", d["sparse"].Reason, StringComparison.Ordinal);
        Assert.True(d["signal"].Kept ^ d["signal_copy"].Kept, "exactly one of a correlated pair is kept");
        var dropped = d["signal"].Kept ? d["signal_copy"] : d["signal"];
        Assert.Contains("|correlation| 0.99", dropped.Reason, StringComparison.Ordinal);
        var signal = d["signal"].Kept ? d["signal"] : d["signal_copy"];
        Assert.True(d["noise"].Kept);
        Assert.Equal(1.0, signal.PositiveFolds);
        Assert.Equal(1.0, d["signal_neg"].PositiveFolds);
        Assert.True(signal.Importance > 10 * Math.Abs(d["noise"].Importance));
        Assert.True(d["signal_neg"].Importance > 10 * Math.Abs(d["noise"].Importance));
        Assert.True(signal.MutualInformation > d["noise"].MutualInformation);
        Assert.Equal(4, report.Folds);
        Assert.All(report.FoldValidationR2, r => Assert.InRange(r, 0.5, 0.8)); // true R² = 5 / (5 + 2.25) ≈ 0.69
        Assert.True(report.FoldRankStability > 0.8);
    }

    [Fact]
    public void CorrelationClusters_LinkChains()
    {
        var c = new double[,] { { 1, 0.95, 0.1, 0 }, { 0.95, 1, 0.92, 0 }, { 0.1, 0.92, 1, 0 }, { 0, 0, 0, 1 } };
        var clusters = FeatureStatistics.CorrelationClusters(c, 0.9);
        Assert.Single(clusters);
        Assert.Equal([0, 1, 2], clusters[0]);
    }

    [Fact]
    public void FeatureReport_CountsCoverageExactly_AndWritesJsonAndMarkdown()
    {
        var set = new FeatureSetDefinition("r", "", new FeatureSetOptions(),
            [new ReturnsSpec([1, 26]), new VolScaledReturnsSpec([2]), new IndicatorSpec("sma", [new IndicatorParameterValues("period", [10])], [], IndicatorTransform.DistanceAtr)],
            [new Labels.ForwardReturnLabelSpec([1])]);
        var u = TestMarkets.Universe(TestMarkets.Small);
        var m = new FeatureBuilder(FeaturePlan.Compile(set), NyseCalendar.Instance).Build(u);
        var report = FeatureReportBuilder.Build(m);
        var ret26 = report.Columns.Single(c => c.Name == "ret_26");
        long rows = u.Series.Sum(s => (long)s.Count);
        Assert.Equal(rows, ret26.Rows);
        Assert.Equal(rows - (26 * u.Series.Count), ret26.Finite);
        Assert.Equal("y_fwd_ret_1", report.ImportanceLabel);
        Assert.All(report.Clusters, c => Assert.True(c.Count >= 2));
        using var dir = new TempDir();
        ReportWriters.WriteJson(report, dir.File("r.json"));
        ReportWriters.WriteMarkdown(report, dir.File("r.md"));
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("r.json"))).RootElement;
        Assert.Equal(ReportWriters.FeatureReportSchema, json.GetProperty("schema").GetString());
        Assert.Equal(4, json.GetProperty("columns").GetArrayLength());
        Assert.Contains("| `ret_26` | returns |", File.ReadAllText(dir.File("r.md")), StringComparison.Ordinal);
    }
}
