using AlphaTrade.Indicators;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Channel breakout (type <c>donchian_breakout</c>) on base bars. Entry: the close breaks above the highest high of
/// the previous <c>entry_period</c> bars with volume at least <c>volume_factor</c> × the <c>volume_period</c>-bar
/// average volume (short mirror image below the lowest low when <c>allow_short</c>). Exit: the close crosses a
/// trailing stop <c>atr_stop</c> × ATR(<c>atr_period</c>) from the best close since entry, or breaks the opposite
/// <c>exit_period</c>-bar channel. Signal strength = breakout distance in ATRs, capped at 1.
/// </summary>
public sealed class DonchianBreakout : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "donchian_breakout";

    private IndicatorHandle _entryHigh = null!;
    // Null when shorts are off: the entry-low and exit-high channels only open and close shorts.
    private IndicatorHandle? _entryLow;
    private IndicatorHandle? _exitHigh;
    private IndicatorHandle _exitLow = null!;
    private IndicatorHandle _atr = null!;
    private IndicatorHandle _volume = null!;
    private double _atrStop;
    private double _volumeFactor;
    private bool _allowShort;
    private int[] _state = [];
    private double[] _stop = [];
    private double[] _prevEntryHigh = [];
    private double[] _prevEntryLow = [];
    private double[] _prevExitHigh = [];
    private double[] _prevExitLow = [];

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("entry_period", 55, 2, 2000, "Donchian entry channel: bars whose highest high (lowest low) a close must break"),
        StrategyParameter.Int("exit_period", 20, 2, 2000, "Opposite channel that exits, bars"),
        StrategyParameter.Int("atr_period", 14, 1, 500, "ATR length, bars"),
        StrategyParameter.Real("atr_stop", 2.0, 0.1, 20, "Trailing stop distance in ATRs"),
        StrategyParameter.Int("volume_period", 20, 1, 2000, "Average volume length, bars"),
        StrategyParameter.Real("volume_factor", 1.5, 0, 20, "Breakout bar volume must be at least this multiple of the average (0: no check)"),
        StrategyParameter.Flag("allow_short", false, "Also trade downside breakouts"),
        .. PipelineParameters.Create("inverse_vol", 0.10),
    ];

    /// <summary>Position state per symbol (+1/−1/0).</summary>
    public ReadOnlySpan<int> State => _state;

    /// <summary>Current stop level per symbol (NaN when flat).</summary>
    public ReadOnlySpan<double> Stops => _stop;

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _allowShort = p.Flag("allow_short");
        _entryHigh = setup.IndicatorOn("max", PriceField.High, null, p.Int("entry_period"));
        _entryLow = _allowShort ? setup.IndicatorOn("min", PriceField.Low, null, p.Int("entry_period")) : null;
        _exitHigh = _allowShort ? setup.IndicatorOn("max", PriceField.High, null, p.Int("exit_period")) : null;
        _exitLow = setup.IndicatorOn("min", PriceField.Low, null, p.Int("exit_period"));
        _atr = setup.Indicator("atr", null, p.Int("atr_period"));
        _volume = setup.IndicatorOn("sma", PriceField.Volume, null, p.Int("volume_period"));
        _atrStop = p.Real("atr_stop");
        _volumeFactor = p.Real("volume_factor");
        int n = setup.Universe.Symbols.Count;
        _state = new int[n];
        _stop = new double[n];
        Array.Fill(_stop, double.NaN);
        _prevEntryHigh = NaNs(n);
        _prevEntryLow = NaNs(n);
        _prevExitHigh = NaNs(n);
        _prevExitLow = NaNs(n);
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The step's bars are the newest of the base history: read them from the slice.
        var bars = context.Bars;
        var closes = bars.Close;
        var volumes = bars.Volume;
        foreach (int id in context.Universe.Ids)
        {
            if (!context.HasBar(id))
            {
                continue;
            }

            double close = closes[id];
            double atr = _atr.Value(id);
            double volume = volumes[id];
            Decide(context, id, close, atr, volume);

            // Channels of the bars before the next one: today's values, read after deciding on today's close (the
            // short side's stay NaN when shorts are off: nothing reads them then).
            _prevEntryHigh[id] = _entryHigh.Value(id);
            _prevExitLow[id] = _exitLow.Value(id);
            if (_allowShort)
            {
                _prevEntryLow[id] = _entryLow!.Value(id);
                _prevExitHigh[id] = _exitHigh!.Value(id);
            }
        }
    }

    private void Decide(TradingContext context, int id, double close, double atr, double volume)
    {
        int state = _state[id];
        if (state > 0)
        {
            _stop[id] = Math.Max(_stop[id], close - (_atrStop * atr));
            if (close < _stop[id] || close < _prevExitLow[id])
            {
                Exit(context, id);
            }

            return;
        }

        if (state < 0)
        {
            _stop[id] = Math.Min(_stop[id], close + (_atrStop * atr));
            if (close > _stop[id] || close > _prevExitHigh[id])
            {
                Exit(context, id);
            }

            return;
        }

        if (!(atr > 0) || double.IsNaN(_prevEntryHigh[id]))
        {
            return;
        }

        double avgVolume = _volume.Value(id);
        bool volumeOk = _volumeFactor == 0 || volume >= _volumeFactor * avgVolume;
        if (close > _prevEntryHigh[id] && volumeOk)
        {
            _state[id] = 1;
            _stop[id] = close - (_atrStop * atr);
            context.Signal(id, 1, Math.Min(1, (close - _prevEntryHigh[id]) / atr));
        }
        else if (_allowShort && close < _prevEntryLow[id] && volumeOk)
        {
            _state[id] = -1;
            _stop[id] = close + (_atrStop * atr);
            context.Signal(id, -1, Math.Min(1, (_prevEntryLow[id] - close) / atr));
        }
    }

    private void Exit(TradingContext context, int id)
    {
        _state[id] = 0;
        _stop[id] = double.NaN;
        context.Flat(id);
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Ints("state", _state);
        writer.Doubles("stop", _stop);
        writer.Doubles("entry_high", _prevEntryHigh);
        writer.Doubles("entry_low", _prevEntryLow);
        writer.Doubles("exit_high", _prevExitHigh);
        writer.Doubles("exit_low", _prevExitLow);
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Ints("state", _state);
        reader.Doubles("stop", _stop);
        reader.Doubles("entry_high", _prevEntryHigh);
        reader.Doubles("entry_low", _prevEntryLow);
        reader.Doubles("exit_high", _prevExitHigh);
        reader.Doubles("exit_low", _prevExitLow);
    }

    private static double[] NaNs(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
