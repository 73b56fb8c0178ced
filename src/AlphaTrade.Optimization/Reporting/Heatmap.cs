using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>How a heatmap cell combines the trials that share its two parameter values.</summary>
public enum HeatmapAggregation
{
    /// <summary>The largest objective (the best for a maximised objective).</summary>
    Max,

    /// <summary>The smallest objective (the best for a minimised one, such as max_drawdown).</summary>
    Min,

    /// <summary>The mean objective.</summary>
    Mean,
}

/// <summary>
/// The objective over two parameters: rows are the values of <see cref="YName"/>, columns those of
/// <see cref="XName"/>, each sorted (numbers ascending). A cell aggregates the successful trials with that pair
/// of values (over all other parameters), NaN objectives left out; a cell with none is NaN.
/// </summary>
public sealed class HeatmapGrid
{
    internal HeatmapGrid(string xName, string? yName, ParameterValue[] xValues, ParameterValue[] yValues, double[] cells, int[] counts, HeatmapAggregation aggregation, Objective objective)
    {
        XName = xName;
        YName = yName;
        XValues = xValues;
        YValues = yValues;
        Cells = cells;
        Counts = counts;
        Aggregation = aggregation;
        Objective = objective;
    }

    /// <summary>The column parameter.</summary>
    public string XName { get; }

    /// <summary>The row parameter; null for a one-row map of a single parameter.</summary>
    public string? YName { get; }

    /// <summary>Column values, ascending.</summary>
    public IReadOnlyList<ParameterValue> XValues { get; }

    /// <summary>Row values, ascending; empty for a one-row map.</summary>
    public IReadOnlyList<ParameterValue> YValues { get; }

    /// <summary>Number of rows (at least 1).</summary>
    public int Rows => Math.Max(1, YValues.Count);

    /// <summary>Number of columns.</summary>
    public int Columns => XValues.Count;

    /// <summary>Cell values row-major: row r, column c at r·Columns + c.</summary>
    public IReadOnlyList<double> Cells { get; }

    /// <summary>Trials aggregated per cell, row-major.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>How cells aggregate.</summary>
    public HeatmapAggregation Aggregation { get; }

    /// <summary>The objective shown.</summary>
    public Objective Objective { get; }

    /// <summary>The cell at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Cells[(row * Columns) + column];
}

/// <summary>Builds heatmap grids from sweeps.</summary>
public static class Heatmap
{
    /// <summary>
    /// The objective of <paramref name="sweep"/> over <paramref name="xParameter"/> (columns) and
    /// <paramref name="yParameter"/> (rows; null for one row). <paramref name="aggregation"/> defaults to the best
    /// value: Max for a maximised objective, Min for a minimised one.
    /// </summary>
    public static HeatmapGrid Build(SweepResult sweep, string xParameter, string? yParameter, Objective objective, HeatmapAggregation? aggregation = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentException.ThrowIfNullOrEmpty(xParameter);
        ArgumentNullException.ThrowIfNull(objective);
        if (yParameter == xParameter)
        {
            throw new ArgumentException("The two heatmap parameters must differ.", nameof(yParameter));
        }

        var agg = aggregation ?? (objective.HigherIsBetter ? HeatmapAggregation.Max : HeatmapAggregation.Min);
        var xs = Distinct(sweep, xParameter);
        var ys = yParameter is null ? [] : Distinct(sweep, yParameter);
        int cols = xs.Length, rows = Math.Max(1, ys.Length);
        var sum = new double[rows * cols];
        var counts = new int[rows * cols];
        var cells = new double[rows * cols];
        Array.Fill(cells, double.NaN);
        foreach (var o in sweep.Outcomes)
        {
            double v = o.Objective;
            if (!o.Succeeded || double.IsNaN(v))
            {
                continue;
            }

            int c = Array.BinarySearch(xs, o.Parameters[xParameter]);
            int r = yParameter is null ? 0 : Array.BinarySearch(ys, o.Parameters[yParameter]);
            int k = (r * cols) + c;
            counts[k]++;
            sum[k] += v;
            cells[k] = counts[k] == 1 ? v : agg switch
            {
                HeatmapAggregation.Max => Math.Max(cells[k], v),
                HeatmapAggregation.Min => Math.Min(cells[k], v),
                _ => cells[k],
            };
        }

        if (agg == HeatmapAggregation.Mean)
        {
            for (int k = 0; k < cells.Length; k++)
            {
                cells[k] = counts[k] > 0 ? sum[k] / counts[k] : double.NaN;
            }
        }

        return new HeatmapGrid(xParameter, yParameter, xs, ys, cells, counts, agg, objective);
    }

    private static ParameterValue[] Distinct(SweepResult sweep, string name)
    {
        var set = new SortedSet<ParameterValue>();
        foreach (var o in sweep.Outcomes)
        {
            if (!o.Parameters.TryGet(name, out var v))
            {
                throw new ArgumentException($"Configuration {o.Index} has no parameter '{name}'.", nameof(name));
            }

            set.Add(v);
        }

        return set.ToArray();
    }
}
