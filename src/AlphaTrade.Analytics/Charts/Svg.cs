using System.Globalization;
using System.Text;

namespace AlphaTrade.Analytics.Charts;

/// <summary>A tiny SVG writer: invariant numbers with at most two decimals, escaped text.</summary>
internal sealed class Svg
{
    private readonly StringBuilder _sb = new();

    public Svg(double width, double height, string label)
    {
        Width = width;
        Height = height;
        _sb.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {N(width)} {N(height)}\" width=\"100%\" role=\"img\" aria-label=\"{Esc(label)}\" class=\"chart\">");
    }

    public double Width { get; }

    public double Height { get; }

    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Esc(string s) => Reporting.Html.Escape(s);

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        }

        _sb.Append("/>");
        return this;
    }

    public Svg Rect(double x, double y, double w, double h, string fill, string? title = null, double opacity = 1)
    {
        if (h < 0)
        {
            y += h;
            h = -h;
        }

        if (w < 0)
        {
            x += w;
            w = -w;
        }

        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\"");
        if (opacity < 1)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{N(opacity)}\"");
        }

        if (title is null)
        {
            _sb.Append("/>");
        }
        else
        {
            _sb.Append("><title>").Append(Esc(title)).Append("</title></rect>");
        }

        return this;
    }

    public Svg Text(double x, double y, string text, string anchor = "start", double size = 11, string fill = "#555", string? weight = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" fill=\"{fill}\" text-anchor=\"{anchor}\"");
        if (weight is not null)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" font-weight=\"{weight}\"");
        }

        _sb.Append('>').Append(Esc(text)).Append("</text>");
        return this;
    }

    public Svg Path(string d, string stroke, double width, string fill = "none", double fillOpacity = 1, string? dash = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" fill=\"{fill}\" stroke-linejoin=\"round\"");
        if (fill != "none" && fillOpacity < 1)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{N(fillOpacity)}\"");
        }

        if (dash is not null)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        }

        _sb.Append("/>");
        return this;
    }

    public string Close() => _sb.Append("</svg>").ToString();
}
