using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace AlphaTrade.Indicators.Tests.Harness;

/// <summary>One TA-Lib call recorded in Fixtures/manifest.json.</summary>
public sealed record FixtureCall(
    string Id,
    string Function,
    string Dataset,
    string[] ParameterNames,
    double[] Parameters,
    string[] Outputs,
    int BegIndex,
    string[] Columns)
{
    public override string ToString() => Dataset + ":" + Id;
}

/// <summary>Bars of one fixture data set.</summary>
public sealed record FixtureBars(long[] Time, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume, double[] Periods)
{
    public int Count => Close.Length;

    /// <summary>The bars as an indicator input; the periods column is the extra series (MAVP's inPeriods).</summary>
    public OhlcvInput Input => new(Open, High, Low, Close, Volume, Time, Periods);
}

/// <summary>
/// Loads the TA-Lib reference fixtures (see Fixtures/README.md): bars, the manifest of calls and each call's output
/// columns (NaN where TA-Lib produced nothing). Loaded once per test run, thread-safe.
/// </summary>
public static class TaLibFixtures
{
    private static readonly Lazy<Data> Loaded = new(Load);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IReadOnlyList<FixtureCall> Calls => Loaded.Value.Calls;

    public static FixtureBars Bars(string dataset) => Loaded.Value.Bars[dataset];

    public static double[] Column(string dataset, string column) => Loaded.Value.Columns[dataset][column];

    /// <summary>Calls of <paramref name="function"/> (TA-Lib name).</summary>
    public static IEnumerable<FixtureCall> CallsOf(string function) => Calls.Where(c => c.Function == function);

    private sealed record Data(
        IReadOnlyList<FixtureCall> Calls,
        Dictionary<string, FixtureBars> Bars,
        Dictionary<string, Dictionary<string, double[]>> Columns);

    private static Data Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "manifest.json")));
        var calls = new List<FixtureCall>();
        foreach (var c in doc.RootElement.GetProperty("calls").EnumerateArray())
        {
            var ps = c.GetProperty("parameters").EnumerateArray().ToArray();
            calls.Add(new FixtureCall(
                c.GetProperty("id").GetString()!,
                c.GetProperty("function").GetString()!,
                c.GetProperty("dataset").GetString()!,
                ps.Select(p => p.GetProperty("name").GetString()!).ToArray(),
                ps.Select(p => p.GetProperty("value").GetDouble()).ToArray(),
                c.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToArray(),
                c.GetProperty("begIndex").GetInt32(),
                c.GetProperty("columns").EnumerateArray().Select(o => o.GetString()!).ToArray()));
        }

        var bars = new Dictionary<string, FixtureBars>();
        var columns = new Dictionary<string, Dictionary<string, double[]>>();
        foreach (var set in calls.Select(c => c.Dataset).Distinct())
        {
            var b = ReadCsv(Path.Combine(Directory, $"bars_{set}.csv.gz"), timeColumn: true);
            bars[set] = new FixtureBars(
                b.Times!, b.Cols["open"], b.Cols["high"], b.Cols["low"], b.Cols["close"], b.Cols["volume"], b.Cols["periods"]);
            columns[set] = ReadCsv(Path.Combine(Directory, $"talib_{set}.csv.gz"), timeColumn: false).Cols;
        }

        return new Data(calls, bars, columns);
    }

    private static (Dictionary<string, double[]> Cols, long[]? Times) ReadCsv(string path, bool timeColumn)
    {
        using var fs = File.OpenRead(path);
        using var gz = new GZipStream(fs, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        // Column names contain commas inside parentheses ("SMA(30):outReal"): split the header on commas outside them.
        var header = SplitHeader(reader.ReadLine()!);
        var lists = header.Select(_ => new List<double>()).ToArray();
        var times = new List<long>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            for (int k = 0; k < header.Length; k++)
            {
                if (timeColumn && k == 0)
                {
                    times.Add(DateTime.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks);
                    continue;
                }

                lists[k].Add(cells[k].Length == 0 ? double.NaN : double.Parse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        var cols = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int k = timeColumn ? 1 : 0; k < header.Length; k++)
        {
            cols[header[k]] = lists[k].ToArray();
        }

        return (cols, timeColumn ? times.ToArray() : null);
    }

    private static string[] SplitHeader(string header)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < header.Length; i++)
        {
            char ch = header[i];
            if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')')
            {
                depth--;
            }
            else if (ch == ',' && depth == 0)
            {
                parts.Add(header[start..i]);
                start = i + 1;
            }
        }

        parts.Add(header[start..]);
        return parts.ToArray();
    }
}
