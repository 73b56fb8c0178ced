namespace AlphaTrade.Indicators.Patterns;

/// <summary>Which measure of a candle a <see cref="CandleSetting"/> averages (TA-Lib's <c>TA_RangeType</c>).</summary>
public enum CandleRangeType
{
    /// <summary>|close − open|.</summary>
    RealBody,

    /// <summary>high − low.</summary>
    HighLow,

    /// <summary>Upper plus lower shadow; the average is halved so that it measures one shadow.</summary>
    Shadows,
}

/// <summary>The named thresholds candlestick patterns are written in (TA-Lib's <c>TA_CandleSettingType</c>, same order).</summary>
public enum CandleSettingType
{
    /// <summary>A real body is long when longer than the average real body.</summary>
    BodyLong,

    /// <summary>A real body is very long when longer than three times the average real body.</summary>
    BodyVeryLong,

    /// <summary>A real body is short when shorter than the average real body.</summary>
    BodyShort,

    /// <summary>A real body is a doji's when at most 10% of the average high-low range.</summary>
    BodyDoji,

    /// <summary>A shadow is long when longer than the candle's own real body.</summary>
    ShadowLong,

    /// <summary>A shadow is very long when longer than twice the candle's own real body.</summary>
    ShadowVeryLong,

    /// <summary>A shadow is short when shorter than half the average sum of shadows.</summary>
    ShadowShort,

    /// <summary>A shadow is very short when shorter than 10% of the average high-low range.</summary>
    ShadowVeryShort,

    /// <summary>Two prices are near when at most 20% of the average high-low range apart.</summary>
    Near,

    /// <summary>Two prices are far when at least 60% of the average high-low range apart.</summary>
    Far,

    /// <summary>Two prices are equal when at most 5% of the average high-low range apart.</summary>
    Equal,
}

/// <summary>
/// One threshold: <see cref="Factor"/> times the average of <see cref="RangeType"/> over the
/// <see cref="AveragePeriod"/> candles before the one being judged (the candle itself when the period is 0).
/// </summary>
/// <param name="RangeType">Measure averaged.</param>
/// <param name="AveragePeriod">Number of preceding candles averaged; 0 means "this candle's own measure".</param>
/// <param name="Factor">Multiplier applied to the average.</param>
public readonly record struct CandleSetting(CandleRangeType RangeType, int AveragePeriod, double Factor);

/// <summary>
/// The eleven thresholds of <see cref="CandleSettingType"/>. <see cref="Default"/> is TA-Lib's default table
/// (<c>TA_RestoreCandleDefaultSettings</c>); <see cref="With"/> derives a customised copy. Immutable.
/// </summary>
public sealed class CandleSettings
{
    private const int Count = 11;
    private readonly CandleSetting[] _settings;

    private CandleSettings(CandleSetting[] settings) => _settings = settings;

    /// <summary>TA-Lib's defaults.</summary>
    public static CandleSettings Default { get; } = new(
    [
        new(CandleRangeType.RealBody, 10, 1.0),  // BodyLong
        new(CandleRangeType.RealBody, 10, 3.0),  // BodyVeryLong
        new(CandleRangeType.RealBody, 10, 1.0),  // BodyShort
        new(CandleRangeType.HighLow, 10, 0.1),   // BodyDoji
        new(CandleRangeType.RealBody, 0, 1.0),   // ShadowLong
        new(CandleRangeType.RealBody, 0, 2.0),   // ShadowVeryLong
        new(CandleRangeType.Shadows, 10, 1.0),   // ShadowShort
        new(CandleRangeType.HighLow, 10, 0.1),   // ShadowVeryShort
        new(CandleRangeType.HighLow, 5, 0.2),    // Near
        new(CandleRangeType.HighLow, 5, 0.6),    // Far
        new(CandleRangeType.HighLow, 5, 0.05),   // Equal
    ]);

    /// <summary>The setting of one threshold.</summary>
    public CandleSetting this[CandleSettingType type] => _settings[Index(type)];

    /// <summary>The averaging period of one threshold (shorthand used by the patterns' lookbacks).</summary>
    public int Period(CandleSettingType type) => _settings[Index(type)].AveragePeriod;

    /// <summary>A copy with one threshold replaced.</summary>
    public CandleSettings With(CandleSettingType type, CandleSetting setting)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(setting.AveragePeriod, nameof(setting));
        if (!double.IsFinite(setting.Factor) || setting.Factor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(setting), setting.Factor, "Factor must be finite and non-negative.");
        }

        if (!Enum.IsDefined(setting.RangeType))
        {
            throw new ArgumentOutOfRangeException(nameof(setting), setting.RangeType, "Unknown range type.");
        }

        var copy = (CandleSetting[])_settings.Clone();
        copy[Index(type)] = setting;
        return new CandleSettings(copy);
    }

    private static int Index(CandleSettingType type)
    {
        int i = (int)type;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(type));
        return i;
    }
}
