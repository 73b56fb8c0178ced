using System.Globalization;
using AlphaTrade.Configuration;

namespace AlphaTrade.Risk.Limits;

/// <summary>Refuses everything while the kill switch is engaged.</summary>
public sealed class KillSwitchCheck(KillSwitch killSwitch) : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.KillSwitch;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        killSwitch.IsEngaged ? CheckOutcome.Refuse("kill switch engaged: " + killSwitch.Reason) : CheckOutcome.Pass;
}

/// <summary>At most <c>max_orders_per_minute</c> orders in any 60 seconds (the next one is refused).</summary>
public sealed class OrderRateCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.OrderRate;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        context.OrdersInLastMinute >= context.Limits.MaxOrdersPerMinute
            ? CheckOutcome.Refuse(Fmt($"{context.OrdersInLastMinute} orders in the last minute: max_orders_per_minute is {context.Limits.MaxOrdersPerMinute}"))
            : CheckOutcome.Pass;

    internal static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Refuses an order that cannot be valued: no last trade and no limit or stop price.</summary>
public sealed class NoPriceCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.NoPrice;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        context.Price > 0m ? CheckOutcome.Pass : CheckOutcome.Refuse("no price for " + context.Symbol + " yet: the order cannot be checked");
}

/// <summary>Fat-finger band: a limit price more than <c>price_band_pct</c> away from the last trade is refused (at the band passes).</summary>
public sealed class PriceBandCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.PriceBand;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        if (context.Request.LimitPrice is not { } limit || context.LastPrice <= 0m)
        {
            return CheckOutcome.Pass;
        }

        decimal dev = Math.Abs(limit - context.LastPrice) / context.LastPrice;
        return dev > (decimal)context.Limits.PriceBandPct
            ? CheckOutcome.Refuse(OrderRateCheck.Fmt($"limit {limit} is {dev:P2} from the last trade {context.LastPrice}: price_band_pct is {context.Limits.PriceBandPct:P2}"))
            : CheckOutcome.Pass;
    }
}

/// <summary>Restricted symbols: no new or larger positions (closing an existing one is allowed, so a newly restricted name can be exited).</summary>
public sealed class RestrictedCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.Restricted;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        context.Limits.Restricted.Contains(context.Symbol, StringComparer.OrdinalIgnoreCase)
            ? CheckOutcome.Cap(context.ClosingQuantity, context.Symbol + " is on the restricted list: only closing is allowed")
            : CheckOutcome.Pass;
}

/// <summary>While trading is halted, flattening or limited to no new risk, only the closing part of an order passes.</summary>
public sealed class TradingHaltCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.TradingHalt;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        context.State is TradingState.Normal or TradingState.Killed
            ? CheckOutcome.Pass
            : CheckOutcome.Cap(context.ClosingQuantity, "trading state is " + context.State.ToSnakeCase() + ": only risk-reducing orders pass");
}

/// <summary>
/// No opening or adding to a short where shorting is not allowed: <c>allow_short: false</c>, a symbol on
/// <c>short_restricted</c>, or a cash account. Selling a long position down to zero is allowed.
/// </summary>
public sealed class ShortSaleCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.ShortSale;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        if (context.Direction > 0 || context.PostPosition(quantity) >= Math.Min(context.Position, 0))
        {
            return CheckOutcome.Pass;
        }

        string? why = !context.Limits.AllowShort ? "allow_short is false"
            : context.Limits.ShortRestricted.Contains(context.Symbol, StringComparer.OrdinalIgnoreCase) ? context.Symbol + " is on the short_restricted list"
            : context.Options.AccountType == AccountType.Cash ? "a cash account cannot sell short"
            : null;
        return why is null ? CheckOutcome.Pass : CheckOutcome.Cap(Math.Max(context.Position, 0), "no short selling: " + why);
    }
}

/// <summary>At most <c>max_order_shares</c> shares per order.</summary>
public sealed class MaxOrderSharesCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxOrderShares;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        quantity > context.Limits.MaxOrderShares
            ? CheckOutcome.Cap(context.Limits.MaxOrderShares, OrderRateCheck.Fmt($"{quantity} shares: max_order_shares is {context.Limits.MaxOrderShares}"))
            : CheckOutcome.Pass;
}

/// <summary>At most <c>max_order_notional</c> dollars per order (at the valuation price).</summary>
public sealed class MaxOrderNotionalCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxOrderNotional;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        decimal notional = quantity * context.Price;
        return notional > context.Limits.MaxOrderNotional
            ? CheckOutcome.Cap(context.SharesFor(context.Limits.MaxOrderNotional), OrderRateCheck.Fmt($"notional {notional:0.00}: max_order_notional is {context.Limits.MaxOrderNotional}"))
            : CheckOutcome.Pass;
    }
}

