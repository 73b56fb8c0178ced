using System.Globalization;
using System.Text;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Resampling;
using AlphaTrade.Data.Sample;
using AlphaTrade.Data.Storage;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Universe;

/// <summary>
/// The one way commands get bars: finds the universe's vendor files (or generates the sample market when there are
/// none), parses, cleans and resamples them to the run's bar size, and caches the result as Parquet so the next run
/// reads it directly. Thread-safe; symbols are processed in parallel with results in universe order.
/// </summary>
public sealed class MarketDataService
{
    /// <summary>Version of the clean-and-resample step; changing it invalidates processed cache entries.</summary>
    public const string ProcessingVersion = "clean-1";

    private const string SampleKeyFile = "_sample.key";
    private readonly ITradingCalendar _calendar;

    /// <summary>Creates the service over an exchange calendar.</summary>
    public MarketDataService(ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>Loads the universe described by <paramref name="request"/>.</summary>
    /// <exception cref="InputException">A vendor file is malformed or has bars coarser than the run needs.</exception>
    public MarketData Load(MarketDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Cleaning.Validate();
        var notices = new List<string>();
        var tradable = request.Symbols.Select(s => s.Symbol).ToList();
        var wanted = tradable.Append(request.Benchmark).Distinct(StringComparer.Ordinal).ToList();

        var files = FindFiles(request.RawDirectory, wanted, request.TimeFrame);
        bool isSample = !files.Keys.Any(tradable.Contains);
        string source = request.RawDirectory;
        if (isSample)
        {
            source = EnsureSampleMarket(request, out bool generated);
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"No data for the universe in {request.RawDirectory}: using the {(generated ? "newly generated" : "generated")} sample market in {request.SampleDirectory} " +
                $"(seed {request.Sample.Seed}, {request.Sample.Start:yyyy-MM-dd} to {request.Sample.End:yyyy-MM-dd}, {request.TimeFrame}). " +
                $"Put vendor files such as {request.RawDirectory}/AAPL_15min.csv there to use real data."));
            files = FindFiles(source, wanted, request.TimeFrame);
        }

        var missing = tradable.Where(s => !files.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            notices.Add($"No data for {missing.Count} of {tradable.Count} symbols in {source}: {string.Join(' ', missing)}; they are left out.");
        }

        if (!files.ContainsKey(request.Benchmark))
        {
            notices.Add($"No data for the benchmark {request.Benchmark} in {source}: benchmark-relative metrics are left out.");
        }

        var cache = request.UseCache ? new BarCache(Path.Combine(request.ProcessedDirectory, "bars")) : null;
        var cleaner = new BarCleaner(_calendar, request.Cleaning);
        var processing = new BarProcessing(ProcessingKey(request), raw => Process(cleaner, raw, request.TimeFrame));
        var order = wanted.Where(files.ContainsKey).ToList();
        var loaded = new BarSeries[order.Count];
        var hashes = new ulong[order.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, order.Count, parallel, i =>
        {
            var path = files[order[i]];
            var fileOptions = request.File with { Symbol = order[i] };
            var result = cache is not null
                ? cache.Load(path, fileOptions, processing)
                : new LoadResult(path, processing.Process(BarFileReader.Read(path, fileOptions).Series), 0, 0, [], string.Empty);
            loaded[i] = Window(result.Series, request.Start, request.End);
            hashes[i] = DataFingerprint.HashOf(loaded[i]); // for the reproducibility record, while the other core is busy too
        });

        // Plain loops here too (LINQ over tuples is compiled at run time in every command).
        var bySymbol = new Dictionary<string, BarSeries>(StringComparer.Ordinal);
        var hashOf = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
        {
            bySymbol[order[i]] = loaded[i];
            hashOf[order[i]] = hashes[i];
            fingerprints[order[i]] = DataFingerprint.ToText(hashes[i]);
        }

        var series = new List<BarSeries>(tradable.Count);
        foreach (var symbol in tradable)
        {
            if (bySymbol.TryGetValue(symbol, out var s))
            {
                series.Add(s);
            }
        }

        bySymbol.TryGetValue(request.Benchmark, out var benchmark);
        var all = benchmark is null || tradable.Contains(request.Benchmark) ? series : [.. series, benchmark];
        var hashed = new (BarSeries Series, ulong Hash)[all.Count];
        for (int i = 0; i < hashed.Length; i++)
        {
            hashed[i] = (all[i], hashOf[all[i].Symbol]);
        }

