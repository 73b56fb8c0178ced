namespace AlphaTrade.Indicators.Patterns;

/// <summary>State a pattern carries from bar to bar (only the hikkake patterns need it: the pending setup).</summary>
internal struct PatternMemory
{
    /// <summary>Absolute index of the last setup bar, 0 when none is pending (TA-Lib's <c>patternIdx</c>).</summary>
    public int Index;

    /// <summary>Signal of the last setup, ±100 (TA-Lib's <c>patternResult</c>).</summary>
    public int Result;
}

/// <summary>
/// One TA-Lib candlestick pattern, written once and run by <see cref="CandlePatternDefinition"/> in both
/// batch and streaming form. Implemented by empty structs so that the JIT specialises the shared loop per pattern.
/// </summary>
internal interface ICandlePattern
{
    /// <summary>TA-Lib function name, e.g. "CDLENGULFING".</summary>
    static abstract string TaLibName { get; }

    /// <summary>One-line description.</summary>
    static abstract string Description { get; }

    /// <summary>Thresholds used, in the order <see cref="Recognize"/> indexes them.</summary>
    static abstract CandleAverageUse[] Uses { get; }

    /// <summary>Penetration default when the pattern takes TA-Lib's optInPenetration, else null.</summary>
    static virtual double? DefaultPenetration => null;

    /// <summary>
    /// Bars before the lookback that are judged only to build state (TA-Lib's hikkake functions scan the three
    /// bars before startIdx for a pending setup); the thresholds' sums start this much earlier too.
    /// </summary>
    static virtual int PreRoll => 0;

    /// <summary>TA-Lib's lookback for the given settings.</summary>
    static abstract int Lookback(CandleSettings settings);

    /// <summary>Judges the current candle of <paramref name="c"/>: ±100 (±80, ±200 where TA-Lib has them) or 0.</summary>
    static abstract int Recognize(in CandleWindow c, in CandleThresholds avg, double penetration, ref PatternMemory memory);
}
