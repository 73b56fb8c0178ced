namespace AlphaTrade.Indicators.Patterns;

/// <summary>
/// The 61 TA-Lib candlestick patterns (CDL2CROWS … CDLXSIDEGAP3METHODS) as indicator definitions named
/// <c>cdl_&lt;pattern&gt;</c> (e.g. <c>cdl_engulfing</c>). Each outputs TA-Lib's integer signal as a double: ±100,
/// ±80 for the engulfing/harami variants whose bodies share an end, ±200 for confirmed hikkakes, 0 otherwise; NaN
/// during TA-Lib's lookback.
/// </summary>
public static class CandlePatterns
{
    private static readonly Func<CandleSettings, IndicatorDefinition>[] Factories =
    [
        s => CandlePatternDefinition.Create<TwoCrows>(s),
        s => CandlePatternDefinition.Create<ThreeBlackCrows>(s),
        s => CandlePatternDefinition.Create<ThreeInside>(s),
        s => CandlePatternDefinition.Create<ThreeLineStrike>(s),
        s => CandlePatternDefinition.Create<ThreeOutside>(s),
        s => CandlePatternDefinition.Create<ThreeStarsInSouth>(s),
        s => CandlePatternDefinition.Create<ThreeWhiteSoldiers>(s),
        s => CandlePatternDefinition.Create<AbandonedBaby>(s),
        s => CandlePatternDefinition.Create<AdvanceBlock>(s),
        s => CandlePatternDefinition.Create<BeltHold>(s),
        s => CandlePatternDefinition.Create<Breakaway>(s),
        s => CandlePatternDefinition.Create<ClosingMarubozu>(s),
        s => CandlePatternDefinition.Create<ConcealingBabySwallow>(s),
        s => CandlePatternDefinition.Create<Counterattack>(s),
        s => CandlePatternDefinition.Create<DarkCloudCover>(s),
        s => CandlePatternDefinition.Create<Doji>(s),
        s => CandlePatternDefinition.Create<DojiStar>(s),
        s => CandlePatternDefinition.Create<DragonflyDoji>(s),
        s => CandlePatternDefinition.Create<Engulfing>(s),
        s => CandlePatternDefinition.Create<EveningDojiStar>(s),
        s => CandlePatternDefinition.Create<EveningStar>(s),
        s => CandlePatternDefinition.Create<GapSideBySideWhite>(s),
        s => CandlePatternDefinition.Create<GravestoneDoji>(s),
        s => CandlePatternDefinition.Create<Hammer>(s),
        s => CandlePatternDefinition.Create<HangingMan>(s),
        s => CandlePatternDefinition.Create<Harami>(s),
        s => CandlePatternDefinition.Create<HaramiCross>(s),
        s => CandlePatternDefinition.Create<HighWave>(s),
        s => CandlePatternDefinition.Create<Hikkake>(s),
        s => CandlePatternDefinition.Create<HikkakeModified>(s),
        s => CandlePatternDefinition.Create<HomingPigeon>(s),
        s => CandlePatternDefinition.Create<IdenticalThreeCrows>(s),
        s => CandlePatternDefinition.Create<InNeck>(s),
        s => CandlePatternDefinition.Create<InvertedHammer>(s),
        s => CandlePatternDefinition.Create<Kicking>(s),
        s => CandlePatternDefinition.Create<KickingByLength>(s),
        s => CandlePatternDefinition.Create<LadderBottom>(s),
        s => CandlePatternDefinition.Create<LongLeggedDoji>(s),
        s => CandlePatternDefinition.Create<LongLine>(s),
        s => CandlePatternDefinition.Create<Marubozu>(s),
        s => CandlePatternDefinition.Create<MatchingLow>(s),
        s => CandlePatternDefinition.Create<MatHold>(s),
        s => CandlePatternDefinition.Create<MorningDojiStar>(s),
        s => CandlePatternDefinition.Create<MorningStar>(s),
        s => CandlePatternDefinition.Create<OnNeck>(s),
        s => CandlePatternDefinition.Create<Piercing>(s),
        s => CandlePatternDefinition.Create<RickshawMan>(s),
        s => CandlePatternDefinition.Create<RisingFallingThreeMethods>(s),
        s => CandlePatternDefinition.Create<SeparatingLines>(s),
        s => CandlePatternDefinition.Create<ShootingStar>(s),
        s => CandlePatternDefinition.Create<ShortLine>(s),
        s => CandlePatternDefinition.Create<SpinningTop>(s),
        s => CandlePatternDefinition.Create<StalledPattern>(s),
        s => CandlePatternDefinition.Create<StickSandwich>(s),
        s => CandlePatternDefinition.Create<Takuri>(s),
        s => CandlePatternDefinition.Create<TasukiGap>(s),
        s => CandlePatternDefinition.Create<Thrusting>(s),
        s => CandlePatternDefinition.Create<Tristar>(s),
        s => CandlePatternDefinition.Create<UniqueThreeRiver>(s),
        s => CandlePatternDefinition.Create<UpsideGapTwoCrows>(s),
        s => CandlePatternDefinition.Create<UpDownGapThreeMethods>(s),
    ];

    /// <summary>All 61 patterns with TA-Lib's default candle settings, in TA-Lib's (alphabetical) order.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = Create(CandleSettings.Default);

    /// <summary>All 61 patterns judged with custom candle settings (TA-Lib's <c>TA_SetCandleSettings</c>).</summary>
    public static IReadOnlyList<IndicatorDefinition> Create(CandleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Array.AsReadOnly(Factories.Select(f => f(settings)).ToArray());
    }
}
