using AlphaTrade.Risk.Optimization;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>The parameters every library strategy shares: how signals become weights, and the risk limits.</summary>
public static class PipelineParameters
{
    /// <summary>construction, max_position, max_gross and the no-trade band (rebalance_band, min_trade) with the given defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Create(string construction, double maxPosition, double maxGross = 1.0) =>
    [
        StrategyParameter.Choice("construction", construction,
            ["equal", "signal", "inverse_vol", "min_variance", "max_sharpe", "risk_parity", "hrp", "max_diversification"],
            "Portfolio construction: equal weight per active signal, by signal strength, by inverse volatility, or a Risk optimiser over a rolling Ledoit-Wolf covariance"),
        StrategyParameter.Int("cov_lookback", 520, 10, 100000, "Optimiser constructions: base-bar returns per covariance estimate"),
        StrategyParameter.Int("reestimate_bars", 26, 0, 100000, "Optimiser constructions: base bars between re-estimates (0: only when signals change)"),
        StrategyParameter.Real("max_position", maxPosition, 0.001, 1.0, "Largest |weight| of one symbol (share of the strategy's capital)"),
        StrategyParameter.Real("max_gross", maxGross, 0.01, 4.0, "Largest gross exposure (sum of |weight|)"),
        StrategyParameter.Real("rebalance_band", 0.25, 0, 1,
            "No-trade band: skip resizing a position on the same side by less than this share of its target shares"),
        StrategyParameter.Real("min_trade", 0.005, 0, 1,
            "No-trade band: skip resizing a position on the same side by a notional below this share of the strategy's capital"),
    ];

    /// <summary>The Risk optimiser a <c>construction</c> value names.</summary>
    public static OptimizationMethod Method(string construction) => construction switch
    {
        "min_variance" => OptimizationMethod.MinVariance,
        "max_sharpe" => OptimizationMethod.MaxSharpe,
        "risk_parity" => OptimizationMethod.RiskParity,
        "hrp" => OptimizationMethod.HierarchicalRiskParity,
        "max_diversification" => OptimizationMethod.MaxDiversification,
        _ => throw new ArgumentOutOfRangeException(nameof(construction), construction, "Not an optimiser construction."),
    };

    /// <summary>Sets the setup's construction and risk step from the parameters.</summary>
    public static void Apply(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        setup.Construction = p.Choice("construction") switch
        {
            "signal" => new SignalWeightedConstruction(),
            "inverse_vol" => new InverseVolatilityConstruction(),
            "equal" => new EqualWeightConstruction(),
            var name => new OptimizerConstruction(Method(name), p.Int("cov_lookback"), p.Int("reestimate_bars")),
        };
        if (setup.Construction is OptimizerConstruction o)
        {
            setup.KeepBaseHistory(o.Lookback + 1);
            setup.RebalanceEveryBars = o.ReestimateBars;
        }
        setup.Risk = new LimitRiskStep(p.Real("max_position"), p.Real("max_gross"));
        setup.Execution = new MarketOrderExecution(p.Real("rebalance_band"), p.Real("min_trade"));
    }
}
