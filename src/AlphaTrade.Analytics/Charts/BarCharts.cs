using ScottPlot;

namespace AlphaTrade.Analytics.Charts;

/// <summary>One group of bars: a category with one value per series.</summary>
internal sealed record BarGroup(string Category, double[] Values);

/// <summary>Vertical grouped bars (e.g. yearly returns of strategy and benchmark), drawn with ScottPlot as inline SVG.</summary>
internal sealed class ColumnChart
{
    private const string Up = "#2e8b57", Down = "#c0392b";

    public required string Label { get; init; }

    public required IReadOnlyList<string> SeriesNames { get; init; }

    public required IReadOnlyList<string> Colors { get; init; }

    public required IReadOnlyList<BarGroup> Groups { get; init; }

    public double Width { get; init; } = 960;

    public double Height { get; init; } = 240;

    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    /// <summary>Colour bars of the first series by sign (green up, red down) instead of its colour.</summary>
    public bool SignColors { get; init; } = true;

    public string Render() => ChartFactory.Render((int)Width, (int)Height, plot =>
    {
        if (Groups.Count == 0)
        {
            ChartFactory.NoData(plot);
            return;
        }

        var (lo, hi) = BarScale.Range(Groups, 0.12);
        int k = SeriesNames.Count;

        // Bars share 80% of each category's slot, at most about 46 pixels wide.
        double unitPx = Math.Max(1, (Width - 80) / Groups.Count);
        double barW = Math.Min(0.8 / k, 46 / unitPx);
        for (int s = 0; s < k; s++)
        {
            var bars = new List<Bar>();
            for (int g = 0; g < Groups.Count; g++)
            {
                double v = Groups[g].Values[s];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                string color = s == 0 && SignColors ? (v >= 0 ? Up : Down) : Colors[s];
                bars.Add(BarScale.Bar(g + ((s - ((k - 1) / 2.0)) * barW), v, barW * 0.92, color,
                    k == 1 || s == 0 ? Axes.Label(v, Format, 0.001) : string.Empty));
            }

            BarScale.Add(plot, bars);
        }

        plot.Add.HorizontalLine(0, 1, ChartFactory.Hex("#9aa0a6"));
        plot.Axes.Bottom.TickGenerator = ChartFactory.Manual(Groups.Select((g, i) => ((double)i, g.Category)));
        plot.Axes.Left.TickGenerator = ChartFactory.ValueTicks(lo, hi, Format);
        plot.Axes.SetLimits(-0.5, Groups.Count - 0.5, lo, hi);
        plot.Grid.XAxisStyle.IsVisible = false;
        if (k > 1)
        {
            for (int s = 0; s < k; s++)
            {
                plot.Legend.ManualItems.Add(ChartFactory.Swatch(SeriesNames[s], ChartFactory.Hex(s == 0 && SignColors ? Up : Colors[s])));
            }

            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.FontSize = 10;
        }
    }, Label);
}

/// <summary>Horizontal grouped bars with category labels on the left (e.g. exposure by sector), drawn with ScottPlot.</summary>
internal sealed class BarListChart
{
    private const double RowHeight = 24, Margins = 60;

    public required string Label { get; init; }

    public required IReadOnlyList<string> SeriesNames { get; init; }

    public required IReadOnlyList<string> Colors { get; init; }

    public required IReadOnlyList<BarGroup> Rows { get; init; }

    public double Width { get; init; } = 960;

    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    public string Render()
    {
        double height = Margins + (Math.Max(2, Rows.Count) * RowHeight);
        return ChartFactory.Render((int)Width, (int)height, plot =>
        {
            if (Rows.Count == 0)
            {
                ChartFactory.NoData(plot);
                return;
            }

            // Room on the right for the value labels.
            var (lo, hi) = BarScale.Range(Rows, 0);
            double pad = (hi - lo) * 0.14;
            hi += hi > 0 ? pad : 0;
            lo -= lo < 0 ? pad * 0.5 : 0;
            int k = SeriesNames.Count;
            double barH = 0.8 / k;
            for (int s = 0; s < k; s++)
            {
                var bars = new List<Bar>();
                for (int i = 0; i < Rows.Count; i++)
                {
                    double v = Rows[i].Values[s];
                    if (!double.IsFinite(v))
                    {
                        continue;
                    }

                    // The first row at the top; within a row the first series on top.
                    double y = Rows.Count - 1 - i + (((k - 1) / 2.0) - s) * barH;
                    var bar = BarScale.Bar(y, v, barH * 0.9, Colors[s], s == 0 ? Axes.Label(v, Format, 0.001) : string.Empty);
                    bar.Orientation = Orientation.Horizontal;
                    bars.Add(bar);
                }

                BarScale.Add(plot, bars).Horizontal = true;
            }

            plot.Add.VerticalLine(0, 1, ChartFactory.Hex("#9aa0a6"));
            plot.Axes.Left.TickGenerator = ChartFactory.Manual(Rows.Select((r, i) => ((double)(Rows.Count - 1 - i), r.Category)));
            plot.Axes.Left.TickLabelStyle.FontSize = 11;
            plot.Axes.Bottom.TickGenerator = ChartFactory.ValueTicks(lo, hi, Format, 6);
            plot.Axes.SetLimits(lo, hi, -0.5, Rows.Count - 0.5);
            plot.Grid.YAxisStyle.IsVisible = false;
            if (k > 1)
            {
                for (int s = 0; s < k; s++)
                {
                    plot.Legend.ManualItems.Add(ChartFactory.Swatch(SeriesNames[s], ChartFactory.Hex(Colors[s])));
                }

                // Rows are sorted by size by the callers, so the lower right is the emptiest corner.
                plot.ShowLegend(Alignment.LowerRight);
                plot.Legend.FontSize = 10;
            }
        }, Label);
    }
}

