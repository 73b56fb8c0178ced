using AlphaTrade.Analytics.Charts;
using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>Options of <see cref="HeatmapSvg.Render"/>.</summary>
/// <param name="Title">A title above the map; null for none.</param>
/// <param name="Highlight">A configuration whose cell gets a red outline (the chosen one); null for none.</param>
/// <param name="ShowValues">Print values in the cells; null prints them when the cells are large enough.</param>
public sealed record HeatmapSvgOptions(string? Title = null, ParameterSet? Highlight = null, bool? ShowValues = null);

/// <summary>
/// Renders a <see cref="HeatmapGrid"/> as inline SVG with ScottPlot (through <see cref="ChartFactory"/>): parameter values
/// on the axes, a colour bar and the chosen configuration outlined. The colour scale (viridis) runs from the worst value
/// (dark) to the best (yellow), whatever the objective's direction; cells without a result are grey. Deterministic.
/// </summary>
public static class HeatmapSvg
{
    /// <summary>The SVG text, to sit inline in an HTML page.</summary>
    public static string Render(HeatmapGrid grid, HeatmapSvgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        options ??= new HeatmapSvgOptions();
        int rows = grid.Rows, cols = grid.Columns;

        // The grid's row 0 is the smallest value of the row parameter; drawn at the bottom, as on a chart.
        var values = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                values[rows - 1 - r, c] = grid[r, c];
            }
        }

        string RowLabel(int r) => grid.YValues.Count == 0 ? string.Empty : grid.YValues[r].ToString();
        (int, int)? highlight = null;
        if (options.Highlight is { } h && h.TryGet(grid.XName, out var hx))
        {
            int c = IndexOf(grid.XValues, hx);
            int r = grid.YName is null ? 0 : h.TryGet(grid.YName, out var hy) ? IndexOf(grid.YValues, hy) : -1;
            if (c >= 0 && r >= 0)
            {
                highlight = (rows - 1 - r, c);
            }
        }

        string aggregation = grid.Aggregation switch
        {
            HeatmapAggregation.Max => "max",
            HeatmapAggregation.Min => "min",
            _ => "mean",
        };
        return ChartFactory.Heatmap(new ScaleHeatmap
        {
            Title = options.Title,
            Description = $"Heatmap of {grid.Objective.Name} ({aggregation} over other parameters) by {grid.XName}"
                + (grid.YName is null ? string.Empty : " and " + grid.YName),
            Values = values,
            RowLabels = Enumerable.Range(0, rows).Select(i => RowLabel(rows - 1 - i)).ToList(),
            ColumnLabels = grid.XValues.Select(v => v.ToString()).ToList(),
            XLabel = grid.XName,
            YLabel = grid.YName,
            ScaleLabel = $"{grid.Objective.Name} ({aggregation})",
            HigherIsBetter = grid.Objective.HigherIsBetter,
            Highlight = highlight,
            HighlightLabel = "chosen configuration",
            MissingLabel = "no result",
            ShowValues = options.ShowValues,
            CellText = ReportText.Value,
        });
    }

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
