using System.Text.Json;

namespace AlphaTrade.Optimization.Tests;

/// <summary>The numpy/scipy fixture (scripts/optimization-fixtures/gen_fixtures.py), parsed once.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "optimization_reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double[][] Columns(this JsonElement e) => e.EnumerateArray().Select(c => c.Doubles()).ToArray();

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    public static void Close(double expected, double actual, double rel = 1e-10, double abs = 1e-14)
    {
        double tol = Math.Max(abs, rel * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):E3}, tol {tol:E3})");
    }
}
