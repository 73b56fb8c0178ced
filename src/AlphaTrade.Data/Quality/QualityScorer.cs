namespace AlphaTrade.Data.Quality;

/// <summary>
/// Turns a report's counts into the 0–100 score. Each component falls linearly from 1 (no problem) to 0 at a
/// documented problem rate, because real problem rates are small fractions: a plain 1 − rate would hardly move.
/// </summary>
internal static class QualityScorer
{
    /// <summary>Missing grid share at which completeness reaches 0.</summary>
    public const double CompletenessZeroAt = 0.25;

    /// <summary>Bad-value, inconsistent or misaligned share of raw rows at which validity reaches 0.</summary>
    public const double ValidityZeroAt = 0.05;

    /// <summary>Duplicate or out-of-order share of raw rows at which uniqueness reaches 0.</summary>
    public const double UniquenessZeroAt = 0.05;

    /// <summary>Bad-tick share of bars at which the outlier component reaches 0.</summary>
    public const double OutliersZeroAt = 0.005;

    /// <summary>Flat zero-volume share of bars at which staleness reaches 0.</summary>
    public const double StalenessZeroAt = 0.10;

    /// <summary>Split component when every suspected split was back-adjusted: better than unknown, still a guess.</summary>
    public const double AdjustedSplitCredit = 0.5;

    public static QualityScore Score(
        QualityScoreWeights weights,
        int rawRows,
        int analysedBars,
        OrderReport order,
        InvalidValueReport invalid,
        DuplicateReport duplicates,
        SessionReport session,
        OhlcReport ohlc,
        IReadOnlyList<SplitSuspicion> splits,
        OutlierReport outliers,
        GapReport gaps,
        StalenessReport staleness)
    {
        if (analysedBars == 0 || gaps.ExpectedBars == 0)
        {
            return new QualityScore(0, 0, 0, 0, 0, 0, 0, weights);
        }

        double completeness = Falling((double)gaps.MissingBars / gaps.ExpectedBars, CompletenessZeroAt);
        double validity = Falling((double)(invalid.Dropped + ohlc.InconsistentBars + session.Misaligned) / rawRows, ValidityZeroAt);
        double uniqueness = Falling((double)(duplicates.RemovedRows + order.OutOfOrderRows) / rawRows, UniquenessZeroAt);
        double outlier = Falling((double)outliers.BadTickBars / analysedBars, OutliersZeroAt);
        double split = splits.Count == 0 ? 1 : splits.All(s => s.Adjusted) ? AdjustedSplitCredit : 0;
        double stale = Falling((double)staleness.FlatZeroVolumeBars / analysedBars, StalenessZeroAt);
        double total = 100 * ((weights.Completeness * completeness) + (weights.Validity * validity) + (weights.Uniqueness * uniqueness)
            + (weights.Outliers * outlier) + (weights.Splits * split) + (weights.Staleness * stale)) / weights.Total;
        return new QualityScore(Math.Round(total, 1), Round(completeness), Round(validity), Round(uniqueness), Round(outlier),
            Round(split), Round(stale), weights);
    }

    private static double Falling(double rate, double zeroAt) => Math.Clamp(1 - (rate / zeroAt), 0, 1);

    private static double Round(double x) => Math.Round(x, 4);
}
