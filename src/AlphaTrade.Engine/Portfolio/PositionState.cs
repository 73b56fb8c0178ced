namespace AlphaTrade.Engine.Portfolio;

/// <summary>
/// One position's books, in decimal dollars. <see cref="CostBasis"/> is signed (negative for a short: the proceeds
/// received), so unrealized P&amp;L is always <c>Quantity × mark − CostBasis</c>, and for every book
/// <c>realized − cost basis</c> equals the cash its trades moved, exactly.
/// </summary>
/// <param name="Quantity">Shares, negative when short.</param>
/// <param name="CostBasis">Signed cost of the open shares.</param>
/// <param name="RealizedPnl">Profit realized on closed shares, before costs.</param>
/// <param name="Commission">Commission paid.</param>
/// <param name="Fees">Regulatory fees paid.</param>
/// <param name="BorrowFees">Short borrow fees paid.</param>
public readonly record struct PositionState(long Quantity, decimal CostBasis, decimal RealizedPnl, decimal Commission, decimal Fees, decimal BorrowFees)
{
    /// <summary>Average cost per share of the open quantity (0 when flat).</summary>
    public decimal AveragePrice => Quantity == 0 ? 0m : PriceMath.DivRound(CostBasis, Quantity, PriceMath.PriceDecimals);

    /// <summary>Unrealized P&amp;L at <paramref name="markPrice"/>.</summary>
    public decimal Unrealized(decimal markPrice) => (Quantity * markPrice) - CostBasis;
}

/// <summary>A P&amp;L breakdown for one symbol, one strategy or the whole account, in decimal dollars.</summary>
/// <param name="Name">Symbol, strategy name, or "total".</param>
/// <param name="RealizedPnl">Realized, before costs.</param>
/// <param name="UnrealizedPnl">Unrealized at the last marks.</param>
/// <param name="Commission">Commission paid.</param>
/// <param name="Fees">Regulatory fees paid.</param>
/// <param name="BorrowFees">Borrow fees paid.</param>
/// <param name="Interest">Interest credited (negative when paid); account level only.</param>
public sealed record PnlBreakdown(string Name, decimal RealizedPnl, decimal UnrealizedPnl, decimal Commission, decimal Fees, decimal BorrowFees, decimal Interest)
{
    /// <summary>Realized + unrealized − commission − fees − borrow + interest.</summary>
    public decimal NetPnl => RealizedPnl + UnrealizedPnl - Commission - Fees - BorrowFees + Interest;
}
