using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Mean reversion (type <c>bollinger_reversion</c>) on base bars. z = (close − SMA(<c>period</c>)) / STDDEV(<c>period</c>)
/// (the Bollinger band position). Entry long when z ≤ −<c>entry_z</c> and RSI(<c>rsi_period</c>) ≤ <c>rsi_low</c>;
/// short when z ≥ <c>entry_z</c> and RSI ≥ <c>rsi_high</c> (when <c>allow_short</c>). Exit when z is back within
/// <c>exit_z</c> of the mean, or after <c>max_hold</c> bars (time stop: the signal's horizon). After a time stop the
/// symbol re-arms only once |z| falls below <c>entry_z</c>.
/// </summary>
public sealed class BollingerReversion : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "bollinger_reversion";

    private IndicatorHandle _sma = null!;
    private IndicatorHandle _sd = null!;
    private IndicatorHandle _rsi = null!;
    private double _entryZ, _exitZ, _rsiLow, _rsiHigh;
    private int _maxHold;
    private bool _allowShort;
    private int[] _state = [];
    private bool[] _disarmed = [];

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("period", 20, 2, 2000, "Rolling mean and standard deviation length, bars"),
        StrategyParameter.Real("entry_z", 2.0, 0.1, 10, "Enter when |z| reaches this many standard deviations"),
        StrategyParameter.Real("exit_z", 0.5, 0, 10, "Exit when |z| is back below this"),
        StrategyParameter.Int("rsi_period", 14, 2, 500, "RSI length, bars"),
        StrategyParameter.Real("rsi_low", 30, 0, 100, "Long entries need RSI at or below this"),
        StrategyParameter.Real("rsi_high", 70, 0, 100, "Short entries need RSI at or above this"),
        StrategyParameter.Int("max_hold", 26, 1, 100000, "Time stop: bars a position may last"),
        StrategyParameter.Flag("allow_short", true, "Also fade upside overshoots"),
        .. PipelineParameters.Create("equal", 0.10),
    ];

    /// <summary>Position state per symbol (+1/−1/0).</summary>
    public ReadOnlySpan<int> State => _state;

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _sma = setup.Indicator("sma", null, p.Int("period"));
        _sd = setup.Indicator("stddev", null, p.Int("period"), 1);
        _rsi = setup.Indicator("rsi", null, p.Int("rsi_period"));
        _entryZ = p.Real("entry_z");
        _exitZ = p.Real("exit_z");
        if (_exitZ >= _entryZ)
        {
            throw new ArgumentException("exit_z must be below entry_z", "exit_z");
        }

        _rsiLow = p.Real("rsi_low");
        _rsiHigh = p.Real("rsi_high");
        _maxHold = p.Int("max_hold");
        _allowShort = p.Flag("allow_short");
        _state = new int[setup.Universe.Symbols.Count];
        _disarmed = new bool[setup.Universe.Symbols.Count];
    }

    /// <summary>The z-score of <paramref name="symbolId"/> at the last bar (NaN during warm-up).</summary>
    public double Z(TradingContext context, int symbolId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Z(context.Market.LastClose(symbolId), symbolId);
    }

    // The z-score of close (the symbol's last base close) against the bands.
    private double Z(double close, int symbolId)
    {
        double sd = _sd.Value(symbolId);
        return sd > 0 ? (close - _sma.Value(symbolId)) / sd : double.NaN;
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The step's bars are the newest of the base history: closes read from the slice.
        var closes = context.Bars.Close;
        foreach (int id in context.Universe.Ids)
        {
            if (!context.HasBar(id) || !_rsi.IsReady(id))
            {
                continue;
            }

            double z = Z(closes[id], id);
            if (double.IsNaN(z))
            {
                continue;
            }

            if (_state[id] != 0 && context.ActiveSignal(id).Direction == 0)
            {
                // The horizon ran out: the time stop closed the position.
                _state[id] = 0;
                _disarmed[id] = true;
            }

            if (_disarmed[id])
            {
                _disarmed[id] = Math.Abs(z) >= _entryZ;
                continue;
            }

            double rsi = _rsi.Value(id);
            if (_state[id] == 0)
            {
                if (z <= -_entryZ && rsi <= _rsiLow)
                {
                    _state[id] = 1;
                    context.Signal(id, 1, Math.Min(1, -z / (2 * _entryZ)), _maxHold);
                }
                else if (_allowShort && z >= _entryZ && rsi >= _rsiHigh)
                {
                    _state[id] = -1;
                    context.Signal(id, -1, Math.Min(1, z / (2 * _entryZ)), _maxHold);
                }
            }
            else if ((_state[id] > 0 && z >= -_exitZ) || (_state[id] < 0 && z <= _exitZ))
            {
                _state[id] = 0;
                context.Flat(id);
            }
        }
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Ints("state", _state);
        writer.Bools("disarmed", _disarmed);
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Ints("state", _state);
        reader.Bools("disarmed", _disarmed);
    }
}
