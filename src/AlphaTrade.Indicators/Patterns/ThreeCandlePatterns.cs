using System.Runtime.CompilerServices;
using static AlphaTrade.Indicators.Patterns.CandleSettingType;

namespace AlphaTrade.Indicators.Patterns;

// Patterns of three candles: 2 is the first, 1 the middle, 0 the current one.
// Conditions are TA-Lib's, term by term and in its order of arithmetic, so that results match bit for bit.

/// <summary>CDL2CROWS: long white, black gapping up, black closing into the white body.</summary>
internal readonly struct TwoCrows : ICandlePattern
{
    public static string TaLibName => "CDL2CROWS";
    public static string Description => "Two Crows";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2)];
    public static int Lookback(CandleSettings s) => s.Period(BodyLong) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == 1
        && c.RealBody(2) > avg[0]
        && c.Color(1) == -1
        && c.RealBodyGapUp(1, 2)
        && c.Color(0) == -1
        && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
        && c.Close(0) > c.Open(2) && c.Close(0) < c.Close(2)
            ? -100 : 0;
}

/// <summary>CDL3INSIDE: harami confirmed by a third candle closing beyond the first one's open.</summary>
internal readonly struct ThreeInside : ICandlePattern
{
    public static string TaLibName => "CDL3INSIDE";
    public static string Description => "Three Inside Up/Down";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyShort, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.RealBody(1) <= avg[1]
        && CandleWindow.Max(c.Close(1), c.Open(1)) < CandleWindow.Max(c.Close(2), c.Open(2))
        && CandleWindow.Min(c.Close(1), c.Open(1)) > CandleWindow.Min(c.Close(2), c.Open(2))
        && ((c.Color(2) == 1 && c.Color(0) == -1 && c.Close(0) < c.Open(2))
            || (c.Color(2) == -1 && c.Color(0) == 1 && c.Close(0) > c.Open(2)))
            ? -c.Color(2) * 100 : 0;
}

/// <summary>CDL3OUTSIDE: engulfing confirmed by a third candle closing further in its direction.</summary>
internal readonly struct ThreeOutside : ICandlePattern
{
    public static string TaLibName => "CDL3OUTSIDE";
    public static string Description => "Three Outside Up/Down";
    public static CandleAverageUse[] Uses { get; } = [];
    public static int Lookback(CandleSettings s) => 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        (c.Color(1) == 1 && c.Color(2) == -1 && c.Close(1) > c.Open(2) && c.Open(1) < c.Close(2) && c.Close(0) > c.Close(1))
        || (c.Color(1) == -1 && c.Color(2) == 1 && c.Open(1) > c.Close(2) && c.Close(1) < c.Open(2) && c.Close(0) < c.Close(1))
            ? c.Color(1) * 100 : 0;
}

/// <summary>CDL3STARSINSOUTH: three black candles of shrinking bodies and rising lows.</summary>
internal readonly struct ThreeStarsInSouth : ICandlePattern
{
    private const int BodyLong2 = 0, ShadowLong2 = 1, ShadowVeryShort1 = 2, BodyShort0 = 3, ShadowVeryShort0 = 4;

    public static string TaLibName => "CDL3STARSINSOUTH";
    public static string Description => "Three Stars In The South";
    public static CandleAverageUse[] Uses { get; } =
        [new(BodyLong, 2), new(ShadowLong, 2), new(ShadowVeryShort, 1), new(BodyShort, 0), new(ShadowVeryShort, 0)];

    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(ShadowVeryShort), s.Period(ShadowLong)), Math.Max(s.Period(BodyLong), s.Period(BodyShort))) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == -1
        && c.Color(1) == -1
        && c.Color(0) == -1
        && c.RealBody(2) > avg[BodyLong2]
        && c.LowerShadow(2) > avg[ShadowLong2]
        && c.RealBody(1) < c.RealBody(2)
        && c.Open(1) > c.Close(2) && c.Open(1) <= c.High(2)
        && c.Low(1) < c.Close(2)
        && c.Low(1) >= c.Low(2)
        && c.LowerShadow(1) > avg[ShadowVeryShort1]
        && c.RealBody(0) < avg[BodyShort0]
        && c.LowerShadow(0) < avg[ShadowVeryShort0]
        && c.UpperShadow(0) < avg[ShadowVeryShort0]
        && c.Low(0) > c.Low(1) && c.High(0) < c.High(1)
            ? 100 : 0;
}

