using System.Xml.Linq;
using AlphaTrade.Analytics.Charts;

namespace AlphaTrade.Analytics.Tests;

/// <summary>ScottPlot renders on this machine (no fallback), with the expected series and axes, deterministically.</summary>
public class ChartRenderingTests
{
    private static readonly XNamespace SvgNs = XNamespace.None; // inline SVG: the namespace is implied by HTML

    internal static XElement Parse(string svg) => XElement.Parse(svg);

    internal static List<string> Texts(XElement svg) =>
        svg.Descendants(SvgNs + "text").Select(t => t.Value).ToList();

    internal static int StrokedPaths(XElement svg, string color) =>
        svg.Descendants(SvgNs + "path").Count(p => string.Equals((string?)p.Attribute("stroke"), color, StringComparison.OrdinalIgnoreCase));

    /// <summary>Paths drawn in <paramref name="color"/>, stroked or filled (Skia writes dashed lines as filled outlines).</summary>
    internal static int PaintedPaths(XElement svg, string color) =>
        svg.Descendants(SvgNs + "path").Count(p =>
            string.Equals((string?)p.Attribute("stroke"), color, StringComparison.OrdinalIgnoreCase) ||
            string.Equals((string?)p.Attribute("fill"), color, StringComparison.OrdinalIgnoreCase));

    private static ChartSeries Series(string name, string color, int n, double drift)
    {
        long t0 = new DateTime(2024, 1, 2, 21, 0, 0, DateTimeKind.Utc).Ticks;
        var t = new long[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = t0 + (i * TimeSpan.TicksPerDay);
            y[i] = drift * i + (0.01 * Math.Sin(i / 7.0));
        }

        return new ChartSeries(name, color, t, y);
    }

