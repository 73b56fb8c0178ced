namespace AlphaTrade.Data.Quality;

/// <summary>
/// A series' quality score, 0–100, and its components, each 0–1 (1 = no problem of that kind). See
/// docs/data-quality.md for how each component is computed.
/// </summary>
/// <param name="Total">100 × the weighted mean of the components, rounded to one decimal.</param>
/// <param name="Completeness">1 − missing fraction ÷ 0.25 (a quarter of the grid missing scores 0).</param>
/// <param name="Validity">1 − (bad-value, inconsistent and misaligned rows ÷ raw rows) ÷ 0.05.</param>
/// <param name="Uniqueness">1 − (duplicate and out-of-order rows ÷ raw rows) ÷ 0.05.</param>
/// <param name="Outliers">1 − (bad-tick bars ÷ bars) ÷ 0.005.</param>
/// <param name="Splits">1 with no suspected split, 0.5 when all suspicions were adjusted, else 0.</param>
/// <param name="Staleness">1 − (flat zero-volume bars ÷ bars) ÷ 0.10.</param>
/// <param name="Weights">The weights used.</param>
public sealed record QualityScore(
    double Total,
    double Completeness,
    double Validity,
    double Uniqueness,
    double Outliers,
    double Splits,
    double Staleness,
    QualityScoreWeights Weights);
