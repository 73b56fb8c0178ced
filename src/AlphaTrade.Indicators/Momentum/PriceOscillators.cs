using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// Fast MA minus slow MA, or its percentage of the slow MA (TA-Lib's shared APO/PPO logic). Unlike MACD, TA-Lib
/// seeds both averages from the first bar here, so they are not aligned.
/// </summary>
internal struct PriceOscillatorCore : ICore
{
    private readonly MaBlock _fast;
    private readonly MaBlock _slow;
    private readonly bool _percent;

    public PriceOscillatorCore(int fast, int slow, MaType type, bool percent)
    {
        if (slow < fast)
        {
            (fast, slow) = (slow, fast);
        }

        _fast = MaBlock.Create(type, fast);
        _slow = MaBlock.Create(type, slow);
        _percent = percent;
    }

    public static int Lookback(int fast, int slow, MaType type) => MaBlock.LookbackOf(type, Math.Max(fast, slow));

    public readonly void Reset()
    {
        _fast.Reset();
        _slow.Reset();
    }

    public readonly void Update(in Tick t, Span<double> output)
    {
        double f = _fast.Update(t.R0);
        double s = _slow.Update(t.R0);
        if (!_percent)
        {
            output[0] = f - s;
        }
        else
        {
            output[0] = s > -1e-14 && s < 1e-14 ? 0.0 : ((f - s) / s) * 100.0;
        }
    }
}

/// <summary>Absolute price oscillator: MA(fast) − MA(slow) (TA-Lib APO).</summary>
public static class Apo
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("apo", "APO", IndicatorCategory.Momentum, "Absolute price oscillator", PriceInputs.None,
            [Meta.Period(12, 2, "fast_period", "Fast MA period"), Meta.Period(26, 2, "slow_period", "Slow MA period"), Meta.MaType()],
            ["apo"], Meta.TaLib, Meta.Close),
        p => PriceOscillatorCore.Lookback(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2)),
        p => new PriceOscillatorCore(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2), percent: false));
}

/// <summary>Percentage price oscillator: 100·(MA(fast) − MA(slow))/MA(slow) (TA-Lib PPO).</summary>
public static class Ppo
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ppo", "PPO", IndicatorCategory.Momentum, "Percentage price oscillator", PriceInputs.None,
            [Meta.Period(12, 2, "fast_period", "Fast MA period"), Meta.Period(26, 2, "slow_period", "Slow MA period"), Meta.MaType()],
            ["ppo"], Meta.TaLib, Meta.Close),
        p => PriceOscillatorCore.Lookback(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2)),
        p => new PriceOscillatorCore(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2), percent: true));
}