/// <summary>CDL3WHITESOLDIERS: three advancing white candles with short upper shadows.</summary>
internal readonly struct ThreeWhiteSoldiers : ICandlePattern
{
    private const int ShadowVeryShort2 = 0, ShadowVeryShort1 = 1, ShadowVeryShort0 = 2, Near2 = 3, Near1 = 4, Far2 = 5, Far1 = 6, BodyShort0 = 7;

    public static string TaLibName => "CDL3WHITESOLDIERS";
    public static string Description => "Three Advancing White Soldiers";
    public static CandleAverageUse[] Uses { get; } =
    [
        new(ShadowVeryShort, 2), new(ShadowVeryShort, 1), new(ShadowVeryShort, 0), new(Near, 2), new(Near, 1),
        new(Far, 2), new(Far, 1), new(BodyShort, 0),
    ];

    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(ShadowVeryShort), s.Period(BodyShort)), Math.Max(s.Period(Far), s.Period(Near))) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == 1
        && c.UpperShadow(2) < avg[ShadowVeryShort2]
        && c.Color(1) == 1
        && c.UpperShadow(1) < avg[ShadowVeryShort1]
        && c.Color(0) == 1
        && c.UpperShadow(0) < avg[ShadowVeryShort0]
        && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
        && c.Open(1) > c.Open(2)
        && c.Open(1) <= c.Close(2) + avg[Near2]
        && c.Open(0) > c.Open(1)
        && c.Open(0) <= c.Close(1) + avg[Near1]
        && c.RealBody(1) > c.RealBody(2) - avg[Far2]
        && c.RealBody(0) > c.RealBody(1) - avg[Far1]
        && c.RealBody(0) > avg[BodyShort0]
            ? 100 : 0;
}

/// <summary>CDLABANDONEDBABY: long candle, doji gapping away, opposite candle gapping back and penetrating.</summary>
internal readonly struct AbandonedBaby : ICandlePattern
{
    public static string TaLibName => "CDLABANDONEDBABY";
    public static string Description => "Abandoned Baby";
    public static double? DefaultPenetration => 0.3;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyDoji, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyDoji), s.Period(BodyLong)), s.Period(BodyShort)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.RealBody(1) <= avg[1]
        && c.RealBody(0) > avg[2]
        && ((c.Color(2) == 1 && c.Color(0) == -1
                && c.Close(0) < c.Close(2) - c.RealBody(2) * penetration
                && c.GapUp(1, 2) && c.GapDown(0, 1))
            || (c.Color(2) == -1 && c.Color(0) == 1
                && c.Close(0) > c.Close(2) + c.RealBody(2) * penetration
                && c.GapDown(1, 2) && c.GapUp(0, 1)))
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLADVANCEBLOCK: three white candles showing weakening bodies or growing upper shadows.</summary>
internal readonly struct AdvanceBlock : ICandlePattern
{
    private const int ShadowShort2 = 0, ShadowShort1 = 1, ShadowShort0 = 2, ShadowLong0 = 3, Near2 = 4, Near1 = 5, Far2 = 6, Far1 = 7, BodyLong2 = 8;

    public static string TaLibName => "CDLADVANCEBLOCK";
    public static string Description => "Advance Block";
    public static CandleAverageUse[] Uses { get; } =
    [
        new(ShadowShort, 2), new(ShadowShort, 1), new(ShadowShort, 0), new(ShadowLong, 0), new(Near, 2), new(Near, 1),
        new(Far, 2), new(Far, 1), new(BodyLong, 2),
    ];

    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(Math.Max(s.Period(ShadowLong), s.Period(ShadowShort)), Math.Max(s.Period(Far), s.Period(Near))), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == 1
        && c.Color(1) == 1
        && c.Color(0) == 1
        && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
        && c.Open(1) > c.Open(2)
        && c.Open(1) <= c.Close(2) + avg[Near2]
        && c.Open(0) > c.Open(1)
        && c.Open(0) <= c.Close(1) + avg[Near1]
        && c.RealBody(2) > avg[BodyLong2]
        && c.UpperShadow(2) < avg[ShadowShort2]
        && ((c.RealBody(1) < c.RealBody(2) - avg[Far2] && c.RealBody(0) < c.RealBody(1) + avg[Near1])
            || c.RealBody(0) < c.RealBody(1) - avg[Far1]
            || (c.RealBody(0) < c.RealBody(1) && c.RealBody(1) < c.RealBody(2)
                && (c.UpperShadow(0) > avg[ShadowShort0] || c.UpperShadow(1) > avg[ShadowShort1]))
            || (c.RealBody(0) < c.RealBody(1) && c.UpperShadow(0) > avg[ShadowLong0]))
            ? -100 : 0;
}

