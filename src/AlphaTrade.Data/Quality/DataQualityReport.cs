using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Quality;

/// <summary>Everything cleaning found in one symbol's series, and its quality score.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="TimeFrame">Bar size.</param>
/// <param name="RawRows">Rows as loaded.</param>
/// <param name="CleanRows">Bars in the cleaned series (including any fill bars).</param>
/// <param name="FirstBarUtc">First cleaned bar's start, or null when the series came out empty.</param>
/// <param name="LastBarUtc">Last cleaned bar's start, or null when the series came out empty.</param>
/// <param name="Order">File order versus time order.</param>
/// <param name="InvalidValues">Rows dropped for NaN, infinite, non-positive prices or negative volume.</param>
/// <param name="Duplicates">Duplicate timestamps.</param>
/// <param name="Session">Off-session and misaligned bars.</param>
/// <param name="Ohlc">OHLC inconsistencies.</param>
/// <param name="Splits">Suspected unadjusted splits, in time order.</param>
/// <param name="Outliers">Bad ticks and real jumps.</param>
/// <param name="Gaps">Missing bars and sessions against the calendar.</param>
/// <param name="Staleness">Flat zero-volume bars.</param>
/// <param name="Score">Quality score and components.</param>
public sealed record DataQualityReport(
    string Symbol,
    TimeFrame TimeFrame,
    int RawRows,
    int CleanRows,
    DateTime? FirstBarUtc,
    DateTime? LastBarUtc,
    OrderReport Order,
    InvalidValueReport InvalidValues,
    DuplicateReport Duplicates,
    SessionReport Session,
    OhlcReport Ohlc,
    IReadOnlyList<SplitSuspicion> Splits,
    OutlierReport Outliers,
    GapReport Gaps,
    StalenessReport Staleness,
    QualityScore Score);
