using System.Globalization;
using System.Xml.Linq;
using AlphaTrade.Analytics.Charts;

namespace AlphaTrade.Analytics.Tests;

/// <summary>
/// The bar charts, histograms and colour-scale heatmap drawn with ScottPlot: one bar or cell per value, labels, legend,
/// markers, the highlight and missing cells, "no data" for empty input, inline-embeddable and deterministic SVG.
/// </summary>
public class BarAndHeatmapChartTests
{
    private const string Green = "#2E8B57", Red = "#C0392B", Grey = "#9AA5B1", Navy = "#1F4E79", Light = "#A9C4DE";

    private static int FilledRects(XElement svg, string color) =>
        svg.Descendants("rect").Count(r => Css((string?)r.Attribute("fill")) == Css(color));

    private static int PaintedPaths(XElement svg, string color) =>
        svg.Descendants("path").Count(p => Css((string?)p.Attribute("fill")) == Css(color) || Css((string?)p.Attribute("stroke")) == Css(color));

    /// <summary>A colour as #rrggbb in upper case: Skia writes #999999 as #999 and black as "black".</summary>
    private static string? Css(string? color) => color switch
    {
        null => null,
        "black" => "#000000",
        "white" => "#FFFFFF",
        ['#', var r, var g, var b] => string.Concat("#", r, r, g, g, b, b).ToUpperInvariant(),
        _ => color.ToUpperInvariant(),
    };

    private static List<string> Texts(string svg) => ChartRenderingTests.Texts(ChartRenderingTests.Parse(svg));

