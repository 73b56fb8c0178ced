using System.Runtime.CompilerServices;
using static AlphaTrade.Indicators.Patterns.CandleSettingType;

namespace AlphaTrade.Indicators.Patterns;

// Patterns of two candles. Candle 1 is the previous one, 0 the current one.
// Conditions are TA-Lib's, term by term and in its order of arithmetic, so that results match bit for bit.

/// <summary>CDLCOUNTERATTACK: two long opposite candles closing at the same level.</summary>
internal readonly struct Counterattack : ICandlePattern
{
    private const int Equal1 = 0, BodyLong1 = 1, BodyLong0 = 2;

    public static string TaLibName => "CDLCOUNTERATTACK";
    public static string Description => "Counterattack";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 1), new(BodyLong, 1), new(BodyLong, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(Equal), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -c.Color(0)
        && c.RealBody(1) > avg[BodyLong1]
        && c.RealBody(0) > avg[BodyLong0]
        && c.Close(0) <= c.Close(1) + avg[Equal1]
        && c.Close(0) >= c.Close(1) - avg[Equal1]
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLDARKCLOUDCOVER: black candle opening above a long white one's high and closing deep into its body.</summary>
internal readonly struct DarkCloudCover : ICandlePattern
{
    public static string TaLibName => "CDLDARKCLOUDCOVER";
    public static string Description => "Dark Cloud Cover";
    public static double? DefaultPenetration => 0.5;
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1)];
    public static int Lookback(CandleSettings s) => s.Period(BodyLong) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == 1
        && c.RealBody(1) > avg[0]
        && c.Color(0) == -1
        && c.Open(0) > c.High(1)
        && c.Close(0) > c.Open(1)
        && c.Close(0) < c.Close(1) - c.RealBody(1) * penetration
            ? -100 : 0;
}

/// <summary>CDLDOJISTAR: doji gapping away from a long candle.</summary>
internal readonly struct DojiStar : ICandlePattern
{
    public static string TaLibName => "CDLDOJISTAR";
    public static string Description => "Doji Star";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1), new(BodyDoji, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyDoji), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(1) > avg[0]
        && c.RealBody(0) <= avg[1]
        && ((c.Color(1) == 1 && c.RealBodyGapUp(0, 1)) || (c.Color(1) == -1 && c.RealBodyGapDown(0, 1)))
            ? -c.Color(1) * 100 : 0;
}

/// <summary>CDLENGULFING: a real body that engulfs the opposite-coloured previous one (±80 when one end matches).</summary>
internal readonly struct Engulfing : ICandlePattern
{
    public static string TaLibName => "CDLENGULFING";
    public static string Description => "Engulfing Pattern";
    public static CandleAverageUse[] Uses { get; } = [];
    public static int Lookback(CandleSettings s) => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory)
    {
        double o0 = c.Open(0), c0 = c.Close(0), o1 = c.Open(1), c1 = c.Close(1);
        bool engulfs =
            (c.Color(0) == 1 && c.Color(1) == -1 && ((c0 >= o1 && o0 < c1) || (c0 > o1 && o0 <= c1)))
            || (c.Color(0) == -1 && c.Color(1) == 1 && ((o0 >= c1 && c0 < o1) || (o0 > c1 && c0 <= o1)));
        if (!engulfs)
        {
            return 0;
        }

        return o0 != c1 && c0 != o1 ? c.Color(0) * 100 : c.Color(0) * 80;
    }
}

/// <summary>CDLHARAMI: a short body inside the previous long body (±80 when one end matches).</summary>
internal readonly struct Harami : ICandlePattern
{
    public static string TaLibName => "CDLHARAMI";
    public static string Description => "Harami Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(1) > avg[0] && c.RealBody(0) <= avg[1] ? HaramiBody.Signal(c) : 0;
}

/// <summary>CDLHARAMICROSS: a doji inside the previous long body (±80 when one end matches).</summary>
internal readonly struct HaramiCross : ICandlePattern
{
    public static string TaLibName => "CDLHARAMICROSS";
    public static string Description => "Harami Cross Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1), new(BodyDoji, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyDoji), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(1) > avg[0] && c.RealBody(0) <= avg[1] ? HaramiBody.Signal(c) : 0;
}