/// <summary>|position value| at most <c>max_position_pct</c> of equity (reductions always pass).</summary>
public sealed class MaxPositionCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxPosition;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        decimal cap = context.Equity * (decimal)context.Limits.MaxPositionPct;
        decimal after = Math.Abs(context.PostPosition(quantity)) * context.Price;
        if (quantity <= context.ClosingQuantity || after <= cap)
        {
            return CheckOutcome.Pass;
        }

        return CheckOutcome.Cap(context.MaxQuantityForAbsPosition(context.SharesFor(cap)),
            OrderRateCheck.Fmt($"position {context.Symbol} would be {after:0.00} ({after / Math.Max(context.Equity, 0.01m):P2} of equity): max_position_pct is {context.Limits.MaxPositionPct:P2}"));
    }
}

/// <summary>Gross exposure of the symbol's sector at most <c>max_sector_pct</c> of equity (reductions always pass).</summary>
public sealed class MaxSectorCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxSector;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        // The sector sums are formed once per account state and shared by the orders of a bar (decimal sums are exact,
        // so this equals summing the other positions afresh).
        decimal current = context.CurrentValue;
        decimal others = context.SectorGross;
        if (current != 0m)
        {
            others -= Math.Abs(current);
        }

        decimal cap = context.Equity * (decimal)context.Limits.MaxSectorPct;
        decimal after = others + (Math.Abs(context.PostPosition(quantity)) * context.Price);
        if (quantity <= context.ClosingQuantity || after <= cap)
        {
            return CheckOutcome.Pass;
        }

        return CheckOutcome.Cap(context.MaxQuantityForAbsPosition(context.SharesFor(cap - others)),
            OrderRateCheck.Fmt($"sector '{context.Sector}' gross exposure would be {after:0.00} ({after / Math.Max(context.Equity, 0.01m):P2} of equity): max_sector_pct is {context.Limits.MaxSectorPct:P2}"));
    }
}

/// <summary>Gross exposure at most <c>max_gross_exposure</c> × equity (reductions always pass).</summary>
public sealed class MaxGrossExposureCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxGrossExposure;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity) =>
        GrossCap(context, quantity, (decimal)context.Limits.MaxGrossExposure, "max_gross_exposure");

    internal static CheckOutcome GrossCap(PreTradeContext context, long quantity, decimal multiple, string key)
    {
        decimal others = context.Portfolio.GrossExposure - context.CurrentAbsValue;
        decimal cap = context.Equity * multiple;
        decimal after = others + (Math.Abs(context.PostPosition(quantity)) * context.Price);
        if (quantity <= context.ClosingQuantity || after <= cap)
        {
            return CheckOutcome.Pass;
        }

        return CheckOutcome.Cap(context.MaxQuantityForAbsPosition(context.SharesFor(cap - others)),
            OrderRateCheck.Fmt($"gross exposure would be {after:0.00} ({after / Math.Max(context.Equity, 0.01m):0.###}× equity): {key} is {multiple:0.###}×"));
    }
}

/// <summary>|net exposure| at most <c>max_net_exposure</c> × equity (closing a position always passes).</summary>
public sealed class MaxNetExposureCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxNetExposure;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        decimal others = context.Portfolio.NetExposure - context.CurrentValue;
        decimal cap = context.Equity * (decimal)context.Limits.MaxNetExposure;
        decimal after = others + (context.PostPosition(quantity) * context.Price);
        if (quantity <= context.ClosingQuantity || Math.Abs(after) <= cap)
        {
            return CheckOutcome.Pass;
        }

        // Linear in q: buying adds, selling subtracts; the position after may go to (cap − others)/price or (−cap − others)/price.
        long q = context.Direction > 0
            ? context.SharesFor(cap - others) - context.Position
            : context.Position + context.SharesFor(cap + others);
        return CheckOutcome.Cap(Math.Max(q, context.ClosingQuantity),
            OrderRateCheck.Fmt($"net exposure would be {after:0.00} ({after / Math.Max(context.Equity, 0.01m):0.###}× equity): max_net_exposure is {context.Limits.MaxNetExposure:0.###}×"));
    }
}

/// <summary>Buying power: gross exposure at most the account's leverage × equity (cash 1×, Reg T margin 2×; reductions pass).</summary>
public sealed class BuyingPowerCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.BuyingPower;

    private RiskManagerOptions? _keyFor;
    private string _key = string.Empty;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        if (!ReferenceEquals(_keyFor, context.Options))
        {
            _key = "buying power (" + context.Options.AccountType.ToString().ToLowerInvariant() + " account)";
            _keyFor = context.Options;
        }

        return MaxGrossExposureCheck.GrossCap(context, quantity, (decimal)context.Options.Leverage, _key);
    }
}

