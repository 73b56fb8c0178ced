using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators.Candles;

/// <summary>
/// Indicator definition of one candlestick pattern: output "value" is TA-Lib's integer signal as a double
/// (NaN during the lookback). Batch allocates nothing beyond a small stack buffer; streaming keeps a ring of the
/// last lookback + 1 candles and is O(number of thresholds) per bar.
/// </summary>
internal sealed class CandlePatternIndicator<TPattern> : IndicatorDefinition
    where TPattern : struct, ICandlePattern
{
    private readonly CandleAverageTerm[] _terms;
    private readonly int _lookback;

    public CandlePatternIndicator(CandleSettings? settings = null)
    {
        Settings = settings ?? CandleSettings.Default;
        CandleAverageUse[] uses = TPattern.Uses;
        _terms = new CandleAverageTerm[uses.Length];
        for (int j = 0; j < uses.Length; j++)
        {
            _terms[j] = new CandleAverageTerm(Settings[uses[j].Setting], uses[j].Back);
        }

        _lookback = TPattern.Lookback(Settings);
        int start = _lookback - TPattern.PreRoll;
        foreach (CandleAverageTerm t in _terms)
        {
            // TA-Lib's lookbacks always leave room for every sum's oldest candle; custom settings must too.
            if (start < t.Period + t.Back)
            {
                throw new ArgumentException($"{TPattern.TaLibName}: settings leave no room for the averaging window.", nameof(settings));
            }
        }

        double? pen = TPattern.DefaultPenetration;
        IndicatorParameter[] parameters = pen is double p
            ? [new IndicatorParameter("penetration", p, 0, double.MaxValue, false, "Fraction of the first candle's real body the last candle must penetrate.")]
            : [];
        string shortName = TPattern.TaLibName[3..].ToLowerInvariant();
        Info = new IndicatorInfo("cdl_" + shortName, TPattern.TaLibName, IndicatorCategory.Pattern, TPattern.Description,
            PriceInputs.Ohlc, parameters, ["value"], "TA-Lib");
    }

    /// <summary>Thresholds this definition judges candles by.</summary>
    public CandleSettings Settings { get; }

    /// <inheritdoc />
    public override IndicatorInfo Info { get; }

    /// <inheritdoc />
    public override int Lookback(ReadOnlySpan<double> parameters)
    {
        _ = Penetration(parameters);
        return _lookback;
    }

    /// <inheritdoc />
    public override void Compute(in OhlcvInput input, ReadOnlySpan<double> parameters, double[][] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        double penetration = Penetration(parameters);
        int n = input.Length;
        ReadOnlySpan<double> open = input.Open, high = input.High, low = input.Low, close = input.Close;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n)
        {
            throw new ArgumentException($"{Info.Name} needs open, high, low and close columns of equal length.", nameof(input));
        }

        if (outputs.Length < 1 || outputs[0] is null || outputs[0].Length < n)
        {
            throw new ArgumentException($"{Info.Name} needs one output array of at least {n} values.", nameof(outputs));
        }

        Span<double> result = outputs[0].AsSpan(0, n);
        Span<double> sums = stackalloc double[_terms.Length];
        sums.Clear();
        var memory = default(PatternMemory);
        int start = _lookback - TPattern.PreRoll;
        for (int t = 0; t < n; t++)
        {
            var window = new CandleWindow(open, high, low, close, t, -1);
            double value = double.NaN;
            if (t >= start)
            {
                var avg = new CandleThresholds(sums, _terms, window);
                int signal = TPattern.Recognize(window, avg, penetration, ref memory);
                if (t >= _lookback)
                {
                    value = signal;
                }
            }

            result[t] = value;
            CandleAverages.Advance(window, sums, _terms, start);
        }
    }

    /// <inheritdoc />
    public override IIndicatorStream CreateStream(ReadOnlySpan<double> parameters) =>
        new CandlePatternStream<TPattern>(this, _terms, _lookback, Penetration(parameters));

    private static double Penetration(ReadOnlySpan<double> parameters)
    {
        if (TPattern.DefaultPenetration is not double defaultValue)
        {
            return 0;
        }

        double p = parameters.Length > 0 ? parameters[0] : defaultValue;
        if (!(p >= 0) || double.IsPositiveInfinity(p))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), p, "penetration must be a finite number ≥ 0.");
        }

        return p;
    }
}

/// <summary>Streaming form of <see cref="CandlePatternIndicator{TPattern}"/>: same loop body, over ring buffers.</summary>
internal sealed class CandlePatternStream<TPattern> : IIndicatorStream
    where TPattern : struct, ICandlePattern
{
    private readonly CandleAverageTerm[] _terms;
    private readonly double[] _sums;
    private readonly int _lookback;
    private readonly int _start;
    private readonly double _penetration;
    private readonly int _mask;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private PatternMemory _memory;
    private double _value = double.NaN;

    public CandlePatternStream(IndicatorDefinition definition, CandleAverageTerm[] terms, int lookback, double penetration)
    {
        Info = definition.Info;
        _terms = terms;
        _sums = new double[terms.Length];
        _lookback = lookback;
        _start = lookback - TPattern.PreRoll;
        _penetration = penetration;

        // Nothing reaches further back than the lookback (TA-Lib never reads before index 0).
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(lookback + 1));
        _mask = size - 1;
        _open = new double[size];
        _high = new double[size];
        _low = new double[size];
        _close = new double[size];
    }

    public IndicatorInfo Info { get; }

    public int OutputCount => 1;

    public bool IsReady => BarsSeen > _lookback;

    public int BarsSeen { get; private set; }

    public double this[int index] => index == 0 ? _value : throw new ArgumentOutOfRangeException(nameof(index));

    public void Update(in Bar bar)
    {
        int t = BarsSeen;
        int slot = t & _mask;
        _open[slot] = bar.Open;
        _high[slot] = bar.High;
        _low[slot] = bar.Low;
        _close[slot] = bar.Close;
        var window = new CandleWindow(_open, _high, _low, _close, t, _mask);
        double value = double.NaN;
        if (t >= _start)
        {
            var avg = new CandleThresholds(_sums, _terms, window);
            int signal = TPattern.Recognize(window, avg, _penetration, ref _memory);
            if (t >= _lookback)
            {
                value = signal;
            }
        }

        _value = value;
        CandleAverages.Advance(window, _sums, _terms, _start);
        BarsSeen = t + 1;
    }

    public void Reset()
    {
        Array.Clear(_sums);
        _memory = default;
        _value = double.NaN;
        BarsSeen = 0;
    }
}
