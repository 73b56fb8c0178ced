using System.Runtime.CompilerServices;
using static AlphaTrade.Indicators.Patterns.CandleSettingType;

namespace AlphaTrade.Indicators.Patterns;

// Patterns judged on one candle (some also look at the previous candle's position, as TA-Lib does).
// Conditions are TA-Lib's, term by term and in its order of arithmetic, so that results match bit for bit.

/// <summary>CDLBELTHOLD: long body with no shadow on the opening side.</summary>
internal readonly struct BeltHold : ICandlePattern
{
    public static string TaLibName => "CDLBELTHOLD";
    public static string Description => "Belt-hold";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyLong), s.Period(ShadowVeryShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) > avg[0]
        && ((c.Color(0) == 1 && c.LowerShadow(0) < avg[1]) || (c.Color(0) == -1 && c.UpperShadow(0) < avg[1]))
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLCLOSINGMARUBOZU: long body with no shadow on the closing side.</summary>
internal readonly struct ClosingMarubozu : ICandlePattern
{
    public static string TaLibName => "CDLCLOSINGMARUBOZU";
    public static string Description => "Closing Marubozu";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyLong), s.Period(ShadowVeryShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) > avg[0]
        && ((c.Color(0) == 1 && c.UpperShadow(0) < avg[1]) || (c.Color(0) == -1 && c.LowerShadow(0) < avg[1]))
            ? c.Color(0) * 100 : 0;
}

/// <summary>CDLDOJI: open and close (nearly) equal.</summary>
internal readonly struct Doji : ICandlePattern
{
    public static string TaLibName => "CDLDOJI";
    public static string Description => "Doji";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0)];
    public static int Lookback(CandleSettings s) => s.Period(BodyDoji);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] ? 100 : 0;
}

/// <summary>CDLDRAGONFLYDOJI: doji with no upper shadow and a lower one.</summary>
internal readonly struct DragonflyDoji : ICandlePattern
{
    public static string TaLibName => "CDLDRAGONFLYDOJI";
    public static string Description => "Dragonfly Doji";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyDoji), s.Period(ShadowVeryShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] && c.UpperShadow(0) < avg[1] && c.LowerShadow(0) > avg[1] ? 100 : 0;
}

/// <summary>CDLGRAVESTONEDOJI: doji with no lower shadow and an upper one.</summary>
internal readonly struct GravestoneDoji : ICandlePattern
{
    public static string TaLibName => "CDLGRAVESTONEDOJI";
    public static string Description => "Gravestone Doji";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyDoji), s.Period(ShadowVeryShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] && c.LowerShadow(0) < avg[1] && c.UpperShadow(0) > avg[1] ? 100 : 0;
}

/// <summary>CDLHAMMER: small body near the prior low, long lower shadow, no upper shadow.</summary>
internal readonly struct Hammer : ICandlePattern
{
    public static string TaLibName => "CDLHAMMER";
    public static string Description => "Hammer";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowLong, 0), new(ShadowVeryShort, 0), new(Near, 1)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(Math.Max(s.Period(BodyShort), s.Period(ShadowLong)), s.Period(ShadowVeryShort)), s.Period(Near)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.LowerShadow(0) > avg[1] && c.UpperShadow(0) < avg[2]
        && CandleWindow.Min(c.Close(0), c.Open(0)) <= c.Low(1) + avg[3]
            ? 100 : 0;
}

/// <summary>CDLHANGINGMAN: hammer shape near the prior high.</summary>
internal readonly struct HangingMan : ICandlePattern
{
    public static string TaLibName => "CDLHANGINGMAN";
    public static string Description => "Hanging Man";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowLong, 0), new(ShadowVeryShort, 0), new(Near, 1)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(Math.Max(s.Period(BodyShort), s.Period(ShadowLong)), s.Period(ShadowVeryShort)), s.Period(Near)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.LowerShadow(0) > avg[1] && c.UpperShadow(0) < avg[2]
        && CandleWindow.Min(c.Close(0), c.Open(0)) >= c.High(1) - avg[3]
            ? -100 : 0;
}

/// <summary>CDLHIGHWAVE: short body with very long shadows on both sides.</summary>
internal readonly struct HighWave : ICandlePattern
{
    public static string TaLibName => "CDLHIGHWAVE";
    public static string Description => "High-Wave Candle";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowVeryLong, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(ShadowVeryLong));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.UpperShadow(0) > avg[1] && c.LowerShadow(0) > avg[1] ? c.Color(0) * 100 : 0;
}

/// <summary>CDLINVERTEDHAMMER: small body gapping down, long upper shadow, no lower shadow.</summary>
internal readonly struct InvertedHammer : ICandlePattern
{
    public static string TaLibName => "CDLINVERTEDHAMMER";
    public static string Description => "Inverted Hammer";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowLong, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyShort), s.Period(ShadowLong)), s.Period(ShadowVeryShort)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.UpperShadow(0) > avg[1] && c.LowerShadow(0) < avg[2] && c.RealBodyGapDown(0, 1)
            ? 100 : 0;
}

