namespace AlphaTrade.Analytics.Charts;

/// <summary>One group of bars: a category with one value per series.</summary>
internal sealed record BarGroup(string Category, double[] Values);

/// <summary>Vertical grouped bars (e.g. yearly returns of strategy and benchmark).</summary>
internal sealed class ColumnChart
{
    public required string Label { get; init; }

    public required IReadOnlyList<string> SeriesNames { get; init; }

    public required IReadOnlyList<string> Colors { get; init; }

    public required IReadOnlyList<BarGroup> Groups { get; init; }

    public double Width { get; init; } = 960;

    public double Height { get; init; } = 240;

    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    /// <summary>Colour bars of the first series by sign (green up, red down) instead of its colour.</summary>
    public bool SignColors { get; init; } = true;

    private const double Left = 56, Right = 12, Top = 26, Bottom = 26;

    public string Render()
    {
        var svg = new Svg(Width, Height, Label);
        if (Groups.Count == 0)
        {
            svg.Text(Width / 2, Height / 2, "no data", "middle", 13, "#888");
            return svg.Close();
        }

        double min = 0, max = 0;
        foreach (var g in Groups)
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

        double pad = (max - min) * 0.12;
        double hi = max + (max > 0 ? pad : 0), lo = min - (min < 0 ? pad : 0);
        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        double Y(double v) => Top + ((hi - v) / (hi - lo) * ph);
        var ticks = Axes.LinearTicks(lo, hi, 5);
        double step = ticks.Count > 1 ? ticks[1] - ticks[0] : hi - lo;
        foreach (double t in ticks)
        {
            svg.Line(Left, Y(t), Width - Right, Y(t), "#e6e8eb");
            svg.Text(Left - 6, Y(t) + 4, Axes.Label(t, Format, step), "end", 10.5);
        }

        double slot = pw / Groups.Count;
        int k = SeriesNames.Count;
        double barW = Math.Min(46, slot * 0.7 / k);
        for (int g = 0; g < Groups.Count; g++)
        {
            double cx = Left + (slot * (g + 0.5));
            double gx = cx - (barW * k / 2);
            for (int s = 0; s < k; s++)
            {
                double v = Groups[g].Values[s];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                string color = s == 0 && SignColors ? (v >= 0 ? "#2e8b57" : "#c0392b") : Colors[s];
                string text = Axes.Label(v, Format, 0.001);
                svg.Rect(gx + (s * barW) + 1, Y(0), barW - 2, Y(v) - Y(0), color, $"{Groups[g].Category} {SeriesNames[s]}: {text}");
                if (k == 1 || s == 0)
                {
                    svg.Text(gx + (s * barW) + (barW / 2), v >= 0 ? Y(v) - 4 : Y(v) + 12, text, "middle", 10, "#333");
                }
            }

            svg.Text(cx, Height - 8, Groups[g].Category, "middle", 10.5);
        }

        svg.Line(Left, Y(0), Width - Right, Y(0), "#9aa0a6");
        double lx = Left + 4;
        for (int s = 0; s < k; s++)
        {
            svg.Rect(lx, 6, 12, 10, s == 0 && SignColors ? "#2e8b57" : Colors[s]);
            svg.Text(lx + 16, 15, SeriesNames[s], "start", 11, "#333");
            lx += 28 + (SeriesNames[s].Length * 6.2);
        }

        return svg.Close();
    }
}

/// <summary>Horizontal grouped bars with category labels on the left (e.g. exposure by sector).</summary>
internal sealed class BarListChart
{
    public required string Label { get; init; }

    public required IReadOnlyList<string> SeriesNames { get; init; }

    public required IReadOnlyList<string> Colors { get; init; }

    public required IReadOnlyList<BarGroup> Rows { get; init; }

    public double Width { get; init; } = 960;

    public ValueFormat Format { get; init; } = ValueFormat.Percent;

    private const double Left = 190, Right = 60, Top = 26, Bottom = 22, RowH = 24;

