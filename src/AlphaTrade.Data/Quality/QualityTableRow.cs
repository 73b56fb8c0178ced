using System.Globalization;

namespace AlphaTrade.Data.Quality;

/// <summary>One line of the per-symbol quality table the command line prints.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Rows">Bars after cleaning.</param>
/// <param name="FirstBarUtc">First bar start, or null when empty.</param>
/// <param name="LastBarUtc">Last bar start, or null when empty.</param>
/// <param name="MissingPercent">Missing share of the session grid, percent.</param>
/// <param name="Duplicates">Duplicate rows removed.</param>
/// <param name="Outliers">Bad-tick bars.</param>
/// <param name="Score">Quality score, 0–100.</param>
public sealed record QualityTableRow(string Symbol, int Rows, DateTime? FirstBarUtc, DateTime? LastBarUtc, double MissingPercent,
    int Duplicates, int Outliers, double Score)
{
    /// <summary>Column headings, in cell order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Symbol", "Rows", "First bar (UTC)", "Last bar (UTC)", "Missing %", "Duplicates", "Outliers", "Score"];

    /// <summary>The row for <paramref name="report"/>.</summary>
    public static QualityTableRow From(DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new QualityTableRow(report.Symbol, report.CleanRows, report.FirstBarUtc, report.LastBarUtc, report.Gaps.MissingPercent,
            report.Duplicates.RemovedRows, report.Outliers.BadTickBars, report.Score.Total);
    }

    /// <summary>The cells as text, invariant culture, in <see cref="Headers"/> order.</summary>
    public IReadOnlyList<string> ToCells() =>
    [
        Symbol,
        Rows.ToString(CultureInfo.InvariantCulture),
        Stamp(FirstBarUtc),
        Stamp(LastBarUtc),
        MissingPercent.ToString("0.00", CultureInfo.InvariantCulture),
        Duplicates.ToString(CultureInfo.InvariantCulture),
        Outliers.ToString(CultureInfo.InvariantCulture),
        Score.ToString("0.0", CultureInfo.InvariantCulture),
    ];

    private static string Stamp(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
