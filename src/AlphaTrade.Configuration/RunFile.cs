using AlphaTrade.Core.Time;

namespace AlphaTrade.Configuration;

/// <summary>Fill rules of the simulated venue as a run file states them.</summary>
/// <param name="ParticipationCap">Largest share of a bar's volume an order fills on that bar; 0 turns the cap off.</param>
/// <param name="TouchFillProbability">Chance that a limit order whose price the bar only touches fills.</param>
/// <param name="Seed">Seed of the venue's random draws.</param>
/// <param name="StatisticsSpanBars">EWMA span, bars, of the statistics the estimated slippage models read.</param>
public sealed record VenueSettings(double ParticipationCap, double TouchFillProbability, int Seed, int StatisticsSpanBars);

/// <summary>
/// A run file: <c>alphatrade backtest --config FILE</c> input, and the <c>config.yaml</c> every run writes (so a run's
/// record reproduces it). Every key is optional; what is missing comes from config/settings.yaml. Informational keys
/// (<c>run_id</c>, <c>alphatrade_version</c>, <c>summary</c>, <c>extra</c>) are read and ignored.
/// </summary>
public sealed record RunFile
{
    /// <summary>The file as named in messages.</summary>
    public required string File { get; init; }

    /// <summary>The id the file was written under, or null.</summary>
    public string? RunId { get; init; }

    /// <summary>Engine, or null for the configured one.</summary>
    public BacktestEngineKind? Engine { get; init; }

    /// <summary>The strategy with its parameters, or null for the configured default.</summary>
    public StrategySettings? Strategy { get; init; }

    /// <summary>Starting cash, or null.</summary>
    public decimal? InitialCapital { get; init; }

    /// <summary>Account type, or null.</summary>
    public AccountType? Account { get; init; }

    /// <summary>Bar size, or null for data.timeframe.</summary>
    public TimeFrame? TimeFrame { get; init; }

    /// <summary>First session, or null.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last session, or null.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Symbols to trade (a subset of, or additions to, the universe), or null for the configured universe.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Sector of each symbol, as recorded (symbol, sector).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sectors { get; init; } = [];

    /// <summary>Benchmark ticker, or null.</summary>
    public string? Benchmark { get; init; }

    /// <summary>Cost settings: the configured ones with the file's keys applied.</summary>
    public required CostSettings Costs { get; init; }

    /// <summary>Venue rules: the configured ones with the file's keys applied.</summary>
    public required VenueSettings Venue { get; init; }

    /// <summary>Recorded data fingerprints (symbol or "universe", hex), to compare with the data loaded now.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DataFingerprints { get; init; } = [];
}