/// <summary>The containment test harami and harami cross share.</summary>
internal static class HaramiBody
{
    public static int Signal(in CandleWindow c)
    {
        double top0 = CandleWindow.Max(c.Close(0), c.Open(0)), bottom0 = CandleWindow.Min(c.Close(0), c.Open(0));
        double top1 = CandleWindow.Max(c.Close(1), c.Open(1)), bottom1 = CandleWindow.Min(c.Close(1), c.Open(1));
        if (top0 < top1 && bottom0 > bottom1)
        {
            return -c.Color(1) * 100;
        }

        return top0 <= top1 && bottom0 >= bottom1 ? -c.Color(1) * 80 : 0;
    }
}

/// <summary>CDLHOMINGPIGEON: a short black body inside a long black body.</summary>
internal readonly struct HomingPigeon : ICandlePattern
{
    public static string TaLibName => "CDLHOMINGPIGEON";
    public static string Description => "Homing Pigeon";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1), new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.Color(0) == -1
        && c.RealBody(1) > avg[0]
        && c.RealBody(0) <= avg[1]
        && c.Open(0) < c.Open(1)
        && c.Close(0) > c.Close(1)
            ? 100 : 0;
}

/// <summary>CDLINNECK: white candle opening below a long black one's low and closing just into its body.</summary>
internal readonly struct InNeck : ICandlePattern
{
    private const int Equal1 = 0, BodyLong1 = 1;

    public static string TaLibName => "CDLINNECK";
    public static string Description => "In-Neck Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 1), new(BodyLong, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(Equal), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.RealBody(1) > avg[BodyLong1]
        && c.Color(0) == 1
        && c.Open(0) < c.Low(1)
        && c.Close(0) <= c.Close(1) + avg[Equal1]
        && c.Close(0) >= c.Close(1)
            ? -100 : 0;
}

/// <summary>CDLKICKING: two opposite marubozu separated by a gap; the sign is the second candle's colour.</summary>
internal readonly struct Kicking : ICandlePattern
{
    public static string TaLibName => "CDLKICKING";
    public static string Description => "Kicking";
    public static CandleAverageUse[] Uses => KickingShape.Uses;
    public static int Lookback(CandleSettings s) => KickingShape.Lookback(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        KickingShape.Matches(c, avg) ? c.Color(0) * 100 : 0;
}

/// <summary>CDLKICKINGBYLENGTH: kicking, signed by the colour of the longer marubozu.</summary>
internal readonly struct KickingByLength : ICandlePattern
{
    public static string TaLibName => "CDLKICKINGBYLENGTH";
    public static string Description => "Kicking - bull/bear determined by the longer marubozu";
    public static CandleAverageUse[] Uses => KickingShape.Uses;
    public static int Lookback(CandleSettings s) => KickingShape.Lookback(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        KickingShape.Matches(c, avg) ? c.Color(c.RealBody(0) > c.RealBody(1) ? 0 : 1) * 100 : 0;
}

/// <summary>The two-marubozu-and-gap shape both kicking patterns test.</summary>
internal static class KickingShape
{
    private const int ShadowVeryShort1 = 0, ShadowVeryShort0 = 1, BodyLong1 = 2, BodyLong0 = 3;

    public static CandleAverageUse[] Uses { get; } =
        [new(ShadowVeryShort, 1), new(ShadowVeryShort, 0), new(BodyLong, 1), new(BodyLong, 0)];

    public static int Lookback(CandleSettings s) => Math.Max(s.Period(ShadowVeryShort), s.Period(BodyLong)) + 1;

    public static bool Matches(in CandleWindow c, in CandleThresholds avg) =>
        c.Color(1) == -c.Color(0)
        && c.RealBody(1) > avg[BodyLong1]
        && c.UpperShadow(1) < avg[ShadowVeryShort1]
        && c.LowerShadow(1) < avg[ShadowVeryShort1]
        && c.RealBody(0) > avg[BodyLong0]
        && c.UpperShadow(0) < avg[ShadowVeryShort0]
        && c.LowerShadow(0) < avg[ShadowVeryShort0]
        && ((c.Color(1) == -1 && c.GapUp(0, 1)) || (c.Color(1) == 1 && c.GapDown(0, 1)));
}

/// <summary>CDLMATCHINGLOW: two black candles closing at the same level.</summary>
internal readonly struct MatchingLow : ICandlePattern
{
    public static string TaLibName => "CDLMATCHINGLOW";
    public static string Description => "Matching Low";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 1)];
    public static int Lookback(CandleSettings s) => s.Period(Equal) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.Color(0) == -1
        && c.Close(0) <= c.Close(1) + avg[0]
        && c.Close(0) >= c.Close(1) - avg[0]
            ? 100 : 0;
}

