using System.Text;
using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>Options of <see cref="HeatmapSvg.Render"/>.</summary>
/// <param name="Title">A title above the map; null for none.</param>
/// <param name="Highlight">A configuration whose cell gets an outline (the chosen one); null for none.</param>
/// <param name="IdPrefix">Prefix of the element ids, unique per page when several maps share one.</param>
/// <param name="ShowValues">Print values in the cells; null prints them when the cells are large enough.</param>
public sealed record HeatmapSvgOptions(string? Title = null, ParameterSet? Highlight = null, string IdPrefix = "heatmap", bool? ShowValues = null);

/// <summary>
/// Renders a <see cref="HeatmapGrid"/> as a self-contained SVG document (no scripts, fonts or external references)
/// with axis labels, a colour bar and a tooltip per cell. The colour scale (viridis) runs from the worst value
/// (dark) to the best (yellow), whatever the objective's direction; empty cells are grey.
/// </summary>
public static class HeatmapSvg
{
    private const double Font = 11;

    /// <summary>The SVG text.</summary>
    public static string Render(HeatmapGrid grid, HeatmapSvgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        options ??= new HeatmapSvgOptions();
        int rows = grid.Rows, cols = grid.Columns;
        string Row(int r) => grid.YValues.Count == 0 ? string.Empty : grid.YValues[r].ToString();

        double cellW = Math.Clamp(640.0 / cols, 6, 56);
        double cellH = Math.Clamp(400.0 / rows, 6, 36);
        double plotW = cellW * cols, plotH = cellH * rows;
        int yChars = Enumerable.Range(0, rows).Select(r => Row(r).Length).DefaultIfEmpty(0).Max();
        int xChars = grid.XValues.Select(v => v.ToString().Length).DefaultIfEmpty(1).Max();
        double left = 26 + (yChars * 6.5) + 6;
        double top = options.Title is null ? 12 : 32;
        double barX = left + plotW + 18, barH = Math.Max(plotH, 90);
        double width = barX + 14 + 72;
        double height = top + Math.Max(plotH, barH) + 46;

        // Colour range over finite values; infinities take the end colours.
        var finite = grid.Cells.Where(double.IsFinite).ToArray();
        double lo = finite.Length > 0 ? finite.Min() : 0, hi = finite.Length > 0 ? finite.Max() : 1;
        bool higher = grid.Objective.HigherIsBetter;
        double Position(double v)
        {
            double t = double.IsPositiveInfinity(v) ? 1 : double.IsNegativeInfinity(v) ? 0 : hi > lo ? (v - lo) / (hi - lo) : 0.5;
            return higher ? t : 1 - t;
        }

        bool showValues = options.ShowValues ?? (cellW >= 34 && cellH >= 16);
        string id = options.IdPrefix;
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Svg.N(width)).Append("\" height=\"").Append(Svg.N(height))
          .Append("\" viewBox=\"0 0 ").Append(Svg.N(width)).Append(' ').Append(Svg.N(height))
          .Append("\" font-family=\"sans-serif\" font-size=\"").Append(Svg.N(Font)).Append("\" role=\"img\">\n");
        string caption = $"{grid.Objective.Name} ({Svg.Escape(AggregationText(grid.Aggregation))} over other parameters)";
        sb.Append("<desc>Heatmap of ").Append(caption).Append(" by ").Append(Svg.Escape(grid.XName))
          .Append(grid.YName is null ? string.Empty : " and " + Svg.Escape(grid.YName)).Append("</desc>\n");
        sb.Append("<defs><linearGradient id=\"").Append(id).Append("-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        foreach (var (offset, colour) in Svg.GradientStops())
        {
            sb.Append("<stop offset=\"").Append(Svg.N(offset)).Append("\" stop-color=\"").Append(colour).Append("\"/>");
        }

        sb.Append("</linearGradient></defs>\n");
        if (options.Title is not null)
        {
            sb.Append("<text x=\"").Append(Svg.N(left)).Append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\">").Append(Svg.Escape(options.Title)).Append("</text>\n");
        }

