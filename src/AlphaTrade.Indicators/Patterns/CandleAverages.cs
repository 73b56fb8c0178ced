using System.Runtime.CompilerServices;

namespace AlphaTrade.Indicators.Patterns;

/// <summary>A pattern's use of a candle setting: the setting, judged on the candle <paramref name="Back"/> bars ago.</summary>
/// <param name="Setting">Threshold used.</param>
/// <param name="Back">Candle it is applied to: 0 = current, 1 = previous...</param>
internal readonly record struct CandleAverageUse(CandleSettingType Setting, int Back);

/// <summary>A <see cref="CandleAverageUse"/> resolved against a <see cref="CandleSettings"/> table.</summary>
internal readonly struct CandleAverageTerm
{
    public CandleAverageTerm(CandleSetting setting, int back)
    {
        RangeType = setting.RangeType;
        Period = setting.AveragePeriod;
        Factor = setting.Factor;
        // TA-Lib divides by 2 for shadows and by 1 otherwise; multiplying by 0.5 or 1 gives the same bits (both
        // are exact scalings) without a division on every threshold read.
        Scale = setting.RangeType == CandleRangeType.Shadows ? 0.5 : 1.0;
        Back = back;
    }

    public CandleRangeType RangeType { get; }

    public int Period { get; }

    public double Factor { get; }

    public double Scale { get; }

    public int Back { get; }
}

/// <summary>
/// The running sums behind a pattern's thresholds, one per <see cref="CandleAverageUse"/>.
/// <para>
/// Exactness with TA-Lib depends on adding the same numbers in the same order: each sum starts at bar
/// <c>start − period</c> with plain additions, and from <c>start</c> on slides by adding
/// <c>(newest − oldest)</c> after the pattern has been judged. <c>start</c> is the first bar a pattern is
/// evaluated on (TA-Lib's <c>startIdx</c>). Batch and streaming both call <see cref="Advance"/> once per bar, so
/// they compute bit-identical thresholds.
/// </para>
/// </summary>
internal static class CandleAverages
{
    /// <summary>Updates every sum after the bar at <c>window.Index</c> was judged (or skipped during warm-up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Advance(in CandleWindow window, Span<double> sums, ReadOnlySpan<CandleAverageTerm> terms, int start)
    {
        int t = window.Index;
        for (int j = 0; j < terms.Length; j++)
        {
            ref readonly CandleAverageTerm term = ref terms[j];
            if (t >= start)
            {
                sums[j] += window.Range(term.RangeType, term.Back) - window.Range(term.RangeType, term.Back + term.Period);
            }
            else if (t >= start - term.Period)
            {
                sums[j] += window.Range(term.RangeType, term.Back);
            }
        }
    }
}

/// <summary>
/// The thresholds of the current bar, as a pattern reads them: <c>avg[j]</c> is TA-Lib's
/// <c>TA_CANDLEAVERAGE</c> for use <c>j</c> = factor × (sum / period, or the candle's own measure when the
/// period is 0) / (2 for shadows, else 1), in that order of operations (the last step as an exact × 0.5 or × 1).
/// </summary>
internal readonly ref struct CandleThresholds
{
    private readonly ReadOnlySpan<double> _sums;
    private readonly ReadOnlySpan<CandleAverageTerm> _terms;
    private readonly CandleWindow _window;

    public CandleThresholds(ReadOnlySpan<double> sums, ReadOnlySpan<CandleAverageTerm> terms, in CandleWindow window)
    {
        _sums = sums;
        _terms = terms;
        _window = window;
    }

    public double this[int use]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ref readonly CandleAverageTerm t = ref _terms[use];
            double basis = t.Period != 0 ? _sums[use] / t.Period : _window.Range(t.RangeType, t.Back);
            return t.Factor * basis * t.Scale;
        }
    }
}
