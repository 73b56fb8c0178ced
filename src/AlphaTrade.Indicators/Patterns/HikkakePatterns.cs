using System.Runtime.CompilerServices;
using static AlphaTrade.Indicators.Patterns.CandleSettingType;

namespace AlphaTrade.Indicators.Patterns;

/// <summary>
/// CDLHIKKAKE: an inside bar followed by a false breakout (±100), confirmed within three bars by a close beyond
/// the inside bar's high/low (±200).
/// </summary>
internal readonly struct Hikkake : ICandlePattern
{
    public static string TaLibName => "CDLHIKKAKE";
    public static string Description => "Hikkake Pattern";
    public static CandleAverageUse[] Uses { get; } = [];
    public static int PreRoll => 3;
    public static int Lookback(CandleSettings s) => 5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory)
    {
        bool setup = c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
            && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1)) || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1)));
        return HikkakeConfirmation.Next(c, setup, ref memory);
    }
}

/// <summary>
/// CDLHIKKAKEMOD: modified hikkake: two nested inside bars, the second closing near its low (high), then a false
/// breakout (±100); confirmed within three bars (±200).
/// </summary>
internal readonly struct HikkakeModified : ICandlePattern
{
    public static string TaLibName => "CDLHIKKAKEMOD";
    public static string Description => "Modified Hikkake Pattern";
    public static CandleAverageUse[] Uses { get; } = [new(Near, 2)];
    public static int PreRoll => 3;
    public static int Lookback(CandleSettings s) => Math.Max(1, s.Period(Near)) + 5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public static int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory)
    {
        bool setup = c.High(2) < c.High(3) && c.Low(2) > c.Low(3)
            && c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
            && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1) && c.Close(2) <= c.Low(2) + avg[0])
                || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1) && c.Close(2) >= c.High(2) - avg[0]));
        return HikkakeConfirmation.Next(c, setup, ref memory);
    }
}

/// <summary>The setup memory and confirmation rule both hikkake patterns share.</summary>
internal static class HikkakeConfirmation
{
    public static int Next(in CandleWindow c, bool setup, ref PatternMemory memory)
    {
        int i = c.Index;
        if (setup)
        {
            memory.Result = 100 * (c.High(0) < c.High(1) ? 1 : -1);
            memory.Index = i;
            return memory.Result;
        }

        // The setup's inside bar is the one before the breakout bar; TA-Lib reads it as inHigh[patternIdx-1].
        if (i <= memory.Index + 3)
        {
            int insideBack = i - memory.Index + 1;
            if ((memory.Result > 0 && c.Close(0) > c.High(insideBack)) || (memory.Result < 0 && c.Close(0) < c.Low(insideBack)))
            {
                memory.Index = 0;
                return memory.Result + 100 * (memory.Result > 0 ? 1 : -1);
            }
        }

        return 0;
    }
}
