using ScottPlot;

namespace AlphaTrade.Analytics.Charts;

/// <summary>
/// Draws a <see cref="ScaleHeatmap"/> with ScottPlot: a heatmap plottable rendered as one rectangle per cell (vector, not a
/// bitmap), viridis from the worst value to the best, a colour bar, parameter values as tick labels, the highlighted cell
/// outlined and NaN cells grey.
/// </summary>
internal sealed class ScaleHeatmapChart(ScaleHeatmap spec)
{
    private const string Outline = "#e4002b", Missing = "#d9d9d9";

    public string Render()
    {
        var values = spec.Values;
        int rows = values.GetLength(0), cols = values.GetLength(1);
        if (spec.RowLabels.Count != rows || spec.ColumnLabels.Count != cols)
        {
            throw new ArgumentException($"{rows}×{cols} cells but {spec.RowLabels.Count} row and {spec.ColumnLabels.Count} column labels.", nameof(spec));
        }

        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        bool anyMissing = false;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            anyMissing |= double.IsNaN(v);
        }

        bool empty = !(lo <= hi);

        // Cells of 8 to 72 by 8 to 36 pixels; margins for the tick labels, axis titles, colour bar and legend.
        int longestRow = spec.RowLabels.Select(l => l.Length).DefaultIfEmpty(0).Max();
        int longestColumn = spec.ColumnLabels.Select(l => l.Length).DefaultIfEmpty(1).Max();
        double cellW = empty ? 40 : Math.Clamp(640.0 / cols, 8, 72);
        double cellH = empty ? 40 : Math.Clamp(400.0 / rows, 8, 36);
        double left = 40 + (longestRow * 6.5) + (spec.YLabel is null ? 0 : 22);
        double right = 110;
        double top = spec.Title is null ? 12 : 36;
        double bottom = 24 + 22 + (spec.XLabel is null ? 0 : 20) + 28;
        int width = (int)Math.Ceiling(Math.Max(360, left + (cols * cellW) + right));
        int height = (int)Math.Ceiling(Math.Max(empty ? 160 : 150, top + (Math.Max(rows * cellH, 90)) + bottom));
        return ChartFactory.Render(width, height, plot =>
        {
            if (spec.Title is not null)
            {
                plot.Title(spec.Title, 13);
            }

            if (empty)
            {
                ChartFactory.NoData(plot);
                return;
            }

            // Infinities take the end colours; the scale spans the finite values.
            var data = new double[rows, cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    double v = values[r, c];
                    data[r, c] = double.IsPositiveInfinity(v) ? hi : double.IsNegativeInfinity(v) ? lo : v;
                }
            }

            var scale = spec.HigherIsBetter ? (IColormap)new ScottPlot.Colormaps.Viridis() : new Reversed(new ScottPlot.Colormaps.Viridis());
            var map = plot.Add.Heatmap(data);
            map.Colormap = scale;
            map.NaNCellColor = ChartFactory.Hex(Missing);
            map.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
            map.CellAlignment = Alignment.LowerLeft; // cell (row, column) spans [column, column + 1] × [rows − row − 1, rows − row]
            map.ManualRange = hi > lo ? new ScottPlot.Range(lo, hi) : new ScottPlot.Range(lo - 1, hi + 1);
            var bar = plot.Add.ColorBar(map);
            bar.Label = spec.ScaleLabel;
            bar.LabelStyle.FontSize = 11;
            bar.LabelStyle.Bold = false;
            bar.Axis.TickLabelStyle.FontSize = 10;

            double plotW = width - left - right, plotH = height - top - bottom;
            bool showValues = spec.ShowValues ?? (plotW / cols >= 34 && plotH / rows >= 16);
            if (showValues)
            {
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < cols; c++)
                    {
                        double v = values[r, c];
                        if (double.IsNaN(v))
                        {
                            continue;
                        }

                        double t = hi > lo ? (data[r, c] - lo) / (hi - lo) : 0.5;
                        t = spec.HigherIsBetter ? t : 1 - t;
                        var text = plot.Add.Text(spec.CellText(v), c + 0.5, rows - r - 0.5);
                        text.LabelFontSize = 10;
                        text.LabelFontColor = t < 0.55 ? Colors.White : Colors.Black;
                        text.LabelAlignment = Alignment.MiddleCenter;
                    }
                }
            }

            if (spec.Highlight is var (hr, hc) && hr >= 0 && hr < rows && hc >= 0 && hc < cols)
            {
                var rect = plot.Add.Rectangle(hc, hc + 1, rows - hr - 1, rows - hr);
                rect.FillColor = Colors.Transparent;
                rect.LineColor = ChartFactory.Hex(Outline);
                rect.LineWidth = 2.5f;
                plot.Legend.ManualItems.Add(ChartFactory.Swatch(spec.HighlightLabel, Colors.White, ChartFactory.Hex(Outline)));
            }

            if (anyMissing)
            {
                plot.Legend.ManualItems.Add(ChartFactory.Swatch(spec.MissingLabel, ChartFactory.Hex(Missing)));
            }

            // As many tick labels as fit without overlapping.
            int xStep = Math.Max(1, (int)Math.Ceiling(cols * ((longestColumn * 6.5) + 8) / plotW));
            int yStep = Math.Max(1, (int)Math.Ceiling(rows * 14 / plotH));
            plot.Axes.Bottom.TickGenerator = ChartFactory.Manual(Enumerable.Range(0, cols).Where(c => c % xStep == 0).Select(c => (c + 0.5, spec.ColumnLabels[c])));
            plot.Axes.Left.TickGenerator = ChartFactory.Manual(Enumerable.Range(0, rows).Where(r => r % yStep == 0).Select(r => (rows - r - 0.5, spec.RowLabels[r])));
            plot.Axes.SetLimits(0, cols, 0, rows);
            plot.Grid.IsVisible = false;
            AxisTitle(plot.Axes.Bottom.Label, spec.XLabel);
            AxisTitle(plot.Axes.Left.Label, spec.YLabel);
            if (plot.Legend.ManualItems.Count > 0)
            {
                plot.ShowLegend(Edge.Bottom);
                plot.Legend.FontSize = 10;
                plot.Legend.Orientation = Orientation.Horizontal;
            }
        }, spec.Description);
    }

    private static void AxisTitle(LabelStyle label, string? text)
    {
        if (text is not null)
        {
            label.Text = text;
            label.FontSize = 11;
        }
    }

    /// <summary>A colour map run backwards, so that the best value of a minimised objective is yellow too.</summary>
    private sealed class Reversed(IColormap inner) : IColormap
    {
        public string Name => inner.Name + " (reversed)";

        public Color GetColor(double position) => inner.GetColor(1 - position);
    }
}
