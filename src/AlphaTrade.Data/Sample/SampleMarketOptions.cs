using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Sample;

/// <summary>What sample market to generate. Immutable; vary with <c>with</c>.</summary>
public sealed record SampleMarketOptions
{
    /// <summary>The benchmark ticker used when none is given.</summary>
    public const string DefaultBenchmark = "SPY";

    /// <summary>First calendar date (inclusive); non-trading days are skipped.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 2);

    /// <summary>Last calendar date (inclusive).</summary>
    public DateOnly End { get; init; } = new(2025, 12, 31);

    /// <summary>Bar size; 15 minutes by default (26 bars a full session, 14 on an early close).</summary>
    public TimeFrame TimeFrame { get; init; } = TimeFrame.FifteenMinutes;

    /// <summary>Run seed: the same seed and options give byte-identical output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Tradable symbols with their sectors; <see cref="SampleMarketGenerator.DefaultUniverse"/> by default.</summary>
    public IReadOnlyList<SampleSymbol> Universe { get; init; } = SampleMarketGenerator.DefaultUniverse;

    /// <summary>Benchmark ticker, generated as the market factor plus small tracking noise (beta 1).</summary>
    public string Benchmark { get; init; } = DefaultBenchmark;

    /// <summary>When true, the delivered (raw) series carry planted data faults recorded in the ground truth.</summary>
    public bool Faults { get; init; }

    /// <summary>When true (default), one crash is planted if the period has at least 60 trading days.</summary>
    public bool PlantCrash { get; init; } = true;

    /// <summary>Model parameters.</summary>
    public SampleModel Model { get; init; } = SampleModel.Default;

    /// <summary>Most symbols generated at once (results never depend on it); null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
