using System.Globalization;
using System.Text;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Loading;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Storage;

/// <summary>
/// Processed-data cache: each raw vendor file, once parsed, is kept as AlphaTrade Parquet under
/// <see cref="Directory"/> and reused while the raw file is unchanged.
/// <para>
/// The key covers the raw file's full path, size, last-write time and a content fingerprint (XXH64 of its length
/// and first and last 64 KiB), the <see cref="ProcessingVersion"/> and every option that changes the output. A
/// changed raw file gets a new entry and the old one is removed. Entries are written atomically (temporary file in
/// the cache folder, then rename); nothing is ever written next to the raw file. Thread-safe; processes may share
/// a cache folder.
/// </para>
/// </summary>
public sealed class BarCache
{
    /// <summary>The conventional cache folder, relative to the repository root.</summary>
    public const string DefaultDirectory = "data/processed";

    /// <summary>Version of the loading code's output; changing it invalidates every entry.</summary>
    public const string ProcessingVersion = "loader-1";

    private const int FingerprintBlock = 64 * 1024;
    private const string KeyKey = "alphatrade.cache.key";
    private const string RowsReadKey = "alphatrade.cache.rows_read";
    private const string RowsSkippedKey = "alphatrade.cache.rows_skipped";
    private const string MessagesKey = "alphatrade.cache.skipped_messages";
    private const string SourceFormatKey = "alphatrade.cache.source_format";

    /// <summary>Creates a cache in <paramref name="directory"/> (created on first write).</summary>
    public BarCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Absolute path of the cache folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// Loads <paramref name="rawPath"/> from the cache when an entry for its current content exists, else parses it
    /// with <see cref="BarFileReader"/> and stores the result. <see cref="LoadResult.FromCache"/> tells which.
    /// </summary>
    /// <exception cref="InputException">The raw file is missing or malformed, or the cache folder is its folder.</exception>
    public LoadResult Load(string rawPath, BarFileOptions? options = null) => Load(rawPath, options, processing: null);

    /// <summary>
    /// Like <see cref="Load(string, BarFileOptions?)"/>, but caches the bars after <paramref name="processing"/> (for
    /// example cleaning and resampling): a hit skips parsing and processing alike. The processing's
    /// <see cref="BarProcessing.Key"/> is part of the entry key, so changing how bars are processed never reuses stale
    /// entries. Without processing this is the plain parse cache.
    /// </summary>
    /// <exception cref="InputException">The raw file is missing or malformed, or the cache folder is its folder.</exception>
    public LoadResult Load(string rawPath, BarFileOptions? options, BarProcessing? processing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawPath);
        options ??= BarFileOptions.Default;
        var key = ComputeKey(rawPath, options, processing?.Key);
        if (File.Exists(key.EntryPath) && TryReadEntry(key, rawPath) is { } cached)
        {
            return cached;
        }

        var result = BarFileReader.Read(rawPath, options);
        if (processing is not null)
        {
            result = new LoadResult(result.SourcePath, processing.Process(result.Series), result.RowsRead, result.RowsSkipped, result.SkippedRowMessages, result.Format);
        }

        var after = new FileInfo(key.RawFullPath);
        if (after.Exists && after.Length == key.Size && after.LastWriteTimeUtc.Ticks == key.LastWriteTicks)
        {
            Store(key, result);
        }

