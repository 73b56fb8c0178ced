using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Validation;

/// <summary>
/// Purged k-fold with embargo (López de Prado, AFML ch. 7): the periods are cut into k contiguous test blocks; training
/// rows whose label interval [timestamp, label end] overlaps the test block are purged, and rows starting within
/// <c>embargoPeriods</c> periods after the block are embargoed. Unlike walk-forward, folds other than the last train on
/// data after their test block (that is what k-fold is); use it for tuning and stacking, walk-forward for the verdict.
/// </summary>
public sealed class PurgedKFoldSplitter : ISplitter
{
    /// <summary>Creates the splitter.</summary>
    public PurgedKFoldSplitter(int folds, int embargoPeriods = 0)
    {
        if (folds < 2)
        {
            throw new InputException($"purged k-fold: expected at least 2 folds, got {folds}");
        }

        if (embargoPeriods < 0)
        {
            throw new InputException($"purged k-fold embargo: expected 0 or more periods, got {embargoPeriods}");
        }

        Folds = folds;
        EmbargoPeriods = embargoPeriods;
    }

    /// <summary>Number of folds.</summary>
    public int Folds { get; }

    /// <summary>Periods after each test block excluded from training.</summary>
    public int EmbargoPeriods { get; }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (times, starts) = TimeGroups.Of(data);
        var t = times.Length;
        if (t < Folds)
        {
            throw new InputException($"purged k-fold: {t} periods are too few for {Folds} folds");
        }

        var folds = new List<Fold>(Folds);
        for (var k = 0; k < Folds; k++)
        {
            var from = (int)((long)t * k / Folds);
            var to = (int)((long)t * (k + 1) / Folds);
            var testStart = times[from];
            var testEnd = times[to - 1];
            var embargoEnd = times[Math.Min(t - 1, to - 1 + EmbargoPeriods)];
            var train = new List<int>(data.RowCount);
            for (var r = 0; r < data.RowCount; r++)
            {
                var ts = data.Timestamps[r];
                if (ts >= testStart && ts <= testEnd)
                {
                    continue; // test row
                }

                if (ts < testStart && data.LabelEndTimes[r] >= testStart)
                {
                    continue; // purged: label overlaps the test block
                }

                if (ts > testEnd && ts <= embargoEnd)
                {
                    continue; // embargoed
                }

                train.Add(r);
            }

            folds.Add(new Fold(k, train.ToArray(), TimeGroups.Range(starts[from], starts[to]), testStart, testEnd));
        }

        return folds;
    }

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"purged k-fold k={Folds} embargo={EmbargoPeriods}");
}