        string fingerprint = DataFingerprint.Of(hashed);
        return new MarketData(series, benchmark, request.TimeFrame, isSample, source, fingerprint, notices, fingerprints);
    }

    /// <summary>The cache key of the processing step: every setting that changes the processed bars.</summary>
    internal static string ProcessingKey(MarketDataRequest request) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ProcessingVersion}|tf={request.TimeFrame}|clean={CleaningKey(request.Cleaning)}");

    /// <summary>
    /// Every cleaning setting as text, for the cache key (a test changes each public setting in turn and checks the key
    /// changes, so a setting added later cannot be left out unnoticed). Written by hand: serialising the settings as
    /// JSON cost a short command ~40 ms of serializer start-up.
    /// </summary>
    internal static string CleaningKey(BarCleanerOptions o)
    {
        var w = o.ScoreWeights;
        return string.Create(CultureInfo.InvariantCulture,
            $"dup={o.Duplicates};off={o.OffSession};ohlc={o.OhlcInconsistency};misaligned={o.DropMisalignedBars};missing={o.MissingBars};" +
            $"sessions={o.FillMissingSessions};outz={o.OutlierThreshold:R};outwin={o.OutlierWindow};minscale={o.MinimumReturnScale:R};" +
            $"badtick={o.BadTickMaxBars},{o.BadTickRevertFraction:R},{o.BadTickGapFraction:R};outliers={o.Outliers};" +
            $"splits={string.Join(",", o.SplitRatios.Select(r => r.ToString("R", CultureInfo.InvariantCulture)))};splittol={o.SplitTolerance:R};" +
            $"splitpolicy={o.Splits};stale={o.StaleRunMinBars};examples={o.MaxExamples};" +
            $"weights={w.Completeness:R},{w.Validity:R},{w.Uniqueness:R},{w.Outliers:R},{w.Splits:R},{w.Staleness:R}");
    }

    private static BarSeries Process(BarCleaner cleaner, BarSeries raw, TimeFrame target)
    {
        var clean = cleaner.Clean(raw).Series;
        if (clean.TimeFrame == target)
        {
            return clean;
        }

        if (clean.TimeFrame.Minutes > target.Minutes || target.Minutes % clean.TimeFrame.Minutes != 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{raw.Symbol}: bars are {clean.TimeFrame}; the run needs {target}, which they cannot be resampled to (use finer bars or set data.timeframe)"));
        }

        return new BarResampler(cleaner.Calendar).Resample(clean, target);
    }

    private BarSeries Window(BarSeries series, DateOnly? start, DateOnly? end)
    {
        if (series.Count == 0 || (start is null && end is null))
        {
            return series;
        }

        int from = start is { } s ? series.LowerBound(SessionOpenTicks(s)) : 0;
        int to = end is { } e ? series.LowerBound(SessionOpenTicks(e.AddDays(1))) : series.Count;
        return from == 0 && to == series.Count ? series : series.Slice(from, Math.Max(0, to - from));
    }

    // Midnight New York of the date, in UTC ticks: before that date's session, after the previous one's.
    private long SessionOpenTicks(DateOnly date) => _calendar.ToUtc(date.ToDateTime(TimeOnly.MinValue)).Ticks;

    /// <summary>The best file per wanted symbol in <paramref name="directory"/>: exact bar size, else a finer one that divides it; empty when the folder is missing.</summary>
    public static Dictionary<string, string> FindFiles(string directory, IReadOnlyCollection<string> symbols, TimeFrame timeFrame)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        // Plain loops: LINQ over value tuples would be compiled at run time in every command (~30 ms of JIT).
        var wanted = new HashSet<string>(symbols, StringComparer.Ordinal);
        var paths = Directory.GetFiles(directory);
        Array.Sort(paths, StringComparer.Ordinal);
        var seen = new List<string>(); // symbols in order of their first file
        var best = new Dictionary<string, (string Path, int Rank)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            string fileName = Path.GetFileName(path);
            if (fileName.StartsWith('.') || fileName.StartsWith('_'))
            {
                continue;
            }

            var name = BarFileName.Parse(path);
            if (name.Kind == BarFileKind.Unknown || !wanted.Contains(name.Symbol))
            {
                continue;
            }

            if (!best.TryGetValue(name.Symbol, out var current))
            {
                seen.Add(name.Symbol);
                current = (string.Empty, -1);
            }

            int rank = Rank(name.TimeFrame, timeFrame);
            // Lowest rank wins; on a tie the first path in ordinal order (paths are visited in that order).
            if (rank >= 0 && (current.Rank < 0 || rank < current.Rank))
            {
                current = (path, rank);
            }

            best[name.Symbol] = current;
        }

        foreach (var symbol in seen)
        {
            if (best[symbol] is { Rank: >= 0 } b)
            {
                result[symbol] = b.Path;
            }
        }

        return result;
    }

    // 0: exact; 1..: finer bars that divide the target (coarsest first); unknown size last; -1: unusable (coarser).
    private static int Rank(TimeFrame? fileFrame, TimeFrame target)
    {
        if (fileFrame is not { } f)
        {
            return 10_000;
        }

        if (f == target)
        {
            return 0;
        }

        return f.Minutes < target.Minutes && !target.IsDaily && target.Minutes % f.Minutes == 0 ? 1 + (target.Minutes / f.Minutes)
            : f.Minutes < target.Minutes && target.IsDaily ? 5_000 - f.Minutes
            : -1;
    }

    /// <summary>
    /// Makes sure the sample market for the request is on disk: reuses the files when their key matches, otherwise
    /// generates and writes them (the key file last, so an interrupted write is regenerated next time).
    /// </summary>
    public string EnsureSampleMarket(MarketDataRequest request, out bool generated)
    {
        var options = request.Sample with
        {
            Universe = request.Symbols,
            Benchmark = request.Benchmark,
            TimeFrame = request.TimeFrame,
        };
        string dir = request.SampleDirectory;
        string keyPath = Path.Combine(dir, SampleKeyFile);
        string key = SampleKey(options);
        generated = false;
        if (File.Exists(keyPath) && string.Equals(File.ReadAllText(keyPath), key, StringComparison.Ordinal)
            && options.Universe.All(s => File.Exists(Path.Combine(dir, SampleMarketWriter.FileName(s.Symbol, options.TimeFrame)))))
        {
            return dir;
        }

        Directory.CreateDirectory(dir);
        var market = new SampleMarketGenerator(_calendar).Generate(options);
        SampleMarketWriter.Write(market, dir);
        AtomicFile.Write(keyPath, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(key));
        generated = true;
        return dir;
    }

    private static string SampleKey(SampleMarketOptions o) =>
        string.Create(CultureInfo.InvariantCulture,
            $"sample-1|seed={o.Seed}|{o.Start:yyyy-MM-dd}|{o.End:yyyy-MM-dd}|{o.TimeFrame}|faults={o.Faults}|crash={o.PlantCrash}|bench={o.Benchmark}|{string.Join(',', o.Universe.Select(s => s.Symbol + ":" + s.Sector))}");
}
