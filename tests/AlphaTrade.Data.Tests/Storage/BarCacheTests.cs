using AlphaTrade.Core;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;
using AlphaTrade.Data.Tests.Loading;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Tests.Storage;

public sealed class BarCacheTests : IDisposable
{
    private const string Csv = "timestamp,open,high,low,close,volume\n2024-01-02 09:30,1,2,0.5,1.5,100\n2024-01-02 09:45,1.5,2.5,1,2,200\n";
    private readonly TempFolder _dir = new();

    public BarCacheTests()
    {
        Directory.CreateDirectory(_dir.Combine("raw"));
    }

    public void Dispose() => _dir.Dispose();

    private BarCache NewCache() => new(_dir.Combine("processed"));

    private string[] CacheFiles() => Directory.Exists(_dir.Combine("processed"))
        ? Directory.GetFiles(_dir.Combine("processed")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray()
        : [];

    [Fact]
    public void Load_FirstMissThenHit_SameBarsAndDiagnostics()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var cache = NewCache();
        var first = cache.Load(raw);
        var second = cache.Load(raw);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(DataFingerprint.Of(first.Series), DataFingerprint.Of(second.Series));
        Assert.Equal(first.Series.Close.ToArray(), second.Series.Close.ToArray());
        Assert.Equal("AAPL", second.Series.Symbol);
        Assert.Equal(first.Series.TimeFrame, second.Series.TimeFrame);
        Assert.Equal(first.Format, second.Format);
        Assert.Equal(2, second.RowsRead);
        Assert.Equal(raw, second.SourcePath);
        var files = CacheFiles();
        Assert.Single(files);
        // symbol, options hash, processing hash (zero when bars are loaded as they are), key hash
        Assert.Matches("^AAPL_[0-9a-f]{8}_00000000_[0-9a-f]{16}\\.parquet$", files[0]);
    }

    [Fact]
    public void Load_SkippedRows_DiagnosticsSurviveTheCache()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv + "2024-01-02 10:00,1,1,1,bad,1\n");
        var cache = NewCache();
        var opts = new BarFileOptions { BadRows = BadRowPolicy.Skip };
        var first = cache.Load(raw, opts);
        var hit = cache.Load(raw, opts);
        Assert.True(hit.FromCache);
        Assert.Equal(3, hit.RowsRead);
        Assert.Equal(1, hit.RowsSkipped);
        Assert.Equal([$"{raw}:4: 'bad' in column close is not a number"], hit.SkippedRowMessages);
        Assert.Equal(first.SkippedRowMessages, hit.SkippedRowMessages);
    }

    [Fact]
    public void Load_RawFileChanged_MissAndOldEntryRemoved()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var cache = NewCache();
        cache.Load(raw);
        string oldEntry = cache.EntryPathFor(raw);

        // Same length, different content, later write time.
        File.WriteAllText(raw, Csv.Replace("1.5,100", "1.7,100", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(raw, File.GetLastWriteTimeUtc(raw).AddSeconds(5));
        var changed = cache.Load(raw);
        Assert.False(changed.FromCache);
        Assert.Equal(1.7, changed.Series.Close[0]);
        Assert.NotEqual(oldEntry, cache.EntryPathFor(raw));
        Assert.False(File.Exists(oldEntry));
        Assert.Single(CacheFiles());
        Assert.True(cache.Load(raw).FromCache);
    }

    [Fact]
    public void Load_ContentChangedWithSameSizeAndTime_DetectedByFingerprint()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(raw, stamp);
        var cache = NewCache();
        cache.Load(raw);
        File.WriteAllText(raw, Csv.Replace("1.5,100", "1.9,100", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(raw, stamp);
        var again = cache.Load(raw);
        Assert.False(again.FromCache);
        Assert.Equal(1.9, again.Series.Close[0]);
    }

    [Fact]
    public void Load_OutputChangingOptions_SeparateKeys()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var cache = NewCache();
        var start = cache.Load(raw);
        var end = cache.Load(raw, new BarFileOptions { Label = BarLabel.End });
        Assert.False(end.FromCache);
        Assert.Equal(start.Series.Time[0] - TimeSpan.FromMinutes(15).Ticks, end.Series.Time[0]);
        Assert.NotEqual(cache.EntryPathFor(raw), cache.EntryPathFor(raw, new BarFileOptions { Label = BarLabel.End }));
        Assert.True(cache.Load(raw, new BarFileOptions { Label = BarLabel.End }).FromCache);
    }

    [Fact]
    public void Load_AnyCall_NeverWritesIntoTheRawFolder()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var before = Directory.GetFileSystemEntries(_dir.Combine("raw"));
        var cache = NewCache();
        cache.Load(raw);
        cache.Load(raw);
        Assert.Equal(before, Directory.GetFileSystemEntries(_dir.Combine("raw")));
    }

    [Fact]
    public void Load_CacheFolderIsTheRawFolder_Refused()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var cache = new BarCache(_dir.Combine("raw"));
        var ex = Assert.Throws<InputException>(() => cache.Load(raw));
        Assert.Equal($"{_dir.Combine("raw")}: the cache folder is the raw data folder of {raw}; use a separate folder such as data/processed", ex.Message);
        Assert.Single(Directory.GetFiles(_dir.Combine("raw")));
    }

    [Fact]
    public void Load_CorruptEntry_RebuiltFromTheRawFile()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv);
        var cache = NewCache();
        cache.Load(raw);
        File.WriteAllText(cache.EntryPathFor(raw), "garbage");
        var r = cache.Load(raw);
        Assert.False(r.FromCache);
        Assert.Equal(2, r.Series.Count);
        Assert.True(cache.Load(raw).FromCache);
    }

    [Fact]
    public void Load_BadRawFile_NothingCached()
    {
        string raw = _dir.Write("raw/AAPL_15min.csv", Csv + "2024-01-02 10:00,1,1,1,bad,1\n");
        var cache = NewCache();
        Assert.Throws<InputException>(() => cache.Load(raw));
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void AtomicWrite_WriterFails_NoPartialOrTemporaryFileLeft()
    {
        string target = _dir.Combine("out/A.parquet");
        var ex = Assert.Throws<IOException>(() => AtomicFile.Write(target, s =>
        {
            s.Write(new byte[1000]);
            throw new IOException("disk full");
        }));
        Assert.Equal("disk full", ex.Message);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(_dir.Combine("out"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AtomicWrite_ExistingTargetAndFailure_OldContentKept()
    {
        string target = _dir.Write("A.bin", "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, s =>
        {
            s.Write("new, partial"u8);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_dir.Path));

        AtomicFile.Write(target, "new"u8.ToArray());
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }
}
