namespace AlphaTrade.Data.Quality;

/// <summary>
/// Coverage of the calendar's session grid between the series' first and last regular bar (a series that starts
/// late is not "missing" its earlier history).
/// </summary>
/// <param name="ExpectedBars">Grid slots in the range.</param>
/// <param name="PresentBars">Slots holding a bar before any fill.</param>
/// <param name="MissingBars">Slots with no bar before any fill.</param>
/// <param name="MissingPercent">MissingBars as a percentage of ExpectedBars (0 when nothing is expected).</param>
/// <param name="ExpectedSessions">Sessions in the range.</param>
/// <param name="MissingSessions">Sessions in the range with no bar at all.</param>
/// <param name="MissingSessionExamples">The first few missing session dates.</param>
/// <param name="FilledBars">Flat bars inserted by the fill policy.</param>
/// <param name="MissingRunCount">Runs of consecutive missing slots (within one session).</param>
/// <param name="MissingRuns">The first few runs, in time order.</param>
public sealed record GapReport(
    int ExpectedBars,
    int PresentBars,
    int MissingBars,
    double MissingPercent,
    int ExpectedSessions,
    int MissingSessions,
    IReadOnlyList<DateOnly> MissingSessionExamples,
    int FilledBars,
    int MissingRunCount,
    IReadOnlyList<MissingBarRun> MissingRuns);

/// <summary>Consecutive grid slots of one session with no bar.</summary>
/// <param name="StartUtc">First missing slot.</param>
/// <param name="Bars">Slots missing in a row.</param>
public sealed record MissingBarRun(DateTime StartUtc, int Bars);