        // Cells.
        sb.Append("<g id=\"").Append(id).Append("-cells\">\n");
        for (int r = 0; r < rows; r++)
        {
            // Row 0 (smallest value) at the bottom, as on a chart.
            double y = top + ((rows - 1 - r) * cellH);
            for (int c = 0; c < cols; c++)
            {
                double v = grid[r, c];
                double x = left + (c * cellW);
                double t = Position(v);
                string fill = double.IsNaN(v) ? "#d9d9d9" : Svg.Colour(t);
                string tip = grid.XName + "=" + grid.XValues[c] + (grid.YName is null ? string.Empty : " " + grid.YName + "=" + Row(r))
                    + ": " + grid.Objective.Name + " " + Svg.Value(v) + " (" + grid.Counts[(r * cols) + c].ToString(System.Globalization.CultureInfo.InvariantCulture) + " trials)";
                sb.Append("<rect x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(y)).Append("\" width=\"").Append(Svg.N(cellW))
                  .Append("\" height=\"").Append(Svg.N(cellH)).Append("\" fill=\"").Append(fill).Append("\"><title>").Append(Svg.Escape(tip)).Append("</title></rect>\n");
                if (showValues && !double.IsNaN(v))
                {
                    sb.Append("<text x=\"").Append(Svg.N(x + (cellW / 2))).Append("\" y=\"").Append(Svg.N(y + (cellH / 2) + 4))
                      .Append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"").Append(t < 0.55 ? "#ffffff" : "#000000").Append("\">")
                      .Append(Svg.Escape(Svg.Value(v))).Append("</text>\n");
                }
            }
        }

        sb.Append("</g>\n");

        // Highlighted cell.
        if (options.Highlight is { } h && h.TryGet(grid.XName, out var hx))
        {
            int c = IndexOf(grid.XValues, hx);
            int r = grid.YName is null ? 0 : h.TryGet(grid.YName, out var hy) ? IndexOf(grid.YValues, hy) : -1;
            if (c >= 0 && r >= 0)
            {
                sb.Append("<rect x=\"").Append(Svg.N(left + (c * cellW))).Append("\" y=\"").Append(Svg.N(top + ((rows - 1 - r) * cellH)))
                  .Append("\" width=\"").Append(Svg.N(cellW)).Append("\" height=\"").Append(Svg.N(cellH))
                  .Append("\" fill=\"none\" stroke=\"#e4002b\" stroke-width=\"2.5\"><title>chosen configuration</title></rect>\n");
            }
        }

        sb.Append("<rect x=\"").Append(Svg.N(left)).Append("\" y=\"").Append(Svg.N(top)).Append("\" width=\"").Append(Svg.N(plotW))
          .Append("\" height=\"").Append(Svg.N(plotH)).Append("\" fill=\"none\" stroke=\"#444444\" stroke-width=\"0.8\"/>\n");

        // X ticks: as many labels as fit.
        int xStep = Math.Max(1, (int)Math.Ceiling(cols * ((xChars * 6.5) + 6) / plotW));
        double baseY = top + plotH;
        for (int c = 0; c < cols; c += xStep)
        {
            double x = left + ((c + 0.5) * cellW);
            sb.Append("<text x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(baseY + 14)).Append("\" text-anchor=\"middle\">")
              .Append(Svg.Escape(grid.XValues[c].ToString())).Append("</text>\n");
        }

        sb.Append("<text x=\"").Append(Svg.N(left + (plotW / 2))).Append("\" y=\"").Append(Svg.N(baseY + 32))
          .Append("\" text-anchor=\"middle\" font-weight=\"bold\">").Append(Svg.Escape(grid.XName)).Append("</text>\n");

        // Y ticks.
        if (grid.YName is not null)
        {
            int yStep = Math.Max(1, (int)Math.Ceiling(rows * 14 / plotH));
            for (int r = 0; r < rows; r += yStep)
            {
                double y = top + ((rows - 1 - r + 0.5) * cellH) + 4;
                sb.Append("<text x=\"").Append(Svg.N(left - 5)).Append("\" y=\"").Append(Svg.N(y)).Append("\" text-anchor=\"end\">")
                  .Append(Svg.Escape(Row(r))).Append("</text>\n");
            }

            double cy = top + (plotH / 2);
            sb.Append("<text x=\"12\" y=\"").Append(Svg.N(cy)).Append("\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 12 ")
              .Append(Svg.N(cy)).Append(")\">").Append(Svg.Escape(grid.YName)).Append("</text>\n");
        }

        // Colour bar: best at the top.
        double best = higher ? hi : lo, worst = higher ? lo : hi;
        sb.Append("<rect x=\"").Append(Svg.N(barX)).Append("\" y=\"").Append(Svg.N(top)).Append("\" width=\"14\" height=\"").Append(Svg.N(barH))
          .Append("\" fill=\"url(#").Append(id).Append("-scale)\" stroke=\"#444444\" stroke-width=\"0.5\"/>\n");
        sb.Append("<text x=\"").Append(Svg.N(barX + 18)).Append("\" y=\"").Append(Svg.N(top + 9)).Append("\">").Append(Svg.Escape(Svg.Value(finite.Length > 0 ? best : double.NaN))).Append("</text>\n");
        sb.Append("<text x=\"").Append(Svg.N(barX + 18)).Append("\" y=\"").Append(Svg.N(top + barH)).Append("\">").Append(Svg.Escape(Svg.Value(finite.Length > 0 ? worst : double.NaN))).Append("</text>\n");
        sb.Append("<text x=\"").Append(Svg.N(barX + 18)).Append("\" y=\"").Append(Svg.N(top + (barH / 2) + 4)).Append("\" fill=\"#555555\">")
          .Append(Svg.Escape(grid.Objective.Name)).Append("</text>\n");
        sb.Append("<text x=\"").Append(Svg.N(left)).Append("\" y=\"").Append(Svg.N(height - 4)).Append("\" fill=\"#555555\" font-size=\"10\">")
          .Append(caption).Append("; grey: no result</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string AggregationText(HeatmapAggregation a) => a switch
    {
        HeatmapAggregation.Max => "max",
        HeatmapAggregation.Min => "min",
        _ => "mean",
    };

    private static int IndexOf(IReadOnlyList<ParameterValue> values, ParameterValue v)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] == v)
            {
                return i;
            }
        }

        return -1;
    }
}
