using System.Globalization;

namespace AlphaTrade.Models;

/// <summary>
/// What to build: the model kind, the task, hyper-parameters by name (numbers; see docs/models.md for each kind's
/// names and defaults), the seed and the number of threads (0 = the library's default).
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Model kind: lightgbm, fasttree, fastforest, xgboost, onnx, or an ensemble kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Classification or regression.</summary>
    public ModelTask Task { get; init; } = ModelTask.Classification;

    /// <summary>Hyper-parameters by name; missing names take the kind's defaults.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Seed of every random choice the learner makes.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads the learner may use (0 = library default).</summary>
    public int Threads { get; init; }

    /// <summary>The parameter <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public double Get(string name, double fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>The parameter <paramref name="name"/> as an integer (rounded), or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback) => Parameters.TryGetValue(name, out var v) ? (int)Math.Round(v) : fallback;

    /// <summary>A copy with one parameter set.</summary>
    public ModelSpec With(string name, double value)
    {
        var p = new Dictionary<string, double>(Parameters) { [name] = value };
        return this with { Parameters = p };
    }

    /// <summary>"kind(task; a=1, b=2)" for logs.</summary>
    public override string ToString() =>
        $"{Kind}({Task.ToString().ToLowerInvariant()}; {string.Join(", ", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString("G6", CultureInfo.InvariantCulture)))})";
}
