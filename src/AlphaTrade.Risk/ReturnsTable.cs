using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Risk;

/// <summary>
/// Returns of one or more symbols as columns, oldest row first, as read from a CSV: an optional first label column
/// (timestamp, time, date or datetime, or any non-numeric first cell) and one numeric column per symbol.
/// </summary>
public sealed class ReturnsTable
{
    /// <summary>Creates a table; columns must have equal lengths.</summary>
    public ReturnsTable(IReadOnlyList<string> symbols, IReadOnlyList<double[]> columns, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        int n = Covariance.CheckColumns(columns, 0);
        if (symbols.Count != columns.Count)
        {
            throw new ArgumentException($"{symbols.Count} symbols for {columns.Count} columns.", nameof(symbols));
        }

        Symbols = [.. symbols];
        Columns = [.. columns];
        Labels = labels ?? [];
        Rows = n;
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Returns, one array per symbol.</summary>
    public IReadOnlyList<double[]> Columns { get; }

    /// <summary>Row labels (timestamps) when the file had them, else empty.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Column of <paramref name="symbol"/>, or −1.</summary>
    public int IndexOf(string symbol)
    {
        for (int i = 0; i < Symbols.Count; i++)
        {
            if (string.Equals(Symbols[i], symbol, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads a returns CSV; bad input raises <see cref="InputException"/> naming the file and line.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="displayName">Name used in messages (defaults to <paramref name="path"/>).</param>
    public static ReturnsTable Load(string path, string? displayName = null)
    {
        string name = displayName ?? path;
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: file not found");
        }

        var lines = File.ReadAllLines(path);
        int h = 0;
        while (h < lines.Length && lines[h].Trim().Length == 0)
        {
            h++;
        }

        if (h == lines.Length)
        {
            throw new InputException($"{name}: empty file; expected a header row and returns");
        }

        var cells = SplitLine(lines[h]);
        var first = cells[0].Trim().ToLowerInvariant();
        var firstData = lines.Skip(h + 1).FirstOrDefault(l => l.Trim().Length > 0);
        bool labelled = first.Length == 0 || IsLabelHeader(first)
            || (cells.Length > 1 && firstData is not null
                && !double.TryParse(SplitLine(firstData)[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var symbols = (labelled ? cells[1..] : cells).Select(c => c.Trim()).ToArray();
        if (symbols.Length == 0)
        {
            throw InputException.AtLine(name, h + 1, "expected at least one returns column after the timestamp");
        }

        for (int i = 0; i < symbols.Length; i++)
        {
            if (symbols[i].Length == 0)
            {
                throw InputException.AtLine(name, h + 1, $"column {i + (labelled ? 2 : 1)} has no name");
            }
        }

        var dup = symbols.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw InputException.AtLine(name, h + 1, $"column '{dup.Key}' appears twice");
        }

        var cols = symbols.Select(_ => new List<double>()).ToArray();
        var labels = new List<string>();
        for (int li = h + 1; li < lines.Length; li++)
        {
            long line = li + 1;
            var row = lines[li];
            if (row.Trim().Length == 0)
            {
                continue;
            }

            var parts = SplitLine(row);
            int expected = symbols.Length + (labelled ? 1 : 0);
            if (parts.Length != expected)
            {
                throw InputException.AtLine(name, line, $"expected {expected} fields, found {parts.Length}");
            }

            if (labelled)
            {
                labels.Add(parts[0].Trim());
            }

            for (int j = 0; j < symbols.Length; j++)
            {
                var cell = parts[j + (labelled ? 1 : 0)].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw InputException.AtLine(name, line, $"column '{symbols[j]}': expected a number (a return such as 0.0012), found '{cell}'");
                }

                cols[j].Add(v);
            }
        }

        if (cols[0].Count < 2)
        {
            throw new InputException($"{name}: expected at least 2 rows of returns, found {cols[0].Count}");
        }

        return new ReturnsTable(symbols, [.. cols.Select(c => c.ToArray())], labelled ? labels : null);
    }

    /// <summary>
    /// Reads a weights CSV (<c>symbol,weight</c>, header optional) and returns one weight per column of this table
    /// (0 for symbols the file does not list). A symbol that is not a column is an error.
    /// </summary>
    public double[] LoadWeights(string path, string? displayName = null)
    {
        string name = displayName ?? path;
        var weights = ReadKeyValues(path, name, "weight");
        var w = new double[Symbols.Count];
        foreach (var (symbol, (value, line)) in weights)
        {
            int i = IndexOf(symbol);
            if (i < 0)
            {
                throw InputException.AtLine(name, line, $"symbol '{symbol}' is not a column of the returns file (columns: {string.Join(", ", Symbols)})");
            }

            w[i] = value;
        }

        return w;
    }

    /// <summary>Reads <c>key,value</c> rows (header optional); values are numbers.</summary>
    internal static IReadOnlyList<KeyValuePair<string, (double Value, long Line)>> ReadKeyValues(string path, string name, string what)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: file not found");
        }

        var result = new List<KeyValuePair<string, (double, long)>>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var parts = SplitLine(raw);
            if (parts.Length != 2)
            {
                throw InputException.AtLine(name, line, $"expected 2 fields (symbol,{what}), found {parts.Length}");
            }

            var key = parts[0].Trim();
            var cell = parts[1].Trim();
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                if (result.Count == 0 && seen.Count == 0 && line == FirstLine(path))
                {
                    seen.Add("\0header");
                    continue;
                }

                throw InputException.AtLine(name, line, $"{key}: expected a number for the {what}, found '{cell}'");
            }

            if (!seen.Add(key))
            {
                throw InputException.AtLine(name, line, $"symbol '{key}' appears twice");
            }

            result.Add(new(key, (v, line)));
        }

        if (result.Count == 0)
        {
            throw new InputException($"{name}: no {what}s found; expected rows of symbol,{what}");
        }

        return result;
    }

    private static long FirstLine(string path)
    {
        long line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.Trim().Length > 0)
            {
                return line;
            }
        }

        return 0;
    }

    private static bool IsLabelHeader(string first) => first is "timestamp" or "time" or "date" or "datetime"
        || first.StartsWith("timestamp", StringComparison.Ordinal) || first.StartsWith("date", StringComparison.Ordinal);

    private static string[] SplitLine(string line) => line.Split(',');
}
