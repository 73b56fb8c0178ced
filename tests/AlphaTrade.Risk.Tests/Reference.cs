using System.Text.Json;

namespace AlphaTrade.Risk.Tests;

/// <summary>The numpy/scipy fixture, parsed once.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "risk_reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double[,] Matrix(this JsonElement e)
    {
        var rows = e.EnumerateArray().Select(r => r.Doubles()).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < rows[i].Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }

    /// <summary>The return columns (one array per asset).</summary>
    public static double[][] Columns()
    {
        var rows = Root.GetProperty("returns").EnumerateArray().Select(r => r.Doubles()).ToArray();
        int p = rows[0].Length;
        return Enumerable.Range(0, p).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    public static void Close(double expected, double actual, double rel = 1e-9, double abs = 1e-12)
    {
        double tol = Math.Max(abs, rel * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):E3}, tol {tol:E3})");
    }

    public static void Close(double[] expected, double[] actual, double rel = 1e-9, double abs = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], rel, abs);
        }
    }

    public static void Close(double[,] expected, double[,] actual, double rel = 1e-9, double abs = 1e-12)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int j = 0; j < expected.GetLength(1); j++)
            {
                Close(expected[i, j], actual[i, j], rel, abs);
            }
        }
    }
}
