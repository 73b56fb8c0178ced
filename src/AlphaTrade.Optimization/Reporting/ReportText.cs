using System.Globalization;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>Small helpers of the HTML writer: values for people, invariant, and escaping.</summary>
internal static class ReportText
{
    /// <summary>A value for people: 4 significant digits, "n/a" for NaN, "inf" for infinities.</summary>
    public static string Value(double v) => double.IsNaN(v) ? "n/a"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML/HTML content and attributes (the tearsheet's escaping).</summary>
    public static string Escape(string text) => AlphaTrade.Analytics.Reporting.Html.Escape(text);
}