/// <summary>CDLEVENINGDOJISTAR: long white, doji gapping up, black closing deep into the white body.</summary>
internal readonly struct EveningDojiStar : ICandlePattern
{
    public static string TaLibName => "CDLEVENINGDOJISTAR";
    public static string Description => "Evening Doji Star";
    public static double? DefaultPenetration => 0.3;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyDoji, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyDoji), s.Period(BodyLong)), s.Period(BodyShort)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.Color(2) == 1
        && c.RealBody(1) <= avg[1]
        && c.RealBodyGapUp(1, 2)
        && c.RealBody(0) > avg[2]
        && c.Color(0) == -1
        && c.Close(0) < c.Close(2) - c.RealBody(2) * penetration
            ? -100 : 0;
}

/// <summary>CDLEVENINGSTAR: long white, short body gapping up, black closing deep into the white body.</summary>
internal readonly struct EveningStar : ICandlePattern
{
    public static string TaLibName => "CDLEVENINGSTAR";
    public static string Description => "Evening Star";
    public static double? DefaultPenetration => 0.3;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyShort, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.Color(2) == 1
        && c.RealBody(1) <= avg[1]
        && c.RealBodyGapUp(1, 2)
        && c.RealBody(0) > avg[2]
        && c.Color(0) == -1
        && c.Close(0) < c.Close(2) - c.RealBody(2) * penetration
            ? -100 : 0;
}

