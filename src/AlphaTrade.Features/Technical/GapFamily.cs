using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Technical;

/// <summary>
/// Overnight gap and day-level moves: the gap <c>ln(session open / previous session close)</c>, the same in units of
/// daily volatility (sd of the last <paramref name="VolDays"/> daily close-to-close log returns), the share of the
/// gap filled so far, the return since the open and the previous session's return, both in daily-volatility units.
/// </summary>
/// <param name="VolDays">Sessions in the daily-volatility estimate.</param>
public sealed record GapSpec(int VolDays = 20) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "gaps";

    internal override void Build(PlanBuilder builder) => builder.Add(new GapBlock(SpecChecks.Int(builder, VolDays, "vol_days", 2, 1000)));
}

internal sealed class GapBlock : SymbolBlock
{
    private readonly int _days;

    public GapBlock(int days)
        : base(
        [
            new FeatureInfo("gap", "gaps", "ln(session open / previous session close)"),
            new FeatureInfo("gap_z", "gaps", $"gap / sd of daily close-to-close log returns over {days} sessions"),
            new FeatureInfo("gap_fill", "gaps", "share of the gap retraced so far in the session (0..1; 1 when there is no gap)"),
            new FeatureInfo("ret_since_open_z", "gaps", "ln(close / session open) / daily sd"),
            new FeatureInfo("prev_day_ret_z", "gaps", "previous session's close-to-close log return / daily sd"),
        ])
    {
        _days = days;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_days);

    private sealed class Stream(int days) : SymbolStream
    {
        private readonly RollingMoments _daily = new(days);
        private double _lastSessionClose = double.NaN;
        private double _prevDayReturn = double.NaN;

        public override void Update(in BarContext bar, Span<double> output)
        {
            if (bar.NewSession && bar.PrevSessionClose > 0)
            {
                _prevDayReturn = _lastSessionClose > 0 ? Math.Log(bar.PrevSessionClose / _lastSessionClose) : double.NaN;
                _daily.Push(_prevDayReturn);
                _lastSessionClose = bar.PrevSessionClose;
            }

            double sd = _daily.Count >= days ? _daily.StdDev : double.NaN;
            double gap = bar.SessionOpen > 0 && bar.PrevSessionClose > 0 ? Math.Log(bar.SessionOpen / bar.PrevSessionClose) : double.NaN;
            output[0] = gap;
            output[1] = sd > 0 ? gap / sd : double.NaN;
            double distance = bar.SessionOpen - bar.PrevSessionClose;
            output[2] = double.IsNaN(gap) ? double.NaN
                : distance > 0 ? Math.Clamp((bar.SessionOpen - bar.SessionLow) / distance, 0, 1)
                : distance < 0 ? Math.Clamp((bar.SessionHigh - bar.SessionOpen) / -distance, 0, 1)
                : 1.0;
            output[3] = sd > 0 && bar.SessionOpen > 0 ? Math.Log(bar.Close / bar.SessionOpen) / sd : double.NaN;
            output[4] = sd > 0 ? _prevDayReturn / sd : double.NaN;
        }
    }
}
