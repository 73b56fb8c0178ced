using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace AlphaTrade.Analytics.Charts;

/// <summary>One line of a time-series chart: x in UTC ticks, y in data units.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Color">CSS hex colour, e.g. "#1f77b4".</param>
/// <param name="TimeUtcTicks">Instants, ascending.</param>
/// <param name="Values">Values at those instants (non-finite values are skipped).</param>
public sealed record ChartSeries(string Name, string Color, long[] TimeUtcTicks, double[] Values);

/// <summary>A labelled vertical marker line on a histogram (e.g. the mean or the 95% VaR).</summary>
/// <param name="X">Position in data units.</param>
/// <param name="Label">Legend text.</param>
/// <param name="Color">CSS hex colour.</param>
public sealed record ChartMarker(double X, string Label, string Color);

/// <summary>
/// A grid of values drawn as a heatmap with a colour bar (viridis: the worst value dark, the best yellow), for example an
/// objective over two parameters. <see cref="Values"/>[row, column] with row 0 drawn at the top; NaN cells are grey.
/// </summary>
public sealed record ScaleHeatmap
{
    /// <summary>Title drawn above the map; null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Text for screen readers.</summary>
    public required string Description { get; init; }

    /// <summary>Cell values, [row, column]; row 0 at the top. NaN: no value (grey); infinities take the end colours.</summary>
    public required double[,] Values { get; init; }

    /// <summary>One label per row, top first.</summary>
    public required IReadOnlyList<string> RowLabels { get; init; }

    /// <summary>One label per column, left first.</summary>
    public required IReadOnlyList<string> ColumnLabels { get; init; }

    /// <summary>Title of the horizontal axis.</summary>
    public string? XLabel { get; init; }

    /// <summary>Title of the vertical axis.</summary>
    public string? YLabel { get; init; }

    /// <summary>Title of the colour bar.</summary>
    public string ScaleLabel { get; init; } = string.Empty;

    /// <summary>Whether larger values are better (yellow); false puts yellow on the smallest.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>A cell outlined in red (row, column); null for none.</summary>
    public (int Row, int Column)? Highlight { get; init; }

    /// <summary>Legend text of the outlined cell.</summary>
    public string HighlightLabel { get; init; } = "chosen";

    /// <summary>Legend text of the grey cells (shown only when there are some).</summary>
    public string MissingLabel { get; init; } = "no value";

    /// <summary>Writes each value in its cell; null writes them when the cells are large enough to hold them.</summary>
    public bool? ShowValues { get; init; }

    /// <summary>Text of a cell's value.</summary>
    public Func<double, string> CellText { get; init; } = v => v.ToString("G4", CultureInfo.InvariantCulture);
}

/// <summary>How the value axis is labelled.</summary>
public enum ChartValueFormat
{
    /// <summary>Fractions shown as percentages.</summary>
    Percent,

    /// <summary>Plain numbers.</summary>
    Number,

    /// <summary>Currency amounts.</summary>
    Money,
}

/// <summary>
/// The tearsheet's charts, drawn with ScottPlot 5 and returned as inline SVG (self-contained, no scripts). Deterministic:
/// the same data give the same bytes (ScottPlot's SVG has no ids or timestamps; long series are min/max-decimated to the
/// pixel grid, which also bounds rendering time). Text is measured with an embedded DejaVu Sans, so output does not depend
/// on the machine's fonts.
/// </summary>
public static partial class ChartFactory
{
    /// <summary>Family name of the embedded font used for all chart text.</summary>
    public const string FontName = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Typeface = new(LoadFont, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A time-series line chart of <paramref name="series"/> (UTC ticks on x).</summary>
    public static string TimeSeries(string title, IReadOnlyList<ChartSeries> series, ChartValueFormat format = ChartValueFormat.Percent, int width = 960, int height = 260)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new LineChart
        {
            Label = title,
            Series = series.Select(s => new LineSeries(s.Name, s.Color, s.TimeUtcTicks, s.Values)).ToList(),
            Format = ToValueFormat(format),
            Width = width,
            Height = height,
        }.Render();
    }

