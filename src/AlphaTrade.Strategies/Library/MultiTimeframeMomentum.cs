using AlphaTrade.Core.Time;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Multi-time-frame momentum (type <c>mtf_momentum</c>). Daily trend filter: the last daily close above its
/// <c>daily_ma_period</c>-day SMA with ADX(<c>adx_period</c>) at least <c>adx_min</c>. Intraday entries and exits on
/// hourly bars: long while the hourly EMA(<c>fast_period</c>) is above the EMA(<c>slow_period</c>) and the daily filter
/// holds; flat when either fails. Short mirror image when <c>allow_short</c>. Signal strength = min(1, ADX/50).
/// Decisions are taken when an hourly bar completes.
/// </summary>
public sealed class MultiTimeframeMomentum : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "mtf_momentum";

    private IndicatorHandle _dailyMa = null!;
    private IndicatorHandle _adx = null!;
    private IndicatorHandle _fast = null!;
    private IndicatorHandle _slow = null!;
    private double _adxMin;
    private bool _allowShort;
    private int[] _state = [];

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("daily_ma_period", 50, 2, 400, "Daily trend filter: SMA length of daily closes, days"),
        StrategyParameter.Int("adx_period", 14, 2, 100, "ADX length on daily bars, days"),
        StrategyParameter.Real("adx_min", 20, 0, 100, "Smallest daily ADX that counts as a trend"),
        StrategyParameter.Int("fast_period", 8, 1, 200, "Fast EMA of hourly closes, hours"),
        StrategyParameter.Int("slow_period", 21, 2, 400, "Slow EMA of hourly closes, hours"),
        StrategyParameter.Flag("allow_short", false, "Also short down-trends"),
        .. PipelineParameters.Create("equal", 0.10),
    ];

    /// <summary>Symbols with a position (+1/−1) after the last step, for tests and reports.</summary>
    public ReadOnlySpan<int> State => _state;

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        if (p.Int("slow_period") <= p.Int("fast_period"))
        {
            throw new ArgumentException("slow_period must exceed fast_period", "slow_period");
        }

        PipelineParameters.Apply(setup);
        setup.UseTimeFrame(TimeFrame.Daily, 2);
        setup.UseTimeFrame(TimeFrame.Hourly, 2);
        _dailyMa = setup.Indicator("sma", TimeFrame.Daily, p.Int("daily_ma_period"));
        _adx = setup.Indicator("adx", TimeFrame.Daily, p.Int("adx_period"));
        _fast = setup.Indicator("ema", TimeFrame.Hourly, p.Int("fast_period"));
        _slow = setup.Indicator("ema", TimeFrame.Hourly, p.Int("slow_period"));
        _adxMin = p.Real("adx_min");
        _allowShort = p.Flag("allow_short");
        _state = new int[setup.Universe.Symbols.Count];
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var market = context.Market;

        // The frames looked up once per step rather than per symbol (IsNewBar and Daily each search the host's frames).
        var hourly = market.Aggregator(TimeFrame.Hourly);
        var dailyBars = market.Daily;
        long step = context.Step;
        foreach (int id in context.Universe.Ids)
        {
            if (!hourly.PublishedAt(id, step))
            {
                continue;
            }

            int want = 0;
            if (_dailyMa.IsReady(id) && _adx.IsReady(id) && _slow.IsReady(id))
            {
                double daily = dailyBars.LastClose(id);
                double ma = _dailyMa.Value(id);
                double adx = _adx.Value(id);
                double fast = _fast.Value(id), slow = _slow.Value(id);
                bool trending = adx >= _adxMin;
                if (trending && daily > ma && fast > slow)
                {
                    want = 1;
                }
                else if (_allowShort && trending && daily < ma && fast < slow)
                {
                    want = -1;
                }
            }

            if (want == _state[id])
            {
                continue;
            }

            _state[id] = want;
            if (want == 0)
            {
                context.Flat(id);
            }
            else
            {
                context.Signal(id, want, Math.Min(1, _adx.Value(id) / 50));
            }
        }
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Ints("state", _state);
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Ints("state", _state);
    }
}
