using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Engine.Results;

/// <summary>
/// Everything a run produced, in memory: the equity curve, orders, fills, round-trip trades, positions over time,
/// daily account snapshots, P&amp;L per symbol, per strategy and in total, margin calls. Both engines (event-driven
/// and vectorized) produce this shape; results writers and analytics read it. Immutable once built.
/// </summary>
public sealed class RunResult
{
    /// <summary>"event" or "vectorized".</summary>
    public required string Engine { get; init; }

    /// <summary>Symbols of the run.</summary>
    public required SymbolTable Symbols { get; init; }

    /// <summary>Strategy names.</summary>
    public required IReadOnlyList<string> Strategies { get; init; }

    /// <summary>Starting cash.</summary>
    public required decimal InitialCapital { get; init; }

    /// <summary>Cash at the end.</summary>
    public required decimal FinalCash { get; init; }

    /// <summary>Equity at the end (exact, at the last marks).</summary>
    public required decimal FinalEquity { get; init; }

    /// <summary>Per-step equity.</summary>
    public required EquityCurve Equity { get; init; }

    /// <summary>Every order, in id order.</summary>
    public required IReadOnlyList<OrderReport> Orders { get; init; }

    /// <summary>Every fill, in the order booked.</summary>
    public required IReadOnlyList<FillReport> Fills { get; init; }

    /// <summary>Closed round trips, in the order they closed.</summary>
    public required IReadOnlyList<RoundTrip> Trades { get; init; }

    /// <summary>Round trips still open at the end.</summary>
    public required IReadOnlyList<RoundTrip> OpenTrades { get; init; }

    /// <summary>Non-flat strategy positions at every session close.</summary>
    public required IReadOnlyList<PositionSnapshot> Positions { get; init; }

    /// <summary>The account at every session close.</summary>
    public required IReadOnlyList<DailySnapshot> Daily { get; init; }

    /// <summary>P&amp;L per symbol (account level), in symbol-table order.</summary>
    public required IReadOnlyList<PnlBreakdown> SymbolPnl { get; init; }

    /// <summary>P&amp;L per strategy.</summary>
    public required IReadOnlyList<PnlBreakdown> StrategyPnl { get; init; }

    /// <summary>P&amp;L of the account; its net equals <see cref="FinalEquity"/> − <see cref="InitialCapital"/>.</summary>
    public required PnlBreakdown TotalPnl { get; init; }

    /// <summary>Session closes with gross exposure above the overnight limit.</summary>
    public required IReadOnlyList<MarginCall> MarginCalls { get; init; }

    /// <summary>Bars processed (symbol-bars).</summary>
    public required long BarsProcessed { get; init; }

    /// <summary>Time steps processed.</summary>
    public required int TimeSteps { get; init; }
}
