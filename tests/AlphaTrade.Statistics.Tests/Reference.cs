using System.Text.Json;

namespace AlphaTrade.Statistics.Tests;

/// <summary>The statsmodels fixture, parsed once.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "statsmodels_reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double[] Series(string name) => Root.GetProperty("series").GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static void Close(double expected, double actual, double rel = 1e-8, double abs = 1e-10)
    {
        double tol = Math.Max(abs, rel * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):E3}, tol {tol:E3})");
    }
}