/// <summary>CDLONNECK: white candle opening below a long black one's low and closing at that low.</summary>
internal readonly struct OnNeck : ICandlePattern
{
    private const int Equal1 = 0, BodyLong1 = 1;

    public static string TaLibName => "CDLONNECK";
    public static string Description => "On-Neck Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 1), new(BodyLong, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(Equal), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.RealBody(1) > avg[BodyLong1]
        && c.Color(0) == 1
        && c.Open(0) < c.Low(1)
        && c.Close(0) <= c.Low(1) + avg[Equal1]
        && c.Close(0) >= c.Low(1) - avg[Equal1]
            ? -100 : 0;
}

/// <summary>CDLPIERCING: long white candle opening below a long black one's low and closing above its midpoint.</summary>
internal readonly struct Piercing : ICandlePattern
{
    public static string TaLibName => "CDLPIERCING";
    public static string Description => "Piercing Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 1), new(BodyLong, 0)];
    public static int Lookback(CandleSettings s) => s.Period(BodyLong) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.RealBody(1) > avg[0]
        && c.Color(0) == 1
        && c.RealBody(0) > avg[1]
        && c.Open(0) < c.Low(1)
        && c.Close(0) < c.Open(1)
        && c.Close(0) > c.Close(1) + c.RealBody(1) * 0.5
            ? 100 : 0;
}

/// <summary>CDLSEPARATINGLINES: opposite candles opening at the same level, the second a belt hold.</summary>
internal readonly struct SeparatingLines : ICandlePattern
{
    private const int ShadowVeryShort0 = 0, BodyLong0 = 1, Equal1 = 2;

    public static string TaLibName => "CDLSEPARATINGLINES";
    public static string Description => "Separating Lines";
    public static CandleAverageUse[] Uses { get; } = [new(ShadowVeryShort, 0), new(BodyLong, 0), new(Equal, 1)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(ShadowVeryShort), s.Period(BodyLong)), s.Period(Equal)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -c.Color(0)
        && c.Open(0) <= c.Open(1) + avg[Equal1]
        && c.Open(0) >= c.Open(1) - avg[Equal1]
        && c.RealBody(0) > avg[BodyLong0]
        && ((c.Color(0) == 1 && c.LowerShadow(0) < avg[ShadowVeryShort0])
            || (c.Color(0) == -1 && c.UpperShadow(0) < avg[ShadowVeryShort0]))
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLTHRUSTING: white candle opening below a long black one's low and closing below its midpoint.</summary>
internal readonly struct Thrusting : ICandlePattern
{
    private const int Equal1 = 0, BodyLong1 = 1;

    public static string TaLibName => "CDLTHRUSTING";
    public static string Description => "Thrusting Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(Equal, 1), new(BodyLong, 1)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(Equal), s.Period(BodyLong)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.Color(1) == -1
        && c.RealBody(1) > avg[BodyLong1]
        && c.Color(0) == 1
        && c.Open(0) < c.Low(1)
        && c.Close(0) > c.Close(1) + avg[Equal1]
        && c.Close(0) <= c.Close(1) + c.RealBody(1) * 0.5
            ? -100 : 0;
}
