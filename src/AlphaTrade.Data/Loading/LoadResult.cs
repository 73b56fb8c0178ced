using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// One loaded file: its bars, in file order (neither sorted nor deduplicated), and what the loader saw.
/// </summary>
public sealed class LoadResult
{
    /// <summary>Creates a result.</summary>
    public LoadResult(string sourcePath, BarSeries series, long rowsRead, long rowsSkipped, IReadOnlyList<string> skippedRowMessages, string format, bool fromCache = false)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(skippedRowMessages);
        ArgumentNullException.ThrowIfNull(format);
        SourcePath = sourcePath;
        Series = series;
        RowsRead = rowsRead;
        RowsSkipped = rowsSkipped;
        SkippedRowMessages = skippedRowMessages;
        Format = format;
        FromCache = fromCache;
    }

    /// <summary>The file read, as given.</summary>
    public string SourcePath { get; }

    /// <summary>The bars, in file order.</summary>
    public BarSeries Series { get; }

    /// <summary>Ticker of <see cref="Series"/>.</summary>
    public string Symbol => Series.Symbol;

    /// <summary>Data rows seen (header and blank lines excluded): bars loaded plus rows skipped.</summary>
    public long RowsRead { get; }

    /// <summary>Rows dropped under <see cref="BadRowPolicy.Skip"/>.</summary>
    public long RowsSkipped { get; }

    /// <summary>"file:line: problem" for the first skipped rows (up to <see cref="BarFileOptions.MaxSkippedMessages"/>).</summary>
    public IReadOnlyList<string> SkippedRowMessages { get; }

    /// <summary>What the loader detected, e.g. "CSV (comma), gzip, columns timestamp,open,…; ISO-8601 with UTC offset".</summary>
    public string Format { get; }

    /// <summary>True when the bars came from the processed-data cache instead of parsing the file.</summary>
    public bool FromCache { get; }
}
