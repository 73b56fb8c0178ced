using AlphaTrade.Models.Data;

namespace AlphaTrade.Benchmarks.Models;

/// <summary>
/// The benchmark matrix: the size of the default feature matrix of the universe (620k rows = 2 years × 46 symbols of
/// 15-minute bars, 200 features), Gaussian features with a label from a few of them plus noise. Deterministic; also
/// written to a file (float32 row-major values, then float32 labels) so bench/models/xgboost_native.py trains Debian's
/// python3-xgboost on exactly the same numbers.
/// </summary>
internal static class ModelMatrix
{
    public const int Rows = 620_000;
    public const int Features = 200;

    public static Dataset Create(int rows = Rows, int features = Features, int seed = 17)
    {
        var rng = new Random(seed);
        var values = new float[(long)rows * features];
        var labels = new double[rows];
        var ts = new long[rows];
        var symbols = new string[rows];
        for (var r = 0; r < rows; r++)
        {
            var o = r * features;
            for (var f = 0; f < features; f++)
            {
                values[o + f] = (float)((rng.NextDouble() * 2) - 1);
            }

            var signal = values[o] - (0.5 * values[o + 1]) + (0.3 * values[o + 2] * values[o + 3]);
            labels[r] = signal + ((rng.NextDouble() - 0.5) * 1.5) > 0 ? 1 : 0;
            ts[r] = r / 46;
            symbols[r] = "S";
        }

        var names = Enumerable.Range(0, features).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Dataset(values, features, labels, ts, ts, symbols, names);
    }

    public static void Export(string path)
    {
        var d = Create();
        using var s = File.Create(path);
        s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Values.AsSpan()));
        s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.LabelsAsSingle().AsSpan()));
    }
}
