using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Costs;

/// <summary>
/// What a commission or fee model needs to price an execution. <see cref="Quantity"/> and <see cref="Notional"/>
/// are the order's running totals including the execution being priced, so per-order minimums and caps apply once
/// per order however many partial fills it takes: the charge for a fill is the model's value for the new totals
/// minus what the order was already charged.
/// </summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares filled on the order so far, including this fill.</param>
/// <param name="Notional">Trade value (cents) filled on the order so far, including this fill.</param>
public readonly record struct TradeCostParameters(string Symbol, OrderSide Side, long Quantity, decimal Notional);

/// <summary>A broker commission schedule. One method; implementations are immutable.</summary>
public interface ICommissionModel
{
    /// <summary>Total commission, in dollars, for an order that has filled <see cref="TradeCostParameters.Quantity"/> shares.</summary>
    decimal Commission(in TradeCostParameters parameters);
}

/// <summary>Regulatory and exchange fees (charged on top of commission). One method; implementations are immutable.</summary>
public interface IFeeModel
{
    /// <summary>Total fees, in dollars, for an order that has filled <see cref="TradeCostParameters.Quantity"/> shares.</summary>
    decimal Fees(in TradeCostParameters parameters);
}

/// <summary>
/// Per-share commission with a per-order minimum and a cap as a share of trade value (IBKR fixed: $0.005 a share,
/// $1.00 minimum, 1% of trade value maximum; the cap wins over the minimum). Rounded half away from zero to the cent.
/// </summary>
public sealed class PerShareCommission : ICommissionModel
{
    /// <summary>Creates the schedule; every argument must be non-negative.</summary>
    public PerShareCommission(decimal perShare = 0.005m, decimal minPerOrder = 1.00m, decimal maxPctOfValue = 0.01m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perShare);
        ArgumentOutOfRangeException.ThrowIfNegative(minPerOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPctOfValue);
        PerShare = perShare;
        MinPerOrder = minPerOrder;
        MaxPctOfValue = maxPctOfValue;
    }

    /// <summary>Dollars per share.</summary>
    public decimal PerShare { get; }

    /// <summary>Minimum per order, dollars.</summary>
    public decimal MinPerOrder { get; }

    /// <summary>Maximum per order as a share of trade value (0 disables the cap).</summary>
    public decimal MaxPctOfValue { get; }

    /// <inheritdoc />
    public decimal Commission(in TradeCostParameters parameters)
    {
        if (parameters.Quantity <= 0)
        {
            return 0m;
        }

        decimal c = Math.Max(parameters.Quantity * PerShare, MinPerOrder);
        if (MaxPctOfValue > 0m)
        {
            c = Math.Min(c, parameters.Notional * MaxPctOfValue);
        }

        return PriceMath.RoundCents(c);
    }
}

/// <summary>Commission as a share of trade value, rounded half away from zero to the cent.</summary>
public sealed class PercentCommission : ICommissionModel
{
    /// <summary>Creates the schedule; <paramref name="rate"/> is a fraction (0.0005 = 5 bps).</summary>
    public PercentCommission(decimal rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        Rate = rate;
    }

    /// <summary>Share of notional.</summary>
    public decimal Rate { get; }

    /// <inheritdoc />
    public decimal Commission(in TradeCostParameters parameters) => PriceMath.RoundCents(parameters.Notional * Rate);
}

/// <summary>No commission.</summary>
public sealed class ZeroCommission : ICommissionModel
{
    /// <summary>The shared instance.</summary>
    public static ZeroCommission Instance { get; } = new();

    /// <inheritdoc />
    public decimal Commission(in TradeCostParameters parameters) => 0m;
}

/// <summary>
/// US equity regulatory fees on sales: the SEC Section 31 fee (rate × trade value) and the FINRA Trading Activity
/// Fee (per share, capped per trade). Buys pay nothing. Each fee is rounded up to the cent, on the order's totals.
/// </summary>
public sealed class UsRegulatoryFees : IFeeModel
{
    /// <summary>Creates the model; every argument must be non-negative (defaults: the 2024–25 rates).</summary>
    public UsRegulatoryFees(decimal secFeeRate = 0.0000278m, decimal finraTafPerShare = 0.000166m, decimal finraTafMax = 8.30m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secFeeRate);
        ArgumentOutOfRangeException.ThrowIfNegative(finraTafPerShare);
        ArgumentOutOfRangeException.ThrowIfNegative(finraTafMax);
        SecFeeRate = secFeeRate;
        FinraTafPerShare = finraTafPerShare;
        FinraTafMax = finraTafMax;
    }

    /// <summary>SEC fee as a share of sale value.</summary>
    public decimal SecFeeRate { get; }

    /// <summary>FINRA TAF per share sold.</summary>
    public decimal FinraTafPerShare { get; }

    /// <summary>FINRA TAF cap per trade.</summary>
    public decimal FinraTafMax { get; }

    /// <inheritdoc />
    public decimal Fees(in TradeCostParameters parameters)
    {
        if (parameters.Side != OrderSide.Sell || parameters.Quantity <= 0)
        {
            return 0m;
        }

        decimal sec = PriceMath.CeilingCents(parameters.Notional * SecFeeRate);
        decimal taf = Math.Min(PriceMath.CeilingCents(parameters.Quantity * FinraTafPerShare), FinraTafMax);
        return sec + taf;
    }
}

/// <summary>No fees.</summary>
public sealed class NoFees : IFeeModel
{
    /// <summary>The shared instance.</summary>
    public static NoFees Instance { get; } = new();

    /// <inheritdoc />
    public decimal Fees(in TradeCostParameters parameters) => 0m;
}