/// <summary>CDLLONGLEGGEDDOJI: doji with a long shadow.</summary>
internal readonly struct LongLeggedDoji : ICandlePattern
{
    public static string TaLibName => "CDLLONGLEGGEDDOJI";
    public static string Description => "Long Legged Doji";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0), new(ShadowLong, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyDoji), s.Period(ShadowLong));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] && (c.LowerShadow(0) > avg[1] || c.UpperShadow(0) > avg[1]) ? 100 : 0;
}

/// <summary>CDLLONGLINE: long body with short shadows.</summary>
internal readonly struct LongLine : ICandlePattern
{
    public static string TaLibName => "CDLLONGLINE";
    public static string Description => "Long Line Candle";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 0), new(ShadowShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyLong), s.Period(ShadowShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) > avg[0] && c.UpperShadow(0) < avg[1] && c.LowerShadow(0) < avg[1] ? c.Color(0) * 100 : 0;
}

/// <summary>CDLMARUBOZU: long body with (almost) no shadows.</summary>
internal readonly struct Marubozu : ICandlePattern
{
    public static string TaLibName => "CDLMARUBOZU";
    public static string Description => "Marubozu";
    public static CandleAverageUse[] Uses { get; } = [new(BodyLong, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyLong), s.Period(ShadowVeryShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) > avg[0] && c.UpperShadow(0) < avg[1] && c.LowerShadow(0) < avg[1] ? c.Color(0) * 100 : 0;
}

/// <summary>CDLRICKSHAWMAN: long-legged doji whose body sits near the middle of the range.</summary>
internal readonly struct RickshawMan : ICandlePattern
{
    public static string TaLibName => "CDLRICKSHAWMAN";
    public static string Description => "Rickshaw Man";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0), new(ShadowLong, 0), new(Near, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyDoji), s.Period(ShadowLong)), s.Period(Near));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] && c.LowerShadow(0) > avg[1] && c.UpperShadow(0) > avg[1]
        && c.BodyBottom(0) <= c.Low(0) + c.HighLowRange(0) / 2 + avg[2]
        && c.BodyTop(0) >= c.Low(0) + c.HighLowRange(0) / 2 - avg[2]
            ? 100 : 0;
}

/// <summary>CDLSHOOTINGSTAR: small body gapping up, long upper shadow, no lower shadow.</summary>
internal readonly struct ShootingStar : ICandlePattern
{
    public static string TaLibName => "CDLSHOOTINGSTAR";
    public static string Description => "Shooting Star";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowLong, 0), new(ShadowVeryShort, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyShort), s.Period(ShadowLong)), s.Period(ShadowVeryShort)) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.UpperShadow(0) > avg[1] && c.LowerShadow(0) < avg[2] && c.RealBodyGapUp(0, 1)
            ? -100 : 0;
}

/// <summary>CDLSHORTLINE: short body with short shadows.</summary>
internal readonly struct ShortLine : ICandlePattern
{
    public static string TaLibName => "CDLSHORTLINE";
    public static string Description => "Short Line Candle";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0), new(ShadowShort, 0)];
    public static int Lookback(CandleSettings s) => Math.Max(s.Period(BodyShort), s.Period(ShadowShort));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.UpperShadow(0) < avg[1] && c.LowerShadow(0) < avg[1] ? c.Color(0) * 100 : 0;
}

/// <summary>CDLSPINNINGTOP: short body with shadows longer than the body on both sides.</summary>
internal readonly struct SpinningTop : ICandlePattern
{
    public static string TaLibName => "CDLSPINNINGTOP";
    public static string Description => "Spinning Top";
    public static CandleAverageUse[] Uses { get; } = [new(BodyShort, 0)];
    public static int Lookback(CandleSettings s) => s.Period(BodyShort);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) < avg[0] && c.UpperShadow(0) > c.RealBody(0) && c.LowerShadow(0) > c.RealBody(0) ? c.Color(0) * 100 : 0;
}

/// <summary>CDLTAKURI: dragonfly doji with a very long lower shadow.</summary>
internal readonly struct Takuri : ICandlePattern
{
    public static string TaLibName => "CDLTAKURI";
    public static string Description => "Takuri (Dragonfly Doji with very long lower shadow)";
    public static CandleAverageUse[] Uses { get; } = [new(BodyDoji, 0), new(ShadowVeryShort, 0), new(ShadowVeryLong, 0)];
    public static int Lookback(CandleSettings s) =>
        Math.Max(Math.Max(s.Period(BodyDoji), s.Period(ShadowVeryShort)), s.Period(ShadowVeryLong));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory) =>
        c.RealBody(0) <= avg[0] && c.UpperShadow(0) < avg[1] && c.LowerShadow(0) > avg[2] ? 100 : 0;
}
