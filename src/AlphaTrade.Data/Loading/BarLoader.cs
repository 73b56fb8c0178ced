using System.Collections.Concurrent;
using AlphaTrade.Core;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// Loads the bar files of many symbols in parallel: a folder, a glob (<c>data/raw/*_15min.csv</c>), a single file
/// or a list of paths. One file per symbol is chosen (see <see cref="BarLoadOptions.TimeFrame"/>); results come back
/// sorted by symbol (ordinal), whatever the thread timing.
/// </summary>
public static class BarLoader
{
    private static readonly EnumerationOptions GlobOptions = new()
    {
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
    };

    /// <summary>Loads every bar file in a folder, matching a glob in its last path segment, or one file.</summary>
    /// <exception cref="InputException">Nothing matches, a requested symbol has no file, or a file is malformed.</exception>
    public static IReadOnlyList<LoadResult> LoadMany(string source, BarLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return LoadFiles(FindFiles(source), source, options ?? BarLoadOptions.Default);
    }

    /// <summary>Loads the given files (one per symbol is kept, as for a folder).</summary>
    /// <exception cref="InputException">A requested symbol has no file or a file is missing or malformed.</exception>
    public static IReadOnlyList<LoadResult> LoadMany(IEnumerable<string> paths, BarLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        return LoadFiles(list, list.Count == 1 ? list[0] : "the given files", options ?? BarLoadOptions.Default);
    }

    /// <summary>The bar files <paramref name="source"/> designates (folder, glob or file), in ordinal order.</summary>
    internal static List<string> FindFiles(string source)
    {
        if (Directory.Exists(source))
        {
            var files = Directory.EnumerateFiles(source, "*", GlobOptions)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && BarFileName.Parse(f).Kind != BarFileKind.Unknown)
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count > 0
                ? files
                : throw new InputException($"{source}: no bar files in this folder; expected e.g. AAPL_15min.csv, AAPL_5min.csv.gz or AAPL.parquet");
        }

        string name = Path.GetFileName(source);
        if (name.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            string dir = Path.GetDirectoryName(source) is { Length: > 0 } d ? d : ".";
            if (dir.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                throw new InputException($"{source}: wildcards are supported in the file name only");
            }

            if (!Directory.Exists(dir))
            {
                throw new InputException($"{source}: no such folder {dir}");
            }

            var files = Directory.EnumerateFiles(dir, name, GlobOptions).Order(StringComparer.Ordinal).ToList();
            return files.Count > 0 ? files : throw new InputException($"{source}: no file matches");
        }

        return File.Exists(source) ? [source] : throw new InputException($"{source}: no such file or folder");
    }

    /// <summary>One file per symbol, sorted by symbol; see <see cref="BarLoadOptions.TimeFrame"/> for the choice.</summary>
    internal static List<(string Symbol, string Path)> SelectFiles(IEnumerable<string> paths, string source, BarLoadOptions options)
    {
        var wanted = options.Symbols?.Select(s => s.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var chosen = paths
            .Select(p => (Path: p, Name: BarFileName.Parse(p)))
            .Where(x => wanted is null || wanted.Contains(x.Name.Symbol))
            .GroupBy(x => x.Name.Symbol, StringComparer.Ordinal)
            .Select(g => (Symbol: g.Key, g.OrderBy(x => Rank(x.Name, options.TimeFrame)).ThenBy(x => x.Name.Kind == BarFileKind.Parquet ? 0 : 1)
                .ThenBy(x => x.Path, StringComparer.Ordinal).First().Path))
            .OrderBy(x => x.Symbol, StringComparer.Ordinal)
            .ToList();
        if (wanted is not null)
        {
            var missing = wanted.Except(chosen.Select(c => c.Symbol), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InputException($"{source}: no file for symbol{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
            }
        }

        return chosen;
    }

    private static IReadOnlyList<LoadResult> LoadFiles(List<string> paths, string source, BarLoadOptions options)
    {
        var selected = SelectFiles(paths, source, options);
        var fileOptions = options.File with { Symbol = null };
        var results = new LoadResult[selected.Count];
        var errors = new ConcurrentDictionary<int, Exception>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxParallelism > 0 ? options.MaxParallelism : Environment.ProcessorCount,
        };

        // Biggest files first keeps the cores busy to the end.
        var order = Enumerable.Range(0, selected.Count)
            .OrderByDescending(i => SafeLength(selected[i].Path))
            .ThenBy(i => i)
            .ToArray();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), parallel, i =>
        {
            try
            {
                string path = selected[i].Path;
                results[i] = options.Cache is { } cache ? cache.Load(path, fileOptions) : BarFileReader.Read(path, fileOptions);
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        });

        if (!errors.IsEmpty)
        {
            // Deterministic: report the failure of the first symbol in order.
            var first = errors[errors.Keys.Min()];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return results;
    }

    private static int Rank(BarFileName name, Core.Time.TimeFrame? wanted)
    {
        // Lower is better. Unknown bar sizes come last.
        if (name.TimeFrame is not { } tf)
        {
            return int.MaxValue;
        }

        if (wanted is not { } w)
        {
            return tf.Minutes;
        }

        if (tf == w)
        {
            return 0;
        }

        if (!w.IsDaily && !tf.IsDaily && w.Minutes % tf.Minutes == 0)
        {
            return 1 + (w.Minutes / tf.Minutes);
        }

        if (w.IsDaily && !tf.IsDaily)
        {
            return 1 + (TimeFrameRankSpan - tf.Minutes);
        }

        return TimeFrameRankSpan + tf.Minutes;
    }

    private const int TimeFrameRankSpan = 100_000;

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
