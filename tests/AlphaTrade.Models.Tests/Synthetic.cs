using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Tests;

/// <summary>A deterministic panel (periods × symbols) whose labels depend on the first features plus noise.</summary>
internal static class Synthetic
{
    public static readonly DateTime Start = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static Dataset Panel(int periods, int symbols, int features, ModelTask task, int seed = 1, int horizonDays = 3)
    {
        var rng = new Random(seed);
        var rows = periods * symbols;
        var values = new float[rows * features];
        var labels = new double[rows];
        var ts = new long[rows];
        var ends = new long[rows];
        var sym = new string[rows];
        for (var p = 0; p < periods; p++)
        {
            for (var s = 0; s < symbols; s++)
            {
                var r = (p * symbols) + s;
                for (var f = 0; f < features; f++)
                {
                    values[(r * features) + f] = (float)Normal(rng);
                }

                var x = values.AsSpan(r * features, features);
                var signal = (0.9 * x[0]) - (0.6 * x[1]) + (features > 3 ? 0.4 * x[2] * x[3] : 0);
                var y = signal + Normal(rng);
                labels[r] = task == ModelTask.Classification ? (y > 0 ? 1 : 0) : y / 100;
                ts[r] = Start.AddDays(p).Ticks;
                ends[r] = Start.AddDays(p + horizonDays).Ticks;
                sym[r] = "S" + s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var names = Enumerable.Range(0, features).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Dataset(values, features, labels, ts, ends, sym, names);
    }

    public static (Dataset Train, Dataset Test) SplitAt(Dataset d, double fraction)
    {
        var cut = (int)(d.RowCount * fraction);
        return (d.Subset(Enumerable.Range(0, cut).ToArray()), d.Subset(Enumerable.Range(cut, d.RowCount - cut).ToArray()));
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alphatrade-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
        }
    }
}
