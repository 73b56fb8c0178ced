using System.Text.Json;
using System.Text.Json.Serialization;
using AlphaTrade.Core;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Models.Tuning;

/// <summary>One evaluated point of a study.</summary>
public sealed record Trial
{
    /// <summary>Trial number (0-based); with the study's seed it fixes the sampled point.</summary>
    public required int Number { get; init; }

    /// <summary>Successive-halving rung (0 for TPE).</summary>
    public int Rung { get; init; }

    /// <summary>Share of the full resource used (1 = full model).</summary>
    public double Budget { get; init; } = 1;

    /// <summary>The hyper-parameters evaluated.</summary>
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }

    /// <summary>Objective value (higher is better); null when the evaluation failed.</summary>
    public double? Value { get; init; }

    /// <summary>Why the evaluation failed, when it did.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// A tuning study: the sampler, the search space, the seed and every trial so far; saved as JSON atomically after
/// every trial and resumed from that file (the remaining trials are the ones a fresh run would have evaluated).
/// </summary>
public sealed class Study
{
    /// <summary>Study name (also the file name stem under models/studies/).</summary>
    public required string Name { get; init; }

    /// <summary>"tpe" or "halving".</summary>
    public required string Sampler { get; init; }

    /// <summary>Search space, text form.</summary>
    public required string Space { get; init; }

    /// <summary>Seed of the sampler.</summary>
    public required int Seed { get; init; }

    /// <summary>Trials evaluated concurrently (fixes the batches, so results do not depend on timing).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>What is being optimised, for people reading the file.</summary>
    public string Objective { get; init; } = string.Empty;

    /// <summary>Trials so far, by number (and rung).</summary>
    public List<Trial> Trials { get; init; } = [];

    /// <summary>The best completed trial at full budget (or at the highest rung), or null.</summary>
    [JsonIgnore]
    public Trial? Best => Trials.Where(t => t.Value is not null).OrderByDescending(t => t.Rung).ThenByDescending(t => t.Value).ThenBy(t => t.Number).FirstOrDefault();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Lock _gate = new();

    /// <summary>Adds a trial (thread-safe) and saves when <paramref name="path"/> is given.</summary>
    public void Record(Trial trial, string? path)
    {
        lock (_gate)
        {
            Trials.RemoveAll(t => t.Number == trial.Number && t.Rung == trial.Rung);
            Trials.Add(trial);
            Trials.Sort((a, b) => a.Rung != b.Rung ? a.Rung.CompareTo(b.Rung) : a.Number.CompareTo(b.Number));
            if (path is not null)
            {
                Save(path);
            }
        }
    }

    /// <summary>Writes the study atomically.</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        lock (_gate)
        {
            AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        }
    }

    /// <summary>Reads a saved study.</summary>
    public static Study Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Study>(File.ReadAllBytes(path), Json) ?? throw new InputException($"{path}: empty study");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a study file ({e.Message})", e);
        }
    }

    /// <summary>
    /// The study at <paramref name="path"/> when it exists (it must have the same sampler, space and seed), else a new one.
    /// </summary>
    public static Study LoadOrCreate(string path, Study fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        if (!File.Exists(path))
        {
            return fresh;
        }

        var s = Load(path);
        if (s.Sampler != fresh.Sampler || s.Space != fresh.Space || s.Seed != fresh.Seed)
        {
            throw new InputException($"{path}: a study with another sampler, space or seed exists ({s.Sampler}, {s.Space}, seed {s.Seed}); choose another study name");
        }

        return s;
    }
}