/// <summary>CDLGAPSIDESIDEWHITE: two similar white candles side by side after a gap.</summary>
internal readonly struct GapSideBySideWhite : ICandlePattern
{
    private const int Near1 = 0, Equal1 = 1;

    public static string TaLibName => "CDLGAPSIDESIDEWHITE";
    public static string Description => "Up/Down-gap side-by-side white lines";
    public static CandleAverageUse[] Uses { get; } = [new(Near, 1), new(Equal, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(Near), s.Period(Equal)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        ((c.RealBodyGapUp(1, 2) && c.RealBodyGapUp(0, 2)) || (c.RealBodyGapDown(1, 2) && c.RealBodyGapDown(0, 2)))
        && c.Color(1) == 1
        && c.Color(0) == 1
        && c.RealBody(0) >= c.RealBody(1) - avg[Near1]
        && c.RealBody(0) <= c.RealBody(1) + avg[Near1]
        && c.Open(0) >= c.Open(1) - avg[Equal1]
        && c.Open(0) <= c.Open(1) + avg[Equal1]
            ? (c.RealBodyGapUp(1, 2) ? 100 : -100) : 0;
}

/// <summary>CDLIDENTICAL3CROWS: three black candles each opening at the previous close.</summary>
internal readonly struct IdenticalThreeCrows : ICandlePattern
{
    private const int ShadowVeryShort2 = 0, ShadowVeryShort1 = 1, ShadowVeryShort0 = 2, Equal2 = 3, Equal1 = 4;

    public static string TaLibName => "CDLIDENTICAL3CROWS";
    public static string Description => "Identical Three Crows";
    public static CandleAverageUse[] Uses { get; } =
        [new(ShadowVeryShort, 2), new(ShadowVeryShort, 1), new(ShadowVeryShort, 0), new(Equal, 2), new(Equal, 1)];

    public static int Lookback(CandleSettings s) => Math.Max(s.Period(ShadowVeryShort), s.Period(Equal)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == -1
        && c.LowerShadow(2) < avg[ShadowVeryShort2]
        && c.Color(1) == -1
        && c.LowerShadow(1) < avg[ShadowVeryShort1]
        && c.Color(0) == -1
        && c.LowerShadow(0) < avg[ShadowVeryShort0]
        && c.Close(2) > c.Close(1)
        && c.Close(1) > c.Close(0)
        && c.Open(1) <= c.Close(2) + avg[Equal2]
        && c.Open(1) >= c.Close(2) - avg[Equal2]
        && c.Open(0) <= c.Close(1) + avg[Equal1]
        && c.Open(0) >= c.Close(1) - avg[Equal1]
            ? -100 : 0;
}

/// <summary>CDLMORNINGDOJISTAR: long black, doji gapping down, white closing deep into the black body.</summary>
internal readonly struct MorningDojiStar : ICandlePattern
{
    public static string TaLibName => "CDLMORNINGDOJISTAR";
    public static string Description => "Morning Doji Star";
    public static double? DefaultPenetration => 0.3;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyDoji, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyDoji), s.Period(BodyLong)), s.Period(BodyShort)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.Color(2) == -1
        && c.RealBody(1) <= avg[1]
        && c.RealBodyGapDown(1, 2)
        && c.RealBody(0) > avg[2]
        && c.Color(0) == 1
        && c.Close(0) > c.Close(2) + c.RealBody(2) * penetration
            ? 100 : 0;
}

/// <summary>CDLMORNINGSTAR: long black, short body gapping down, white closing deep into the black body.</summary>
internal readonly struct MorningStar : ICandlePattern
{
    public static string TaLibName => "CDLMORNINGSTAR";
    public static string Description => "Morning Star";
    public static double? DefaultPenetration => 0.3;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyShort, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.Color(2) == -1
        && c.RealBody(1) <= avg[1]
        && c.RealBodyGapDown(1, 2)
        && c.RealBody(0) > avg[2]
        && c.Color(0) == 1
        && c.Close(0) > c.Close(2) + c.RealBody(2) * penetration
            ? 100 : 0;
}

/// <summary>CDLSTALLEDPATTERN: two long white candles, then a small one riding on the second's close.</summary>
internal readonly struct StalledPattern : ICandlePattern
{
    private const int BodyLong2 = 0, BodyLong1 = 1, BodyShort0 = 2, ShadowVeryShort1 = 3, Near2 = 4, Near1 = 5;

    public static string TaLibName => "CDLSTALLEDPATTERN";
    public static string Description => "Stalled Pattern";
    public static CandleAverageUse[] Uses { get; } =
        [new(BodyLong, 2), new(BodyLong, 1), new(BodyShort, 0), new(ShadowVeryShort, 1), new(Near, 2), new(Near, 1)];

    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyLong), s.Period(BodyShort)), Math.Max(s.Period(ShadowVeryShort), s.Period(Near))) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == 1
        && c.Color(1) == 1
        && c.Color(0) == 1
        && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
        && c.RealBody(2) > avg[BodyLong2]
        && c.RealBody(1) > avg[BodyLong1]
        && c.UpperShadow(1) < avg[ShadowVeryShort1]
        && c.Open(1) > c.Open(2)
        && c.Open(1) <= c.Close(2) + avg[Near2]
        && c.RealBody(0) < avg[BodyShort0]
        && c.Open(0) >= c.Close(1) - c.RealBody(0) - avg[Near1]
            ? -100 : 0;
}

/// <summary>CDLSTICKSANDWICH: black, white above it, black closing at the first close.</summary>
internal readonly struct StickSandwich : ICandlePattern
{
    public static string TaLibName => "CDLSTICKSANDWICH";
    public static string Description => "Stick Sandwich";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 2)];
    public static int Lookback(CandleSettings s) => s.Period(Equal) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == -1
        && c.Color(1) == 1
        && c.Color(0) == -1
        && c.Low(1) > c.Close(2)
        && c.Close(0) <= c.Close(2) + avg[0]
        && c.Close(0) >= c.Close(2) - avg[0]
            ? 100 : 0;
}

