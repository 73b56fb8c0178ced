using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Relative weights of the quality score's components. The score is 100 × Σ wᵢcᵢ / Σ wᵢ, so only the ratios
/// matter; the defaults add up to 100 so each weight reads as "points out of 100".
/// </summary>
/// <param name="Completeness">Share of the calendar's grid slots that hold a bar.</param>
/// <param name="Validity">Bars free of bad values, OHLC inconsistencies and grid misalignment.</param>
/// <param name="Uniqueness">Rows free of duplicate timestamps and out-of-order placement.</param>
/// <param name="Outliers">Bars free of bad ticks.</param>
/// <param name="Splits">No suspected unadjusted split.</param>
/// <param name="Staleness">Bars that are not flat with zero volume (a feed repeating its last price).</param>
public sealed record QualityScoreWeights(
    double Completeness = 30,
    double Validity = 20,
    double Uniqueness = 10,
    double Outliers = 15,
    double Splits = 15,
    double Staleness = 10)
{
    /// <summary>The documented default weights (see docs/data-quality.md).</summary>
    public static QualityScoreWeights Default { get; } = new();

    /// <summary>Sum of the weights.</summary>
    public double Total => Completeness + Validity + Uniqueness + Outliers + Splits + Staleness;

    /// <summary>Throws <see cref="InputException"/> when a weight is negative or not finite, or all are zero.</summary>
    public void Validate()
    {
        Check(Completeness, nameof(Completeness));
        Check(Validity, nameof(Validity));
        Check(Uniqueness, nameof(Uniqueness));
        Check(Outliers, nameof(Outliers));
        Check(Splits, nameof(Splits));
        Check(Staleness, nameof(Staleness));
        if (Total <= 0)
        {
            throw new InputException("quality score weights: at least one weight must be positive.");
        }
    }

    private static void Check(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture, $"quality score weight {name} must be a finite number ≥ 0, got {weight}."));
        }
    }
}
