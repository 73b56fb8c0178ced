using AlphaTrade.Backtest.Venue;
using AlphaTrade.Configuration;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using ConfigSlippage = AlphaTrade.Configuration.SlippageKind;
using EngineSlippage = AlphaTrade.Engine.Costs.SlippageKind;

namespace AlphaTrade.Cli.Optimize;

/// <summary>
/// What every simulated run of a sweep shares, from the validated configuration: starting capital, account type
/// (buying power), cost models and venue rules (participation cap).
/// </summary>
internal sealed record SimulationSettings(decimal InitialCapital, MarginPolicy Margin, CostOptions Costs, VenueOptions Venue)
{
    public static SimulationSettings From(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = settings.Costs;
        var costs = new CostOptions
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
            BorrowFeeAnnual = (decimal)c.BorrowFeeAnnual,
            CashInterestAnnual = (decimal)c.CashInterestAnnual,
            DebitInterestAnnual = (decimal)c.DebitInterestAnnual,
        };
        var margin = settings.Account.Type == AccountType.Cash ? MarginPolicy.CashAccount : MarginPolicy.RegT;
        var venue = new VenueOptions { ParticipationCap = c.ParticipationCap };
        return new SimulationSettings(settings.Backtest.InitialCapital, margin, costs, venue);
    }

    /// <summary>Ordered (key, value) pairs that identify the simulation, for the run id and the report.</summary>
    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        yield return new("initial_capital", InitialCapital.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("account", Margin.Name);
        yield return new("participation_cap", Venue.ParticipationCap is { } cap ? cap.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "off");
        foreach (var kv in Costs.Describe())
        {
            yield return kv;
        }
    }
}
