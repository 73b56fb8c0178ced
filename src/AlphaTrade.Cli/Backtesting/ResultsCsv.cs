using System.Globalization;
using AlphaTrade.Analytics.IO;
using AlphaTrade.Core;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>
/// Reads the CSV files a run writes (header row, comma-separated, RFC 4180 quoting, invariant numbers, ISO-8601 UTC
/// times). Problems are one-line <see cref="InputException"/>s naming file:line and the column.
/// </summary>
internal static class ResultsCsv
{
    /// <summary>One data row with access by column name.</summary>
    internal readonly struct Row
    {
        private readonly string[] _fields;
        private readonly Dictionary<string, int> _columns;
        private readonly string _name;
        private readonly int _line;

        public Row(string[] fields, Dictionary<string, int> columns, string name, int line)
        {
            _fields = fields;
            _columns = columns;
            _name = name;
            _line = line;
        }

        public string Text(string column) => _fields[_columns[column]];

        public decimal Decimal(string column)
        {
            string text = Text(column);
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw Bad(column, text, "a number");
        }

        public long Time(string column)
        {
            string text = Text(column);
            return SeriesCsv.TryParseTime(text, out long t) ? t : throw Bad(column, text, "an ISO-8601 UTC time");
        }

        private InputException Bad(string column, string text, string expected) =>
            InputException.AtLine(_name, _line, $"{column}: '{text}' is not {expected}");
    }

    /// <summary>Parses <paramref name="csv"/>; the header must hold every column in <paramref name="required"/>.</summary>
    public static List<Row> Parse(string csv, string name, IReadOnlyList<string> required)
    {
        var lines = csv.Split('\n');
        if (lines.Length == 0 || lines[0].Length == 0)
        {
            throw InputException.AtLine(name, 1, "empty; expected a header row");
        }

        var header = Split(lines[0], name, 1);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
            {
                throw InputException.AtLine(name, 1, $"no '{column}' column; expected a header with {string.Join(",", required)}");
            }
        }

        var rows = new List<Row>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line, name, i + 1);
            if (fields.Length != header.Length)
            {
                throw InputException.AtLine(name, i + 1, string.Create(CultureInfo.InvariantCulture, $"{fields.Length} fields; the header has {header.Length}"));
            }

            rows.Add(new Row(fields, columns, name, i + 1));
        }

        return rows;
    }

    private static string[] Split(string line, string name, int lineNo)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(ch);
            }
        }

        return quoted ? throw InputException.AtLine(name, lineNo, "unterminated quoted field") : [.. fields, sb.ToString()];
    }
}
