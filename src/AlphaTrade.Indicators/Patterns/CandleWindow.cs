using System.Runtime.CompilerServices;

namespace AlphaTrade.Indicators.Patterns;

/// <summary>
/// The candles up to the one being judged, addressed backwards: 0 is the current candle, 1 the one before.
/// One type serves both forms: batch passes the input columns with an all-ones mask (index as is), streaming
/// passes power-of-two ring buffers with mask = length − 1. Formulas follow TA-Lib's candle macros exactly.
/// </summary>
internal readonly ref struct CandleWindow
{
    private readonly ReadOnlySpan<double> _open;
    private readonly ReadOnlySpan<double> _high;
    private readonly ReadOnlySpan<double> _low;
    private readonly ReadOnlySpan<double> _close;
    private readonly int _mask;

    public CandleWindow(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, int index, int mask)
    {
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        Index = index;
        _mask = mask;
    }

    /// <summary>Absolute index of the current candle (bars since the start of the series or stream).</summary>
    public int Index { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Open(int back) => _open[(Index - back) & _mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double High(int back) => _high[(Index - back) & _mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Low(int back) => _low[(Index - back) & _mask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Close(int back) => _close[(Index - back) & _mask];

    /// <summary>|close − open| (TA_REALBODY).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double RealBody(int back) => Math.Abs(Close(back) - Open(back));

    /// <summary>high − max(open, close) (TA_UPPERSHADOW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double UpperShadow(int back)
    {
        double o = Open(back), c = Close(back);
        return High(back) - (c >= o ? c : o);
    }

    /// <summary>min(open, close) − low (TA_LOWERSHADOW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LowerShadow(int back)
    {
        double o = Open(back), c = Close(back);
        return (c >= o ? o : c) - Low(back);
    }

    /// <summary>high − low (TA_HIGHLOWRANGE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double HighLowRange(int back) => High(back) - Low(back);

    /// <summary>1 for a white candle (close ≥ open), −1 for a black one (TA_CANDLECOLOR).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Color(int back) => Close(back) >= Open(back) ? 1 : -1;

    /// <summary>Top of the real body, max(open, close) with TA-Lib's argument order (open first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double BodyTop(int back) => Max(Open(back), Close(back));

    /// <summary>Bottom of the real body, min(open, close) with TA-Lib's argument order (open first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double BodyBottom(int back) => Min(Open(back), Close(back));

    /// <summary>The real body of <paramref name="later"/> lies wholly above that of <paramref name="earlier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool RealBodyGapUp(int later, int earlier) => BodyBottom(later) > BodyTop(earlier);

    /// <summary>The real body of <paramref name="later"/> lies wholly below that of <paramref name="earlier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool RealBodyGapDown(int later, int earlier) => BodyTop(later) < BodyBottom(earlier);

    /// <summary>The low of <paramref name="later"/> is above the high of <paramref name="earlier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool GapUp(int later, int earlier) => Low(later) > High(earlier);

    /// <summary>The high of <paramref name="later"/> is below the low of <paramref name="earlier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool GapDown(int later, int earlier) => High(later) < Low(earlier);

    /// <summary>The measure a candle setting averages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Range(CandleRangeType type, int back) => type switch
    {
        CandleRangeType.RealBody => RealBody(back),
        CandleRangeType.HighLow => HighLowRange(back),
        _ => UpperShadow(back) + LowerShadow(back),
    };

    /// <summary>TA-Lib's <c>max</c> macro: the first argument unless the second is strictly greater.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => a > b ? a : b;

    /// <summary>TA-Lib's <c>min</c> macro: the first argument unless the second is strictly smaller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => a < b ? a : b;
}
