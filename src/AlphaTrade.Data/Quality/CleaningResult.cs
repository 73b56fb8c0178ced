using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>One symbol's cleaned series (sorted, unique timestamps) and what cleaning found.</summary>
/// <param name="Series">The cleaned series; a new object, the input is never modified.</param>
/// <param name="Report">The quality report.</param>
public sealed record CleaningResult(BarSeries Series, DataQualityReport Report);

/// <summary>Every symbol's cleaning result, in input order, and the summary across them.</summary>
/// <param name="Results">Per-symbol results, in input order.</param>
/// <param name="Summary">Totals across symbols.</param>
public sealed record UniverseCleaningResult(IReadOnlyList<CleaningResult> Results, DataQualitySummary Summary)
{
    /// <summary>The per-symbol reports, in input order.</summary>
    public IReadOnlyList<DataQualityReport> Reports => Results.Select(r => r.Report).ToList();
}
