using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Risk;
using AlphaTrade.Risk.Optimization;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

public sealed class OptimizerConstructionTests
{
    private static readonly DateTime Start = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cut = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2024, 6, 28, 0, 0, 0, DateTimeKind.Utc);

    // Four symbols, 300 bars of a seeded random walk each (symbol 2 has no signal and must get no weight).
    private static (StrategyUniverse Universe, MarketHistory History, double[][] Closes) Market()
    {
        var symbols = new SymbolTable(["A", "B", "C", "D"]);
        var history = new MarketHistory(symbols, 400);
        var rng = new Random(11);
        var closes = new double[4][];
        for (int s = 0; s < 4; s++)
        {
            closes[s] = new double[300];
            double price = 50 + (10 * s);
            for (int t = 0; t < 300; t++)
            {
                price *= Math.Exp((0.0002 * (s - 1)) + ((0.004 + (0.002 * s)) * ((rng.NextDouble() * 2) - 1)));
                closes[s][t] = price;
                history.Append(s, (t + 1) * TimeSpan.TicksPerMinute * 15, price, price, price, price, 1000);
            }
        }

        return (new StrategyUniverse(symbols, [0, 1, 2, 3]), history, closes);
    }

    [Theory]
    [InlineData(OptimizationMethod.MinVariance)]
    [InlineData(OptimizationMethod.RiskParity)]
    [InlineData(OptimizationMethod.HierarchicalRiskParity)]
    [InlineData(OptimizationMethod.MaxDiversification)]
    [InlineData(OptimizationMethod.MaxSharpe)]
    public void Optimiser_weights_equal_a_direct_optimiser_call_on_the_same_window_signed_by_direction(OptimizationMethod method)
    {
        var (universe, history, closes) = Market();
        int[] direction = [1, -1, 0, 1];
        double[] strength = [1, 1, 0, 1];
        const int lookback = 120;
        var weights = new double[4];
        var construction = new OptimizerConstruction(method, lookback, 0);
        construction.Construct(new ConstructionInput(universe, direction, strength, history), weights);

        // The same window computed here from the raw closes: the last 120 log returns, negated for the short leg.
        int[] active = [0, 1, 3];
        var columns = active.Select(s => Enumerable.Range(300 - lookback, lookback)
            .Select(t => direction[s] * Math.Log(closes[s][t] / closes[s][t - 1])).ToArray()).ToArray();
        var expected = PortfolioOptimizer.Optimize(method, Covariance.Means(columns), Covariance.LedoitWolf(columns).Matrix,
            new OptimizerSettings(PortfolioConstraints.LongOnly)).Weights;

        Assert.Equal(0, construction.Fallbacks);
        for (int k = 0; k < active.Length; k++)
        {
            Assert.Equal(direction[active[k]] * expected[k], weights[active[k]], 12);
        }

        Assert.Equal(0, weights[2]);
        Assert.Equal(1.0, weights.Sum(Math.Abs), 9);
    }

    [Fact]
    public void Bars_after_now_cannot_change_the_weights_the_view_holds_only_completed_bars()
    {
        var (universe, history, _) = Market();
        int[] direction = [1, 1, 1, 1];
        double[] strength = [1, 1, 1, 1];
        var before = new double[4];
        new OptimizerConstruction(OptimizationMethod.MinVariance, 100, 0).Construct(new ConstructionInput(universe, direction, strength, history), before);

        // A later bar enters the estimate only once it is appended (completed); the earlier weights do not move with it.
        var again = new double[4];
        new OptimizerConstruction(OptimizationMethod.MinVariance, 100, 0).Construct(new ConstructionInput(universe, direction, strength, history), again);
        Assert.Equal(before, again);
        history.Append(0, 301 * TimeSpan.TicksPerMinute * 15, 80, 80, 80, 80, 1000);
        var after = new double[4];
        new OptimizerConstruction(OptimizationMethod.MinVariance, 100, 0).Construct(new ConstructionInput(universe, direction, strength, history), after);
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("min_variance")]
    [InlineData("hrp")]
    public void A_strategy_with_an_optimiser_construction_decides_the_same_up_to_t_whatever_the_bars_after_t(string construction)
    {
        var market = SampleData.Market;
        var bars = SampleData.Series(market);
        KeyValuePair<string, string>[] p = [new("construction", construction), new("cov_lookback", "130"), new("reestimate_bars", "13"), new("entry_z", "1.5"), new("max_position", "1")];
        var perturbed = bars.Select((s, i) => ResumeAndLookAheadTests.Perturb(s, Cut.Ticks, 2000 + i)).ToList();

        var original = new DecisionLog();
        var host = SampleData.Host(BollingerReversion.TypeName, market, original, parameters: p);
        SampleData.Run(bars, [host], Start, End);
        var changed = new DecisionLog();
        SampleData.Run(perturbed, [SampleData.Host(BollingerReversion.TypeName, market, changed, parameters: p)], Start, End);

        var upToT = original.Items.Where(d => d.TimeUtcTicks <= Cut.Ticks).ToList();
        Assert.NotEmpty(upToT);
        Assert.Equal(upToT, changed.Items.Where(d => d.TimeUtcTicks <= Cut.Ticks).ToList());
        Assert.NotEqual(original.Items.Where(d => d.TimeUtcTicks > Cut.Ticks).ToList(), changed.Items.Where(d => d.TimeUtcTicks > Cut.Ticks).ToList());

        // The optimiser ran (max_position 1 leaves its weights unclipped): simultaneous positions get unequal weights,
        // which equal-weight construction would never give.
        Assert.Contains(original.Items.GroupBy(d => d.TimeUtcTicks), g => g.Count(d => d.Weight != 0) >= 2
            && g.Where(d => d.Weight != 0).Select(d => Math.Round(Math.Abs(d.Weight), 9)).Distinct().Count() >= 2);
    }
}
