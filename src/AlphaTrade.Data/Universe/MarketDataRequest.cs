using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Universe;

/// <summary>What market data a run needs and where it lives. Immutable; vary with <c>with</c>.</summary>
public sealed record MarketDataRequest
{
    /// <summary>Tradable symbols with their sectors (the sectors shape the sample market when it is used).</summary>
    public required IReadOnlyList<SampleSymbol> Symbols { get; init; }

    /// <summary>Benchmark ticker (e.g. SPY); loaded when a file exists, generated with the sample market.</summary>
    public required string Benchmark { get; init; }

    /// <summary>Bar size the run works at; finer vendor bars are resampled to it after cleaning.</summary>
    public TimeFrame TimeFrame { get; init; } = TimeFrame.FifteenMinutes;

    /// <summary>Folder of vendor files (never written to).</summary>
    public string RawDirectory { get; init; } = "data/raw";

    /// <summary>Folder of the processed-data cache.</summary>
    public string ProcessedDirectory { get; init; } = "data/processed";

    /// <summary>Folder the sample market is generated into when the raw folder holds nothing for the universe.</summary>
    public string SampleDirectory { get; init; } = "data/sample";

    /// <summary>Sample market used when there is no data: seed and dates (symbols, benchmark and bar size come from here).</summary>
    public SampleMarketOptions Sample { get; init; } = new();

    /// <summary>How vendor files are read.</summary>
    public BarFileOptions File { get; init; } = BarFileOptions.Default;

    /// <summary>How bars are cleaned.</summary>
    public BarCleanerOptions Cleaning { get; init; } = BarCleanerOptions.Default;

    /// <summary>Read and write the processed-data cache.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>First session date to keep (inclusive), or null for all.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last session date to keep (inclusive), or null for all.</summary>
    public DateOnly? End { get; init; }
}
