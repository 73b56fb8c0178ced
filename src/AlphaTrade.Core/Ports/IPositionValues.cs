namespace AlphaTrade.Core.Ports;

/// <summary>
/// An account that hands out the signed market value of every symbol it can hold, by index, without building
/// <see cref="PositionInfo"/> records: what per-order checks (the risk layer's sector, exposure and VaR limits) read.
/// </summary>
public interface IPositionValues
{
    /// <summary>The symbols in value order; fixed for the life of the account.</summary>
    IReadOnlyList<string> ValueSymbols { get; }

    /// <summary>Changes whenever a value may have changed (callers cache what they derive on it).</summary>
    long ValuesVersion { get; }

    /// <summary>Index of <paramref name="symbol"/> in <see cref="ValueSymbols"/>, −1 when the account has no such symbol.</summary>
    int ValueIndex(string symbol);

    /// <summary>
    /// Quantity × mark of each symbol in <see cref="ValueSymbols"/> order, exactly the
    /// <see cref="PositionInfo.MarketValue"/> its position reports, and exactly 0 when flat. Valid until
    /// <see cref="ValuesVersion"/> changes.
    /// </summary>
    ReadOnlySpan<decimal> MarketValues();
}
