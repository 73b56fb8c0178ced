namespace AlphaTrade.Cli;

/// <summary>A plain aligned text table for terminals and logs (numbers right-aligned, text left-aligned).</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var r in all)
        {
            for (int i = 0; i < widths.Length && i < r.Count; i++)
            {
                widths[i] = Math.Max(widths[i], r[i].Length);
            }
        }

        bool[] numeric = new bool[widths.Length];
        for (int i = 0; i < widths.Length; i++)
        {
            numeric[i] = all.Count > 0 && all.All(r => i < r.Count && IsNumber(r[i]));
        }

        writer.WriteLine(Line(headers, widths, numeric));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in all)
        {
            writer.WriteLine(Line(r, widths, numeric));
        }
    }

    private static bool IsNumber(string s) => s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] is '-' or '+') && s.Any(char.IsAsciiDigit);

    private static string Line(IReadOnlyList<string> cells, int[] widths, bool[] numeric) =>
        string.Join("  ", widths.Select((w, i) =>
        {
            var c = i < cells.Count ? cells[i] : string.Empty;
            return numeric[i] ? c.PadLeft(w) : c.PadRight(w);
        })).TrimEnd();
}
