using AlphaTrade.Configuration;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// Everything a pre-trade check needs about one order, computed once: direction, position, the price the order is
/// valued at, equity, exposures, the trading state and the limits. Quantities are shares; money is decimal.
/// </summary>
public sealed class PreTradeContext
{
    internal PreTradeContext(OrderIntent intent, RiskParams limits, RiskManagerOptions options, TradingState state, string sector,
        Func<string, string> sectorOf, RiskModel? riskModel, int ordersInLastMinute, PositionValueCache? values = null)
    {
        var r = intent.Request;
        Intent = intent;
        Limits = limits;
        Options = options;
        State = state;
        Sector = sector;
        SectorOf = sectorOf;
        RiskModel = riskModel;
        OrdersInLastMinute = ordersInLastMinute;
        Direction = r.Side == OrderSide.Buy ? 1 : -1;
        Position = intent.Portfolio.Quantity(r.Symbol);
        LastPrice = intent.LastPrice;
        Price = intent.LastPrice > 0 ? intent.LastPrice : r.LimitPrice ?? r.StopPrice ?? 0m;
        Equity = intent.Portfolio.Equity;
        if (values is null)
        {
            values = new PositionValueCache(sectorOf);
        }

        values.Refresh(intent.Portfolio);
        Values = values;
        _slot = values.SlotOf(r.Symbol);
    }

    private readonly int _slot;

    /// <summary>The order and account.</summary>
    public OrderIntent Intent { get; }

    /// <summary>The order.</summary>
    public OrderRequest Request => Intent.Request;

    /// <summary>Ticker.</summary>
    public string Symbol => Intent.Request.Symbol;

    /// <summary>The account.</summary>
    public IPortfolioView Portfolio => Intent.Portfolio;

    /// <summary>The limits.</summary>
    public RiskParams Limits { get; }

    /// <summary>Account rules.</summary>
    public RiskManagerOptions Options { get; }

    /// <summary>Trading state when the order arrived.</summary>
    public TradingState State { get; }

    /// <summary>GICS sector of the symbol ("(unclassified)" when unknown).</summary>
    public string Sector { get; }

    /// <summary>Sector of any symbol.</summary>
    public Func<string, string> SectorOf { get; }

    /// <summary>The covariance model for the VaR check, or null.</summary>
    public RiskModel? RiskModel { get; }

    /// <summary>Orders let through in the 60 seconds before this one.</summary>
    public int OrdersInLastMinute { get; }

    /// <summary>+1 buy, −1 sell.</summary>
    public int Direction { get; }

    /// <summary>Shares held now (all strategies).</summary>
    public long Position { get; }

    /// <summary>Last trade (0 when unknown).</summary>
    public decimal LastPrice { get; }

    /// <summary>Price the order is valued at: the last trade, else its limit or stop price (0: unknown).</summary>
    public decimal Price { get; }

    /// <summary>Account equity.</summary>
    public decimal Equity { get; }

    /// <summary>Shares of the order that reduce the position toward zero (the rest opens or adds).</summary>
    public long ClosingQuantity => Position * Direction < 0 ? Math.Abs(Position) : 0;

    /// <summary>Position after <paramref name="quantity"/> shares fill.</summary>
    public long PostPosition(long quantity) => Position + (Direction * quantity);

    /// <summary>
    /// The most shares (at least the closing part) such that |position after| ≤ <paramref name="maxAbsPosition"/>.
    /// </summary>
    public long MaxQuantityForAbsPosition(long maxAbsPosition)
    {
        long cap = Math.Max(maxAbsPosition, 0);
        long q = Position * Direction >= 0 ? cap - Math.Abs(Position) : Math.Abs(Position) + cap;
        return Math.Max(q, ClosingQuantity);
    }

    /// <summary>Whole shares in <paramref name="dollars"/> at <see cref="Price"/> (toward zero; 0 for negative).</summary>
    public long SharesFor(decimal dollars) => dollars <= 0m || Price <= 0m ? 0 : (long)Math.Min(decimal.Truncate(dollars / Price), long.MaxValue / 4);

    /// <summary>|market value| of the symbol's current position at the latest mark.</summary>
    public decimal CurrentAbsValue => Math.Abs(CurrentValue);

    /// <summary>Signed market value of the symbol's current position at the latest mark.</summary>
    public decimal CurrentValue => Values.ValueAt(_slot);

    /// <summary>The account's position values for this state (sector sums, VaR exposures), shared by the orders of one state.</summary>
    internal PositionValueCache Values { get; }

    /// <summary>Gross exposure of the open positions in the symbol's sector (this symbol's included).</summary>
    internal decimal SectorGross => Values.SectorGross(_slot, Sector);
}

/// <summary>How much of an order one check lets through.</summary>
/// <param name="MaxQuantity">Most shares allowed (<see cref="long.MaxValue"/>: no limit; 0: refused).</param>
/// <param name="Reason">Why, when it limits.</param>
public readonly record struct CheckOutcome(long MaxQuantity, string? Reason)
{
    /// <summary>No limit.</summary>
    public static CheckOutcome Pass { get; } = new(long.MaxValue, null);

    /// <summary>Refused.</summary>
    public static CheckOutcome Refuse(string reason) => new(0, reason);

    /// <summary>At most <paramref name="quantity"/> shares.</summary>
    public static CheckOutcome Cap(long quantity, string reason) => new(Math.Max(quantity, 0), reason);
}

/// <summary>One pre-trade check.</summary>
public interface IPreTradeCheck
{
    /// <summary>Which check.</summary>
    RiskCheck Check { get; }

    /// <summary>How much of <paramref name="quantity"/> shares (already cut by earlier checks) may go.</summary>
    CheckOutcome Evaluate(PreTradeContext context, long quantity);
}
