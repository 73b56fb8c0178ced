using AlphaTrade.Backtest.Venue;
using AlphaTrade.Engine.Costs;

namespace AlphaTrade.Backtest.Results;

/// <summary>
/// Everything needed to reproduce a run, as written to <c>config.yaml</c>: engine, strategy and its parameters,
/// seed, capital, account, costs, venue rules, bar size, period, symbols, calendar and the fingerprints of the
/// input data (computed by whoever loaded it).
/// </summary>
public sealed record RunConfig
{
    /// <summary>Run id: the results folder name ([A-Za-z0-9._-]).</summary>
    public required string RunId { get; init; }

    /// <summary>"event" or "vectorized".</summary>
    public string Engine { get; init; } = "event";

    /// <summary>Strategy name.</summary>
    public required string Strategy { get; init; }

    /// <summary>Strategy type (e.g. "sma_crossover"), or null when the name says it.</summary>
    public string? StrategyType { get; init; }

    /// <summary>Strategy parameters as ordered (key, value) text pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StrategyParameters { get; init; } = [];

    /// <summary>Seed of every random generator of the run.</summary>
    public int Seed { get; init; }

    /// <summary>Starting cash.</summary>
    public decimal InitialCapital { get; init; }

    /// <summary>Account / margin policy name ("cash", "reg_t").</summary>
    public required string Account { get; init; }

    /// <summary>Cost settings.</summary>
    public CostOptions Costs { get; init; } = CostOptions.Default;

    /// <summary>Venue rules.</summary>
    public VenueOptions Venue { get; init; } = new();

    /// <summary>Bar size, e.g. "15min".</summary>
    public required string TimeFrame { get; init; }

    /// <summary>Requested start (UTC), or null for the first bar.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>Requested end (UTC, exclusive), or null for the last bar.</summary>
    public DateTime? EndUtc { get; init; }

    /// <summary>Calendar name.</summary>
    public required string Calendar { get; init; }

    /// <summary>Symbols in id order.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Sector of each symbol (symbol, sector), for attribution; may be empty.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sectors { get; init; } = [];

    /// <summary>Benchmark ticker, or null.</summary>
    public string? Benchmark { get; init; }

    /// <summary>Input data fingerprints, e.g. (symbol or file, "sha256:...").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DataFingerprints { get; init; } = [];

    /// <summary>Anything else worth recording (data source, command line...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
}
