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
    private static readonly Lock Gate = new();

    /// <summary>A time-series line chart of <paramref name="series"/> (UTC ticks on x).</summary>
    public static string TimeSeries(string title, IReadOnlyList<ChartSeries> series, ChartValueFormat format = ChartValueFormat.Percent, int width = 960, int height = 260)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new LineChart
        {
            Label = title,
            Series = series.Select(s => new LineSeries(s.Name, s.Color, s.TimeUtcTicks, s.Values)).ToList(),
            Format = format switch { ChartValueFormat.Money => ValueFormat.Money, ChartValueFormat.Number => ValueFormat.Number, _ => ValueFormat.Percent },
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
    }

    /// <summary>Renders a plot configured by <paramref name="build"/> as SVG with the house style.</summary>
    internal static string Render(int width, int height, Action<Plot> build, string? label = null)
    {
        _ = Typeface.Value;
        lock (Gate)
        {
            // ScottPlot's font registry is process-wide; plots are built one at a time.
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
    /// namespace attributes (implied inline), renames Skia's clip-path ids (a process-wide counter, so they change from run
    /// to run) to ids numbered in order of appearance and prefixed with a hash of the chart (unique across a page's charts),
    /// and labels the chart for screen readers.
    /// </summary>
    internal static string Clean(string svg, string? label)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = (start > 0 ? svg[start..] : svg).TrimEnd();
        svg = svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);
        if (!svg.Contains("xlink:", StringComparison.Ordinal) || svg.IndexOf("xlink:", StringComparison.Ordinal) == svg.IndexOf("xmlns:xlink", StringComparison.Ordinal) + 6)
        {
            svg = svg.Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal);
        }

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

    [GeneratedRegex("\\bcl_[0-9a-f]+\\b")]
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