    /// <summary>
    /// A heatmap of <paramref name="values"/>[row, column] with each cell's value written in it (NaN cells left blank),
    /// red below <paramref name="center"/> and green above.
    /// </summary>
    public static string Heatmap(
        string title,
        double[,] values,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        Func<double, string> cellText,
        double center = 0,
        int width = 960,
        int? height = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(cellText);
        int rows = values.GetLength(0), cols = values.GetLength(1);
        if (rowLabels.Count != rows || columnLabels.Count != cols)
        {
            throw new ArgumentException($"{rows}×{cols} cells but {rowLabels.Count} row and {columnLabels.Count} column labels.", nameof(values));
        }

        double scale = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                scale = Math.Max(scale, Math.Abs(v - center));
            }
        }

        scale = scale > 0 ? scale : 1;
        return Render(width, height ?? (50 + (26 * rows)), plot =>
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    double v = values[r, c];
                    double y = rows - 1 - r;
                    var rect = plot.Add.Rectangle(c, c + 1, y, y + 1);
                    rect.LineWidth = 1;
                    rect.LineColor = Colors.White;
                    rect.FillColor = double.IsFinite(v) ? Diverging((v - center) / scale) : Color.FromHex("#f3f4f6");
                    if (double.IsFinite(v))
                    {
                        var text = plot.Add.Text(cellText(v), c + 0.5, y + 0.5);
                        text.LabelFontName = FontName;
                        text.LabelFontSize = 10;
                        text.LabelFontColor = Color.FromHex("#222222");
                        text.LabelAlignment = Alignment.MiddleCenter;
                    }
                }
            }

            plot.Axes.Bottom.TickGenerator = Manual(Enumerable.Range(0, cols).Select(c => (c + 0.5, columnLabels[c])));
            plot.Axes.Left.TickGenerator = Manual(Enumerable.Range(0, rows).Select(r => (rows - 1 - r + 0.5, rowLabels[r])));
            plot.Axes.SetLimits(0, cols, 0, rows);
            plot.Grid.IsVisible = false;
        }, title);
    }

    /// <summary>A heatmap of <paramref name="heatmap"/> with a colour bar and axis titles; "no data" when it has no finite value.</summary>
    public static string Heatmap(ScaleHeatmap heatmap)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        return new ScaleHeatmapChart(heatmap).Render();
    }

    /// <summary>
    /// A histogram of precomputed bins: bar i spans <paramref name="edges"/>[i] to [i + 1] with height <paramref name="counts"/>[i].
    /// With <paramref name="split"/>, bars wholly left of it are orange, wholly right of it green, those across it grey, and a
    /// dashed line marks it. "no data" when there are no bins or no counts.
    /// </summary>
    public static string Histogram(
        string title,
        IReadOnlyList<double> edges,
        IReadOnlyList<int> counts,
        string xLabel,
        string yLabel = "count",
        double? split = null,
        IReadOnlyList<ChartMarker>? markers = null,
        ChartValueFormat format = ChartValueFormat.Number,
        int width = 480,
        int height = 170)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count > 0 && edges.Count != counts.Count + 1)
        {
            throw new ArgumentException($"{counts.Count} bins need {counts.Count + 1} edges, not {edges.Count}.", nameof(edges));
        }

        var marks = new List<ChartMarker>(markers ?? []);
        if (split is double at)
        {
            marks.Insert(0, new ChartMarker(at, string.Empty, "#000000"));
        }

        return new HistogramChart
        {
            Label = title,
            Edges = [.. edges],
            Counts = [.. counts],
            BarColor = (lo, hi) => split is not double x ? "#7fb3d5" : hi <= x ? "#d95f02" : lo >= x ? "#1b9e77" : "#999999",
            Markers = marks,
            XLabel = xLabel,
            YLabel = yLabel,
            Format = ToValueFormat(format),
            Width = width,
            Height = height,
        }.Render();
    }

    /// <summary>
    /// Loads ScottPlot, SkiaSharp's native library and the font and renders a small chart, so that a caller can pay the
    /// one-off start-up cost (a few hundred milliseconds of loading and JIT) on another thread while it does other work.
    /// Safe to call from any thread, any number of times; it changes no output.
    /// </summary>
    public static void WarmUp()
    {
        long day = TimeSpan.TicksPerDay;
        _ = TimeSeries("warm-up", [new ChartSeries("a", "#000000", [day, 2 * day, 3 * day], [1, 2, 1.5])]);
        _ = Heatmap("warm-up", new double[,] { { 0.1, -0.1 } }, ["r"], ["a", "b"], v => v.ToString("R", CultureInfo.InvariantCulture));
        _ = new ColumnChart { Label = "warm-up", SeriesNames = ["a"], Colors = ["#000000"], Groups = [new BarGroup("x", [0.1])] }.Render();
        _ = HistogramChart.FromValues("warm-up", [0.01, -0.01, 0.02], [new ChartMarker(0, "m", "#000000")]).Render();
    }

    /// <summary>Draws <paramref name="message"/> in the middle of an otherwise empty plot, for charts without data.</summary>
    internal static void NoData(Plot plot, string message = "no data")
    {
        var text = plot.Add.Text(message, 0.5, 0.5);
        text.LabelFontSize = 13;
        text.LabelFontColor = Color.FromHex("#888888");
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Bottom.TickGenerator = Manual([]);
        plot.Axes.Left.TickGenerator = Manual([]);
        plot.Grid.IsVisible = false;
    }

    /// <summary>Value-axis ticks from <paramref name="lo"/> to <paramref name="hi"/>, labelled in <paramref name="format"/>.</summary>
    internal static ScottPlot.TickGenerators.NumericManual ValueTicks(double lo, double hi, ValueFormat format, int target = 5)
    {
        var ticks = Axes.LinearTicks(lo, hi, target);
        double step = ticks.Count > 1 ? ticks[1] - ticks[0] : hi - lo;
        return Manual(ticks.Select(t => (t, Axes.Label(t, format, step))));
    }

    /// <summary>A legend entry drawn as a filled swatch.</summary>
    internal static LegendItem Swatch(string text, Color fill, Color? outline = null) => new()
    {
        LabelText = text,
        FillColor = fill,
        OutlineColor = outline ?? fill,
        OutlineWidth = outline is null ? 0 : 2,
    };

    private static ValueFormat ToValueFormat(ChartValueFormat format) =>
        format switch { ChartValueFormat.Money => ValueFormat.Money, ChartValueFormat.Number => ValueFormat.Number, _ => ValueFormat.Percent };

    /// <summary>Renders a plot configured by <paramref name="build"/> as SVG with the house style.</summary>
    internal static string Render(int width, int height, Action<Plot> build, string? label = null)
    {
        // ScottPlot's process-wide font state (the resolver list, the default family) is written once, by the font's
        // load, before any plot; after that plots are independent objects, so charts render on several threads at once
        // (tested: concurrent renders give the bytes of serial ones).
        _ = Typeface.Value;
        using var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Axes.Color(Color.FromHex("#555555"));
        plot.Grid.MajorLineColor = Color.FromHex("#eceff3");
        build(plot);
        plot.Font.Set(FontName);
        return Clean(plot.GetSvgXml(width, height), label);
    }

    internal static ScottPlot.TickGenerators.NumericManual Manual(IEnumerable<(double Position, string Label)> ticks)
    {
        var g = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (p, l) in ticks)
        {
            g.AddMajor(p, l);
        }

        return g;
    }

    internal static Color Hex(string css) => Color.FromHex(css.TrimStart('#'));

    /// <summary>Red (−1) through white (0) to green (+1).</summary>
    private static Color Diverging(double x)
    {
        x = Math.Clamp(x, -1, 1);
        var (r, g, b) = x < 0 ? (214, 39, 40) : (44, 160, 44);
        double a = Math.Abs(x);
        return new Color((byte)Math.Round(255 + ((r - 255) * a)), (byte)Math.Round(255 + ((g - 255) * a)), (byte)Math.Round(255 + ((b - 255) * a)));
    }

    /// <summary>
    /// Makes ScottPlot's SVG fit to sit inline in an HTML page, deterministically: drops the XML declaration and the
    /// namespace attributes (implied inline), renames Skia's clip-path and image ids (a process-wide counter, so they change from run
    /// to run) to ids numbered in order of appearance and prefixed with a hash of the chart (unique across a page's charts),
    /// and labels the chart for screen readers.
    /// </summary>
    internal static string Clean(string svg, string? label)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = (start > 0 ? svg[start..] : svg).TrimEnd();
        svg = svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);

        // SVG 2 (every current browser) takes a plain href; the xlink namespace, and its URL, can go.
        svg = svg.Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal)
            .Replace(" xlink:href=\"", " href=\"", StringComparison.Ordinal);

        // Skia writes per-glyph positions as "x0, x1, ..., " (a trailing comma browsers reject) and pads the text with
        // whitespace; keep the first glyph's position and let the browser lay out the run with the same font.
        svg = GlyphPositions().Replace(svg, " x=\"$1\" y=\"$2\"");
        svg = TextContent().Replace(svg, ">$1</text>");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string Numbered(string prefix) => ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out int n))
            {
                ids[m.Value] = n = ids.Count + 1;
            }

            return prefix + n.ToString(CultureInfo.InvariantCulture);
        });

        string normalized = Numbered("clip");
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..10];
        svg = ClipId().Replace(svg, m => "c" + hash + "-" + ids[m.Value].ToString(CultureInfo.InvariantCulture));
        string aria = label is null ? " role=\"img\"" : " role=\"img\" aria-label=\"" + Reporting.Html.Escape(label) + "\"";
        return svg.Insert(4, aria);
    }

    [GeneratedRegex(" x=\"([^\",]*),[^\"]*\" y=\"([^\",]*),[^\"]*\"")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex(">\\s+([^<]*?)\\s*</text>")]
    private static partial Regex TextContent();

    [GeneratedRegex("\\b(?:cl|img)_[0-9a-f]+\\b")]
    private static partial Regex ClipId();

    private static SKTypeface LoadFont()
    {
        using var stream = typeof(ChartFactory).Assembly.GetManifestResourceStream("AlphaTrade.Analytics.Charts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded chart font AlphaTrade.Analytics.Charts.DejaVuSans.ttf is missing.");
        var typeface = SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("SkiaSharp could not load the embedded chart font.");
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(typeface));
        Fonts.Default = FontName;
        return typeface;
    }

    private sealed class EmbeddedFontResolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => typeface;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => typeface;
    }
}
