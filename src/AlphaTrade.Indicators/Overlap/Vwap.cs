using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Session-anchored VWAP: Σ(typical price·volume)/Σvolume since the start of the bar's New York session, typical
/// price (H+L+C)/3; it restarts at each New York calendar date change (so daily bars give their typical price).
/// While the session has no volume yet the value is the typical price. Needs bar times.
/// </summary>
public static class Vwap
{
    /// <summary>Computes the session VWAP into <paramref name="dst"/>; needs bar start times (UTC ticks).</summary>
    public static void Compute(ReadOnlySpan<long> timeUtcTicks, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> dst)
    {
        var core = default(Core);
        Runner.Bars(ref core, 0, new OhlcvInput(default, high, low, close, volume, timeUtcTicks), PriceInputs.Hlcv | PriceInputs.Time, new Outputs(dst));
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("vwap", null, IndicatorCategory.Overlap, "Session-anchored volume-weighted average price", PriceInputs.Hlcv | PriceInputs.Time,
            [], ["vwap"], "Session VWAP, Σ(tp·v)/Σv from the New York session start (Berkowitz et al., 1988; TradingView ta.vwap, anchor = session)"),
        _ => 0,
        _ => default(Core));

    internal struct Core : ICore
    {
        private int _day;
        private double _pv;
        private double _v;
        private bool _started;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            int day = NewYorkDay.DayNumber(t.Time);
            if (!_started || day != _day)
            {
                _started = true;
                _day = day;
                _pv = 0;
                _v = 0;
            }

            double tp = (t.High + t.Low + t.Close) / 3.0;
            _pv += tp * t.Volume;
            _v += t.Volume;
            output[0] = _v > 0 ? _pv / _v : tp;
        }
    }
}
