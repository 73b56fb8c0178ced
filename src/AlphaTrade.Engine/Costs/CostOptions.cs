using System.Globalization;

namespace AlphaTrade.Engine.Costs;

/// <summary>Commission schedule choice (mirrors the <c>costs.commission</c> setting).</summary>
public enum CommissionSchedule
{
    /// <summary>Per share with a per-order minimum and a cap.</summary>
    PerShare,

    /// <summary>A share of notional.</summary>
    Percent,

    /// <summary>Zero commission (regulatory fees still apply).</summary>
    Zero,
}

/// <summary>Slippage model choice (mirrors the <c>costs.slippage</c> setting).</summary>
public enum SlippageKind
{
    /// <summary>Fixed basis points.</summary>
    FixedBps,

    /// <summary>Corwin–Schultz half spread.</summary>
    HalfSpread,

    /// <summary>Square-root market impact.</summary>
    SqrtImpact,
}

/// <summary>
/// The cost settings of a run as plain data (field for field the <c>costs</c> section of settings.yaml), from
/// which <see cref="CostModels.FromOptions"/> builds the models. Kept as data so a run's config.yaml can record it.
/// </summary>
public sealed record CostOptions
{
    /// <summary>Commission schedule.</summary>
    public CommissionSchedule Commission { get; init; } = CommissionSchedule.PerShare;

    /// <summary>Per-share commission, dollars.</summary>
    public decimal PerShare { get; init; } = 0.005m;

    /// <summary>Minimum commission per order, dollars.</summary>
    public decimal MinPerOrder { get; init; } = 1.00m;

    /// <summary>Commission cap as a share of trade value.</summary>
    public decimal MaxPctOfValue { get; init; } = 0.01m;

    /// <summary>Percent-of-notional commission rate.</summary>
    public decimal Percent { get; init; } = 0.0005m;

    /// <summary>SEC fee rate on sales.</summary>
    public decimal SecFeeRate { get; init; } = 0.0000278m;

    /// <summary>FINRA TAF per share sold.</summary>
    public decimal FinraTafPerShare { get; init; } = 0.000166m;

    /// <summary>FINRA TAF cap per trade.</summary>
    public decimal FinraTafMax { get; init; } = 8.30m;

    /// <summary>Slippage model.</summary>
    public SlippageKind Slippage { get; init; } = SlippageKind.FixedBps;

    /// <summary>Fixed slippage, basis points (also the fallback of the estimated models).</summary>
    public double SlippageBps { get; init; } = 1.0;

    /// <summary>Square-root impact coefficient k.</summary>
    public double ImpactK { get; init; } = 0.1;

    /// <summary>Annual short borrow fee rate.</summary>
    public decimal BorrowFeeAnnual { get; init; } = 0.005m;

    /// <summary>Annual interest rate earned on positive cash.</summary>
    public decimal CashInterestAnnual { get; init; }

    /// <summary>Annual interest rate paid on debit balances.</summary>
    public decimal DebitInterestAnnual { get; init; } = 0.06m;

    /// <summary>Day-count basis of the financing accruals.</summary>
    public int DayCountBasis { get; init; } = 360;

    /// <summary>The platform defaults (the shipped settings.yaml).</summary>
    public static CostOptions Default { get; } = new();

    /// <summary>No costs at all: zero commission, fees, slippage and financing.</summary>
    public static CostOptions Free { get; } = new()
    {
        Commission = CommissionSchedule.Zero,
        SecFeeRate = 0m,
        FinraTafPerShare = 0m,
        FinraTafMax = 0m,
        SlippageBps = 0,
        BorrowFeeAnnual = 0m,
        CashInterestAnnual = 0m,
        DebitInterestAnnual = 0m,
    };

    /// <summary>The options as ordered (key, invariant text) pairs in settings.yaml's snake-case keys, for run records.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            new("commission", Commission switch { CommissionSchedule.PerShare => "per_share", CommissionSchedule.Percent => "percent", _ => "zero" }),
            new("per_share", PerShare.ToString(c)),
            new("min_per_order", MinPerOrder.ToString(c)),
            new("max_pct_of_value", MaxPctOfValue.ToString(c)),
            new("percent", Percent.ToString(c)),
            new("sec_fee_rate", SecFeeRate.ToString(c)),
            new("finra_taf_per_share", FinraTafPerShare.ToString(c)),
            new("finra_taf_max", FinraTafMax.ToString(c)),
            new("slippage", Slippage switch { SlippageKind.FixedBps => "fixed_bps", SlippageKind.HalfSpread => "half_spread", _ => "sqrt_impact" }),
            new("slippage_bps", SlippageBps.ToString("R", c)),
            new("impact_k", ImpactK.ToString("R", c)),
            new("borrow_fee_annual", BorrowFeeAnnual.ToString(c)),
            new("cash_interest_annual", CashInterestAnnual.ToString(c)),
            new("debit_interest_annual", DebitInterestAnnual.ToString(c)),
            new("day_count_basis", DayCountBasis.ToString(c)),
        ];
    }
}

/// <summary>The cost plug-ins of a run, one per concern. Immutable.</summary>
/// <param name="Commission">Broker commission.</param>
/// <param name="Fees">Regulatory fees.</param>
/// <param name="Slippage">Slippage.</param>
/// <param name="BorrowFee">Short borrow fee.</param>
/// <param name="Interest">Interest on cash and debit balances.</param>
public sealed record CostModels(ICommissionModel Commission, IFeeModel Fees, ISlippageModel Slippage, IBorrowFeeModel BorrowFee, IInterestModel Interest)
{
    /// <summary>No costs.</summary>
    public static CostModels None { get; } = new(ZeroCommission.Instance, NoFees.Instance, NoSlippage.Instance, NoBorrowFee.Instance, NoInterest.Instance);

    /// <summary>Builds the models <paramref name="options"/> describe.</summary>
    public static CostModels FromOptions(CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ICommissionModel commission = options.Commission switch
        {
            CommissionSchedule.PerShare => new PerShareCommission(options.PerShare, options.MinPerOrder, options.MaxPctOfValue),
            CommissionSchedule.Percent => new PercentCommission(options.Percent),
            _ => ZeroCommission.Instance,
        };
        IFeeModel fees = options.SecFeeRate == 0m && options.FinraTafPerShare == 0m
            ? NoFees.Instance
            : new UsRegulatoryFees(options.SecFeeRate, options.FinraTafPerShare, options.FinraTafMax);
        ISlippageModel slippage = options.Slippage switch
        {
            SlippageKind.FixedBps => options.SlippageBps == 0 ? NoSlippage.Instance : new FixedBpsSlippage(options.SlippageBps),
            SlippageKind.HalfSpread => new HalfSpreadSlippage(options.SlippageBps),
            _ => new SqrtImpactSlippage(options.ImpactK, options.SlippageBps),
        };
        IBorrowFeeModel borrow = options.BorrowFeeAnnual == 0m ? NoBorrowFee.Instance : new AnnualRateBorrowFee(options.BorrowFeeAnnual, options.DayCountBasis);
        IInterestModel interest = options.CashInterestAnnual == 0m && options.DebitInterestAnnual == 0m
            ? NoInterest.Instance
            : new AnnualRateInterest(options.CashInterestAnnual, options.DebitInterestAnnual, options.DayCountBasis);
        return new CostModels(commission, fees, slippage, borrow, interest);
    }
}
