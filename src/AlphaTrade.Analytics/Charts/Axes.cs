using System.Globalization;

namespace AlphaTrade.Analytics.Charts;

/// <summary>How axis values are labelled.</summary>
internal enum ValueFormat
{
    Number,
    Percent,
    Money,
}

/// <summary>Tick placement: "nice" linear steps, 1-2-5 log steps and calendar steps for time.</summary>
internal static class Axes
{
    public static double NiceStep(double range, int targetTicks)
    {
        if (!(range > 0) || double.IsInfinity(range))
        {
            return 1;
        }

        double raw = range / Math.Max(1, targetTicks);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }

    public static List<double> LinearTicks(double min, double max, int target = 5)
    {
        double step = NiceStep(max - min, target);
        var ticks = new List<double>();
        double start = Math.Ceiling(min / step) * step;
        for (double v = start; v <= max + (step * 1e-9); v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
            if (ticks.Count > 50)
            {
                break;
            }
        }

        return ticks;
    }

    /// <summary>Ticks for a log axis between positive <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static List<double> LogTicks(double min, double max)
    {
        if (max / min < 20)
        {
            return LinearTicks(min, max, 5);
        }

        var ticks = new List<double>();
        for (double dec = Math.Pow(10, Math.Floor(Math.Log10(min))); dec <= max; dec *= 10)
        {
            foreach (double m in (ReadOnlySpan<double>)[1, 2, 5])
            {
                double v = dec * m;
                if (v >= min && v <= max)
                {
                    ticks.Add(v);
                }
            }
        }

        return ticks;
    }

    public static string Label(double v, ValueFormat format, double step)
    {
        int dec;
        switch (format)
        {
            case ValueFormat.Percent:
                dec = Math.Max(0, Math.Min(3, (int)Math.Ceiling(-Math.Log10(step * 100) + 1e-9)));
                return (v * 100).ToString("F" + dec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
            case ValueFormat.Money:
                double a = Math.Abs(v);
                return a >= 1e9 ? (v / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B"
                    : a >= 1e6 ? (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M"
                    : a >= 1e3 ? (v / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k"
                    : v.ToString("0.##", CultureInfo.InvariantCulture);
            default:
                dec = Math.Max(0, Math.Min(4, (int)Math.Ceiling(-Math.Log10(step) + 1e-9)));
                return v.ToString("F" + dec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Calendar ticks between two UTC instants, with labels.</summary>
    public static List<(long Ticks, string Label)> TimeTicks(long from, long to, int maxTicks = 8)
    {
        var a = new DateTime(from, DateTimeKind.Utc);
        var b = new DateTime(to, DateTimeKind.Utc);
        double days = (b - a).TotalDays;
        var ticks = new List<(long, string)>();
        if (days > 365 * 3)
        {
            int step = 1;
            while ((b.Year - a.Year) / step > maxTicks)
            {
                step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
            }

            for (int y = ((a.Year / step) + 1) * step; y <= b.Year; y += step)
            {
                ticks.Add((new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, y.ToString(CultureInfo.InvariantCulture)));
            }
        }
        else if (days > 60)
        {
            int months = ((b.Year - a.Year) * 12) + b.Month - a.Month;
            int step = 1;
            foreach (int s in (ReadOnlySpan<int>)[1, 2, 3, 6, 12])
            {
                step = s;
                if (months / s <= maxTicks)
                {
                    break;
                }
            }

            var m = new DateTime(a.Year, a.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            while ((m.Month - 1) % step != 0)
            {
                m = m.AddMonths(1);
            }

            for (; m <= b; m = m.AddMonths(step))
            {
                ticks.Add((m.Ticks, m.ToString(m.Month == 1 || step >= 12 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture)));
            }
        }
        else if (days > 4)
        {
            int step = 1;
            foreach (int s in (ReadOnlySpan<int>)[1, 2, 5, 7, 14])
            {
                step = s;
                if (days / s <= maxTicks)
                {
                    break;
                }
            }

            for (var d = a.Date.AddDays(1); d <= b; d = d.AddDays(step))
            {
                ticks.Add((d.Ticks, d.ToString("MMM dd", CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            double hours = (b - a).TotalHours;
            int step = 1;
            foreach (int s in (ReadOnlySpan<int>)[1, 2, 3, 6, 12, 24])
            {
                step = s;
                if (hours / s <= maxTicks)
                {
                    break;
                }
            }

            for (var h = new DateTime(a.Year, a.Month, a.Day, a.Hour, 0, 0, DateTimeKind.Utc).AddHours(1); h <= b; h = h.AddHours(step))
            {
                ticks.Add((h.Ticks, h.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }
        }

        return ticks;
    }
}
