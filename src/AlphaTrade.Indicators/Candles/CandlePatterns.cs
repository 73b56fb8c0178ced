namespace AlphaTrade.Indicators.Candles;

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
        s => new CandlePatternIndicator<TwoCrows>(s),
        s => new CandlePatternIndicator<ThreeBlackCrows>(s),
        s => new CandlePatternIndicator<ThreeInside>(s),
        s => new CandlePatternIndicator<ThreeLineStrike>(s),
        s => new CandlePatternIndicator<ThreeOutside>(s),
        s => new CandlePatternIndicator<ThreeStarsInSouth>(s),
        s => new CandlePatternIndicator<ThreeWhiteSoldiers>(s),
        s => new CandlePatternIndicator<AbandonedBaby>(s),
        s => new CandlePatternIndicator<AdvanceBlock>(s),
        s => new CandlePatternIndicator<BeltHold>(s),
        s => new CandlePatternIndicator<Breakaway>(s),
        s => new CandlePatternIndicator<ClosingMarubozu>(s),
        s => new CandlePatternIndicator<ConcealingBabySwallow>(s),
        s => new CandlePatternIndicator<Counterattack>(s),
        s => new CandlePatternIndicator<DarkCloudCover>(s),
        s => new CandlePatternIndicator<Doji>(s),
        s => new CandlePatternIndicator<DojiStar>(s),
        s => new CandlePatternIndicator<DragonflyDoji>(s),
        s => new CandlePatternIndicator<Engulfing>(s),
        s => new CandlePatternIndicator<EveningDojiStar>(s),
        s => new CandlePatternIndicator<EveningStar>(s),
        s => new CandlePatternIndicator<GapSideBySideWhite>(s),
        s => new CandlePatternIndicator<GravestoneDoji>(s),
        s => new CandlePatternIndicator<Hammer>(s),
        s => new CandlePatternIndicator<HangingMan>(s),
        s => new CandlePatternIndicator<Harami>(s),
        s => new CandlePatternIndicator<HaramiCross>(s),
        s => new CandlePatternIndicator<HighWave>(s),
        s => new CandlePatternIndicator<Hikkake>(s),
        s => new CandlePatternIndicator<HikkakeModified>(s),
        s => new CandlePatternIndicator<HomingPigeon>(s),
        s => new CandlePatternIndicator<IdenticalThreeCrows>(s),
        s => new CandlePatternIndicator<InNeck>(s),
        s => new CandlePatternIndicator<InvertedHammer>(s),
        s => new CandlePatternIndicator<Kicking>(s),
        s => new CandlePatternIndicator<KickingByLength>(s),
        s => new CandlePatternIndicator<LadderBottom>(s),
        s => new CandlePatternIndicator<LongLeggedDoji>(s),
        s => new CandlePatternIndicator<LongLine>(s),
        s => new CandlePatternIndicator<Marubozu>(s),
        s => new CandlePatternIndicator<MatchingLow>(s),
        s => new CandlePatternIndicator<MatHold>(s),
        s => new CandlePatternIndicator<MorningDojiStar>(s),
        s => new CandlePatternIndicator<MorningStar>(s),
        s => new CandlePatternIndicator<OnNeck>(s),
        s => new CandlePatternIndicator<Piercing>(s),
        s => new CandlePatternIndicator<RickshawMan>(s),
        s => new CandlePatternIndicator<RisingFallingThreeMethods>(s),
        s => new CandlePatternIndicator<SeparatingLines>(s),
        s => new CandlePatternIndicator<ShootingStar>(s),
        s => new CandlePatternIndicator<ShortLine>(s),
        s => new CandlePatternIndicator<SpinningTop>(s),
        s => new CandlePatternIndicator<StalledPattern>(s),
        s => new CandlePatternIndicator<StickSandwich>(s),
        s => new CandlePatternIndicator<Takuri>(s),
        s => new CandlePatternIndicator<TasukiGap>(s),
        s => new CandlePatternIndicator<Thrusting>(s),
        s => new CandlePatternIndicator<Tristar>(s),
        s => new CandlePatternIndicator<UniqueThreeRiver>(s),
        s => new CandlePatternIndicator<UpsideGapTwoCrows>(s),
        s => new CandlePatternIndicator<UpDownGapThreeMethods>(s),
    ];

    /// <summary>All 61 patterns with TA-Lib's default candle settings, in TA-Lib's (alphabetical) order.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } = Create(CandleSettings.Default);

    /// <summary>All 61 patterns judged with custom candle settings (TA-Lib's <c>TA_SetCandleSettings</c>).</summary>
    public static IReadOnlyList<IndicatorDefinition> Create(CandleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Array.AsReadOnly(Factories.Select(f => f(settings)).ToArray());
    }

    /// <summary>The pattern with registry name <paramref name="name"/> (e.g. "cdl_engulfing"), or null.</summary>
    public static IndicatorDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Info.Name, name, StringComparison.Ordinal));
}