/// <summary>
/// A histogram drawn with ScottPlot: one bar per bin, dashed marker lines (mean, VaR, a split point) named in the legend.
/// </summary>
internal sealed class HistogramChart
{
    public required string Label { get; init; }

    /// <summary>Bin edges, ascending; one more than <see cref="Counts"/>.</summary>
    public required double[] Edges { get; init; }

    public required int[] Counts { get; init; }

    /// <summary>Fill of the bin from lower to upper edge.</summary>
    public Func<double, double, string> BarColor { get; init; } = (lo, hi) => lo + hi < 0 ? "#d98880" : "#7fb3d5";

    /// <summary>Dashed vertical lines; those with an empty label stay out of the legend.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    /// <summary>Format of the bin axis.</summary>
    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    /// <summary>Text shown instead of the bars when there are none.</summary>
    public string Empty { get; init; } = "no data";

    public double Width { get; init; } = 960;

    public double Height { get; init; } = 240;

    /// <summary>
    /// Bins <paramref name="values"/> (non-finite ones dropped) into <paramref name="bins"/> equal bins between the 0.5% and
    /// 99.5% quantiles, widened to include the markers; values outside fall in the edge bins. Fewer than two values: no bins.
    /// </summary>
    public static HistogramChart FromValues(string label, double[] values, IReadOnlyList<ChartMarker> markers, int bins = 50)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length < 2)
        {
            return new HistogramChart { Label = label, Edges = [], Counts = [], Markers = markers, Empty = "not enough data" };
        }

        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        double lo = sorted[(int)(0.005 * (sorted.Length - 1))], hi = sorted[(int)Math.Ceiling(0.995 * (sorted.Length - 1))];
        foreach (var m in markers)
        {
            lo = Math.Min(lo, m.X);
            hi = Math.Max(hi, m.X);
        }

        if (hi <= lo)
        {
            hi = lo + 1e-6;
        }

        var counts = new int[bins];
        foreach (double x in v)
        {
            int b = (int)((x - lo) / (hi - lo) * bins);
            counts[Math.Clamp(b, 0, bins - 1)]++;
        }

        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            edges[i] = lo + (i * (hi - lo) / bins);
        }

        return new HistogramChart { Label = label, Edges = edges, Counts = counts, Markers = markers, YLabel = "days" };
    }

    public string Render() => ChartFactory.Render((int)Width, (int)Height, plot =>
    {
        if (Counts.Length == 0 || Counts.All(c => c == 0))
        {
            ChartFactory.NoData(plot, Empty);
            return;
        }

        double lo = Edges[0], hi = Edges[^1];
        var bars = new List<Bar>(Counts.Length);
        for (int b = 0; b < Counts.Length; b++)
        {
            if (Counts[b] > 0)
            {
                double w = Edges[b + 1] - Edges[b];
                bars.Add(BarScale.Bar((Edges[b] + Edges[b + 1]) / 2, Counts[b], w * 0.92, BarColor(Edges[b], Edges[b + 1]), string.Empty));
            }
        }

        BarScale.Add(plot, bars);
        foreach (var m in Markers)
        {
            var line = plot.Add.VerticalLine(m.X, 1.5f, ChartFactory.Hex(m.Color), LinePattern.Dashed);
            line.LegendText = m.Label;
            lo = Math.Min(lo, m.X);
            hi = Math.Max(hi, m.X);
        }

        double top = Counts.Max() * 1.15;
        double pad = (hi - lo) * 0.01;
        plot.Axes.Bottom.TickGenerator = ChartFactory.ValueTicks(lo, hi, Format, 8);
        plot.Axes.Left.TickGenerator = ChartFactory.Manual(Axes.LinearTicks(0, top, 4).Where(t => t == Math.Floor(t))
            .Select(t => (t, t.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        plot.Axes.SetLimits(lo - pad, hi + pad, 0, top);
        plot.Grid.XAxisStyle.IsVisible = false;
        SetTitle(plot.Axes.Bottom.Label, XLabel);
        SetTitle(plot.Axes.Left.Label, YLabel);
        if (Markers.Any(m => m.Label.Length > 0))
        {
            plot.ShowLegend(Alignment.UpperRight);
            plot.Legend.FontSize = 10;
        }
    }, Label);

    private static void SetTitle(LabelStyle label, string? text)
    {
        if (text is not null)
        {
            label.Text = text;
            label.FontSize = 11;
            label.Bold = false;
        }
    }
}

/// <summary>Shared pieces of the bar charts: value range, bar style, legend.</summary>
internal static class BarScale
{
    /// <summary>The range of the finite values, always including zero, padded by <paramref name="pad"/> of the span away from zero.</summary>
    public static (double Lo, double Hi) Range(IEnumerable<BarGroup> groups, double pad)
    {
        double min = 0, max = 0;
        foreach (var g in groups)
        {
            foreach (double v in g.Values)
            {
                if (double.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        if (max - min <= 0)
        {
            max = 0.01;
        }

        double p = (max - min) * pad;
        return (min - (min < 0 ? p : 0), max + (max > 0 ? p : 0));
    }

    public static Bar Bar(double position, double value, double size, string color, string label) => new()
    {
        Position = position,
        Value = value,
        Size = size,
        FillColor = ChartFactory.Hex(color),
        LineWidth = 0,
        Label = label,
    };

    public static ScottPlot.Plottables.BarPlot Add(Plot plot, List<Bar> bars)
    {
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 10;
        plottable.ValueLabelStyle.ForeColor = ChartFactory.Hex("#333333");
        return plottable;
    }
}
