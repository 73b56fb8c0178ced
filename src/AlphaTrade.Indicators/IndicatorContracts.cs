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

    /// <summary>TA-Lib's math operators over a window (SUM, MAX, MIN, their indexes).</summary>
    MathOperator,
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

    /// <summary>The caller-supplied extra series (<see cref="OhlcvInput.Extra"/>), e.g. MAVP's periods.</summary>
    Extra = 64,

    /// <summary>High, low.</summary>
    HighLow = High | Low,

    /// <summary>High, low, close.</summary>
    Hlc = High | Low | Close,

    /// <summary>Open, high, low, close.</summary>
    Ohlc = Open | High | Low | Close,

    /// <summary>High, low, close, volume.</summary>
    Hlcv = Hlc | Volume,

    /// <summary>Open, high, low, close, volume.</summary>
    Ohlcv = Ohlc | Volume,
}

/// <summary>One column of the input that can feed a real-valued series input (TA-Lib's inReal).</summary>
public enum PriceField
{
    /// <summary>Open.</summary>
    Open,

    /// <summary>High.</summary>
    High,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Close.</summary>
    Close,

    /// <summary>Volume.</summary>
    Volume,

    /// <summary>The caller-supplied extra series (a benchmark's closes for BETA, MAVP's periods...).</summary>
    Extra,
}

/// <summary>
/// A real-valued series input (TA-Lib's inReal, inReal0/inReal1, inPeriods) and the column that feeds it by default.
/// Callers may map it to another column, or to <see cref="PriceField.Extra"/> for a series of their own.
/// </summary>
/// <param name="Name">Lower snake-case name, e.g. "real", "real0", "periods".</param>
/// <param name="Default">Column used when the caller does not say (TA-Lib's Python defaults: close; high/low for two-series functions).</param>
public sealed record SeriesInput(string Name, PriceField Default);

/// <summary>One numeric parameter of an indicator with its default and allowed range.</summary>
/// <param name="Name">Lower snake-case name, e.g. "period", "fast_period", "nbdev_up".</param>
/// <param name="Default">Default value (TA-Lib's default where TA-Lib defines the indicator).</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="IsInteger">True when only whole numbers are allowed.</param>
/// <param name="Description">What the parameter controls.</param>
public sealed record IndicatorParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>
    /// True for a choice among kinds (a moving-average type) rather than a size: column names leave choices out
    /// while every choice is at its default, so that default columns read <c>bbands_upper_5_2_2</c>.
    /// </summary>
    public bool IsChoice { get; init; }
}

/// <summary>Everything a user or another tool needs to know about an indicator without running it.</summary>
/// <param name="Name">Lower snake-case name used on the command line and in column names, e.g. "sma", "cdl_engulfing".</param>
/// <param name="TaLibName">TA-Lib function name (e.g. "SMA", "CDLENGULFING") or null where TA-Lib has none.</param>
/// <param name="Category">Family.</param>
/// <param name="Description">One-line description.</param>
/// <param name="Inputs">Bar columns read with the default series mapping.</param>
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
    string Source)
{
    /// <summary>Real-valued series inputs in TA-Lib's order (empty when the indicator reads fixed bar columns only).</summary>
    public IReadOnlyList<SeriesInput> Series { get; init; } = [];
}

