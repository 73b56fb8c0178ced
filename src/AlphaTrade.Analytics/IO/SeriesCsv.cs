using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Analytics.IO;

/// <summary>A time series read from a CSV file: ascending UTC instants and positive values.</summary>
/// <param name="DisplayName">The file as named to the user (used in messages).</param>
/// <param name="TimeColumn">Header of the timestamp column (or "column 1" without a header).</param>
/// <param name="ValueColumn">Header of the value column (or "column 2").</param>
/// <param name="TimeUtcTicks">Instants, UTC ticks, strictly ascending.</param>
/// <param name="Values">Values, positive and finite.</param>
public sealed record SeriesFile(string DisplayName, string TimeColumn, string ValueColumn, long[] TimeUtcTicks, double[] Values)
{
    /// <summary>Number of rows.</summary>
    public int Count => TimeUtcTicks.Length;
}

/// <summary>
/// Reads "timestamp + value" CSV files such as equity curves and price series. The delimiter (comma, semicolon or tab) is
/// taken from the first line. A header is recognised by name: the time column is one of timestamp, time, date, datetime,
/// ts (any case, "_utc" allowed); the value column the first of <see cref="ValueColumnNames"/> present; a two-column file
/// uses its second column. Without a header the first column is the time and the second the value.
/// Timestamps are ISO-8601 (an offset or Z is honoured, none means UTC), plain dates, or Unix epoch seconds/milliseconds.
/// Every problem is an <see cref="InputException"/> naming file:line and what was expected.
/// </summary>
public static class SeriesCsv
{
    /// <summary>Accepted value column names, in order of preference (compared case-insensitively, ignoring spaces, '_' and '-').</summary>
    public static IReadOnlyList<string> ValueColumnNames { get; } =
        ["equity", "value", "nav", "portfoliovalue", "totalvalue", "balance", "close", "adjclose", "price"];

    private static readonly string[] TimeColumnNames = ["timestamp", "time", "date", "datetime", "ts", "timestamputc", "timeutc", "dateutc", "datetimeutc"];

    /// <summary>Reads <paramref name="path"/>; <paramref name="displayName"/> names it in messages (default: the path).</summary>
    public static SeriesFile Read(string path, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string name = displayName ?? path;
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: file not found");
        }

        using var reader = new StreamReader(path);
        return Read(reader, name);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="name"/> names it in messages.</summary>
    public static SeriesFile Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? first;
        long lineNo = 0;
        do
        {
            first = reader.ReadLine();
            lineNo++;
        }
        while (first is not null && first.Trim().Length == 0);

        if (first is null)
        {
            throw new InputException($"{name}: empty file; expected a header such as 'timestamp,equity' and at least two rows");
        }

        first = first.TrimStart('\uFEFF');
        char delim = first.Contains(',', StringComparison.Ordinal) ? ',' : first.Contains(';', StringComparison.Ordinal) ? ';' : first.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var firstFields = Split(first, delim);
        int timeCol, valueCol;
        string timeName, valueName;
        var times = new List<long>(1024);
        var values = new List<double>(1024);
        int columns = firstFields.Count;
        if (firstFields.Count >= 2 && TryParseTime(firstFields[0], out _) && TryParseNumber(firstFields[1], out _))
        {
            (timeCol, valueCol, timeName, valueName) = (0, 1, "column 1", "column 2");
            AddRow(firstFields, lineNo);
        }
        else
        {
            var norm = firstFields.Select(Normalize).ToList();
            timeCol = norm.FindIndex(h => TimeColumnNames.Contains(h, StringComparer.Ordinal));
            if (timeCol < 0)
            {
                throw InputException.AtLine(name, lineNo,
                    $"no timestamp column in header '{first.Trim()}'; expected one named timestamp, date, time or datetime");
            }

            valueCol = -1;
            foreach (var candidate in ValueColumnNames)
            {
                valueCol = norm.IndexOf(candidate);
                if (valueCol >= 0)
                {
                    break;
                }
            }

            if (valueCol < 0 && firstFields.Count == 2)
            {
                valueCol = 1 - timeCol;
            }

            if (valueCol < 0)
            {
                throw InputException.AtLine(name, lineNo,
                    $"no value column in header '{first.Trim()}'; expected one named equity, value, nav, close or price");
            }

            timeName = firstFields[timeCol];
            valueName = firstFields[valueCol];
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            AddRow(Split(line, delim), lineNo);
        }

        if (times.Count < 2)
        {
            throw new InputException($"{name}: {times.Count} data row(s); expected at least two rows of '{timeName}' and '{valueName}'");
        }

        return new SeriesFile(name, timeName, valueName, times.ToArray(), values.ToArray());

        void AddRow(List<string> f, long ln)
        {
            if (f.Count != columns)
            {
                throw InputException.AtLine(name, ln, $"expected {columns} fields like the first line, found {f.Count}");
            }

            if (!TryParseTime(f[timeCol], out long t))
            {
                throw InputException.AtLine(name, ln,
                    $"expected a timestamp (ISO-8601 like 2024-01-02T14:45:00Z, a date, or Unix seconds) in '{timeName}', found '{f[timeCol]}'");
            }

            if (!TryParseNumber(f[valueCol], out double v) || !(v > 0) || double.IsInfinity(v))
            {
                throw InputException.AtLine(name, ln, $"expected a positive number in '{valueName}', found '{f[valueCol]}'");
            }

            if (times.Count > 0 && t <= times[^1])
            {
                throw InputException.AtLine(name, ln,
                    $"timestamp '{f[timeCol]}' is not after the previous row's; expected rows in ascending time without duplicates");
            }

            times.Add(t);
            values.Add(v);
        }
    }

    /// <summary>Parses a timestamp cell to UTC ticks.</summary>
    public static bool TryParseTime(string text, out long utcTicks)
    {
        utcTicks = 0;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long epoch))
            {
                return false;
            }

            DateTimeOffset dto;
            if (s.Length is 9 or 10)
            {
                dto = DateTimeOffset.FromUnixTimeSeconds(epoch);
            }
            else if (s.Length is 12 or 13)
            {
                dto = DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            }
            else if (s.Length == 8 && DateTime.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ymd))
            {
                utcTicks = ymd.Ticks;
                return true;
            }
            else
            {
                return false;
            }

            utcTicks = dto.UtcTicks;
            return true;
        }

        if (!char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            utcTicks = value.UtcTicks;
            return true;
        }

        return false;
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Normalize(string header)
    {
        Span<char> buf = stackalloc char[Math.Min(header.Length, 64)];
        int n = 0;
        foreach (char c in header.Trim().Trim('"'))
        {
            if (c is ' ' or '_' or '-' or '.')
            {
                continue;
            }

            if (n == buf.Length)
            {
                break;
            }

            buf[n++] = char.ToLowerInvariant(c);
        }

        return new string(buf[..n]);
    }

    private static List<string> Split(string line, char delim)
    {
        var fields = new List<string>(4);
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                int end = line.IndexOf('"', i + 1);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(line[(i + 1)..end]);
                int next = line.IndexOf(delim, Math.Min(end + 1, line.Length));
                if (next < 0)
                {
                    break;
                }

                i = next + 1;
            }
            else
            {
                int next = line.IndexOf(delim, i);
                if (next < 0)
                {
                    fields.Add(line[i..]);
                    break;
                }

                fields.Add(line[i..next]);
                i = next + 1;
            }
        }

        return fields;
    }
}
