using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Settings of <see cref="BarCleaner"/>. Every default is the documented one (docs/data-quality.md); a default
/// instance is a sound cleaning of vendor 15-minute bars.
/// </summary>
public sealed record BarCleanerOptions
{
    /// <summary>The default settings.</summary>
    public static BarCleanerOptions Default { get; } = new();

    /// <summary>Which row of a duplicate-timestamp group survives. Default: the last in file order.</summary>
    public DuplicateKeepPolicy Duplicates { get; init; } = DuplicateKeepPolicy.KeepLast;

    /// <summary>Bars outside the regular session. Default: dropped.</summary>
    public OffSessionPolicy OffSession { get; init; } = OffSessionPolicy.Drop;

    /// <summary>Bars whose high/low do not bracket open/close. Default: repaired.</summary>
    public OhlcInconsistencyPolicy OhlcInconsistency { get; init; } = OhlcInconsistencyPolicy.Repair;

    /// <summary>Remove in-session bars whose start is off the session grid. Default: false (reported, kept).</summary>
    public bool DropMisalignedBars { get; init; }

    /// <summary>Missing grid slots. Default: left as gaps.</summary>
    public MissingBarFillPolicy MissingBars { get; init; } = MissingBarFillPolicy.Leave;

    /// <summary>
    /// With <see cref="MissingBarFillPolicy.Flat"/>, also fill sessions with no bar at all. Default: false, because
    /// a whole flat day is an invention, not a repair.
    /// </summary>
    public bool FillMissingSessions { get; init; }

    /// <summary>Robust z-score (median/MAD of log returns) above which a return is an outlier. Default 8.</summary>
    public double OutlierThreshold { get; init; } = 8.0;

    /// <summary>
    /// Returns in the centred rolling window that gives each intraday return its median and MAD; 0 uses the
    /// whole series. Default 1000 (about 38 sessions of 15-minute bars), so a calm month is not judged by a
    /// volatile one.
    /// </summary>
    public int OutlierWindow { get; init; } = 1000;

    /// <summary>
    /// Floor of the robust scale (log-return units) so a nearly constant series does not turn every tick into
    /// an outlier. Default 1e-4 (one basis point).
    /// </summary>
    public double MinimumReturnScale { get; init; } = 1e-4;

    /// <summary>Most bars a bad tick may stay away before the price comes back (1 or 2 in practice). Default 2.</summary>
    public int BadTickMaxBars { get; init; } = 2;

    /// <summary>
    /// A move has "come back" when the net move from the last good close is at most this fraction of the
    /// outlying return (and not itself an outlier). Default 0.5.
    /// </summary>
    public double BadTickRevertFraction { get; init; } = 0.5;

    /// <summary>
    /// A bad tick must also be discontinuous: its first bar opens, or the bar after it opens, at least this
    /// fraction of the excursion away from the previous close. Real whipsaws (a news spike that fades) trade
    /// through their bars and fail this test; a wrong print does not. 0 turns the test off. Default 0.5.
    /// </summary>
    public double BadTickGapFraction { get; init; } = 0.5;

    /// <summary>What happens to bad ticks. Default: flagged and kept.</summary>
    public OutlierPolicy Outliers { get; init; } = OutlierPolicy.Flag;

    /// <summary>
    /// Nominal split ratios checked (forward; reverses are checked too): an overnight close→open ratio within
    /// <see cref="SplitTolerance"/> of one is a suspected unadjusted split. Default 2, 3, 3/2, 4, 5, 10, 20.
    /// </summary>
    public IReadOnlyList<double> SplitRatios { get; init; } = [2.0, 3.0, 1.5, 4.0, 5.0, 10.0, 20.0];

    /// <summary>Relative tolerance of the split ratio match (0.05: a 2:1 matches 1.90–2.10). Default 0.05.</summary>
    public double SplitTolerance { get; init; } = 0.05;

    /// <summary>Suspected splits are reported, or back-adjusted. Default: reported only.</summary>
    public SplitPolicy Splits { get; init; } = SplitPolicy.Report;

    /// <summary>Shortest run of flat zero-volume bars at one price reported as a stale run. Default 3.</summary>
    public int StaleRunMinBars { get; init; } = 3;

    /// <summary>
    /// How many examples each list of places in a report holds (duplicates, out-of-order rows, dropped rows,
    /// off-session bars, inconsistent bars, missing runs and sessions). Bad ticks, jumps and splits are always
    /// listed in full: they are rare by definition. Default 5.
    /// </summary>
    public int MaxExamples { get; init; } = 5;

    /// <summary>Weights of the quality score's components.</summary>
    public QualityScoreWeights ScoreWeights { get; init; } = QualityScoreWeights.Default;

    /// <summary>Throws <see cref="InputException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Duplicates) || !Enum.IsDefined(OffSession) || !Enum.IsDefined(OhlcInconsistency)
            || !Enum.IsDefined(MissingBars) || !Enum.IsDefined(Outliers) || !Enum.IsDefined(Splits))
        {
            throw new InputException("cleaning: a policy setting has an undefined value.");
        }

        Require(double.IsFinite(OutlierThreshold) && OutlierThreshold > 0, nameof(OutlierThreshold), "a number > 0", OutlierThreshold);
        Require(OutlierWindow == 0 || OutlierWindow >= 20, nameof(OutlierWindow), "0 (whole series) or ≥ 20", OutlierWindow);
        Require(double.IsFinite(MinimumReturnScale) && MinimumReturnScale > 0, nameof(MinimumReturnScale), "a number > 0", MinimumReturnScale);
        Require(BadTickMaxBars is >= 1 and <= 10, nameof(BadTickMaxBars), "1..10", BadTickMaxBars);
        Require(BadTickRevertFraction is > 0 and < 1, nameof(BadTickRevertFraction), "a fraction in (0, 1)", BadTickRevertFraction);
        Require(BadTickGapFraction is >= 0 and <= 1, nameof(BadTickGapFraction), "a fraction in [0, 1]", BadTickGapFraction);
        Require(SplitTolerance is > 0 and < 0.2, nameof(SplitTolerance), "a fraction in (0, 0.2)", SplitTolerance);
        Require(SplitRatios is not null && SplitRatios.All(r => double.IsFinite(r) && r > 1), nameof(SplitRatios), "ratios > 1", SplitRatios?.Count ?? 0);
        Require(StaleRunMinBars >= 2, nameof(StaleRunMinBars), "≥ 2", StaleRunMinBars);
        Require(MaxExamples >= 0, nameof(MaxExamples), "≥ 0", MaxExamples);
        ArgumentNullException.ThrowIfNull(ScoreWeights);
        ScoreWeights.Validate();
    }

    private static void Require(bool ok, string name, string expected, object actual)
    {
        if (!ok)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"cleaning: {name} must be {expected}, got {actual}."));
        }
    }
}