    public string Render()
    {
        double height = Top + Bottom + (Math.Max(1, Rows.Count) * RowH);
        var svg = new Svg(Width, height, Label);
        if (Rows.Count == 0)
        {
            svg.Text(Width / 2, height / 2, "no data", "middle", 13, "#888");
            return svg.Close();
        }

        double min = 0, max = 0;
        foreach (var r in Rows)
        {
            foreach (double v in r.Values)
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

        double pw = Width - Left - Right;
        double X(double v) => Left + ((v - min) / (max - min) * pw);
        var ticks = Axes.LinearTicks(min, max, 6);
        double step = ticks.Count > 1 ? ticks[1] - ticks[0] : max - min;
        foreach (double t in ticks)
        {
            svg.Line(X(t), Top, X(t), height - Bottom, "#e6e8eb");
            svg.Text(X(t), height - 6, Axes.Label(t, Format, step), "middle", 10.5);
        }

        int k = SeriesNames.Count;
        double barH = (RowH - 6) / k;
        for (int i = 0; i < Rows.Count; i++)
        {
            double y0 = Top + (i * RowH) + 3;
            svg.Text(Left - 8, y0 + (RowH / 2) + 1, Rows[i].Category, "end", 11, "#333");
            for (int s = 0; s < k; s++)
            {
                double v = Rows[i].Values[s];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                string text = Axes.Label(v, Format, 0.001);
                svg.Rect(X(0), y0 + (s * barH), X(v) - X(0), barH - 1, Colors[s], $"{Rows[i].Category} {SeriesNames[s]}: {text}");
                if (s == 0)
                {
                    svg.Text(Math.Max(X(v), X(0)) + 4, y0 + barH - 2, text, "start", 10, "#333");
                }
            }
        }

        svg.Line(X(0), Top, X(0), height - Bottom, "#9aa0a6");
        double lx = Left;
        for (int s = 0; s < k; s++)
        {
            svg.Rect(lx, 6, 12, 10, Colors[s]);
            svg.Text(lx + 16, 15, SeriesNames[s], "start", 11, "#333");
            lx += 28 + (SeriesNames[s].Length * 6.2);
        }

        return svg.Close();
    }
}

/// <summary>A histogram of returns with marker lines (mean, VaR).</summary>
internal sealed class HistogramChart
{
    public required string Label { get; init; }

    public required double[] Values { get; init; }

    public IReadOnlyList<(double X, string Label, string Color)> Markers { get; init; } = [];

    public int Bins { get; init; } = 50;

    public double Width { get; init; } = 960;

    public double Height { get; init; } = 240;

    private const double Left = 48, Right = 12, Top = 26, Bottom = 24;

    public string Render()
    {
        var svg = new Svg(Width, Height, Label);
        var v = Values.Where(double.IsFinite).ToArray();
        if (v.Length < 2)
        {
            svg.Text(Width / 2, Height / 2, "not enough data", "middle", 13, "#888");
            return svg.Close();
        }

        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        double lo = sorted[(int)(0.005 * (sorted.Length - 1))], hi = sorted[(int)Math.Ceiling(0.995 * (sorted.Length - 1))];
        foreach (var m in Markers)
        {
            lo = Math.Min(lo, m.X);
            hi = Math.Max(hi, m.X);
        }

        if (hi <= lo)
        {
            hi = lo + 1e-6;
        }

        var counts = new int[Bins];
        foreach (double x in v)
        {
            int b = (int)((x - lo) / (hi - lo) * Bins);
            counts[Math.Clamp(b, 0, Bins - 1)]++;
        }

        int maxCount = counts.Max();
        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        double X(double x) => Left + ((x - lo) / (hi - lo) * pw);
        double Y(double c) => Top + ph - (c / (maxCount * 1.2) * ph);
        foreach (double t in Axes.LinearTicks(0, maxCount, 4))
        {
            svg.Line(Left, Y(t), Width - Right, Y(t), "#e6e8eb");
            svg.Text(Left - 6, Y(t) + 4, Axes.Label(t, ValueFormat.Number, Math.Max(1, t)), "end", 10.5);
        }

        var xt = Axes.LinearTicks(lo, hi, 8);
        double step = xt.Count > 1 ? xt[1] - xt[0] : hi - lo;
        foreach (double t in xt)
        {
            svg.Text(X(t), Height - 7, Axes.Label(t, ValueFormat.Percent, step), "middle", 10.5);
        }

        double bw = pw / Bins;
        for (int b = 0; b < Bins; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            double mid = lo + ((b + 0.5) * (hi - lo) / Bins);
            svg.Rect(Left + (b * bw) + 0.5, Y(counts[b]), bw - 1, Y(0) - Y(counts[b]), mid < 0 ? "#d98880" : "#7fb3d5",
                $"{Axes.Label(mid, ValueFormat.Percent, step / 10)}: {counts[b]}");
        }

        svg.Line(Left, Y(0), Width - Right, Y(0), "#9aa0a6");
        int i = 0;
        foreach (var m in Markers)
        {
            svg.Line(X(m.X), Top, X(m.X), Top + ph, m.Color, 1.5, "5 3");
            svg.Text(X(m.X) + 4, Top + 10 + (i++ * 13), m.Label, "start", 10.5, m.Color);
        }

        return svg.Close();
    }
}