    private static double Attr(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    /// <summary>Inline in HTML: no XML declaration, no namespace URL or other URL, no script, only local or data references.</summary>
    internal static void AssertInlineEmbeddable(string svg)
    {
        Assert.StartsWith("<svg role=\"img\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xlink", svg, StringComparison.Ordinal);
        foreach (var href in ChartRenderingTests.Parse(svg).Descendants().Select(e => (string?)e.Attribute("href")).OfType<string>())
        {
            Assert.True(href.StartsWith('#') || href.StartsWith("data:image/png;base64,", StringComparison.Ordinal), href);
        }
    }

    private static ColumnChart Yearly(IReadOnlyList<BarGroup> groups) => new()
    {
        Label = "Yearly returns",
        SeriesNames = ["Strategy", "Benchmark"],
        Colors = [Navy, Grey],
        Groups = groups,
        Width = 600,
    };

    [Fact]
    public void ColumnChart_TwoSeries_DrawsABarPerFiniteValueInSignColoursWithLegendAndYearLabels()
    {
        BarGroup[] groups = [new("2020", [0.10, 0.05]), new("2021", [-0.04, double.NaN]), new("2022", [0.02, -0.01])];
        string svg = Yearly(groups).Render();
        var doc = ChartRenderingTests.Parse(svg);

        // Strategy bars by sign (two up, one down), two benchmark bars (the NaN one left out); one legend swatch per series.
        Assert.Equal(2 + 1, FilledRects(doc, Green));
        Assert.Equal(1, FilledRects(doc, Red));
        Assert.Equal(2 + 1, FilledRects(doc, Grey));
        var texts = Texts(svg);
        foreach (var label in new[] { "2020", "2021", "2022", "Strategy", "Benchmark", "10.00%", "-4.00%", "2.00%" })
        {
            Assert.Contains(label, texts);
        }

        Assert.DoesNotContain("5.00%", texts); // only the strategy's bars carry value labels
        Assert.Contains("0%", texts); // percent value axis through zero
        AssertInlineEmbeddable(svg);
        Assert.Equal(svg, Yearly(groups).Render());
    }

    [Fact]
    public void ColumnChart_OneSeries_HasNoLegend()
    {
        string svg = new ColumnChart { Label = "x", SeriesNames = ["Strategy"], Colors = [Navy], Groups = [new("2024", [0.03]), new("2025", [0.05])] }.Render();
        var doc = ChartRenderingTests.Parse(svg);
        Assert.Equal(2, FilledRects(doc, Green));
        Assert.DoesNotContain("Strategy", Texts(svg));
    }

    [Fact]
    public void BarListChart_TwoSeries_DrawsHorizontalBarsPerRowWithCategoryLabels()
    {
        BarGroup[] rows = [new("Information Technology", [0.08, 0.09]), new("Energy", [-0.02, 0.03]), new("Utilities", [0.01, 0.01])];
        var chart = new BarListChart { Label = "Sectors", SeriesNames = ["Net", "Gross"], Colors = [Navy, Light], Rows = rows, Width = 600 };
        string svg = chart.Render();
        var doc = ChartRenderingTests.Parse(svg);
        Assert.Equal(3 + 1, FilledRects(doc, Navy));
        Assert.Equal(3 + 1, FilledRects(doc, Light));
        var texts = Texts(svg);
        foreach (var label in new[] { "Information Technology", "Energy", "Utilities", "Net", "Gross", "8.00%", "-2.00%", "1.00%" })
        {
            Assert.Contains(label, texts);
        }

        // Horizontal: the bars of one series share a height and differ in width; the first row is drawn at the top.
        var net = doc.Descendants("rect").Where(r => string.Equals((string?)r.Attribute("fill"), Navy, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        Assert.Single(net.Select(r => Math.Round(Attr(r, "height"), 3)).Distinct());
        Assert.True(Attr(net[0], "width") > Attr(net[2], "width") * 4);
        Assert.True(Attr(net[0], "y") < Attr(net[1], "y") && Attr(net[1], "y") < Attr(net[2], "y"));
        AssertInlineEmbeddable(svg);
        Assert.Equal(svg, chart.Render());
    }

    [Fact]
    public void HistogramChart_FromValues_BinsBetweenTheOuterQuantiles()
    {
        // 0, 0.001, ..., 0.099: 10 equal bins over [0, 0.099] (the 0.5% and 99.5% quantiles) of 10 values each.
        var values = Enumerable.Range(0, 100).Select(i => i / 1000.0).ToArray();
        var chart = HistogramChart.FromValues("Returns", values, [], bins: 10);
        Assert.Equal(Enumerable.Repeat(10, 10), chart.Counts);
        Assert.Equal(0, chart.Edges[0]);
        Assert.Equal(0.099, chart.Edges[^1], 12);
        var doc = ChartRenderingTests.Parse(chart.Render());
        Assert.Equal(10, FilledRects(doc, "#7FB3D5")); // every bin right of zero
        Assert.Equal(0, FilledRects(doc, "#D98880"));
    }

    [Fact]
    public void HistogramChart_WithMarkers_DrawsABarPerNonEmptyBinAndTheMarkersInTheLegend()
    {
        var values = Enumerable.Range(0, 100).Select(i => (i - 30) / 1000.0).ToArray();
        var chart = HistogramChart.FromValues("Returns", values, [new ChartMarker(0.0195, "mean 1.95%", Navy), new ChartMarker(-0.04, "VaR 95% -4.00%", Red)], bins: 10);
        Assert.Equal(values.Length, chart.Counts.Sum());
        Assert.Equal(-0.04, chart.Edges[0]); // the VaR marker widens the range
        string svg = chart.Render();
        var doc = ChartRenderingTests.Parse(svg);
        Assert.Equal(chart.Counts.Count(c => c > 0), FilledRects(doc, "#7FB3D5") + FilledRects(doc, "#D98880"));
        Assert.True(FilledRects(doc, "#D98880") >= 2, "bins left of zero in red");
        var texts = Texts(svg);
        Assert.Contains("mean 1.95%", texts);
        Assert.Contains("VaR 95% -4.00%", texts);
        Assert.Contains("days", texts);
        Assert.True(PaintedPaths(doc, Red) >= 2, "the dashed VaR line and its legend swatch");
        AssertInlineEmbeddable(svg);
        Assert.Equal(svg, chart.Render());
    }

    [Fact]
    public void Histogram_WithSplit_ColoursBarsBySideAndMarksTheSplit()
    {
        double[] edges = [-1.5, -0.5, 0.5, 1.5, 2.5];
        int[] counts = [4, 2, 0, 3];
        string svg = ChartFactory.Histogram("Logits", edges, counts, "logit λ", "splits", split: 0);
        var doc = ChartRenderingTests.Parse(svg);
        Assert.Equal(1, FilledRects(doc, "#D95F02")); // wholly left of 0
        Assert.Equal(1, FilledRects(doc, "#999999")); // across 0
        Assert.Equal(1, FilledRects(doc, "#1B9E77")); // wholly right; the empty bin draws nothing
        // The dashed line at the split: Skia writes dashes as an outline path in the default fill, black.
        Assert.Single(doc.Descendants("path"), p => p.Attribute("fill") is null && p.Attribute("stroke") is null);
        var texts = Texts(svg);
        Assert.Contains("logit λ", texts);
        Assert.Contains("splits", texts);
        Assert.Contains("4", texts); // integer count axis
        Assert.DoesNotContain("4.0", texts);
        AssertInlineEmbeddable(svg);
        Assert.Equal(svg, ChartFactory.Histogram("Logits", edges, counts, "logit λ", "splits", split: 0));
        Assert.Throws<ArgumentException>(() => ChartFactory.Histogram("x", [0, 1], [1, 2], "x"));
    }

    public static TheoryData<string, string> EmptyCharts => new()
    {
        { "column", new ColumnChart { Label = "x", SeriesNames = ["a"], Colors = [Navy], Groups = [] }.Render() },
        { "bar list", new BarListChart { Label = "x", SeriesNames = ["a", "b"], Colors = [Navy, Grey], Rows = [] }.Render() },
        { "histogram", ChartFactory.Histogram("x", [], [], "x") },
        { "histogram of zeros", ChartFactory.Histogram("x", [0, 1, 2], [0, 0], "x") },
        { "heatmap without columns", ChartFactory.Heatmap(new ScaleHeatmap { Description = "x", Values = new double[1, 0], RowLabels = ["r"], ColumnLabels = [] }) },
        { "heatmap of NaN", ChartFactory.Heatmap(new ScaleHeatmap { Description = "x", Values = new[,] { { double.NaN, double.NaN } }, RowLabels = ["r"], ColumnLabels = ["a", "b"] }) },
    };

    [Theory]
    [MemberData(nameof(EmptyCharts))]
    public void Render_NoData_DrawsANoDataChart(string chart, string svg)
    {
        Assert.Contains("no data", Texts(svg));
        Assert.True(chart.Length > 0);
        AssertInlineEmbeddable(svg);
    }

    [Fact]
    public void HistogramChart_FewerThanTwoValues_SaysNotEnoughData()
    {
        string svg = HistogramChart.FromValues("x", [0.01, double.NaN], []).Render();
        Assert.Contains("not enough data", Texts(svg));
    }

    private static ScaleHeatmap Grid(bool higherIsBetter, (int, int)? highlight = null, bool? showValues = true) => new()
    {
        Title = "Sharpe <by> fast & slow",
        Description = "grid",
        Values = new[,] { { 0.5, 1.5, double.NaN, 2.5 }, { 0.25, 3.0, 1.0, 2.0 }, { -1.0, 0.0, double.PositiveInfinity, 1.25 } },
        RowLabels = ["30", "20", "10"],
        ColumnLabels = ["5", "10", "15", "20"],
        XLabel = "fast",
        YLabel = "slow",
        ScaleLabel = "sharpe (max)",
        HigherIsBetter = higherIsBetter,
        Highlight = highlight,
        HighlightLabel = "chosen configuration",
        MissingLabel = "no result",
        ShowValues = showValues,
        CellText = v => double.IsInfinity(v) ? "inf" : v.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The heatmap's cells: the rectangles of the first clipped group, by (row from the top, column).</summary>
    private static Dictionary<(int Row, int Column), XElement> Cells(XElement doc)
    {
        var rects = doc.Elements("g").First(g => g.Elements("rect").Any()).Elements("rect").ToList();
        var xs = rects.Select(r => Math.Round(Attr(r, "x"), 2)).Distinct().Order().ToList();
        var ys = rects.Select(r => Math.Round(Attr(r, "y"), 2)).Distinct().Order().ToList();
        return rects.ToDictionary(r => (ys.IndexOf(Math.Round(Attr(r, "y"), 2)), xs.IndexOf(Math.Round(Attr(r, "x"), 2))));
    }

    [Fact]
    public void Heatmap_ThreeByFour_DrawsACellPerValueTheHighlightAndGreyMissingCells()
    {
        string svg = ChartFactory.Heatmap(Grid(true, (1, 1)));
        var doc = ChartRenderingTests.Parse(svg);
        var cells = Cells(doc);
        Assert.Equal(12, cells.Count);
        Assert.Equal("#D9D9D9", (string?)cells[(0, 2)].Attribute("fill")); // NaN: grey
        Assert.Equal("#FDE724", (string?)cells[(1, 1)].Attribute("fill")); // the best, 3.0: yellow
        Assert.Equal("#FDE724", (string?)cells[(2, 2)].Attribute("fill")); // +∞ takes the best colour
        Assert.Equal("#440154", (string?)cells[(2, 0)].Attribute("fill")); // the worst, -1: dark purple
        Assert.Equal(11, cells.Values.Select(c => (string?)c.Attribute("fill")).Count(f => f != "#D9D9D9"));

        // The outline sits on cell (1, 1).
        var outline = Assert.Single(doc.Descendants("rect"), r => (string?)r.Attribute("stroke") == "#E4002B");
        Assert.Equal(Attr(cells[(1, 1)], "x"), Attr(outline, "x"), 0.01);
        Assert.Equal(Attr(cells[(1, 1)], "y"), Attr(outline, "y"), 0.01);

        var texts = Texts(svg);
        foreach (var label in new[] { "Sharpe <by> fast & slow", "5", "10", "15", "20", "30", "fast", "slow", "sharpe (max)", "chosen configuration", "no result", "3.00", "-1.00", "inf" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Equal(11, texts.Count(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^(-?[0-9]\\.[0-9]{2}|inf)$"))); // a value per cell but the NaN one

        // The colour bar: ScottPlot's colormap image, embedded.
        Assert.Single(doc.Descendants("image"));
        AssertInlineEmbeddable(svg);
        Assert.Equal(svg, ChartFactory.Heatmap(Grid(true, (1, 1))));
    }

    [Fact]
    public void Heatmap_LowerIsBetter_PutsYellowOnTheSmallestValue()
    {
        var cells = Cells(ChartRenderingTests.Parse(ChartFactory.Heatmap(Grid(false))));
        Assert.Equal("#FDE724", (string?)cells[(2, 0)].Attribute("fill"));
        Assert.Equal("#440154", (string?)cells[(1, 1)].Attribute("fill"));
    }

    [Fact]
    public void Heatmap_NoHighlightNoMissing_HasNoLegendAndValuesOnlyWhenAsked()
    {
        var spec = Grid(true, showValues: false) with { Values = new[,] { { 1.0, 2.0 } }, RowLabels = ["r"], ColumnLabels = ["a", "b"] };
        string svg = ChartFactory.Heatmap(spec);
        var texts = Texts(svg);
        Assert.DoesNotContain("chosen configuration", texts);
        Assert.DoesNotContain("no result", texts);
        Assert.DoesNotContain("1.00", texts);
        Assert.DoesNotContain(ChartRenderingTests.Parse(svg).Descendants("rect"), r => (string?)r.Attribute("stroke") == "#E4002B");
    }

    [Fact]
    public void Heatmap_TwoOnOnePage_HaveDistinctIds()
    {
        string a = ChartFactory.Heatmap(Grid(true, (0, 0)));
        string b = ChartFactory.Heatmap(Grid(false, (0, 0)));
        var ids = new[] { a, b }.SelectMany(s => ChartRenderingTests.Parse(s).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()).ToList();
        Assert.True(ids.Count >= 4);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
