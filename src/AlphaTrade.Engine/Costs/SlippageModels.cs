using AlphaTrade.Core.Orders;

namespace AlphaTrade.Engine.Costs;

/// <summary>What a slippage model needs to price one fill.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares of this fill.</param>
/// <param name="ReferencePrice">The price before slippage (the bar open for a market order).</param>
/// <param name="Statistics">The symbol's statistics from bars before the fill bar.</param>
/// <param name="BarsPerSession">Bars per regular session (to scale bar statistics to days).</param>
public readonly record struct SlippageParameters(
    string Symbol, OrderSide Side, long Quantity, decimal ReferencePrice, BarStatistics Statistics, int BarsPerSession);

/// <summary>
/// Slippage: how much worse than the reference price a fill executes, in dollars per share (never negative).
/// The venue adds it to buys and subtracts it from sells, then rounds to the tick. One method; immutable.
/// </summary>
public interface ISlippageModel
{
    /// <summary>Dollars per share against the trader.</summary>
    decimal Slippage(in SlippageParameters parameters);

    /// <summary>True when <see cref="SlippageParameters.Statistics"/> is read (the venue tracks statistics only then).</summary>
    bool UsesStatistics => false;
}

/// <summary>No slippage.</summary>
public sealed class NoSlippage : ISlippageModel
{
    /// <summary>The shared instance.</summary>
    public static NoSlippage Instance { get; } = new();

    /// <inheritdoc />
    public decimal Slippage(in SlippageParameters parameters) => 0m;
}

/// <summary>A fixed number of basis points of the reference price.</summary>
public sealed class FixedBpsSlippage : ISlippageModel
{
    private readonly decimal _fraction;

    /// <summary>Creates the model; <paramref name="bps"/> must be non-negative and finite.</summary>
    public FixedBpsSlippage(double bps)
    {
        if (!double.IsFinite(bps) || bps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bps), bps, "Slippage must be a finite non-negative number of basis points.");
        }

        Bps = bps;
        _fraction = (decimal)bps / 10_000m;
    }

    /// <summary>Basis points.</summary>
    public double Bps { get; }

    /// <inheritdoc />
    public decimal Slippage(in SlippageParameters parameters) => parameters.ReferencePrice * _fraction;
}

/// <summary>
/// Half the bid-ask spread, estimated from the last two bars' highs and lows (Corwin–Schultz 2012). Before two bars
/// are seen, <see cref="FallbackBps"/> applies. The estimate is clamped to at most <see cref="MaxBps"/>.
/// </summary>
public sealed class HalfSpreadSlippage : ISlippageModel
{
    /// <summary>Creates the model.</summary>
    public HalfSpreadSlippage(double fallbackBps = 1.0, double maxBps = 100.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fallbackBps);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBps);
        FallbackBps = fallbackBps;
        MaxBps = maxBps;
    }

    /// <summary>Basis points used while the estimate is undefined.</summary>
    public double FallbackBps { get; }

    /// <summary>Upper bound on the half spread, basis points.</summary>
    public double MaxBps { get; }

    /// <inheritdoc />
    public bool UsesStatistics => true;

    /// <inheritdoc />
    public decimal Slippage(in SlippageParameters parameters)
    {
        double spread = parameters.Statistics.CorwinSchultzSpread();
        double half = double.IsNaN(spread) ? FallbackBps / 10_000.0 : Math.Min(spread / 2.0, MaxBps / 10_000.0);
        return parameters.ReferencePrice * (decimal)half;
    }
}

/// <summary>
/// Square-root market impact: k · σ_daily · √(Q / ADV) of the reference price, with σ_daily and ADV from the
/// symbol's statistics. Before they are defined, <see cref="FallbackBps"/> applies; the impact is clamped to
/// <see cref="MaxBps"/>.
/// </summary>
public sealed class SqrtImpactSlippage : ISlippageModel
{
    /// <summary>Creates the model.</summary>
    public SqrtImpactSlippage(double k = 0.1, double fallbackBps = 1.0, double maxBps = 500.0)
    {
        if (!double.IsFinite(k) || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be finite and non-negative.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(fallbackBps);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBps);
        K = k;
        FallbackBps = fallbackBps;
        MaxBps = maxBps;
    }

    /// <summary>Impact coefficient.</summary>
    public double K { get; }

    /// <summary>Basis points used while σ or ADV is undefined.</summary>
    public double FallbackBps { get; }

    /// <summary>Upper bound on the impact, basis points.</summary>
    public double MaxBps { get; }

    /// <inheritdoc />
    public bool UsesStatistics => true;

    /// <inheritdoc />
    public decimal Slippage(in SlippageParameters parameters)
    {
        double sigma = parameters.Statistics.DailyVolatility(parameters.BarsPerSession);
        double adv = parameters.Statistics.AverageDailyVolume(parameters.BarsPerSession);
        double impact = double.IsNaN(sigma) || !(adv > 0)
            ? FallbackBps / 10_000.0
            : Math.Min(K * sigma * Math.Sqrt(parameters.Quantity / adv), MaxBps / 10_000.0);
        return parameters.ReferencePrice * (decimal)impact;
    }
}
