using System.Diagnostics;
using System.Globalization;

namespace AlphaTrade.Benchmarks.Models;

/// <summary>
/// The methods of <see cref="ModelTrainingBenchmarks"/> timed by stopwatch in this process, interleaved per run: for
/// a machine where BenchmarkDotNet's separate build of the benchmark project does not finish in its time limit.
/// </summary>
internal static class ModelTrainingStopwatch
{
    public static void Run(int runs)
    {
        var b = new ModelTrainingBenchmarks();
        b.Setup();
        var methods = new (string Name, Action Body)[]
        {
            ("LightGbm_AlphaTrade", b.LightGbm_AlphaTrade),
            ("LightGbm_Native", b.LightGbm_Native),
            ("XGBoost_AlphaTrade", b.XGBoost_AlphaTrade),
        };
        var times = methods.ToDictionary(m => m.Name, _ => new List<double>(), StringComparer.Ordinal);
        for (int r = 0; r < runs; r++)
        {
            foreach (var (name, body) in methods)
            {
                var sw = Stopwatch.StartNew();
                body();
                times[name].Add(sw.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {r + 1} {name}: {sw.Elapsed.TotalSeconds:F2} s"));
            }
        }

        foreach (var (name, t) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: best {t.Min():F2} s, median {t.Order().ElementAt(t.Count / 2):F2} s, runs {string.Join(", ", t.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}"));
        }
    }
}
