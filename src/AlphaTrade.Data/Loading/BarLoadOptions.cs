using AlphaTrade.Core.Time;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Loading;

/// <summary>How <see cref="BarLoader"/> loads many files. Immutable.</summary>
public sealed record BarLoadOptions
{
    /// <summary>The defaults: every symbol found, finest bar size, no cache, one thread per core.</summary>
    public static BarLoadOptions Default { get; } = new();

    /// <summary>Per-file reading options (its <see cref="BarFileOptions.Symbol"/> is ignored: each file names its own).</summary>
    public BarFileOptions File { get; init; } = BarFileOptions.Default;

    /// <summary>
    /// The bar size wanted. When a symbol has several files, an exact match wins, then the coarsest bar size that
    /// divides it evenly, then the finest other; without it the finest wins.
    /// </summary>
    public TimeFrame? TimeFrame { get; init; }

    /// <summary>Load only these symbols (case-insensitive); a symbol without a file is an error. Null loads all.</summary>
    public IReadOnlyCollection<string>? Symbols { get; init; }

    /// <summary>Files read at once; 0 means one per processor.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>Processed-data cache to read through, or null to parse every file.</summary>
    public BarCache? Cache { get; init; }
}
