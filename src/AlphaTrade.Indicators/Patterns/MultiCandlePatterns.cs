using System.Runtime.CompilerServices;
using static AlphaTrade.Indicators.Patterns.CandleSettingType;

namespace AlphaTrade.Indicators.Patterns;

// Patterns of four or five candles: the highest index is the first candle, 0 the current one.
// Conditions are TA-Lib's, term by term and in its order of arithmetic, so that results match bit for bit.

/// <summary>CDL3BLACKCROWS: a white candle, then three declining black candles closing near their lows.</summary>
internal readonly struct ThreeBlackCrows : ICandlePattern
{
    public static string TaLibName => "CDL3BLACKCROWS";
    public static string Description => "Three Black Crows";
    public static CandleAverageUse[] Uses { get; } = [new(ShadowVeryShort, 2), new(ShadowVeryShort, 1), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => s.Period(ShadowVeryShort) + 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(3) == 1
        && c.Color(2) == -1
        && c.LowerShadow(2) < avg[0]
        && c.Color(1) == -1
        && c.LowerShadow(1) < avg[1]
        && c.Color(0) == -1
        && c.LowerShadow(0) < avg[2]
        && c.Open(1) < c.Open(2) && c.Open(1) > c.Close(2)
        && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
        && c.High(3) > c.Close(2)
        && c.Close(2) > c.Close(1)
        && c.Close(1) > c.Close(0)
            ? -100 : 0;
}

/// <summary>CDL3LINESTRIKE: three same-colour candles in a row, then one opposite candle wiping them out.</summary>
internal readonly struct ThreeLineStrike : ICandlePattern
{
    public static string TaLibName => "CDL3LINESTRIKE";
    public static string Description => "Three-Line Strike";
    public static CandleAverageUse[] Uses { get; } = [new(Near, 3), new(Near, 2)];
    public static int Lookback(CandleSettings s) => s.Period(Near) + 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(3) == c.Color(2)
        && c.Color(2) == c.Color(1)
        && c.Color(0) == -c.Color(1)
        && c.Open(2) >= CandleWindow.Min(c.Open(3), c.Close(3)) - avg[0]
        && c.Open(2) <= CandleWindow.Max(c.Open(3), c.Close(3)) + avg[0]
        && c.Open(1) >= CandleWindow.Min(c.Open(2), c.Close(2)) - avg[1]
        && c.Open(1) <= CandleWindow.Max(c.Open(2), c.Close(2)) + avg[1]
        && ((c.Color(1) == 1
                && c.Close(1) > c.Close(2) && c.Close(2) > c.Close(3)
                && c.Open(0) > c.Close(1)
                && c.Close(0) < c.Open(3))
            || (c.Color(1) == -1
                && c.Close(1) < c.Close(2) && c.Close(2) < c.Close(3)
                && c.Open(0) < c.Close(1)
                && c.Close(0) > c.Open(3)))
            ? c.Color(1) * 100 : 0;
}

/// <summary>CDLBREAKAWAY: long candle, gap, three candles drifting on, then an opposite candle closing inside the gap.</summary>
internal readonly struct Breakaway : ICandlePattern
{
    public static string TaLibName => "CDLBREAKAWAY";
    public static string Description => "Breakaway";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 4)];
    public static int Lookback(CandleSettings s) => s.Period(BodyLong) + 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(4) > avg[0]
        && c.Color(4) == c.Color(3)
        && c.Color(3) == c.Color(1)
        && c.Color(1) == -c.Color(0)
        && ((c.Color(4) == -1
                && c.RealBodyGapDown(3, 4)
                && c.High(2) < c.High(3) && c.Low(2) < c.Low(3)
                && c.High(1) < c.High(2) && c.Low(1) < c.Low(2)
                && c.Close(0) > c.Open(3) && c.Close(0) < c.Close(4))
            || (c.Color(4) == 1
                && c.RealBodyGapUp(3, 4)
                && c.High(2) > c.High(3) && c.Low(2) > c.Low(3)
                && c.High(1) > c.High(2) && c.Low(1) > c.Low(2)
                && c.Close(0) < c.Open(3) && c.Close(0) > c.Close(4)))
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLCONCEALBABYSWALL: two black marubozu, a black gapping down with an upper shadow, a black engulfing it.</summary>
internal readonly struct ConcealingBabySwallow : ICandlePattern
{
    private const int ShadowVeryShort3 = 0, ShadowVeryShort2 = 1, ShadowVeryShort1 = 2;

    public static string TaLibName => "CDLCONCEALBABYSWALL";
    public static string Description => "Concealing Baby Swallow";
    public static CandleAverageUse[] Uses { get; } = [new(ShadowVeryShort, 3), new(ShadowVeryShort, 2), new(ShadowVeryShort, 1)];
    public static int Lookback(CandleSettings s) => s.Period(ShadowVeryShort) + 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(3) == -1
        && c.Color(2) == -1
        && c.Color(1) == -1
        && c.Color(0) == -1
        && c.LowerShadow(3) < avg[ShadowVeryShort3]
        && c.UpperShadow(3) < avg[ShadowVeryShort3]
        && c.LowerShadow(2) < avg[ShadowVeryShort2]
        && c.UpperShadow(2) < avg[ShadowVeryShort2]
        && c.RealBodyGapDown(1, 2)
        && c.UpperShadow(1) > avg[ShadowVeryShort1]
        && c.High(1) > c.Close(2)
        && c.High(0) > c.High(1) && c.Low(0) < c.Low(1)
            ? 100 : 0;
}