/// <summary>
/// Read-only OHLCV columns passed to a batch computation; all non-empty spans have the same length.
/// Columns an indicator does not read may be empty.
/// </summary>
public readonly ref struct OhlcvInput
{
    /// <summary>Creates an input over the given columns.</summary>
    public OhlcvInput(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume, ReadOnlySpan<long> timeUtcTicks = default,
        ReadOnlySpan<double> extra = default)
    {
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        TimeUtcTicks = timeUtcTicks;
        Extra = extra;
    }

    /// <summary>Creates an input over a bar series' columns, with an optional extra series of the same length.</summary>
    public OhlcvInput(BarSeries series, ReadOnlySpan<double> extra = default)
        : this(
            (series ?? throw new ArgumentNullException(nameof(series))).Open,
            series.High,
            series.Low,
            series.Close,
            series.Volume,
            series.Time,
            extra)
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

    /// <summary>A caller-supplied series (see <see cref="PriceField.Extra"/>); empty when absent.</summary>
    public ReadOnlySpan<double> Extra { get; }

    /// <summary>Number of bars (length of the longest non-empty column).</summary>
    public int Length => Math.Max(Math.Max(Math.Max(Open.Length, High.Length), Math.Max(Low.Length, Close.Length)),
        Math.Max(Math.Max(Volume.Length, Extra.Length), TimeUtcTicks.Length));

    /// <summary>The column feeding <paramref name="field"/>.</summary>
    public ReadOnlySpan<double> Get(PriceField field) => field switch
    {
        PriceField.Open => Open,
        PriceField.High => High,
        PriceField.Low => Low,
        PriceField.Close => Close,
        PriceField.Volume => Volume,
        PriceField.Extra => Extra,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Bars [start, start+length) of every non-empty column.</summary>
    public OhlcvInput Slice(int start, int length)
    {
        return new OhlcvInput(Cut(Open), Cut(High), Cut(Low), Cut(Close), Cut(Volume),
            TimeUtcTicks.IsEmpty ? default : TimeUtcTicks.Slice(start, length), Cut(Extra));

        ReadOnlySpan<double> Cut(ReadOnlySpan<double> s) => s.IsEmpty ? default : s.Slice(start, length);
    }
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

    /// <summary>Warm-up length: bars fed (since the start or the last invalid bar) before outputs are defined.</summary>
    int Lookback { get; }

    /// <summary>True once the warm-up is over and outputs are defined.</summary>
    bool IsReady { get; }

    /// <summary>Bars seen since creation or <see cref="Reset"/>.</summary>
    int BarsSeen { get; }

    /// <summary>Feeds the next bar.</summary>
    void Update(in Bar bar);

    /// <summary>Feeds the next bar with the value of the extra series at that bar (see <see cref="PriceField.Extra"/>).</summary>
    void Update(in Bar bar, double extra);

    /// <summary>Output <paramref name="index"/> at the last bar fed (NaN during warm-up).</summary>
    double this[int index] { get; }

    /// <summary>Returns to the state before the first bar.</summary>
    void Reset();
}

/// <summary>
/// An indicator definition: metadata, lookback, a batch computation and a streaming factory.
/// <para>
/// Batch outputs have the input's length; the first <see cref="Lookback"/> values are NaN (TA-Lib's lookback).
/// Invalid bars: a bar where any column the indicator reads is NaN or infinite gets NaN outputs and restarts the
/// indicator, which warms up again from the next bar exactly as if the series began there. Every indicator,
/// windowed or recursive, follows this one rule, in both forms.
/// </para>
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
    /// definition requires (O(period) windows). <paramref name="sources"/> maps <see cref="IndicatorInfo.Series"/>
    /// to columns; empty means the defaults.
    /// </summary>
    public abstract void Compute(in OhlcvInput input, ReadOnlySpan<double> parameters, double[][] outputs,
        ReadOnlySpan<PriceField> sources = default);

    /// <summary>Creates a streaming instance for the given parameters and series mapping (empty: defaults).</summary>
    public abstract IIndicatorStream CreateStream(ReadOnlySpan<double> parameters, ReadOnlySpan<PriceField> sources = default);

    /// <summary>
    /// Creates a bank: this indicator for each of <paramref name="members"/> (symbol ids below
    /// <paramref name="symbolCount"/>), reporting exactly what one <see cref="CreateStream"/> per member would.
    /// </summary>
    public virtual IIndicatorBank CreateBank(ReadOnlySpan<double> parameters, int symbolCount, ReadOnlySpan<int> members,
        ReadOnlySpan<PriceField> sources = default)
    {
        Validate(parameters);
        return new StreamBank(this, parameters, symbolCount, members, sources);
    }

    /// <summary>Default parameter values in declaration order.</summary>
    public double[] DefaultParameters() => Info.Parameters.Select(p => p.Default).ToArray();

    /// <summary>Warm-up length at the default parameters.</summary>
    public int DefaultLookback => Lookback(DefaultParameters());

    /// <summary>
    /// Checks count, range and integrality of <paramref name="parameters"/>; throws <see cref="ArgumentException"/>
    /// naming the offending parameter.
    /// </summary>
    public void Validate(ReadOnlySpan<double> parameters)
    {
        var specs = Info.Parameters;
        if (parameters.Length != specs.Count)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"{Info.Name}: expected {specs.Count} parameters, got {parameters.Length}."),
                nameof(parameters));
        }

        for (int i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            double v = parameters[i];
            if (double.IsNaN(v) || v < s.Min || v > s.Max || (s.IsInteger && v != Math.Floor(v)))
            {
                throw new ArgumentException(
                    FormattableString.Invariant(
                        $"{Info.Name}: {s.Name} = {v} is outside [{s.Min}, {s.Max}]{(s.IsInteger ? " or not an integer" : "")}."),
                    nameof(parameters));
            }
        }
    }
}
