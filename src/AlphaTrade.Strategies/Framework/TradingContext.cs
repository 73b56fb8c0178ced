using AlphaTrade.Core.Calendar;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// What a strategy sees and does at each event: the time, its universe, the market view, its positions, and the
/// decisions it emits — signals (direction, strength, horizon) or explicit target weights. Decisions take effect at
/// the end of the step through portfolio construction, risk and execution.
/// </summary>
public sealed class TradingContext
{
    private readonly StrategyHost _host;

    internal TradingContext(StrategyHost host)
    {
        _host = host;
        Market = new MarketView(host);
    }

    /// <summary>The strategy's name.</summary>
    public string Name => _host.Name;

    /// <summary>Now (the close of the step's bars), UTC ticks.</summary>
    public long NowUtcTicks => _host.Engine.NowUtcTicks;

    /// <summary>Base steps seen so far, counting this one (1 at the first bar).</summary>
    public long Step => _host.StepIndex;

    /// <summary>The regular session in progress, or null.</summary>
    public TradingSession? Session => _host.Engine.Session;

    /// <summary>The strategy's symbols.</summary>
    public StrategyUniverse Universe => _host.Universe;

    /// <summary>Market history and multi-time-frame views.</summary>
    public MarketView Market { get; }

    /// <summary>True when <paramref name="symbolId"/> had a base bar in this step.</summary>
    public bool HasBar(int symbolId) => _host.HasBar(symbolId);

    /// <summary>
    /// The base bars of this step (valid in <see cref="ITradingStrategy.OnBar"/>): for a symbol with
    /// <see cref="HasBar"/>, its open..volume and start time are the newest bar of <see cref="MarketView.Base"/>.
    /// </summary>
    internal Core.Market.BarSlice Bars => _host.Slice ?? throw new InvalidOperationException("No bar step is in progress.");

    /// <summary>Shares this strategy holds in <paramref name="symbolId"/>.</summary>
    public long Position(int symbolId) => _host.Engine.Position(symbolId);

    /// <summary>The engine context (orders, portfolio), for strategies that manage orders themselves.</summary>
    public IStrategyContext Engine => _host.Engine;

    /// <summary>The active signal on <paramref name="symbolId"/>.</summary>
    public Signal ActiveSignal(int symbolId) => _host.ActiveSignal(symbolId);

    /// <summary>Emits a signal; it replaces the symbol's active one and lasts <paramref name="horizonBars"/> base bars (0: until replaced).</summary>
    public void Signal(int symbolId, int direction, double strength = 1.0, int horizonBars = 0) =>
        _host.SetSignal(symbolId, new Signal(Math.Sign(direction), Math.Clamp(strength, 0, 1), Math.Max(0, horizonBars)));

    /// <summary>Clears the symbol's view (target weight 0 unless an explicit weight is set).</summary>
    public void Flat(int symbolId) => _host.SetSignal(symbolId, Framework.Signal.Flat);

    /// <summary>Sets an explicit target weight of the strategy's capital, bypassing construction (risk still applies).</summary>
    public void SetTargetWeight(int symbolId, double weight)
    {
        if (!double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A target weight must be finite.");
        }

        _host.SetExplicitWeight(symbolId, weight);
    }

    /// <summary>The last executed target weight of <paramref name="symbolId"/>.</summary>
    public double TargetWeight(int symbolId) => _host.ExecutedWeight(symbolId);
}
