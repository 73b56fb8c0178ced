namespace AlphaTrade.Core.Ports;

/// <summary>One position as a value, for reports and read-only views.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Quantity">Shares; negative when short.</param>
/// <param name="AveragePrice">Average cost per share of the open quantity (0 when flat).</param>
/// <param name="MarkPrice">Last price used to value it.</param>
/// <param name="MarketValue">Quantity × mark (negative when short).</param>
/// <param name="UnrealizedPnl">Market value minus cost basis.</param>
/// <param name="RealizedPnl">Profit realized so far on closed quantity, before costs.</param>
public readonly record struct PositionInfo(
    string Symbol, long Quantity, decimal AveragePrice, decimal MarkPrice, decimal MarketValue, decimal UnrealizedPnl, decimal RealizedPnl);

/// <summary>
/// A read-only view of an account: cash, positions and equity, in <see cref="decimal"/> dollars, valued at the
/// latest marks the platform has seen. Strategies and risk checks read it; only the ledger changes it.
/// </summary>
public interface IPortfolioView
{
    /// <summary>Cash balance (negative when borrowing on margin).</summary>
    decimal Cash { get; }

    /// <summary>Cash plus the market value of every position at the latest marks.</summary>
    decimal Equity { get; }

    /// <summary>Sum of the absolute market values of the positions.</summary>
    decimal GrossExposure { get; }

    /// <summary>Sum of the signed market values of the positions.</summary>
    decimal NetExposure { get; }

    /// <summary>Shares held in <paramref name="symbol"/> (0 when flat or unknown).</summary>
    long Quantity(string symbol);

    /// <summary>The position in <paramref name="symbol"/> (a zero position when flat or unknown).</summary>
    PositionInfo Position(string symbol);

    /// <summary>
    /// Every non-flat position, in symbol-table order: a snapshot that is never changed after it is returned (an
    /// implementation may hand back the same instance while no mark or position changed; callers may cache on it).
    /// </summary>
    IReadOnlyList<PositionInfo> OpenPositions();
}
