using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Cycle;

/// <summary>HT_DCPERIOD: Hilbert transform dominant cycle period, in bars (TA-Lib; lookback 32).</summary>
internal static class HtDcPeriod
{
    public const int Lookback = 32;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_dcperiod", "HT_DCPERIOD", IndicatorCategory.Cycle, "Hilbert Transform - Dominant Cycle Period",
            PriceInputs.None, [], ["ht_dcperiod"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            if (_hilbert.Next(t.R0, 9, out _))
            {
                output[0] = _hilbert.Cycle.SmoothPeriod;
            }
        }
    }
}

/// <summary>HT_PHASOR: in-phase and quadrature components of the Hilbert transform (TA-Lib; lookback 32).</summary>
internal static class HtPhasor
{
    public const int Lookback = 32;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_phasor", "HT_PHASOR", IndicatorCategory.Cycle, "Hilbert Transform - Phasor Components",
            PriceInputs.None, [], ["inphase", "quadrature"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            if (_hilbert.Next(t.R0, 9, out _))
            {
                output[0] = _hilbert.Cycle.InPhase;
                output[1] = _hilbert.Cycle.Quadrature;
            }
        }
    }
}

/// <summary>HT_DCPHASE: Hilbert transform dominant cycle phase, in degrees (TA-Lib; lookback 63).</summary>
internal static class HtDcPhase
{
    public const int Lookback = 63;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_dcphase", "HT_DCPHASE", IndicatorCategory.Cycle, "Hilbert Transform - Dominant Cycle Phase",
            PriceInputs.None, [], ["ht_dcphase"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;
        private DominantCyclePhase _phase;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            if (_hilbert.Next(t.R0, 34, out double smoothed))
            {
                _phase.Update(smoothed, _hilbert.Cycle.SmoothPeriod);
                output[0] = _phase.Phase;
            }
        }
    }
}

/// <summary>HT_SINE: sine of the dominant cycle phase and the sine 45° ahead (TA-Lib; lookback 63).</summary>
internal static class HtSine
{
    public const int Lookback = 63;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_sine", "HT_SINE", IndicatorCategory.Cycle, "Hilbert Transform - SineWave",
            PriceInputs.None, [], ["sine", "leadsine"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;
        private DominantCyclePhase _phase;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            if (_hilbert.Next(t.R0, 34, out double smoothed))
            {
                _phase.Update(smoothed, _hilbert.Cycle.SmoothPeriod);
                output[0] = Math.Sin(_phase.Phase * HilbertConstants.Deg2Rad);
                output[1] = Math.Sin((_phase.Phase + 45) * HilbertConstants.Deg2Rad);
            }
        }
    }
}

/// <summary>HT_TRENDLINE: Hilbert transform instantaneous trendline (TA-Lib; lookback 63).</summary>
internal static class HtTrendline
{
    public const int Lookback = 63;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_trendline", "HT_TRENDLINE", IndicatorCategory.Overlap, "Hilbert Transform - Instantaneous Trendline",
            PriceInputs.None, [], ["ht_trendline"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;
        private InstantaneousTrendline _trendline;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            _trendline.Push(t.R0);
            if (_hilbert.Next(t.R0, 34, out _))
            {
                output[0] = _trendline.Next(_hilbert.Cycle.SmoothPeriod);
            }
        }
    }
}

/// <summary>
/// HT_TRENDMODE: 1 when the market is trending, 0 when it is in a cycle mode (TA-Lib; lookback 63): trending unless
/// the sine crossed its lead recently (within half a cycle) or the phase advances at the cycle's rate, and always
/// trending when price is 1.5% or more away from the instantaneous trendline.
/// </summary>
internal static class HtTrendMode
{
    public const int Lookback = 63;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("ht_trendmode", "HT_TRENDMODE", IndicatorCategory.Cycle, "Hilbert Transform - Trend vs Cycle Mode",
            PriceInputs.None, [], ["ht_trendmode"], Meta.TaLib, Meta.Close),
        _ => Lookback,
        _ => default(Core));

    internal struct Core : ICore
    {
        private HilbertDriver _hilbert;
        private DominantCyclePhase _phase;
        private InstantaneousTrendline _trendline;
        private double _sine;
        private double _leadSine;
        private int _daysInTrend;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            _trendline.Push(t.R0);
            if (!_hilbert.Next(t.R0, 34, out double smoothed))
            {
                return;
            }

            double smoothPeriod = _hilbert.Cycle.SmoothPeriod;
            double prevPhase = _phase.Phase;
            _phase.Update(smoothed, smoothPeriod);
            double phase = _phase.Phase;
            double prevSine = _sine, prevLeadSine = _leadSine;
            _sine = Math.Sin(phase * HilbertConstants.Deg2Rad);
            _leadSine = Math.Sin((phase + 45) * HilbertConstants.Deg2Rad);
            double trendline = _trendline.Next(smoothPeriod);

            int trend = 1;

            // A crossing of the sine and its lead starts a new cycle.
            if ((_sine > _leadSine && prevSine <= prevLeadSine) || (_sine < _leadSine && prevSine >= prevLeadSine))
            {
                _daysInTrend = 0;
                trend = 0;
            }

            _daysInTrend++;
            if (_daysInTrend < 0.5 * smoothPeriod)
            {
                trend = 0;
            }

            // The phase advancing at roughly the cycle's rate means cycle mode.
            double advance = phase - prevPhase;
            if (smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod)
            {
                trend = 0;
            }

            if (trendline != 0.0 && Math.Abs((smoothed - trendline) / trendline) >= 0.015)
            {
                trend = 1;
            }

            output[0] = trend;
        }
    }
}
