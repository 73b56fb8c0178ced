using System.Text.Json;
using System.Text.Json.Serialization;
using AlphaTrade.Core;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Models;

/// <summary>The model.json written beside every saved model: enough to rebuild it with <see cref="ModelFactory.Load"/>.</summary>
public sealed record ModelHeader
{
    /// <summary>File name of the header inside a model directory.</summary>
    public const string FileName = "model.json";

    /// <summary>Model kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Classification or regression.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>Feature names in column order.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Hyper-parameters used.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Seed used.</summary>
    public int Seed { get; init; }

    /// <summary>Kind-specific extra values (best iteration, ensemble members, weights...).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes the header atomically into <paramref name="directory"/>.</summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, Json));
    }

    /// <summary>Reads the header of the model in <paramref name="directory"/>.</summary>
    public static ModelHeader Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no saved model here (expected {FileName})");
        }

        try
        {
            return JsonSerializer.Deserialize<ModelHeader>(File.ReadAllBytes(path), Json)
                ?? throw new InputException($"{path}: empty model header");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a model header ({e.Message})", e);
        }
    }
}
