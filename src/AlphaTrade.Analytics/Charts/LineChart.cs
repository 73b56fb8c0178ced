using System.Text;

namespace AlphaTrade.Analytics.Charts;

/// <summary>One line of a <see cref="LineChart"/>: x in UTC ticks, y in data units.</summary>
internal sealed record LineSeries(string Name, string Color, long[] X, double[] Y, double Width = 1.6, string? Dash = null, bool FillToZero = false);

/// <summary>A horizontal reference line.</summary>
internal sealed record ReferenceLine(double Y, string Label, string Color, bool LabelAtLeft = false);

/// <summary>A time-series line chart drawn as SVG: linear or log y, optional area to zero, min/max decimation to the pixel grid.</summary>
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

    private const double Left = 64, Right = 16, Top = 26, Bottom = 24;

    public string Render()
    {
        var svg = new Svg(Width, Height, Label);
        var visible = Series.Where(s => s.X.Length > 0).ToList();
        if (visible.Count == 0)
        {
            svg.Text(Width / 2, Height / 2, "no data", "middle", 13, "#888");
            return svg.Close();
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

        Func<double, double> tf = LogY ? Math.Log : v => v;
        double lo = tf(yMin), hi = tf(yMax);
        double pad = (hi - lo) * 0.06;
        if (!(IncludeZero && yMax <= 0))
        {
            hi += pad;
        }

        if (!(IncludeZero && yMin >= 0))
        {
            lo -= pad;
        }

        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        double X(long t) => Left + ((double)(t - x0) / (x1 - x0) * pw);
        double Y(double v) => Top + ((hi - tf(v)) / (hi - lo) * ph);

        // grid and y labels
        var yt = LogY ? Axes.LogTicks(Math.Exp(lo), Math.Exp(hi)) : Axes.LinearTicks(lo, hi, 5);
        double step = yt.Count > 1 ? Math.Abs(yt[1] - yt[0]) : Math.Abs(hi - lo);
        foreach (double v in yt)
        {
            double y = Y(v);
            svg.Line(Left, y, Width - Right, y, "#e6e8eb");
            svg.Text(Left - 6, y + 4, Axes.Label(v, Format, step), "end", 10.5);
        }

        foreach (var (t, label) in Axes.TimeTicks(x0, x1))
        {
            double x = X(t);
            svg.Line(x, Top, x, Top + ph, "#f0f1f3");
            svg.Text(x, Height - 7, label, "middle", 10.5);
        }

        if (!LogY && lo < 0 && hi > 0)
        {
            svg.Line(Left, Y(0), Width - Right, Y(0), "#9aa0a6", 1);
        }

        foreach (var r in References)
        {
            svg.Line(Left, Y(r.Y), Width - Right, Y(r.Y), r.Color, 1, "5 4");
            if (r.LabelAtLeft)
            {
                svg.Text(Left + 4, Y(r.Y) - 4, r.Label, "start", 10, r.Color);
            }
            else
            {
                svg.Text(Width - Right - 4, Y(r.Y) - 4, r.Label, "end", 10, r.Color);
            }
        }

        int buckets = (int)pw;
        foreach (var s in visible)
        {
            var pts = Decimate(s.X, s.Y, x0, x1, buckets, LogY);
            if (pts.Count == 0)
            {
                continue;
            }

            var d = new StringBuilder(pts.Count * 14);
            for (int i = 0; i < pts.Count; i++)
            {
                d.Append(i == 0 ? 'M' : 'L').Append(Svg.N(X(pts[i].X))).Append(',').Append(Svg.N(Y(pts[i].Y)));
            }

            if (s.FillToZero)
            {
                double baseY = LogY ? Top + ph : Y(0);
                var area = new StringBuilder(d.Length + 40);
                area.Append(d).Append('L').Append(Svg.N(X(pts[^1].X))).Append(',').Append(Svg.N(baseY))
                    .Append('L').Append(Svg.N(X(pts[0].X))).Append(',').Append(Svg.N(baseY)).Append('Z');
                svg.Path(area.ToString(), "none", 0, s.Color, 0.35);
            }

            svg.Path(d.ToString(), s.Color, s.Width, dash: s.Dash);
        }

        // frame and legend
        svg.Line(Left, Top + ph, Width - Right, Top + ph, "#9aa0a6");
        double lx = Left + 4;
        foreach (var s in visible)
        {
            svg.Line(lx, 12, lx + 18, 12, s.Color, 2.5, s.Dash);
            svg.Text(lx + 22, 16, s.Name, "start", 11, "#333");
            lx += 30 + (s.Name.Length * 6.2);
        }

        if (LogY)
        {
            svg.Text(Width - Right, 16, "log scale", "end", 10, "#888");
        }

        return svg.Close();
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
