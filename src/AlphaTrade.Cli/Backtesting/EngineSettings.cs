using AlphaTrade.Backtest.Venue;
using AlphaTrade.Configuration;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using ConfigSlippage = AlphaTrade.Configuration.SlippageKind;
using EngineSlippage = AlphaTrade.Engine.Costs.SlippageKind;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>Maps validated configuration onto the engine's plain option types (the engine knows nothing of YAML).</summary>
internal static class EngineSettings
{
    public static CostOptions Costs(CostSettings c) => new()
    {
        Commission = c.Commission switch
        {
            CommissionKind.PerShare => CommissionSchedule.PerShare,
            CommissionKind.Percent => CommissionSchedule.Percent,
            _ => CommissionSchedule.Zero,
        },
        PerShare = c.PerShare,
        MinPerOrder = c.MinPerOrder,
        MaxPctOfValue = c.MaxPctOfValue,
        Percent = c.Percent,
        SecFeeRate = c.SecFeeRate,
        FinraTafPerShare = c.FinraTafPerShare,
        FinraTafMax = c.FinraTafMax,
        Slippage = c.Slippage switch
        {
            ConfigSlippage.FixedBps => EngineSlippage.FixedBps,
            ConfigSlippage.HalfSpread => EngineSlippage.HalfSpread,
            _ => EngineSlippage.SqrtImpact,
        },
        SlippageBps = c.SlippageBps,
        ImpactK = c.ImpactK,

        // Rates are given to at most a few decimals in YAML; decimal(double) keeps them exact at that precision.
        BorrowFeeAnnual = (decimal)c.BorrowFeeAnnual,
        CashInterestAnnual = (decimal)c.CashInterestAnnual,
        DebitInterestAnnual = (decimal)c.DebitInterestAnnual,
        DayCountBasis = c.DayCountBasis,
    };

    public static VenueOptions Venue(VenueSettings v) => new()
    {
        ParticipationCap = v.ParticipationCap > 0 ? v.ParticipationCap : null,
        TouchFillProbability = v.TouchFillProbability,
        Seed = v.Seed,
        StatisticsSpanBars = v.StatisticsSpanBars,
    };

    public static MarginPolicy Margin(AccountType account) => account == AccountType.Cash ? MarginPolicy.CashAccount : MarginPolicy.RegT;
}
