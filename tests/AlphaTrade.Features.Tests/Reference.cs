using System.Text.Json;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Features.Tests;

/// <summary>The numpy/scipy/pandas/statsmodels fixture (scripts/features-fixtures/gen_fixtures.py), parsed once.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "features_reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double[] Doubles(this JsonElement e) =>
        e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();

    public static double[][] Matrix(this JsonElement e) => e.EnumerateArray().Select(Doubles).ToArray();

    public static long[] Times() =>
        Root.GetProperty("time_unix_ms").EnumerateArray().Select(x => (x.GetInt64() * TimeSpan.TicksPerMillisecond) + DateTime.UnixEpoch.Ticks).ToArray();

    public static BarSeries Bars(string symbol, JsonElement b)
    {
        var t = Times();
        var o = b.GetProperty("open").Doubles();
        var h = b.GetProperty("high").Doubles();
        var l = b.GetProperty("low").Doubles();
        var c = b.GetProperty("close").Doubles();
        var v = b.GetProperty("volume").Doubles();
        var s = new BarSeries(symbol, TimeFrame.FifteenMinutes, t.Length);
        for (int i = 0; i < t.Length; i++)
        {
            s.Add(t[i], o[i], h[i], l[i], c[i], v[i]);
        }

        return s;
    }

    public static BarSeries Symbol(string symbol) => Bars(symbol, Root.GetProperty("bars").GetProperty(symbol));

    public static BarSeries Benchmark() => Bars("BENCH", Root.GetProperty("benchmark"));

    /// <summary>Same NaN pattern and values within rel/abs tolerance; returns how many finite values were compared.</summary>
    public static int AssertSeries(string name, double[] expected, ReadOnlySpan<double> actual, double rel = 1e-9, double abs = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        int finite = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) || double.IsNaN(a))
            {
                Assert.True(double.IsNaN(e) && double.IsNaN(a), $"{name}[{i}]: expected {e:R}, got {a:R}");
                continue;
            }

            double tol = Math.Max(abs, rel * Math.Abs(e));
            Assert.True(Math.Abs(e - a) <= tol, $"{name}[{i}]: expected {e:R}, got {a:R} (diff {Math.Abs(e - a):E3}, tol {tol:E3})");
            finite++;
        }

        Assert.True(finite > 0, $"{name}: no finite values compared");
        return finite;
    }
}
