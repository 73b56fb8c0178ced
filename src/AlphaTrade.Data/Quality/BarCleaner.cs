using System.Buffers;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Cleans raw vendor bars (file order, as loaded) into sorted, unique, in-session bars and reports what it found
/// per symbol. The rules, thresholds and policies are documented in docs/data-quality.md.
/// <para>
/// Order of the steps, each seeing the previous one's output: stable sort by time; drop bad values; collapse
/// duplicate timestamps; place bars in calendar sessions (drop or flag off-session bars); check OHLC; detect
/// suspected splits (and adjust when asked); detect outliers; measure the session grid (and fill when asked);
/// measure staleness; score. Work is O(n log n) for an unsorted file, O(n) for a sorted one, with pooled buffers.
/// </para>
/// <para>Immutable and thread-safe: one instance may clean many series concurrently.</para>
/// </summary>
public sealed class BarCleaner
{
    private readonly ITradingCalendar _calendar;

    /// <summary>Creates a cleaner for bars of exchanges following <paramref name="calendar"/>.</summary>
    /// <exception cref="AlphaTrade.Core.InputException">A setting in <paramref name="options"/> is out of range.</exception>
    public BarCleaner(ITradingCalendar calendar, BarCleanerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        options ??= BarCleanerOptions.Default;
        options.Validate();
        _calendar = calendar;
        Options = options;
    }

    /// <summary>The settings in force.</summary>
    public BarCleanerOptions Options { get; }

    /// <summary>The calendar sessions are taken from.</summary>
    public ITradingCalendar Calendar => _calendar;

    /// <summary>Cleans one symbol's raw series. The input is not modified.</summary>
    /// <exception cref="ArgumentException">The series has no valid time frame.</exception>
    /// <exception cref="AlphaTrade.Core.InputException">Its bars reach outside the calendar's supported range.</exception>
    public CleaningResult Clean(BarSeries raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.TimeFrame.Minutes <= 0)
        {
            throw new ArgumentException($"Series {raw.Symbol} has no valid time frame.", nameof(raw));
        }

        int n = raw.Count;
        using var ws = new CleaningWorkspace(n, raw.HasVwap, raw.HasTradeCount);
        OrderReport order;
        int[] perm = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        int[] scratch = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        try
        {
            order = StableTimeSort.Sort(raw.Time, perm, scratch, Options.MaxExamples);
            ws.LoadInOrder(raw, perm.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perm);
            ArrayPool<int>.Shared.Return(scratch);
        }

        var invalid = InvalidValueScreen.Apply(ws, Options.MaxExamples);
        var duplicates = DuplicateResolver.Apply(ws, Options.Duplicates, Options.MaxExamples);
        var sessions = SessionClassifier.LoadSessions(ws, _calendar, raw.TimeFrame, raw.Symbol);
        var session = SessionClassifier.Apply(ws, sessions, _calendar, raw.TimeFrame, Options);
        var ohlc = OhlcConsistencyCheck.Apply(ws, Options.OhlcInconsistency, Options.MaxExamples);
        var boundaries = new List<int>();
        var splits = SplitDetector.Apply(ws, sessions, Options, boundaries);
        var outliers = OutlierDetector.Apply(ws, sessions, raw.TimeFrame, Options, boundaries);
        int analysed = 0;
        for (int i = 0; i < ws.Count; i++)
        {
            analysed += ws.IsRegular(i) ? 1 : 0;
        }

        var (gaps, series) = SessionGridCoverage.Apply(ws, sessions, raw.Symbol, raw.TimeFrame, Options);
        var staleness = StalenessMeter.Measure(series, Options.StaleRunMinBars);
        var score = QualityScorer.Score(Options.ScoreWeights, n, analysed, order, invalid, duplicates, session, ohlc, splits, outliers, gaps, staleness);
        var report = new DataQualityReport(
            raw.Symbol,
            raw.TimeFrame,
            n,
            series.Count,
            series.Count > 0 ? series.FirstTimeUtc : null,
            series.Count > 0 ? series.LastTimeUtc : null,
            order,
            invalid,
            duplicates,
            session,
            ohlc,
            splits,
            outliers,
            gaps,
            staleness,
            score);
        return new CleaningResult(series, report);
    }

    /// <summary>
    /// Cleans every series, in parallel across symbols, and sums the reports. Results keep the input order, so
    /// the outcome does not depend on scheduling.
    /// </summary>
    public UniverseCleaningResult CleanAll(IEnumerable<BarSeries> raw, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var inputs = raw.ToArray();
        var results = new CleaningResult[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Clean(inputs[i]));
        return new UniverseCleaningResult(results, DataQualitySummary.From(results.Select(r => r.Report)));
    }
}