        return result;
    }

    /// <summary>The entry file <paramref name="rawPath"/> would be cached in now (for diagnostics and tests).</summary>
    internal string EntryPathFor(string rawPath, BarFileOptions? options = null) =>
        ComputeKey(rawPath, options ?? BarFileOptions.Default, null).EntryPath;

    private CacheKey ComputeKey(string rawPath, BarFileOptions options, string? processingKey)
    {
        string full = Path.GetFullPath(rawPath);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new InputException($"{rawPath}: no such file");
        }

        string rawDir = Path.GetDirectoryName(full) ?? string.Empty;
        if (string.Equals(Path.TrimEndingDirectorySeparator(rawDir), Path.TrimEndingDirectorySeparator(Directory), StringComparison.Ordinal))
        {
            throw new InputException($"{Directory}: the cache folder is the raw data folder of {rawPath}; use a separate folder such as {DefaultDirectory}");
        }

        long size = info.Length;
        long written = info.LastWriteTimeUtc.Ticks;
        ulong content = ContentFingerprint(full, size);
        string optionsText = string.Create(CultureInfo.InvariantCulture,
            $"symbol={options.Symbol};tf={options.TimeFrame};label={options.Label};bad={options.BadRows};tz={options.ExchangeTime?.Name ?? "America/New_York"};daily={options.DailyBarTime:HH\\:mm\\:ss};msgs={options.MaxSkippedMessages}");
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{ProcessingVersion}|{BarParquet.FormatVersion}|{full}|{size}|{written}|{content:x16}|{optionsText}|{processingKey}");
        ulong pathHash = XxHash64.Hash(Encoding.UTF8.GetBytes(full));
        ulong keyHash = XxHash64.Hash(Encoding.UTF8.GetBytes(text));
        string symbol = SafeFileName(string.IsNullOrWhiteSpace(options.Symbol) ? BarFileName.Parse(full).Symbol : options.Symbol.Trim().ToUpperInvariant());
        // Processed and plain entries of one raw file live side by side: the processing key is part of the prefix.
        uint procHash = processingKey is null ? 0u : (uint)XxHash64.Hash(Encoding.UTF8.GetBytes(processingKey));
        string prefix = string.Create(CultureInfo.InvariantCulture, $"{symbol}_{(uint)pathHash:x8}_{procHash:x8}_");
        return new CacheKey(text, full, size, written, prefix, Path.Combine(Directory, prefix + keyHash.ToString("x16", CultureInfo.InvariantCulture) + ".parquet"));
    }

    private static LoadResult? TryReadEntry(CacheKey key, string rawPath)
    {
        byte[]? buffer = null;
        try
        {
            using (var file = BarFileReader.OpenRead(key.EntryPath))
            {
                buffer = BarParquet.RentAll(file, out int length);
                var result = BarParquet.Read(buffer, length, rawPath, BarFileOptions.Default, out var meta);
                return ToCachedResult(result, meta, key, rawPath);
            }
        }
        catch (Exception ex) when (ex is InputException or IOException or KeyNotFoundException or FormatException)
        {
            // Unreadable or foreign entry: rebuild it.
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static LoadResult? ToCachedResult(LoadResult result, IReadOnlyDictionary<string, string> meta, CacheKey key, string rawPath)
    {
        if (!meta.TryGetValue(KeyKey, out var stored) || !string.Equals(stored, key.Text, StringComparison.Ordinal))
        {
            return null;
        }

        long rowsRead = long.Parse(meta[RowsReadKey], CultureInfo.InvariantCulture);
        long rowsSkipped = long.Parse(meta[RowsSkippedKey], CultureInfo.InvariantCulture);
        string messages = meta.TryGetValue(MessagesKey, out var m) ? m : string.Empty;
        var list = messages.Length == 0 ? [] : messages.Split('\n');
        return new LoadResult(rawPath, result.Series, rowsRead, rowsSkipped, list, meta[SourceFormatKey], fromCache: true);
    }

    private void Store(CacheKey key, LoadResult result)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KeyKey] = key.Text,
            [RowsReadKey] = result.RowsRead.ToString(CultureInfo.InvariantCulture),
            [RowsSkippedKey] = result.RowsSkipped.ToString(CultureInfo.InvariantCulture),
            [MessagesKey] = string.Join('\n', result.SkippedRowMessages),
            [SourceFormatKey] = result.Format,
        };
        AtomicFile.Write(key.EntryPath, BarParquet.ToBytes(result.Series, meta));

        // Entries of earlier versions of the same raw file are dead: remove them.
        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, key.Prefix + "*.parquet"))
        {
            if (!string.Equals(stale, key.EntryPath, StringComparison.Ordinal) && Path.GetFileName(stale).StartsWith(key.Prefix, StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(stale);
                }
                catch (IOException)
                {
                    // Another process may be reading it; it is unreachable anyway.
                }
            }
        }
    }

    /// <summary>XXH64 of the length and the first and last 64 KiB (the whole file when smaller than 128 KiB).</summary>
    internal static ulong ContentFingerprint(string path, long size)
    {
        var h = new XxHash64();
        h.Append(size);
        byte[] block = System.Buffers.ArrayPool<byte>.Shared.Rent(FingerprintBlock);
        try
        {
            return ContentFingerprint(path, size, h, block);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        }
    }

    private static ulong ContentFingerprint(string path, long size, XxHash64 h, byte[] block)
    {
        using var file = BarFileReader.OpenRead(path);
        int got = file.ReadAtLeast(block, FingerprintBlock, throwOnEndOfStream: false);
        h.Append(block.AsSpan(0, got));
        if (size > FingerprintBlock)
        {
            long tailStart = Math.Max(FingerprintBlock, size - FingerprintBlock);
            file.Position = tailStart;
            got = file.ReadAtLeast(block, (int)(size - tailStart), throwOnEndOfStream: false);
            h.Append(block.AsSpan(0, got));
        }

        return h.GetCurrentHash();
    }

    private static string SafeFileName(string symbol)
    {
        var sb = new StringBuilder(symbol.Length);
        foreach (char c in symbol)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }

    private sealed record CacheKey(string Text, string RawFullPath, long Size, long LastWriteTicks, string Prefix, string EntryPath);
}

/// <summary>A deterministic transformation of freshly parsed bars (e.g. cleaning and resampling) that the cache stores.</summary>
/// <param name="Key">Identifies the transformation and every setting that changes its output.</param>
/// <param name="Process">The transformation; must be pure: same input, same output.</param>
public sealed record BarProcessing(string Key, Func<BarSeries, BarSeries> Process);