    [Fact]
    public void TimeSeries_TwoSeries_RendersWithScottPlotAsSvgWithBothLinesLegendAndAxes()
    {
        ChartSeries[] series = [Series("Alpha", "#1f77b4", 500, 0.001), Series("Beta", "#ff7f0e", 500, -0.0005)];
        string svg = ChartFactory.TimeSeries("Test chart", series);
        var doc = Parse(svg);
        Assert.Equal(SvgNs + "svg", doc.Name);
        Assert.Equal("960", (string?)doc.Attribute("width"));
        Assert.Equal(2, StrokedPaths(doc, "#1F77B4")); // the line and its legend swatch
        Assert.Equal(2, StrokedPaths(doc, "#FF7F0E"));
        Assert.Equal("Test chart", (string?)doc.Attribute("aria-label"));
        var texts = Texts(doc);
        Assert.Contains("Alpha", texts);
        Assert.Contains("Beta", texts);
        var timeTicks = Axes.TimeTicks(series[0].TimeUtcTicks[0], series[0].TimeUtcTicks[^1]);
        Assert.True(timeTicks.Count >= 3);
        Assert.All(timeTicks, t => Assert.Contains(t.Label, texts)); // every calendar tick of the time axis
        Assert.Contains(texts, t => t.EndsWith('%')); // percent value axis
        Assert.Contains(ChartFactory.FontName, svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_ThreeByFour_DrawsACellPerFiniteValueWithItsLabel()
    {
        var v = new double[,] { { 0.01, -0.02, double.NaN, 0.03 }, { 0.0, 0.05, -0.01, 0.02 }, { -0.04, 0.01, 0.02, 0.0 } };
        string svg = ChartFactory.Heatmap("Grid", v, ["r1", "r2", "r3"], ["a", "b", "c", "d"], x => (x * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        var texts = Texts(Parse(svg));
        foreach (var label in new[] { "r1", "r2", "r3", "a", "b", "c", "d", "1.0", "-2.0", "5.0", "-4.0" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Equal(11, texts.Count(t => t.Contains('.', StringComparison.Ordinal))); // 11 finite cells labelled, the NaN one blank
    }

    [Fact]
    public void Render_SameInputsTwice_GivesIdenticalSvg()
    {
        ChartSeries[] s = [Series("Alpha", "#1f77b4", 3000, 0.001)];
        Assert.Equal(ChartFactory.TimeSeries("x", s), ChartFactory.TimeSeries("x", s));
    }

    [Fact]
    public void Render_OnSeveralThreadsAtOnce_GivesTheBytesOfSerialRenders()
    {
        // The tearsheet draws charts on two threads; every kind of chart it uses (lines with dashes and fills, heatmap,
        // columns, histogram) must come out the same as when drawn alone.
        var charts = new Func<string>[]
        {
            () => ChartFactory.TimeSeries("lines", [Series("Alpha", "#1f77b4", 900, 0.001), Series("Beta", "#ff7f0e", 900, -0.0005)]),
            () => ChartFactory.Heatmap("grid", new double[,] { { 0.01, -0.02, double.NaN }, { 0.0, 0.05, -0.01 } }, ["r1", "r2"], ["a", "b", "c"],
                x => x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
            () => new ColumnChart { Label = "columns", SeriesNames = ["a", "b"], Colors = ["#1f4e79", "#c0392b"], Groups = [new BarGroup("2024", [0.1, -0.05]), new BarGroup("2025", [0.02, 0.03])] }.Render(),
            () => HistogramChart.FromValues("histogram", [.. Enumerable.Range(0, 400).Select(i => Math.Sin(i * 0.37) * 0.02)], [new ChartMarker(0, "zero", "#000000")]).Render(),
            () => AlphaTrade.Analytics.Reporting.TearsheetBuilder.Build(SampleRun.Build()),
        };
        var serial = charts.Select(c => c()).ToArray();
        var concurrent = new string[4 * charts.Length * 3];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = charts[i % charts.Length]());
        for (int i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(serial[i % charts.Length], concurrent[i]);
        }
    }
}

/// <summary>The tearsheet's ScottPlot charts, parsed out of the HTML: each one present with its series and axes.</summary>
public class TearsheetChartTests
{
    internal static Dictionary<string, XElement> Charts(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<svg role=\"img\" aria-label=\"([^\"]*)\"[\\s\\S]*?</svg>")
            .ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m => ChartRenderingTests.Parse(m.Value));

    private static int FilledRects(XElement svg, string color) =>
        svg.Descendants("rect").Count(r => string.Equals((string?)r.Attribute("fill"), color, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Build_SampleRun_DrawsEachChartWithItsSeriesAndAxes()
    {
        var input = SampleRun.Build();
        var charts = Charts(AlphaTrade.Analytics.Reporting.TearsheetBuilder.Build(input));

        // Equity vs benchmark: two lines (each also drawn as a legend swatch) and the start reference.
        var equity = charts["Equity of the strategy and the rebased benchmark, log scale"];
        Assert.Equal(2, ChartRenderingTests.StrokedPaths(equity, "#1F4E79"));
        Assert.Equal(2, ChartRenderingTests.StrokedPaths(equity, "#9AA5B1"));
        var equityTexts = ChartRenderingTests.Texts(equity);
        Assert.Contains("Strategy", equityTexts);
        Assert.Contains("Benchmark (rebased)", equityTexts);
        Assert.Contains("log scale", equityTexts);

        // Underwater: a red line over a filled area, percent axis.
        var underwater = charts["Drawdown from the running high"];
        Assert.Equal(2, ChartRenderingTests.StrokedPaths(underwater, "#C0392B")); // the line and the edge of its filled area
        Assert.Contains(underwater.Descendants("path"), p => ((string?)p.Attribute("fill"))?.StartsWith("#C0392B", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(ChartRenderingTests.Texts(underwater), t => t.EndsWith('%'));

        // Monthly returns heatmap: a row per year, Jan..Dec and Year columns, a label per month with a return.
        var report = AlphaTrade.Analytics.Metrics.PerformanceAnalyzer.Analyze(input.Analytics);
        var heat = ChartRenderingTests.Texts(charts["Monthly returns"]);
        foreach (var label in new[] { "Jan", "Jun", "Dec", "Year" }.Concat(report.Calendar.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Contains(label, heat);
        }

        Assert.Equal(report.Calendar.Months.Count + report.Calendar.Years.Count, heat.Count(t => t.EndsWith('%')));

        // Rolling Sharpe: one line and the full-period reference.
        var sharpe = charts["Rolling Sharpe ratio"];
        Assert.Equal(2, ChartRenderingTests.StrokedPaths(sharpe, "#1F4E79"));
        Assert.Contains(ChartRenderingTests.Texts(sharpe), t => t.StartsWith("full period", StringComparison.Ordinal));

        // Exposure: gross, long, short and net.
        var exposure = charts["Gross, net, long and short exposure"];
        foreach (var (name, color) in new[] { ("Gross", "#1F4E79"), ("Long", "#2E8B57"), ("Short", "#C0392B"), ("Net", "#D68910") })
        {
            Assert.Contains(name, ChartRenderingTests.Texts(exposure));
            int lines = ChartRenderingTests.PaintedPaths(exposure, color);
            Assert.True(lines == 2, $"{name}: {lines} paths in {color}");
        }

        // Yearly returns: a bar per year for the strategy (green up, red down) and the benchmark, with a legend.
        var yearly = charts["Yearly returns"];
        int years = report.Calendar.Years.Count;
        Assert.Equal(years + 1, FilledRects(yearly, "#2E8B57") + FilledRects(yearly, "#C0392B")); // bars and the legend swatch
        Assert.Equal(years + 1, FilledRects(yearly, "#9AA5B1"));
        var yearlyTexts = ChartRenderingTests.Texts(yearly);
        Assert.All(report.Calendar.Years, y => Assert.Contains(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), yearlyTexts));
        Assert.Contains("Benchmark", yearlyTexts);

        // Distribution: histogram bars, the mean and VaR markers named in the legend.
        var histogram = charts["Histogram of daily returns"];
        Assert.InRange(FilledRects(histogram, "#D98880") + FilledRects(histogram, "#7FB3D5"), 10, 50);
        Assert.Contains(ChartRenderingTests.Texts(histogram), t => t.StartsWith("VaR 95% ", StringComparison.Ordinal));
        Assert.Contains(ChartRenderingTests.Texts(histogram), t => t.StartsWith("mean ", StringComparison.Ordinal));

        // Sector exposure: a net and a gross bar per sector, the sectors named.
        var sectors = charts["Average net and gross exposure by sector"];
        int sectorCount = input.Analytics.Exposure!.Sectors.Count;
        Assert.Equal(sectorCount + 1, FilledRects(sectors, "#1F4E79"));
        Assert.Equal(sectorCount + 1, FilledRects(sectors, "#A9C4DE"));
        Assert.All(input.Analytics.Exposure.Sectors, s => Assert.Contains(s, ChartRenderingTests.Texts(sectors)));

        // Clip-path ids are unique across the page's charts.
        var ids = charts.Values.SelectMany(c => c.Descendants("clipPath")).Select(c => (string?)c.Attribute("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