/// <summary>CDLLADDERBOTTOM: three declining black candles, a black with an upper shadow, a white gapping up.</summary>
internal readonly struct LadderBottom : ICandlePattern
{
    public static string TaLibName => "CDLLADDERBOTTOM";
    public static string Description => "Ladder Bottom";
    public static CandleAverageUse[] Uses { get; } = [new(ShadowVeryShort, 1)];
    public static int Lookback(CandleSettings s) => s.Period(ShadowVeryShort) + 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(4) == -1 && c.Color(3) == -1 && c.Color(2) == -1
        && c.Open(4) > c.Open(3) && c.Open(3) > c.Open(2)
        && c.Close(4) > c.Close(3) && c.Close(3) > c.Close(2)
        && c.Color(1) == -1
        && c.UpperShadow(1) > avg[0]
        && c.Color(0) == 1
        && c.Open(0) > c.Open(1)
        && c.Close(0) > c.High(1)
            ? 100 : 0;
}

/// <summary>CDLMATHOLD: long white, gap up, three small candles holding inside its body, white breaking out.</summary>
internal readonly struct MatHold : ICandlePattern
{
    private const int BodyLong4 = 0, BodyShort3 = 1, BodyShort2 = 2, BodyShort1 = 3;

    public static string TaLibName => "CDLMATHOLD";
    public static string Description => "Mat Hold";
    public static double? DefaultPenetration => 0.5;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 4), new(BodyShort, 3), new(BodyShort, 2), new(BodyShort, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(4) > avg[BodyLong4]
        && c.RealBody(3) < avg[BodyShort3]
        && c.RealBody(2) < avg[BodyShort2]
        && c.RealBody(1) < avg[BodyShort1]
        && c.Color(4) == 1
        && c.Color(3) == -1
        && c.Color(0) == 1
        && c.RealBodyGapUp(3, 4)
        && c.BodyBottom(2) < c.Close(4)
        && c.BodyBottom(1) < c.Close(4)
        && c.BodyBottom(2) > c.Close(4) - c.RealBody(4) * penetration
        && c.BodyBottom(1) > c.Close(4) - c.RealBody(4) * penetration
        && CandleWindow.Max(c.Close(2), c.Open(2)) < c.Open(3)
        && CandleWindow.Max(c.Close(1), c.Open(1)) < CandleWindow.Max(c.Close(2), c.Open(2))
        && c.Open(0) > c.Close(1)
        && c.Close(0) > CandleWindow.Max(CandleWindow.Max(c.High(3), c.High(2)), c.High(1))
            ? 100 : 0;
}

/// <summary>CDLRISEFALL3METHODS: long candle, three small counter-trend candles inside its range, long candle resuming.</summary>
internal readonly struct RisingFallingThreeMethods : ICandlePattern
{
    private const int BodyLong4 = 0, BodyShort3 = 1, BodyShort2 = 2, BodyShort1 = 3, BodyLong0 = 4;

    public static string TaLibName => "CDLRISEFALL3METHODS";
    public static string Description => "Rising/Falling Three Methods";
    public static CandleAverageUse[] Uses { get; } =
        [new(BodyLong, 4), new(BodyShort, 3), new(BodyShort, 2), new(BodyShort, 1), new(BodyLong, 0)];

    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory)
    {
        int first = c.Color(4);

        // TA-Lib flips the comparisons for the falling case by multiplying both sides by the first colour.
        return c.RealBody(4) > avg[BodyLong4]
            && c.RealBody(3) < avg[BodyShort3]
            && c.RealBody(2) < avg[BodyShort2]
            && c.RealBody(1) < avg[BodyShort1]
            && c.RealBody(0) > avg[BodyLong0]
            && first == -c.Color(3)
            && c.Color(3) == c.Color(2)
            && c.Color(2) == c.Color(1)
            && c.Color(1) == -c.Color(0)
            && c.BodyBottom(3) < c.High(4) && c.BodyTop(3) > c.Low(4)
            && c.BodyBottom(2) < c.High(4) && c.BodyTop(2) > c.Low(4)
            && c.BodyBottom(1) < c.High(4) && c.BodyTop(1) > c.Low(4)
            && c.Close(2) * first < c.Close(3) * first
            && c.Close(1) * first < c.Close(2) * first
            && c.Open(0) * first > c.Close(1) * first
            && c.Close(0) * first > c.Close(4) * first
                ? 100 * first : 0;
    }
}
