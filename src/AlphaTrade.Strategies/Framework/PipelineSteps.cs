using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>What portfolio construction sees: the strategy's universe, its active signals and the market.</summary>
public readonly ref struct ConstructionInput
{
    /// <summary>Creates the input.</summary>
    public ConstructionInput(StrategyUniverse universe, ReadOnlySpan<int> direction, ReadOnlySpan<double> strength, IMarketView market)
    {
        Universe = universe;
        Direction = direction;
        Strength = strength;
        Market = market;
    }

    /// <summary>The strategy's symbols.</summary>
    public StrategyUniverse Universe { get; }

    /// <summary>Active direction per run symbol id (+1, −1, 0).</summary>
    public ReadOnlySpan<int> Direction { get; }

    /// <summary>Active strength per run symbol id.</summary>
    public ReadOnlySpan<double> Strength { get; }

    /// <summary>Base-time-frame history up to now.</summary>
    public IMarketView Market { get; }
}

/// <summary>
/// Turns signals into target weights of the strategy's capital (per run symbol id; ids outside the universe stay 0).
/// Implement it to plug in an optimiser (e.g. from the Risk project).
/// </summary>
public interface IPortfolioConstruction
{
    /// <summary>Writes target weights for the active signals into <paramref name="weights"/> (cleared to 0 before the call).</summary>
    void Construct(in ConstructionInput input, Span<double> weights);
}

/// <summary>Applies risk limits to target weights in place.</summary>
public interface IRiskStep
{
    /// <summary>Adjusts <paramref name="weights"/> (per run symbol id) of <paramref name="universe"/>.</summary>
    void Apply(StrategyUniverse universe, Span<double> weights);
}

/// <summary>Turns changed target weights into orders.</summary>
public interface IExecutionStep
{
    /// <summary>
    /// Sends orders so that each symbol whose target changed moves toward <paramref name="target"/> × <paramref name="capital"/>.
    /// <paramref name="previous"/> holds the targets last executed.
    /// </summary>
    void Execute(IStrategyContext context, StrategyUniverse universe, ReadOnlySpan<double> previous, ReadOnlySpan<double> target, double capital);
}

/// <summary>Every active signal gets the same weight, 1 / number of active signals, signed by its direction.</summary>
public sealed class EqualWeightConstruction : IPortfolioConstruction
{
    /// <inheritdoc />
    public void Construct(in ConstructionInput input, Span<double> weights)
    {
        int active = 0;
        foreach (int id in input.Universe.Ids)
        {
            active += input.Direction[id] != 0 ? 1 : 0;
        }

        if (active == 0)
        {
            return;
        }

        foreach (int id in input.Universe.Ids)
        {
            weights[id] = (double)input.Direction[id] / active;
        }
    }
}

/// <summary>Weights proportional to signal strength: direction × strength / Σ strength.</summary>
public sealed class SignalWeightedConstruction : IPortfolioConstruction
{
    /// <inheritdoc />
    public void Construct(in ConstructionInput input, Span<double> weights)
    {
        double total = 0;
        foreach (int id in input.Universe.Ids)
        {
            total += input.Direction[id] != 0 ? input.Strength[id] : 0;
        }

        if (!(total > 0))
        {
            return;
        }

        foreach (int id in input.Universe.Ids)
        {
            weights[id] = input.Direction[id] * input.Strength[id] / total;
        }
    }
}

/// <summary>
/// Weights proportional to 1 / volatility, volatility being the standard deviation of the last
/// <see cref="Lookback"/> base-bar log returns; symbols without enough history get the median of the others' inverse
/// volatility (or equal weight when none has any).
/// </summary>
public sealed class InverseVolatilityConstruction : IPortfolioConstruction
{
    // Log returns per symbol, computed once per bar rather than Lookback times per rebalance.
    private readonly CloseTransformCache _returns = new(CloseTransform.LogReturn);

    /// <summary>Creates the construction over <paramref name="lookback"/> returns.</summary>
    public InverseVolatilityConstruction(int lookback = 130)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 2);
        Lookback = lookback;
    }

    /// <summary>Returns per volatility estimate.</summary>
    public int Lookback { get; }

    /// <inheritdoc />
    public void Construct(in ConstructionInput input, Span<double> weights)
    {
        double total = 0;
        int missing = 0;
        int known = 0;
        foreach (int id in input.Universe.Ids)
        {
            if (input.Direction[id] == 0)
            {
                continue;
            }

            double vol = VolatilityOfReturns(_returns.Get(input.Market, id), Lookback);
            if (vol > 0)
            {
                weights[id] = 1 / vol;
                total += weights[id];
                known++;
            }
            else
            {
                weights[id] = double.NaN;
                missing++;
            }
        }

        if (known + missing == 0)
        {
            return;
        }

        double fill = known == 0 ? 1 : total / known;
        total += fill * missing;
        foreach (int id in input.Universe.Ids)
        {
            if (input.Direction[id] == 0)
            {
                continue;
            }

            double inv = double.IsNaN(weights[id]) ? fill : weights[id];
            weights[id] = input.Direction[id] * inv / total;
        }
    }

    /// <summary>Sample standard deviation of the last <paramref name="lookback"/> log returns of <paramref name="close"/>; 0 when too short.</summary>
    public static double Volatility(ReadOnlySpan<double> close, int lookback)
    {
        int n = Math.Min(lookback, close.Length - 1);
        if (n < 2)
        {
            return 0;
        }

        double sum = 0, sum2 = 0;
        for (int i = close.Length - n; i < close.Length; i++)
        {
            double r = Math.Log(close[i] / close[i - 1]);
            sum += r;
            sum2 += r * r;
        }

        double mean = sum / n;
        double var = (sum2 - (n * mean * mean)) / (n - 1);
        return var > 0 ? Math.Sqrt(var) : 0;
    }

    // Volatility(close, lookback) from the cached log returns: returns[i] = Math.Log(close[i] / close[i − 1]), so the
    // same terms are summed in the same order.
    private static double VolatilityOfReturns(ReadOnlySpan<double> returns, int lookback)
    {
        int n = Math.Min(lookback, returns.Length - 1);
        if (n < 2)
        {
            return 0;
        }

        double sum = 0, sum2 = 0;
        for (int i = returns.Length - n; i < returns.Length; i++)
        {
            double r = returns[i];
            sum += r;
            sum2 += r * r;
        }

        double mean = sum / n;
        double var = (sum2 - (n * mean * mean)) / (n - 1);
        return var > 0 ? Math.Sqrt(var) : 0;
    }
}

