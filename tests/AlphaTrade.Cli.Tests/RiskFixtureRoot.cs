using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Testing;

namespace AlphaTrade.Cli.Tests;

/// <summary>
/// A <see cref="CliHarness"/> root for the risk and portfolio commands: the shipped settings and risk limits, a universe
/// of the eight fixture symbols in three GICS sectors, and the numpy/scipy fixture's returns written as a CSV with
/// round-trip precision, so the commands read exactly the inputs the reference values were computed from.
/// </summary>
internal sealed class RiskFixtureRoot : IDisposable
{
    private static readonly Lazy<JsonElement> Doc = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(
        Path.Combine(RepoPaths.Root, "tests", "AlphaTrade.Risk.Tests", "Fixtures", "risk_reference.json"))).RootElement.Clone());

    private static readonly Dictionary<string, string> Gics = new(StringComparer.Ordinal)
    {
        ["Tech"] = "Information Technology", ["Energy"] = "Energy", ["Health"] = "Health Care",
    };

    private readonly CliHarness _harness;

    public RiskFixtureRoot()
    {
        var universe = new StringBuilder("benchmark: SPY\nsymbols:\n");
        for (int i = 0; i < Symbols.Length; i++)
        {
            universe.Append(CultureInfo.InvariantCulture, $"  - {{ symbol: {Symbols[i]}, name: Asset {Symbols[i]}, sector: {SectorOf(i)}, industry: Test }}\n");
        }

        _harness = new CliHarness(symbolsOverride: universe.ToString());
        var csv = new StringBuilder("timestamp," + string.Join(',', Symbols) + "\n");
        var rows = Reference.GetProperty("returns").EnumerateArray().ToArray();
        var day = new DateOnly(2023, 1, 3);
        foreach (var row in rows)
        {
            csv.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var v in row.EnumerateArray())
            {
                csv.Append(',').Append(v.GetDouble().ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
            day = day.AddDays(1);
        }

        System.IO.File.WriteAllText(ReturnsCsv, csv.ToString());
        WriteWeights(WeightsCsv, Doubles(Reference.GetProperty("weights")));
    }

    /// <summary>The fixture (tests/AlphaTrade.Risk.Tests/Fixtures/risk_reference.json).</summary>
    public static JsonElement Reference => Doc.Value;

    public static string[] Symbols => [.. Reference.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()!)];

    public static string SectorOf(int i) => Gics[Reference.GetProperty("sectors")[i].GetString()!];

    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    public static double[][] Columns()
    {
        var rows = Reference.GetProperty("returns").EnumerateArray().Select(Doubles).ToArray();
        return [.. Enumerable.Range(0, rows[0].Length).Select(j => rows.Select(r => r[j]).ToArray())];
    }

    public string ReturnsCsv => _harness.File("returns.csv");

    public string WeightsCsv => _harness.File("weights.csv");

    public string File(string relative) => _harness.File(relative);

    public string Write(string relative, string text)
    {
        var path = _harness.File(relative);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void WriteWeights(string path, double[] weights)
    {
        var sb = new StringBuilder("symbol,weight\n");
        for (int i = 0; i < weights.Length; i++)
        {
            sb.Append(Symbols[i]).Append(',').Append(weights[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        System.IO.File.WriteAllText(path, sb.ToString());
    }

    public (int Code, string Out, string Err) Run(params string[] args) => _harness.Run(args);

    public void Dispose() => _harness.Dispose();

    public static void Close(double expected, double actual, double rel = 1e-9, double abs = 1e-12, string? what = null)
    {
        double tol = Math.Max(abs, rel * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (tol {tol:E2})");
    }

    /// <summary>Bad input: exit 2, nothing on standard output, one line on standard error naming what was wrong.</summary>
    public static void AssertOneLineError((int Code, string Out, string Err) r, string expectedFragment)
    {
        Assert.Equal(CliApp.ExitBadInput, r.Code);
        Assert.Equal(string.Empty, r.Out);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedFragment, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }
}
