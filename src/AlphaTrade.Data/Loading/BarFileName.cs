using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Loading;

/// <summary>Container format of a bar file, from its extension.</summary>
public enum BarFileKind
{
    /// <summary>Not a recognised bar file extension.</summary>
    Unknown,

    /// <summary>Delimited text: .csv, .tsv or .txt, optionally gzip-compressed (.gz).</summary>
    Text,

    /// <summary>Apache Parquet: .parquet or .pq.</summary>
    Parquet,
}

/// <summary>
/// What a bar file's name says: ticker, bar size and format. <c>AAPL_15min.csv</c> → AAPL, 15min, text;
/// <c>BRK.B_5min.csv.gz</c> → BRK.B, 5min, gzip text; <c>AAPL-1h.csv</c> → AAPL, 60min; <c>aapl.csv</c> → AAPL, no
/// bar size. The bar size is the last <c>_</c>- or <c>-</c>-separated token that reads as one (see
/// <see cref="Core.Time.TimeFrame.TryParse"/>); the ticker is everything before it, upper-cased.
/// </summary>
/// <param name="Symbol">Ticker, upper case.</param>
/// <param name="TimeFrame">Bar size named in the file name, if any.</param>
/// <param name="Kind">Container format.</param>
/// <param name="IsGzip">True for a .gz name.</param>
public readonly record struct BarFileName(string Symbol, TimeFrame? TimeFrame, BarFileKind Kind, bool IsGzip)
{
    private static readonly string[] TextExtensions = [".csv", ".tsv", ".txt"];
    private static readonly string[] ParquetExtensions = [".parquet", ".pq"];

    /// <summary>Reads the name part of <paramref name="path"/>.</summary>
    public static BarFileName Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string stem = Path.GetFileName(path);
        bool gzip = false;
        if (stem.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            gzip = true;
            stem = stem[..^3];
        }

        var kind = BarFileKind.Unknown;
        if (TryStrip(ref stem, TextExtensions))
        {
            kind = BarFileKind.Text;
        }
        else if (!gzip && TryStrip(ref stem, ParquetExtensions))
        {
            kind = BarFileKind.Parquet;
        }

        TimeFrame? timeFrame = null;
        string symbol = stem;
        int end = stem.Length;
        for (int i = stem.Length - 1; i > 0; i--)
        {
            if (stem[i] != '_' && stem[i] != '-')
            {
                continue;
            }

            var token = stem.AsSpan(i + 1, end - i - 1);
            if (IsTimeFrameToken(token, out var tf))
            {
                timeFrame = tf;
                symbol = stem[..i];
                break;
            }

            end = i;
        }

        return new BarFileName(symbol.Trim().ToUpperInvariant(), timeFrame, kind, gzip);
    }

    private static bool TryStrip(ref string stem, string[] extensions)
    {
        foreach (var ext in extensions)
        {
            if (stem.Length > ext.Length && stem.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^ext.Length];
                return true;
            }
        }

        return false;
    }

    private static bool IsTimeFrameToken(ReadOnlySpan<char> token, out TimeFrame timeFrame)
    {
        timeFrame = default;

        // A bare "d" is more likely a share class (XYZ-D) than "daily".
        return !token.Equals("d", StringComparison.OrdinalIgnoreCase) && Core.Time.TimeFrame.TryParse(token, out timeFrame);
    }
}
