using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators;

/// <summary>Indicator families, as TA-Lib groups them plus the statistics and pattern groups.</summary>
public enum IndicatorCategory
{
    /// <summary>Overlap studies (moving averages, bands, channels) drawn on the price chart.</summary>
    Overlap,

    /// <summary>Momentum oscillators.</summary>
    Momentum,

    /// <summary>Volume indicators.</summary>
    Volume,

    /// <summary>Volatility measures.</summary>
    Volatility,

    /// <summary>Price transforms (typical price, Heikin-Ashi...).</summary>
    PriceTransform,

    /// <summary>Statistics (regression, correlation, moments, ranks).</summary>
    Statistics,

    /// <summary>Hilbert-transform cycle indicators.</summary>
    Cycle,

    /// <summary>Candlestick pattern recognition.</summary>
    Pattern,
}

/// <summary>The bar columns an indicator reads.</summary>
[Flags]
public enum PriceInputs
{
    /// <summary>No price input.</summary>
    None = 0,

    /// <summary>Open.</summary>
    Open = 1,

    /// <summary>High.</summary>
    High = 2,

    /// <summary>Low.</summary>
    Low = 4,

    /// <summary>Close.</summary>
    Close = 8,

    /// <summary>Volume.</summary>
    Volume = 16,

    /// <summary>Bar time (session-anchored indicators such as VWAP).</summary>
    Time = 32,

    /// <summary>Open, high, low, close.</summary>
    Ohlc = Open | High | Low | Close,

    /// <summary>Open, high, low, close, volume.</summary>
    Ohlcv = Ohlc | Volume,
}

/// <summary>One numeric parameter of an indicator with its default and allowed range.</summary>
/// <param name="Name">Lower snake-case name, e.g. "period", "fast_period", "nbdev_up".</param>
/// <param name="Default">Default value (TA-Lib's default where TA-Lib defines the indicator).</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="IsInteger">True when only whole numbers are allowed.</param>
/// <param name="Description">What the parameter controls.</param>
public sealed record IndicatorParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Description);

/// <summary>Everything a user or another tool needs to know about an indicator without running it.</summary>
/// <param name="Name">Lower snake-case name used on the command line and in column names, e.g. "sma", "cdl_engulfing".</param>
/// <param name="TaLibName">TA-Lib function name (e.g. "SMA", "CDLENGULFING") or null where TA-Lib has none.</param>
/// <param name="Category">Family.</param>
/// <param name="Description">One-line description.</param>
/// <param name="Inputs">Bar columns read.</param>
/// <param name="Parameters">Parameters in TA-Lib's order.</param>
/// <param name="Outputs">Output names in TA-Lib's order (e.g. "macd", "signal", "hist").</param>
/// <param name="Source">Definition source: "TA-Lib" or a citation for non-TA-Lib definitions.</param>
public sealed record IndicatorInfo(
    string Name,
    string? TaLibName,
    IndicatorCategory Category,
    string Description,
    PriceInputs Inputs,
    IReadOnlyList<IndicatorParameter> Parameters,
    IReadOnlyList<string> Outputs,
    string Source);

/// <summary>
/// Read-only OHLCV columns passed to a batch computation; all non-empty spans have the same length.
/// Columns an indicator does not read may be empty.
/// </summary>
public readonly ref struct OhlcvInput
{
    /// <summary>Creates an input over the given columns.</summary>
    public OhlcvInput(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume, ReadOnlySpan<long> timeUtcTicks = default)
    {
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        TimeUtcTicks = timeUtcTicks;
    }

    /// <summary>Creates an input over a bar series' columns.</summary>
    public OhlcvInput(BarSeries series)
        : this(
            (series ?? throw new ArgumentNullException(nameof(series))).Open,
            series.High,
            series.Low,
            series.Close,
            series.Volume,
            series.Time)
    {
    }

    /// <summary>Opens.</summary>
    public ReadOnlySpan<double> Open { get; }

    /// <summary>Highs.</summary>
    public ReadOnlySpan<double> High { get; }

    /// <summary>Lows.</summary>
    public ReadOnlySpan<double> Low { get; }

    /// <summary>Closes.</summary>
    public ReadOnlySpan<double> Close { get; }

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume { get; }

    /// <summary>Bar start times (UTC ticks), for session-anchored indicators.</summary>
    public ReadOnlySpan<long> TimeUtcTicks { get; }

    /// <summary>Number of bars (length of the longest non-empty column).</summary>
    public int Length => Math.Max(Math.Max(Math.Max(Open.Length, High.Length), Math.Max(Low.Length, Close.Length)), Volume.Length);
}

/// <summary>
/// An indicator updated one bar at a time (live trading, event-driven backtests). After feeding bars 0..t it
/// reports exactly what the batch form reports at t. Not thread-safe.
/// </summary>
public interface IIndicatorStream
{
    /// <summary>What this indicator is.</summary>
    IndicatorInfo Info { get; }

    /// <summary>Number of outputs.</summary>
    int OutputCount { get; }

    /// <summary>True once the warm-up is over and outputs are defined.</summary>
    bool IsReady { get; }

    /// <summary>Bars seen since creation or <see cref="Reset"/>.</summary>
    int BarsSeen { get; }

    /// <summary>Feeds the next bar.</summary>
    void Update(in Bar bar);

    /// <summary>Output <paramref name="index"/> at the last bar fed (NaN during warm-up).</summary>
    double this[int index] { get; }

    /// <summary>Returns to the state before the first bar.</summary>
    void Reset();
}

/// <summary>
/// An indicator definition: metadata, lookback, a batch computation and a streaming factory.
/// Batch outputs have the input's length; the first <see cref="Lookback"/> values are NaN (TA-Lib's lookback).
/// </summary>
public abstract class IndicatorDefinition
{
    /// <summary>Metadata.</summary>
    public abstract IndicatorInfo Info { get; }

    /// <summary>Warm-up length for the given parameters: index of the first defined output (TA-Lib's lookback).</summary>
    public abstract int Lookback(ReadOnlySpan<double> parameters);

    /// <summary>
    /// Computes every output over the whole input. <paramref name="outputs"/> holds one array per output, each at
    /// least <see cref="OhlcvInput.Length"/> long; nothing else is allocated per call beyond small scratch the
    /// definition requires.
    /// </summary>
    public abstract void Compute(in OhlcvInput input, ReadOnlySpan<double> parameters, double[][] outputs);

    /// <summary>Creates a streaming instance for the given parameters.</summary>
    public abstract IIndicatorStream CreateStream(ReadOnlySpan<double> parameters);

    /// <summary>Default parameter values in declaration order.</summary>
    public double[] DefaultParameters() => Info.Parameters.Select(p => p.Default).ToArray();
}
