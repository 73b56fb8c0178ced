using System.Globalization;
using System.Text;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>Small helpers shared by the SVG and HTML writers: invariant numbers, escaping, the colour scale.</summary>
internal static class Svg
{
    // Viridis at five evenly spaced points (dark purple → yellow): readable in grey and by colour-blind readers.
    private static readonly (double R, double G, double B)[] Stops =
    [
        (0x44, 0x01, 0x54),
        (0x3b, 0x52, 0x8b),
        (0x21, 0x91, 0x8c),
        (0x5e, 0xc9, 0x62),
        (0xfd, 0xe7, 0x25),
    ];

    /// <summary>A coordinate with at most two decimals, invariant.</summary>
    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value for people: 4 significant digits, "n/a" for NaN, "inf" for infinities.</summary>
    public static string Value(double v) => double.IsNaN(v) ? "n/a"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML/HTML content and attributes.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>The colour at position t ∈ [0, 1] of the scale, as #rrggbb.</summary>
    public static string Colour(double t)
    {
        t = double.IsNaN(t) ? 0.5 : Math.Clamp(t, 0, 1);
        double x = t * (Stops.Length - 1);
        int i = Math.Min((int)x, Stops.Length - 2);
        double f = x - i;
        var (r0, g0, b0) = Stops[i];
        var (r1, g1, b1) = Stops[i + 1];
        return string.Create(CultureInfo.InvariantCulture,
            $"#{(int)Math.Round(r0 + ((r1 - r0) * f)):x2}{(int)Math.Round(g0 + ((g1 - g0) * f)):x2}{(int)Math.Round(b0 + ((b1 - b0) * f)):x2}");
    }

    /// <summary>Gradient stops of the scale from t = 0 to t = 1.</summary>
    public static IEnumerable<(double Offset, string Colour)> GradientStops()
    {
        for (int i = 0; i < Stops.Length; i++)
        {
            double t = (double)i / (Stops.Length - 1);
            yield return (t, Colour(t));
        }
    }
}
