namespace AlphaTrade.Data.Quality;

/// <summary>Totals across the symbols of one cleaning run.</summary>
/// <param name="Symbols">Symbols cleaned.</param>
/// <param name="RawRows">Rows as loaded, all symbols.</param>
/// <param name="CleanRows">Bars after cleaning, all symbols.</param>
/// <param name="ExpectedBars">Grid slots expected, all symbols.</param>
/// <param name="MissingBars">Grid slots missing, all symbols.</param>
/// <param name="MissingPercent">MissingBars as a percentage of ExpectedBars.</param>
/// <param name="DuplicateRows">Duplicate rows removed.</param>
/// <param name="OutOfOrderRows">Rows out of time order in the files.</param>
/// <param name="OffSessionBars">Bars outside the regular session.</param>
/// <param name="InvalidRows">Rows dropped for bad values.</param>
/// <param name="InconsistentBars">Bars with inconsistent OHLC.</param>
/// <param name="BadTickBars">Bars flagged as bad ticks.</param>
/// <param name="Jumps">Real jumps reported.</param>
/// <param name="SuspectedSplits">Suspected unadjusted splits.</param>
/// <param name="FlatZeroVolumeBars">Flat zero-volume bars.</param>
/// <param name="MeanScore">Mean quality score (0 when no symbol).</param>
/// <param name="MinScore">Lowest quality score (0 when no symbol).</param>
/// <param name="WorstSymbol">Symbol with the lowest score (first by ordinal order on a tie), or null.</param>
public sealed record DataQualitySummary(
    int Symbols,
    long RawRows,
    long CleanRows,
    long ExpectedBars,
    long MissingBars,
    double MissingPercent,
    long DuplicateRows,
    long OutOfOrderRows,
    long OffSessionBars,
    long InvalidRows,
    long InconsistentBars,
    long BadTickBars,
    long Jumps,
    int SuspectedSplits,
    long FlatZeroVolumeBars,
    double MeanScore,
    double MinScore,
    string? WorstSymbol)
{
    /// <summary>Adds up <paramref name="reports"/>.</summary>
    public static DataQualitySummary From(IEnumerable<DataQualityReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int symbols = 0, splits = 0;
        long raw = 0, clean = 0, expected = 0, missing = 0, dups = 0, order = 0, off = 0, invalid = 0, ohlc = 0, bad = 0, jumps = 0, flat = 0;
        double scoreSum = 0, minScore = double.PositiveInfinity;
        string? worst = null;
        foreach (var r in reports)
        {
            symbols++;
            raw += r.RawRows;
            clean += r.CleanRows;
            expected += r.Gaps.ExpectedBars;
            missing += r.Gaps.MissingBars;
            dups += r.Duplicates.RemovedRows;
            order += r.Order.OutOfOrderRows;
            off += r.Session.OffSession;
            invalid += r.InvalidValues.Dropped;
            ohlc += r.Ohlc.InconsistentBars;
            bad += r.Outliers.BadTickBars;
            jumps += r.Outliers.Jumps.Count;
            splits += r.Splits.Count;
            flat += r.Staleness.FlatZeroVolumeBars;
            scoreSum += r.Score.Total;
            if (r.Score.Total < minScore || (r.Score.Total == minScore && string.CompareOrdinal(r.Symbol, worst) < 0))
            {
                minScore = r.Score.Total;
                worst = r.Symbol;
            }
        }

        double missingPct = expected > 0 ? Math.Round(100.0 * missing / expected, 4) : 0;
        return new DataQualitySummary(symbols, raw, clean, expected, missing, missingPct, dups, order, off, invalid, ohlc, bad, jumps,
            splits, flat, symbols > 0 ? Math.Round(scoreSum / symbols, 1) : 0, symbols > 0 ? minScore : 0, worst);
    }
}
