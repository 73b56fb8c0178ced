using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Technical;

/// <summary>
/// Where the close sits in ranges: in the session's range so far, in the previous session's range, in the n-bar
/// high-low range, in its own bar (with the body and shadows as shares of the bar's range), the distances to the
/// session high and low in ATRs and the bar's range in ATRs.
/// </summary>
/// <param name="Windows">Windows (bars) of the rolling high-low range.</param>
public sealed record RangePositionSpec(IReadOnlyList<int> Windows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "range_position";

    internal override void Build(PlanBuilder builder) => builder.Add(new RangePositionBlock(SpecChecks.Windows(builder, Windows, "windows", 2)));
}

internal sealed class RangePositionBlock : SymbolBlock
{
    private readonly int[] _windows;

    public RangePositionBlock(int[] windows)
        : base(new[]
        {
            new FeatureInfo("day_range_pos", "range_position", "(close − session low) / (session high − session low) so far; 0.5 on a flat session"),
            new FeatureInfo("prev_day_range_pos", "range_position", "(close − previous session low) / (previous session high − low)"),
            new FeatureInfo("day_high_dist_atr", "range_position", "(session high so far − close) / ATR"),
            new FeatureInfo("day_low_dist_atr", "range_position", "(close − session low so far) / ATR"),
        }.Concat(windows.Select(w => new FeatureInfo("range_pos_" + SpecChecks.Text(w), "range_position", $"(close − lowest low) / (highest high − lowest low) over {w} bars")))
        .Concat(
        [
            new FeatureInfo("bar_pos", "range_position", "(close − low) / (high − low) of the bar; 0.5 on a flat bar"),
            new FeatureInfo("bar_body", "range_position", "(close − open) / (high − low)"),
            new FeatureInfo("bar_upper_shadow", "range_position", "(high − max(open, close)) / (high − low)"),
            new FeatureInfo("bar_lower_shadow", "range_position", "(min(open, close) − low) / (high − low)"),
            new FeatureInfo("bar_range_atr", "range_position", "(high − low) / ATR"),
        ]).ToArray())
    {
        _windows = windows;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_windows);

    private static double Position(double x, double lo, double hi) =>
        double.IsNaN(lo) || double.IsNaN(hi) ? double.NaN : hi > lo ? (x - lo) / (hi - lo) : 0.5;

    private sealed class Stream(int[] windows) : SymbolStream
    {
        private readonly RollingExtreme[] _ext = windows.Select(w => new RollingExtreme(w)).ToArray();

        public override void Update(in BarContext bar, Span<double> output)
        {
            output[0] = Position(bar.Close, bar.SessionLow, bar.SessionHigh);
            double ph = bar.PrevSessionHigh, pl = bar.PrevSessionLow;
            output[1] = ph > pl ? (bar.Close - pl) / (ph - pl) : double.NaN;
            output[2] = bar.Atr > 0 ? (bar.SessionHigh - bar.Close) / bar.Atr : double.NaN;
            output[3] = bar.Atr > 0 ? (bar.Close - bar.SessionLow) / bar.Atr : double.NaN;
            int k = 4;
            foreach (var e in _ext)
            {
                e.Push(bar.High, bar.Low);
                output[k++] = e.IsFull ? Position(bar.Close, e.Min, e.Max) : double.NaN;
            }

            double range = bar.High - bar.Low;
            output[k++] = Position(bar.Close, bar.Low, bar.High);
            output[k++] = range > 0 ? (bar.Close - bar.Open) / range : 0;
            output[k++] = range > 0 ? (bar.High - Math.Max(bar.Open, bar.Close)) / range : 0;
            output[k++] = range > 0 ? (Math.Min(bar.Open, bar.Close) - bar.Low) / range : 0;
            output[k] = bar.Atr > 0 ? range / bar.Atr : double.NaN;
        }
    }
}
