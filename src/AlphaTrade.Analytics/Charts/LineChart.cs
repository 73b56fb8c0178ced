namespace AlphaTrade.Analytics.Charts;

/// <summary>One line of a <see cref="LineChart"/>: x in UTC ticks, y in data units.</summary>
internal sealed record LineSeries(string Name, string Color, long[] X, double[] Y, double Width = 1.6, string? Dash = null, bool FillToZero = false);

/// <summary>A horizontal reference line.</summary>
internal sealed record ReferenceLine(double Y, string Label, string Color, bool LabelAtLeft = false);

/// <summary>A time-series line chart drawn with ScottPlot as SVG: linear or log y, optional area to zero, min/max decimation to the pixel grid.</summary>
internal sealed class LineChart
{
    public required string Label { get; init; }

    public required IReadOnlyList<LineSeries> Series { get; init; }

    public double Height { get; init; } = 260;

    public double Width { get; init; } = 960;

    public bool LogY { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    public bool IncludeZero { get; init; }

    public IReadOnlyList<ReferenceLine> References { get; init; } = [];

    /// <summary>Renders the chart with ScottPlot (see <see cref="ChartFactory"/>) as inline SVG.</summary>
    public string Render()
    {
        var visible = Series.Where(s => s.X.Length > 0).ToList();
        return ChartFactory.Render((int)Width, (int)Height, plot =>
        {
            if (visible.Count == 0)
            {
                plot.Add.Text("no data", 0.5, 0.5);
                plot.Axes.SetLimits(0, 1, 0, 1);
                return;
            }

            long x0 = visible.Min(s => s.X[0]);
            long x1 = visible.Max(s => s.X[^1]);
            if (x1 == x0)
            {
                x1 = x0 + TimeSpan.TicksPerDay;
            }

            double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
            foreach (var s in visible)
            {
                foreach (double v in s.Y)
                {
                    if (double.IsFinite(v) && (!LogY || v > 0))
                    {
                        yMin = Math.Min(yMin, v);
                        yMax = Math.Max(yMax, v);
                    }
                }
            }

            foreach (var r in References)
            {
                yMin = Math.Min(yMin, r.Y);
                yMax = Math.Max(yMax, r.Y);
            }

            if (IncludeZero)
            {
                yMin = Math.Min(yMin, 0);
                yMax = Math.Max(yMax, 0);
            }

            if (!double.IsFinite(yMin))
            {
                yMin = 0;
                yMax = 1;
            }

            if (yMax <= yMin)
            {
                double pad0 = Math.Abs(yMin) > 0 ? Math.Abs(yMin) * 0.05 : 1;
                yMin -= pad0;
                yMax += pad0;
            }

            // Log scale: ScottPlot plots log10(y); the ticks are placed and labelled in data units.
            Func<double, double> tf = LogY ? Math.Log10 : v => v;
            double lo = tf(yMin), hi = tf(yMax);
            double pad = (hi - lo) * 0.06;
            hi += IncludeZero && yMax <= 0 ? 0 : pad;
            lo -= IncludeZero && yMin >= 0 ? 0 : pad;
            static double Day(long t) => (double)t / TimeSpan.TicksPerDay;

            int buckets = Math.Max(50, (int)Width - 80);
            foreach (var s in visible)
            {
                var pts = Decimate(s.X, s.Y, x0, x1, buckets, LogY);
                if (pts.Count == 0)
                {
                    continue;
                }

                var xs = new double[pts.Count];
                var ys = new double[pts.Count];
                for (int i = 0; i < pts.Count; i++)
                {
                    xs[i] = Day(pts[i].X);
                    ys[i] = tf(pts[i].Y);
                }

                var line = plot.Add.ScatterLine(xs, ys, ChartFactory.Hex(s.Color));
                line.LegendText = s.Name;
                line.LineWidth = (float)s.Width;
                if (s.Dash is not null)
                {
                    line.LinePattern = ScottPlot.LinePattern.Dashed;
                }

                if (s.FillToZero)
                {
                    line.FillY = true;
                    line.FillYValue = LogY ? lo : 0;
                    line.FillYColor = ChartFactory.Hex(s.Color).WithAlpha(0.35);
                }
            }

            foreach (var r in References)
            {
                var h = plot.Add.HorizontalLine(tf(r.Y), 1, ChartFactory.Hex(r.Color), ScottPlot.LinePattern.Dashed);
                h.LegendText = r.Label;
            }

            if (!LogY && lo < 0 && hi > 0)
            {
                plot.Add.HorizontalLine(0, 1, ChartFactory.Hex("#9aa0a6"));
            }

            var yt = LogY ? Axes.LogTicks(Math.Pow(10, lo), Math.Pow(10, hi)) : Axes.LinearTicks(lo, hi, 5);
            double step = yt.Count > 1 ? Math.Abs(yt[1] - yt[0]) : Math.Abs(hi - lo);
            plot.Axes.Left.TickGenerator = ChartFactory.Manual(yt.Select(v => (tf(v), Axes.Label(v, Format, step))));
            plot.Axes.Bottom.TickGenerator = ChartFactory.Manual(Axes.TimeTicks(x0, x1).Select(t => (Day(t.Ticks), t.Label)));
            plot.Axes.SetLimits(Day(x0), Day(x1), lo, hi);
            if (LogY)
            {
                plot.Axes.Left.Label.Text = "log scale";
                plot.Axes.Left.Label.FontSize = 10;
            }

            if (visible.Count + References.Count > 1)
            {
                plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
                plot.Legend.FontSize = 10;
            }
        }, Label);
    }

    /// <summary>Keeps the first, minimum, maximum and last point of each pixel column, in time order.</summary>
    internal static List<(long X, double Y)> Decimate(long[] xs, double[] ys, long x0, long x1, int buckets, bool positiveOnly)
    {
        var result = new List<(long, double)>(Math.Min(xs.Length, (buckets * 4) + 2));
        if (xs.Length <= buckets * 2)
        {
            for (int i = 0; i < xs.Length; i++)
            {
                if (double.IsFinite(ys[i]) && (!positiveOnly || ys[i] > 0))
                {
                    result.Add((xs[i], ys[i]));
                }
            }

            return result;
        }

        double span = x1 - x0;
        int start = 0;
        while (start < xs.Length)
        {
            int bucket = (int)((xs[start] - x0) / span * buckets);
            int end = start;
            int iMin = -1, iMax = -1;
            while (end < xs.Length && (int)((xs[end] - x0) / span * buckets) == bucket)
            {
                double v = ys[end];
                if (double.IsFinite(v) && (!positiveOnly || v > 0))
                {
                    if (iMin < 0 || v < ys[iMin])
                    {
                        iMin = end;
                    }

                    if (iMax < 0 || v > ys[iMax])
                    {
                        iMax = end;
                    }
                }

                end++;
            }

            if (iMin >= 0)
            {
                int first = Math.Min(iMin, iMax), second = Math.Max(iMin, iMax);
                result.Add((xs[first], ys[first]));
                if (second != first)
                {
                    result.Add((xs[second], ys[second]));
                }
            }

            start = end;
        }

        return result;
    }
}
