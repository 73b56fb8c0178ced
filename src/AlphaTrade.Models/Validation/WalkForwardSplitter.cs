using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Validation;

/// <summary>How the training window of a walk-forward grows.</summary>
public enum WalkForwardWindow
{
    /// <summary>Train on everything before the test period.</summary>
    Expanding,

    /// <summary>Train on a fixed number of periods (distinct timestamps) before the test period.</summary>
    Rolling,
}

/// <summary>
/// Walk-forward validation: the periods after an initial training share are cut into <c>folds</c> consecutive test
/// blocks; each fold trains only on rows before its test block, and rows whose label ends at or after the test start
/// are purged, so no fold ever trains on information from its test period or later.
/// </summary>
public sealed class WalkForwardSplitter : ISplitter
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="folds">Number of test blocks (at least 1).</param>
    /// <param name="window">Expanding or rolling training window.</param>
    /// <param name="initialTrainFraction">Share of the periods used only for training before the first test block (0..1).</param>
    /// <param name="rollingPeriods">Training periods for a rolling window (0 = as many as the initial training share).</param>
    public WalkForwardSplitter(int folds, WalkForwardWindow window = WalkForwardWindow.Expanding, double initialTrainFraction = 0.5, int rollingPeriods = 0)
    {
        if (folds < 1)
        {
            throw new InputException($"walk-forward folds: expected at least 1, got {folds}");
        }

        if (initialTrainFraction is <= 0 or >= 1)
        {
            throw new InputException($"walk-forward initial train fraction: expected a number between 0 and 1, got {initialTrainFraction.ToString(CultureInfo.InvariantCulture)}");
        }

        Folds = folds;
        Window = window;
        InitialTrainFraction = initialTrainFraction;
        RollingPeriods = rollingPeriods;
    }

    /// <summary>Number of test blocks.</summary>
    public int Folds { get; }

    /// <summary>Expanding or rolling.</summary>
    public WalkForwardWindow Window { get; }

    /// <summary>Share of periods before the first test block.</summary>
    public double InitialTrainFraction { get; }

    /// <summary>Training periods for a rolling window.</summary>
    public int RollingPeriods { get; }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (times, starts) = TimeGroups.Of(data);
        var t = times.Length;
        var initial = (int)Math.Floor(t * InitialTrainFraction);
        var testPeriods = t - initial;
        if (initial < 1 || testPeriods < Folds)
        {
            throw new InputException($"walk-forward: {t} periods are too few for {Folds} folds after an initial training share of {InitialTrainFraction.ToString(CultureInfo.InvariantCulture)}");
        }

        var window = RollingPeriods > 0 ? RollingPeriods : initial;
        var folds = new List<Fold>(Folds);
        for (var k = 0; k < Folds; k++)
        {
            var from = initial + (int)((long)testPeriods * k / Folds);
            var to = initial + (int)((long)testPeriods * (k + 1) / Folds);
            var testStart = times[from];
            var firstTrainPeriod = Window == WalkForwardWindow.Rolling ? Math.Max(0, from - window) : 0;
            var train = new List<int>(starts[from] - starts[firstTrainPeriod]);
            for (var r = starts[firstTrainPeriod]; r < starts[from]; r++)
            {
                // Purge: a label still open when the test period starts would leak the test period into training.
                if (data.LabelEndTimes[r] < testStart)
                {
                    train.Add(r);
                }
            }

            folds.Add(new Fold(k, train.ToArray(), TimeGroups.Range(starts[from], starts[to]), testStart, times[to - 1]));
        }

        return folds;
    }

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"walk-forward {Window.ToString().ToLowerInvariant()} folds={Folds} initial={InitialTrainFraction}{(Window == WalkForwardWindow.Rolling ? $" window={RollingPeriods}" : string.Empty)} purged");
}