/// <summary>CDLTASUKIGAP: gap continued by a same-colour candle, then an opposite one partly closing the gap.</summary>
internal readonly struct TasukiGap : ICandlePattern
{
    public static string TaLibName => "CDLTASUKIGAP";
    public static string Description => "Tasuki Gap";
    public static CandleAverageUse[] Uses { get; } = [new(Near, 1)];
    public static int Lookback(CandleSettings s) => s.Period(Near) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        (c.RealBodyGapUp(1, 2)
            && c.Color(1) == 1
            && c.Color(0) == -1
            && c.Open(0) < c.Close(1) && c.Open(0) > c.Open(1)
            && c.Close(0) < c.Open(1)
            && c.Close(0) > CandleWindow.Max(c.Close(2), c.Open(2))
            && Math.Abs(c.RealBody(1) - c.RealBody(0)) < avg[0])
        || (c.RealBodyGapDown(1, 2)
            && c.Color(1) == -1
            && c.Color(0) == 1
            && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
            && c.Close(0) > c.Open(1)
            && c.Close(0) < CandleWindow.Min(c.Close(2), c.Open(2))
            && Math.Abs(c.RealBody(1) - c.RealBody(0)) < avg[0])
            ? c.Color(1) * 100 : 0;
}

/// <summary>CDLTRISTAR: three dojis, the middle one gapping away.</summary>
internal readonly struct Tristar : ICandlePattern
{
    public static string TaLibName => "CDLTRISTAR";
    public static string Description => "Tristar Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 2)];
    public static int Lookback(CandleSettings s) => s.Period(BodyDoji) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory)
    {
        // TA-Lib judges all three bodies against the first candle's doji threshold.
        double doji = avg[0];
        if (!(c.RealBody(2) <= doji && c.RealBody(1) <= doji && c.RealBody(0) <= doji))
        {
            return 0;
        }

        int signal = 0;
        if (c.RealBodyGapUp(1, 2) && c.BodyTop(0) < c.BodyTop(1))
        {
            signal = -100;
        }

        if (c.RealBodyGapDown(1, 2) && c.BodyBottom(0) > c.BodyBottom(1))
        {
            signal = 100;
        }

        return signal;
    }
}

/// <summary>CDLUNIQUE3RIVER: long black, black harami with a lower low, small white opening above that low.</summary>
internal readonly struct UniqueThreeRiver : ICandlePattern
{
    public static string TaLibName => "CDLUNIQUE3RIVER";
    public static string Description => "Unique 3 River";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(2) > avg[0]
        && c.Color(2) == -1
        && c.Color(1) == -1
        && c.Close(1) > c.Close(2) && c.Open(1) <= c.Open(2)
        && c.Low(1) < c.Low(2)
        && c.RealBody(0) < avg[1]
        && c.Color(0) == 1
        && c.Open(0) > c.Low(1)
            ? 100 : 0;
}

/// <summary>CDLUPSIDEGAP2CROWS: long white, small black gapping up, black engulfing it but closing above the gap.</summary>
internal readonly struct UpsideGapTwoCrows : ICandlePattern
{
    public static string TaLibName => "CDLUPSIDEGAP2CROWS";
    public static string Description => "Upside Gap Two Crows";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 2), new(BodyShort, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == 1
        && c.RealBody(2) > avg[0]
        && c.Color(1) == -1
        && c.RealBody(1) <= avg[1]
        && c.RealBodyGapUp(1, 2)
        && c.Color(0) == -1
        && c.Open(0) > c.Open(1) && c.Close(0) < c.Close(1)
        && c.Close(0) > c.Close(2)
            ? -100 : 0;
}

/// <summary>CDLXSIDEGAP3METHODS: gap between two same-colour candles filled by an opposite third one.</summary>
internal readonly struct UpDownGapThreeMethods : ICandlePattern
{
    public static string TaLibName => "CDLXSIDEGAP3METHODS";
    public static string Description => "Upside/Downside Gap Three Methods";
    public static CandleAverageUse[] Uses { get; } = [];
    public static int Lookback(CandleSettings s) => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(2) == c.Color(1)
        && c.Color(1) == -c.Color(0)
        && c.Open(0) < CandleWindow.Max(c.Close(1), c.Open(1))
        && c.Open(0) > CandleWindow.Min(c.Close(1), c.Open(1))
        && c.Close(0) < CandleWindow.Max(c.Close(2), c.Open(2))
        && c.Close(0) > CandleWindow.Min(c.Close(2), c.Open(2))
        && ((c.Color(2) == 1 && c.RealBodyGapUp(1, 2)) || (c.Color(2) == -1 && c.RealBodyGapDown(1, 2)))
            ? c.Color(2) * 100 : 0;
}
