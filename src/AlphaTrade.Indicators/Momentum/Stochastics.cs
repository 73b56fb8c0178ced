using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>Slow stochastic (TA-Lib STOCH): slow %K = MA(fast %K, slowk_period); slow %D = MA(slow %K, slowd_period).</summary>
public static class Stoch
{
    /// <summary>Warm-up bars: (fastk − 1) + MA lookbacks of the two smoothings.</summary>
    public static int Lookback(int fastK, int slowK, MaType slowKType, int slowD, MaType slowDType) =>
        fastK - 1 + MaBlock.LookbackOf(slowKType, slowK) + MaBlock.LookbackOf(slowDType, slowD);

    /// <summary>Computes slow %K and %D (TA-Lib STOCH) into <paramref name="slowK"/> and <paramref name="slowD"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int fastK, int slowKPeriod, MaType slowKType,
        int slowDPeriod, MaType slowDType, Span<double> slowK, Span<double> slowD)
    {
        var core = new Core(fastK, MaBlock.Create(slowKType, slowKPeriod), MaBlock.Create(slowDType, slowDPeriod));
        Runner.Bars(ref core, Lookback(fastK, slowKPeriod, slowKType, slowDPeriod, slowDType), new OhlcvInput(default, high, low, close, default), PriceInputs.Hlc, new Outputs(slowK, slowD));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("stoch", "STOCH", IndicatorCategory.Momentum, "Stochastic oscillator (slow)", PriceInputs.Hlc,
            [Meta.Period(5, 1, "fastk_period", "Bars of the raw %K"), Meta.Period(3, 1, "slowk_period", "Smoothing of %K"), Meta.MaType("slowk_ma_type"),
                Meta.Period(3, 1, "slowd_period", "Smoothing of %D"), Meta.MaType("slowd_ma_type")],
            ["slowk", "slowd"], Meta.TaLib),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2), Meta.I(p, 3), (MaType)Meta.I(p, 4)),
        p => new Core(Meta.I(p, 0), MaBlock.Create(p[2], Meta.I(p, 1)), MaBlock.Create(p[4], Meta.I(p, 3))));

    internal struct Core(int fastK, MaBlock slowK, MaBlock slowD) : ICore
    {
        private FastK _k = new(fastK);
        private readonly ChainedMa _slowK = new(slowK);
        private readonly ChainedMa _slowD = new(slowD);

        public void Reset()
        {
            _k.Reset();
            _slowK.Reset();
            _slowD.Reset();
        }

        public void Update(in Tick t, Span<double> output)
        {
            double k = _slowK.Update(_k.Update(t.High, t.Low, t.Close));
            output[0] = k;
            output[1] = _slowD.Update(k);
        }
    }
}

/// <summary>Fast stochastic (TA-Lib STOCHF): fast %K and fast %D = MA(fast %K, fastd_period).</summary>
public static class StochF
{
    /// <summary>Warm-up bars: (fastk − 1) + the %D MA's lookback.</summary>
    public static int Lookback(int fastK, int fastD, MaType type) => fastK - 1 + MaBlock.LookbackOf(type, fastD);

    /// <summary>Computes fast %K and %D (TA-Lib STOCHF).</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int fastKPeriod, int fastDPeriod, MaType fastDType,
        Span<double> fastK, Span<double> fastD)
    {
        var core = new Core(fastKPeriod, MaBlock.Create(fastDType, fastDPeriod));
        Runner.Bars(ref core, Lookback(fastKPeriod, fastDPeriod, fastDType), new OhlcvInput(default, high, low, close, default), PriceInputs.Hlc, new Outputs(fastK, fastD));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("stochf", "STOCHF", IndicatorCategory.Momentum, "Stochastic oscillator (fast)", PriceInputs.Hlc,
            [Meta.Period(5, 1, "fastk_period", "Bars of the raw %K"), Meta.Period(3, 1, "fastd_period", "Smoothing of %D"), Meta.MaType("fastd_ma_type")],
            ["fastk", "fastd"], Meta.TaLib),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2)),
        p => new Core(Meta.I(p, 0), MaBlock.Create(p[2], Meta.I(p, 1))));

    internal struct Core(int fastK, MaBlock fastD) : ICore
    {
        private FastK _k = new(fastK);
        private readonly ChainedMa _d = new(fastD);

        public void Reset()
        {
            _k.Reset();
            _d.Reset();
        }

        public void Update(in Tick t, Span<double> output) => Step(t.High, t.Low, t.Close, output);

        public void Step(double high, double low, double close, Span<double> output)
        {
            double k = _k.Update(high, low, close);
            output[0] = k;
            output[1] = _d.Update(k);
        }
    }
}

/// <summary>Stochastic RSI (TA-Lib STOCHRSI): the fast stochastic of RSI(period) values.</summary>
public static class StochRsi
{
    /// <summary>Warm-up bars: RSI's period plus the fast stochastic's lookback.</summary>
    public static int Lookback(int period, int fastK, int fastD, MaType type) => period + StochF.Lookback(fastK, fastD, type);

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("stochrsi", "STOCHRSI", IndicatorCategory.Momentum, "Stochastic relative strength index", PriceInputs.None,
            [Meta.Period(14), Meta.Period(5, 1, "fastk_period", "Bars of the raw %K"), Meta.Period(3, 1, "fastd_period", "Smoothing of %D"), Meta.MaType("fastd_ma_type")],
            ["fastk", "fastd"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), (MaType)Meta.I(p, 3)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), MaBlock.Create(p[3], Meta.I(p, 2))));

    internal struct Core(int period, int fastK, MaBlock fastD) : ICore
    {
        private Rsi.Core _rsi = new(period, cmo: false);
        private StochF.Core _stoch = new(fastK, fastD);
        private int _count;

        public void Reset()
        {
            _rsi.Reset();
            _stoch.Reset();
            _count = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            _rsi.Update(t, output);
            if (_count++ < period)
            {
                output[0] = output[1] = double.NaN;
                return;
            }

            double r = output[0];
            _stoch.Step(r, r, r, output);
        }
    }
}
