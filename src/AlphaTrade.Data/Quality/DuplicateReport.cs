namespace AlphaTrade.Data.Quality;

/// <summary>One timestamp that appeared on more than one row.</summary>
/// <param name="TimeUtc">The shared bar start (UTC).</param>
/// <param name="Rows">How many rows carried it.</param>
/// <param name="Conflicting">True when the rows disagree on a price or the volume.</param>
public sealed record DuplicateExample(DateTime TimeUtc, int Rows, bool Conflicting);

/// <summary>Duplicate timestamps found in a series (counted among rows with valid values).</summary>
/// <param name="Timestamps">Timestamps that appeared more than once.</param>
/// <param name="ExactRows">Extra rows removed that repeated the kept row exactly.</param>
/// <param name="ConflictingRows">Extra rows removed from groups whose rows disagree.</param>
/// <param name="Examples">The first few duplicated timestamps, in time order.</param>
public sealed record DuplicateReport(int Timestamps, int ExactRows, int ConflictingRows, IReadOnlyList<DuplicateExample> Examples)
{
    /// <summary>Rows removed as duplicates.</summary>
    public int RemovedRows => ExactRows + ConflictingRows;
}
