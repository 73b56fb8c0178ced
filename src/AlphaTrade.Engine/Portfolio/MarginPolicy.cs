using System.Globalization;
using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Portfolio;

/// <summary>
/// Buying-power rules of an account: the most gross exposure allowed as a multiple of equity, intraday and
/// overnight, and whether short sales are allowed. Immutable.
/// </summary>
/// <param name="Name">"cash" or "reg_t" (or a custom name).</param>
/// <param name="IntradayLeverage">Gross exposure limit / equity for orders that work during the session.</param>
/// <param name="OvernightLeverage">Limit for positions held over the close (and orders for the auctions or the next session).</param>
/// <param name="AllowShort">False in a cash account.</param>
public sealed record MarginPolicy(string Name, decimal IntradayLeverage, decimal OvernightLeverage, bool AllowShort)
{
    /// <summary>A cash account: 1× equity, no short sales.</summary>
    public static MarginPolicy CashAccount { get; } = new("cash", 1m, 1m, false);

    /// <summary>A Reg T margin account (pattern day trader): 4× intraday, 2× overnight, shorts allowed.</summary>
    public static MarginPolicy RegT { get; } = new("reg_t", 4m, 2m, true);

    /// <summary>No limits (for research runs that must never be refused): shorts allowed, 1,000,000× equity.</summary>
    public static MarginPolicy Unlimited { get; } = new("unlimited", 1_000_000m, 1_000_000m, true);
}

/// <summary>
/// The buying-power check every order passes before it reaches the execution client. An order that reduces
/// exposure always passes; otherwise the gross exposure after it (every position plus every working order,
/// valued at the marks, the new order at its limit or stop price when it has one) must not exceed the leverage
/// limit × equity. A refusal is a one-line reason, never an exception.
/// </summary>
public static class BuyingPower
{
    /// <summary>
    /// Returns null when the order is within buying power, else the reason it is not.
    /// <paramref name="workingQuantity"/> holds the account's signed shares in working orders, by symbol id.
    /// </summary>
    public static string? Check(MarginPolicy policy, Ledger ledger, ReadOnlySpan<long> workingQuantity, int symbolId,
        OrderRequest request, bool intraday)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var c = CultureInfo.InvariantCulture;
        long current = ledger.Quantity(symbolId) + workingQuantity[symbolId];
        long after = current + request.SignedQuantity;
        if (!policy.AllowShort && after < 0)
        {
            return string.Create(c, $"short sale not allowed in a {policy.Name} account: {request.Symbol} position with working orders would be {after}");
        }

        bool reduces = Math.Abs(after) <= Math.Abs(current) && (after == 0 || Math.Sign(after) == Math.Sign(current));
        if (reduces)
        {
            return null;
        }

        decimal leverage = intraday ? policy.IntradayLeverage : policy.OvernightLeverage;
        double priceEstimate = request.LimitPrice is { } lp ? (double)lp : request.StopPrice is { } sp ? (double)sp : ledger.Mark(symbolId);
        if (!(priceEstimate > 0))
        {
            return $"no price to value the order: {request.Symbol} has no bar yet";
        }

        // Fast screen in double; the exact decimal check runs only within a hair of the limit.
        double grossEstimate = (Math.Abs(after) * priceEstimate) + ledger.GrossEstimate(workingQuantity, symbolId);
        if (grossEstimate <= (double)leverage * ledger.EquityEstimate() * (1 - 1e-9))
        {
            return null;
        }

        decimal price = request.LimitPrice ?? request.StopPrice ?? ledger.MarkPrice(symbolId);
        decimal gross = Math.Abs(after) * price;
        for (int s = 0; s < workingQuantity.Length; s++)
        {
            if (s == symbolId)
            {
                continue;
            }

            long q = ledger.Quantity(s) + workingQuantity[s];
            if (q != 0)
            {
                gross += Math.Abs(q) * ledger.MarkPrice(s);
            }
        }

        decimal equity = ledger.Equity;
        decimal limit = leverage * equity;
        if (equity <= 0m || gross > limit)
        {
            return string.Create(c, $"insufficient buying power: gross exposure after the order {PriceMath.RoundCents(gross)} would exceed {leverage}x equity {PriceMath.RoundCents(equity)} = {PriceMath.RoundCents(limit)} ({(intraday ? "intraday" : "overnight")}, {policy.Name})");
        }

        return null;
    }
}