/// <summary>
/// The default risk step: each weight clipped to ±<see cref="MaxPosition"/>, then all scaled down so that gross
/// exposure (Σ|w|) is at most <see cref="MaxGross"/>.
/// </summary>
public sealed class LimitRiskStep : IRiskStep
{
    /// <summary>Creates the limiter.</summary>
    public LimitRiskStep(double maxPosition = 0.10, double maxGross = 1.0)
    {
        if (!(maxPosition > 0) || !(maxGross > 0) || !double.IsFinite(maxPosition) || !double.IsFinite(maxGross))
        {
            throw new ArgumentOutOfRangeException(nameof(maxPosition), "Limits must be positive numbers.");
        }

        MaxPosition = maxPosition;
        MaxGross = maxGross;
    }

    /// <summary>Largest |weight| of one symbol.</summary>
    public double MaxPosition { get; }

    /// <summary>Largest Σ|weight|.</summary>
    public double MaxGross { get; }

    /// <inheritdoc />
    public void Apply(StrategyUniverse universe, Span<double> weights)
    {
        ArgumentNullException.ThrowIfNull(universe);
        double gross = 0;
        foreach (int id in universe.Ids)
        {
            double w = Math.Clamp(weights[id], -MaxPosition, MaxPosition);
            weights[id] = w;
            gross += Math.Abs(w);
        }

        if (gross > MaxGross)
        {
            double k = MaxGross / gross;
            foreach (int id in universe.Ids)
            {
                weights[id] *= k;
            }
        }
    }
}

/// <summary>
/// The default execution: for each symbol whose target weight changed, a market DAY order for the difference between
/// truncate(weight × capital ÷ last close) shares and what the strategy holds plus has working — unless the change
/// only resizes a position on the same side by less than the no-trade band: less than <see cref="RebalanceBand"/> of
/// the target shares, or a notional below <see cref="MinTradeWeight"/> × capital. Entries, exits and reversals always
/// trade. The band is what keeps one new signal from re-trading every active position under equal-weight or
/// inverse-volatility construction (each order costs commissions and, in a backtest, ledger work).
/// </summary>
public sealed class MarketOrderExecution : IExecutionStep
{
    /// <summary>Creates the execution step; zero thresholds trade every change.</summary>
    /// <param name="rebalanceBand">Skip same-side resizes smaller than this share of the target shares (0 to 1).</param>
    /// <param name="minTradeWeight">Skip same-side resizes whose notional is below this share of the strategy's capital (0 to 1).</param>
    public MarketOrderExecution(double rebalanceBand = 0, double minTradeWeight = 0)
    {
        if (!(rebalanceBand >= 0 && rebalanceBand <= 1) || !(minTradeWeight >= 0 && minTradeWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rebalanceBand), "No-trade thresholds must lie in [0, 1].");
        }

        RebalanceBand = rebalanceBand;
        MinTradeWeight = minTradeWeight;
    }

    /// <summary>Same-side resizes smaller than this share of the target shares are skipped.</summary>
    public double RebalanceBand { get; }

    /// <summary>Same-side resizes with a notional below this share of capital are skipped.</summary>
    public double MinTradeWeight { get; }

    /// <inheritdoc />
    public void Execute(IStrategyContext context, StrategyUniverse universe, ReadOnlySpan<double> previous, ReadOnlySpan<double> target, double capital)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(universe);
        foreach (int id in universe.Ids)
        {
            if (target[id] == previous[id])
            {
                continue;
            }

            double price = context.Market.LastClose(id);
            if (!(price > 0))
            {
                continue;
            }

            long want = TargetSizing.Shares(target[id], capital, price);
            long have = context.Position(id) + context.WorkingQuantity(id);
            if (want == have || IsSmallResize(want, have, price, capital))
            {
                continue;
            }

            context.SetTargetShares(id, want);
        }
    }

    /// <summary>True when going from <paramref name="have"/> to <paramref name="want"/> shares is a same-side resize inside the band.</summary>
    public bool IsSmallResize(long want, long have, double price, double capital)
    {
        if (want == 0 || have == 0 || (want > 0) != (have > 0))
        {
            return false;
        }

        double delta = Math.Abs((double)want - have);
        return delta < RebalanceBand * Math.Abs((double)want) || delta * price < MinTradeWeight * capital;
    }
}