/// <summary>
/// 1-day parametric (zero-mean Gaussian) portfolio VaR at <c>var_confidence</c> at most <c>max_var_pct</c> of equity.
/// Orders that do not raise VaR pass; otherwise the largest quantity within the limit is found by bisection (VaR is
/// convex in the order size). Needs a <see cref="RiskModel"/>; without one the check passes.
/// </summary>
public sealed class MaxVarCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MaxVar;

    private double[] _values = [];
    private double[] _rows = [];
    private double _quadratic;
    private RiskModel? _rowsModel;
    private PositionValueCache? _rowsSource;
    private long _rowsStamp = -1;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        var model = context.RiskModel;
        if (model is null || quantity <= context.ClosingQuantity || context.Equity <= 0m)
        {
            return CheckOutcome.Pass;
        }

        if (!model.Contains(context.Symbol))
        {
            return CheckOutcome.Refuse("the risk model has no covariance for " + context.Symbol + ": VaR cannot be checked");
        }

        var exposures = context.Values.Exposures(model);
        int idx = model.IndexOf(context.Symbol);
        double price = (double)context.Price;
        double equity = (double)context.Equity;
        double baseValue = exposures[idx] - (double)context.CurrentValue + (context.Position * price);
        double limit = context.Limits.MaxVarPct;
        VarProfile profile;
        if (BitConverter.DoubleToInt64Bits(baseValue) == BitConverter.DoubleToInt64Bits(exposures[idx]))
        {
            // The order's own entry is what the account holds (the usual case): Σv of this state serves every such
            // order of the bar, and the profile is the one the full product would give, bit for bit.
            if (!ReferenceEquals(model, _rowsModel) || !ReferenceEquals(context.Values, _rowsSource) || context.Values.Stamp != _rowsStamp)
            {
                if (_rows.Length != exposures.Length)
                {
                    _rows = new double[exposures.Length];
                }

                _quadratic = model.QuadraticRows(exposures, _rows);
                _rowsModel = model;
                _rowsSource = context.Values;
                _rowsStamp = context.Values.Stamp;
            }

            profile = model.Profile(exposures, _rows, _quadratic, idx, context.Limits.VarConfidence);
        }
        else
        {
            var values = _values.Length == exposures.Length ? _values : _values = new double[exposures.Length];
            exposures.CopyTo(values);
            values[idx] = baseValue;
            profile = model.Profile(values, idx, context.Limits.VarConfidence);
        }

        double VarAt(long q) => profile.At(baseValue + (context.Direction * q * price)) / equity;

        double before = VarAt(0);
        double after = VarAt(quantity);
        if (after <= limit || after <= before)
        {
            return CheckOutcome.Pass;
        }

        string why = OrderRateCheck.Fmt($"1-day VaR would be {after:P2} of equity: max_var_pct is {limit:P2} at {context.Limits.VarConfidence:P0}");
        if (before > limit)
        {
            return CheckOutcome.Cap(context.ClosingQuantity, why + " (already above before the order)");
        }

        long lo = 0, hi = quantity;
        while (hi - lo > 1)
        {
            long mid = lo + ((hi - lo) / 2);
            if (VarAt(mid) <= limit)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return CheckOutcome.Cap(Math.Max(lo, context.ClosingQuantity), why);
    }
}

/// <summary>Orders under <c>min_order_notional</c> are dropped, except one that closes the position completely.</summary>
public sealed class MinOrderNotionalCheck : IPreTradeCheck
{
    /// <inheritdoc />
    public RiskCheck Check => RiskCheck.MinOrderNotional;

    /// <inheritdoc />
    public CheckOutcome Evaluate(PreTradeContext context, long quantity)
    {
        decimal notional = quantity * context.Price;
        if (notional >= context.Limits.MinOrderNotional || (context.Position != 0 && context.PostPosition(quantity) == 0))
        {
            return CheckOutcome.Pass;
        }

        return CheckOutcome.Refuse(OrderRateCheck.Fmt($"notional {notional:0.00} is under min_order_notional {context.Limits.MinOrderNotional}: dropped"));
    }
}

/// <summary>The standard checks in their order.</summary>
public static class PreTradeChecks
{
    /// <summary>Kill switch, order rate, price, price band, restricted, halt, short sale, order size and notional,
    /// position, sector, gross, net, buying power, VaR, minimum notional.</summary>
    public static IReadOnlyList<IPreTradeCheck> Standard(KillSwitch killSwitch) =>
    [
        new KillSwitchCheck(killSwitch),
        new OrderRateCheck(),
        new NoPriceCheck(),
        new PriceBandCheck(),
        new RestrictedCheck(),
        new TradingHaltCheck(),
        new ShortSaleCheck(),
        new MaxOrderSharesCheck(),
        new MaxOrderNotionalCheck(),
        new MaxPositionCheck(),
        new MaxSectorCheck(),
        new MaxGrossExposureCheck(),
        new MaxNetExposureCheck(),
        new BuyingPowerCheck(),
        new MaxVarCheck(),
        new MinOrderNotionalCheck(),
    ];
}
