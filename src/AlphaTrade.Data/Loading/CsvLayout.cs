using System.Text;
using AlphaTrade.Core;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// The shape of a delimited bar file, found from its first line: delimiter, header (or none) and which field
/// holds what.
/// </summary>
internal sealed class CsvLayout
{
    private static readonly byte[] Delimiters = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    private CsvLayout(byte delimiter, bool hasHeader, string[] names, BarColumn[] roles)
    {
        Delimiter = delimiter;
        HasHeader = hasHeader;
        Names = names;

        // Only fields up to the last used one are visited per row.
        int last = Array.FindLastIndex(roles, r => r != BarColumn.Ignore);
        Roles = roles[..(last + 1)];
        TimestampField = Array.IndexOf(Roles, BarColumn.Timestamp);
        DateField = Array.IndexOf(Roles, BarColumn.Date);
        TimeField = Array.IndexOf(Roles, BarColumn.Time);
        HasVwap = Array.IndexOf(Roles, BarColumn.Vwap) >= 0;
        HasTradeCount = Array.IndexOf(Roles, BarColumn.TradeCount) >= 0;
    }

    /// <summary>Field separator.</summary>
    public byte Delimiter { get; }

    /// <summary>False when the first line is already data (columns assumed in the usual order).</summary>
    public bool HasHeader { get; }

    /// <summary>Column names as written (or assumed), for messages.</summary>
    public string[] Names { get; }

    /// <summary>Role of each field up to the last used one.</summary>
    public BarColumn[] Roles { get; }

    /// <summary>Index of the single timestamp field, or -1 for a date/time pair.</summary>
    public int TimestampField { get; }

    /// <summary>Index of the date field of a pair, or -1.</summary>
    public int DateField { get; }

    /// <summary>Index of the time field of a pair, or -1.</summary>
    public int TimeField { get; }

    /// <summary>True when a VWAP column is present.</summary>
    public bool HasVwap { get; }

    /// <summary>True when a trade-count column is present.</summary>
    public bool HasTradeCount { get; }

    /// <summary>Human-readable delimiter name.</summary>
    public string DelimiterName => DelimiterLabel(Delimiter);

    /// <summary>The used columns, comma-joined, for format descriptions.</summary>
    public string UsedColumns => string.Join(',', Names.Take(Roles.Length).Where((_, i) => Roles[i] != BarColumn.Ignore));

    /// <summary>Name of field <paramref name="index"/> for messages.</summary>
    public string NameOf(int index) => index < Names.Length ? Names[index] : "#" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the first non-blank line. A line whose fields name the columns is a header; a line whose first field is
    /// already a timestamp means no header, with columns timestamp,open,high,low,close,volume (or
    /// date,time,open,… when the second field is a time of day).
    /// </summary>
    public static CsvLayout Detect(ReadOnlySpan<byte> firstLine, string path, long lineNumber)
    {
        byte delimiter = ChooseDelimiter(firstLine);
        var fields = Split(firstLine, delimiter);
        var names = fields.Select(f => f.Trim()).ToArray();
        if (names.Any(n => BarColumnNames.Classify(n) != BarColumn.Ignore))
        {
            var (roles, missing) = BarColumnNames.Resolve(names);
            if (missing.Count > 0)
            {
                throw InputException.AtLine(path, lineNumber,
                    $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; found [{string.Join(",", names)}] "
                    + $"({DelimiterLabel(delimiter)}-delimited); expected {BarColumnNames.Expected}");
            }

            return new CsvLayout(delimiter, hasHeader: true, names, roles);
        }

        var probe = new Utf8Timestamp();
        var first = Encoding.UTF8.GetBytes(names.Length > 0 ? names[0] : string.Empty);
        bool firstIsTime = probe.TryParse(first, out _) || Utf8Timestamp.TryParseEpochDigits(first, out _, out _, out _);
        if (!firstIsTime)
        {
            throw InputException.AtLine(path, lineNumber,
                $"no recognisable header: found [{Shorten(string.Join(",", names))}]; expected a header naming {BarColumnNames.Expected}");
        }

        bool split = names.Length > 1 && probe.TryParseDateOnly(first, out _, out _)
            && Utf8Timestamp.TryParseTimeAndZone(Encoding.UTF8.GetBytes(names[1]), out _, out _, out _);
        string[] assumed = split
            ? ["date", "time", "open", "high", "low", "close", "volume"]
            : ["timestamp", "open", "high", "low", "close", "volume"];
        if (names.Length < assumed.Length)
        {
            throw InputException.AtLine(path, lineNumber,
                $"no header and only {names.Length} field{(names.Length == 1 ? "" : "s")}; expected a header, or the columns {string.Join(",", assumed)}");
        }

        var allNames = assumed.Concat(Enumerable.Range(assumed.Length, names.Length - assumed.Length)
            .Select(i => "#" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var resolved = BarColumnNames.Resolve(allNames).Roles;
        return new CsvLayout(delimiter, hasHeader: false, allNames, resolved);
    }

    /// <summary>Splits a line into unquoted field texts (for the header and diagnostics only; rows are parsed in place).</summary>
    public static List<string> Split(ReadOnlySpan<byte> line, byte delimiter)
    {
        var result = new List<string>();
        int p = 0;
        while (true)
        {
            var rest = line[p..];
            string text;
            int consumed;
            if (rest.Length > 0 && rest[0] == (byte)'"')
            {
                int close = FindClosingQuote(rest);
                int stop = close < 0 ? rest.Length : close;
                text = Encoding.UTF8.GetString(rest[1..stop]).Replace("\"\"", "\"", StringComparison.Ordinal);
                int d = close < 0 ? -1 : rest[(close + 1)..].IndexOf(delimiter);
                consumed = d < 0 ? rest.Length : close + 1 + d;
            }
            else
            {
                int d = rest.IndexOf(delimiter);
                consumed = d < 0 ? rest.Length : d;
                text = Encoding.UTF8.GetString(rest[..consumed]);
            }

            result.Add(text);
            p += consumed;
            if (p >= line.Length)
            {
                return result;
            }

            p++;
            if (p == line.Length)
            {
                result.Add(string.Empty);
                return result;
            }
        }
    }

    /// <summary>Index of the quote closing a field that starts with a quote at 0 (doubled quotes are content), or -1.</summary>
    public static int FindClosingQuote(ReadOnlySpan<byte> field)
    {
        int i = 1;
        while (true)
        {
            int q = field[i..].IndexOf((byte)'"');
            if (q < 0)
            {
                return -1;
            }

            i += q;
            if (i + 1 < field.Length && field[i + 1] == (byte)'"')
            {
                i += 2;
                continue;
            }

            return i;
        }
    }

    /// <summary>Cuts long text for messages.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static string DelimiterLabel(byte d) => d switch
    {
        (byte)',' => "comma",
        (byte)';' => "semicolon",
        (byte)'\t' => "tab",
        _ => "pipe",
    };

    private static byte ChooseDelimiter(ReadOnlySpan<byte> line)
    {
        Span<int> counts = stackalloc int[Delimiters.Length];
        bool quoted = false;
        foreach (byte b in line)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                int k = Array.IndexOf(Delimiters, b);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        int best = 0;
        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return Delimiters[best];
    }
}
