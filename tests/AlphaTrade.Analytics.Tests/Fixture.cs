using System.Globalization;
using System.Text.Json;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Testing;

namespace AlphaTrade.Analytics.Tests;

/// <summary>Reads the committed reference fixtures (see Fixtures/README.md); independent of the production CSV reader.</summary>
internal static class Fixture
{
    public static string Dir => Path.Combine(RepoPaths.Root, "tests", "AlphaTrade.Analytics.Tests", "Fixtures");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    /// <summary>Loads name.csv (timestamp, equity, benchmark) as a curve with its benchmark.</summary>
    public static EquityCurve Curve(string name, bool withBenchmark = true)
    {
        var lines = File.ReadAllLines(PathOf(name + ".csv"));
        var t = new List<long>();
        var e = new List<double>();
        var b = new List<double>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var ts = DateTime.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            t.Add(ts.Ticks);
            e.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
            b.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
        }

        return new EquityCurve(t.ToArray(), e.ToArray(), withBenchmark ? b.ToArray() : null);
    }

    public static JsonElement Expected(string name)
    {
        var opts = new JsonDocumentOptions { AllowTrailingCommas = false };
        var text = File.ReadAllText(PathOf(name + ".expected.json")).Replace("NaN", "null", StringComparison.Ordinal);
        return JsonDocument.Parse(text, opts).RootElement.Clone();
    }

    public static double D(this JsonElement e, string key) =>
        e.GetProperty(key).ValueKind == JsonValueKind.Null ? double.NaN : e.GetProperty(key).GetDouble();

    public static void Close(double expected, double actual, double rel = 1e-9, string? what = null)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        double tol = Math.Max(1e-12, Math.Abs(expected) * rel);
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tol:R})");
    }

    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
