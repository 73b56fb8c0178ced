using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Indicators;

namespace AlphaTrade.Strategies.Framework;

/// <summary>What a strategy receives at start and how it declares what it needs. Valid during <see cref="ITradingStrategy.Initialize"/>.</summary>
public sealed class StrategySetup
{
    private readonly List<IndicatorHandle> _indicators = [];
    private readonly Dictionary<TimeFrame, int> _frames = [];

    internal StrategySetup(string name, StrategyUniverse universe, StrategyParameters parameters, TimeFrame baseFrame, ITradingCalendar calendar, int baseHistory)
    {
        Name = name;
        Universe = universe;
        Parameters = parameters;
        BaseTimeFrame = baseFrame;
        Calendar = calendar;
        BaseHistory = baseHistory;
    }

    /// <summary>The strategy's name in the run.</summary>
    public string Name { get; }

    /// <summary>The symbols it trades.</summary>
    public StrategyUniverse Universe { get; }

    /// <summary>Its validated parameters.</summary>
    public StrategyParameters Parameters { get; }

    /// <summary>The run's bar size.</summary>
    public TimeFrame BaseTimeFrame { get; }

    /// <summary>The exchange calendar.</summary>
    public ITradingCalendar Calendar { get; }

    /// <summary>Portfolio construction (default: equal weight).</summary>
    public IPortfolioConstruction Construction { get; set; } = new EqualWeightConstruction();

    /// <summary>Risk step (default: 10% per position, 100% gross).</summary>
    public IRiskStep Risk { get; set; } = new LimitRiskStep();

    /// <summary>Execution step (default: market orders for target changes).</summary>
    public IExecutionStep Execution { get; set; } = new MarketOrderExecution();

    /// <summary>Base bars of history kept per symbol.</summary>
    public int BaseHistory { get; private set; }

    /// <summary>
    /// Re-runs construction → risk → execution every this many base steps even when no signal changed (0: only on
    /// changes), so that constructions estimated from the market (e.g. <see cref="OptimizerConstruction"/>) refresh.
    /// </summary>
    public int RebalanceEveryBars { get; set; }

    internal IReadOnlyList<IndicatorHandle> Indicators => _indicators;

    internal IReadOnlyDictionary<TimeFrame, int> Frames => _frames;

    /// <summary>Keeps at least <paramref name="bars"/> base bars of history per symbol.</summary>
    public void KeepBaseHistory(int bars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bars);
        BaseHistory = Math.Max(BaseHistory, bars);
    }

    /// <summary>
    /// Builds bars of <paramref name="timeFrame"/> (hourly, daily...) from the base bars, session-aligned, keeping at
    /// least <paramref name="history"/> of them per symbol.
    /// </summary>
    public void UseTimeFrame(TimeFrame timeFrame, int history = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(history);
        if (!timeFrame.IsDaily && (timeFrame.Minutes <= BaseTimeFrame.Minutes || timeFrame.Minutes % BaseTimeFrame.Minutes != 0))
        {
            throw new ArgumentException($"A {timeFrame} view cannot be built from {BaseTimeFrame} bars: it must be a larger whole multiple, or daily.", nameof(timeFrame));
        }

        _frames[timeFrame] = Math.Max(history, _frames.GetValueOrDefault(timeFrame));
    }

    /// <summary>
    /// Registers the library indicator <paramref name="name"/> (e.g. "rsi", "atr", "bbands") on
    /// <paramref name="timeFrame"/> bars (null: base bars) with <paramref name="parameters"/> in the indicator's order
    /// (missing trailing ones take their defaults). The framework updates it; read it through the handle.
    /// </summary>
    public IndicatorHandle Indicator(string name, TimeFrame? timeFrame = null, params double[] parameters) =>
        IndicatorOn(name, null, timeFrame, parameters);

    /// <summary>
    /// Like <see cref="Indicator"/>, with the indicator's first series input read from <paramref name="source"/>
    /// (e.g. MAX of highs, SMA of volumes) instead of its default column.
    /// </summary>
    public IndicatorHandle IndicatorOn(string name, PriceField? source, TimeFrame? timeFrame = null, params double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var def = IndicatorRegistry.Find(name) ?? throw new ArgumentException($"Unknown indicator '{name}'.", nameof(name));
        var p = def.DefaultParameters();
        if (parameters.Length > p.Length)
        {
            throw new ArgumentException($"Indicator '{name}' takes {p.Length} parameters, got {parameters.Length}.", nameof(parameters));
        }

        parameters.CopyTo(p, 0);
        def.Validate(p);
        var frame = timeFrame ?? BaseTimeFrame;
        if (frame != BaseTimeFrame)
        {
            UseTimeFrame(frame, 2);
        }

        PriceField[] sources = source is { } f && def.Info.Series.Count > 0
            ? [f, .. def.Info.Series.Skip(1).Select(x => x.Default)]
            : [.. def.Info.Series.Select(x => x.Default)];
        var handle = new IndicatorHandle(def, p, sources, frame, Universe);
        _indicators.Add(handle);
        return handle;
    }
}
