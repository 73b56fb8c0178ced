using System.Text.Json.Serialization;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Labels;

/// <summary>Forward log returns <c>y_fwd_ret_h = ln(C_{t+h} / C_t)</c>; NaN where fewer than h bars follow.</summary>
/// <param name="Horizons">Horizons in bars.</param>
public sealed record ForwardReturnLabelSpec(IReadOnlyList<int> Horizons) : LabelSpec
{
    /// <inheritdoc />
    public override string Kind => "forward_return";

    internal override void Build(PlanBuilder builder) => builder.Add(new ForwardReturnLabels(SpecChecks.Windows(builder, Horizons, "horizons", 1)));
}

/// <summary>
/// The sign of the forward log return over h bars with a dead zone: +1 above <c>k·σ_t·√h</c>, −1 below its negative,
/// 0 inside; σ_t the sample sd of one-bar log returns over the last <paramref name="VolWindow"/> bars up to t.
/// </summary>
/// <param name="Horizon">Horizon in bars.</param>
/// <param name="DeadZone">k, the half-width of the dead zone in volatility units.</param>
/// <param name="VolWindow">Bars in σ.</param>
public sealed record ForwardSignLabelSpec(int Horizon, double DeadZone = 0.5, int VolWindow = 130) : LabelSpec
{
    /// <inheritdoc />
    public override string Kind => "forward_sign";

    internal override void Build(PlanBuilder builder) => builder.Add(new ForwardSignLabels(
        SpecChecks.Int(builder, Horizon, "horizon", 1), SpecChecks.Double(builder, DeadZone, "dead_zone", 0, 100), SpecChecks.Int(builder, VolWindow, "vol_window", 2)));
}

/// <summary>What a triple-barrier label is when the time limit is hit first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerticalBarrierLabel>))]
public enum VerticalBarrierLabel
{
    /// <summary>0: neither profit-take nor stop-loss was reached.</summary>
    Zero,

    /// <summary>The sign of the return at the time limit (López de Prado's getBins).</summary>
    Sign,
}

/// <summary>
/// Triple-barrier labels (López de Prado, <i>Advances in Financial Machine Learning</i>, 2018, §3.4): from each bar
/// t, follow the closes for at most h bars; the first close whose log return from C_t reaches
/// <c>+pt·σ_t·√h</c> labels +1, the first reaching <c>−sl·σ_t·√h</c> labels −1, and reaching bar t+h first labels
/// 0 (or the sign of the return). σ_t as in <see cref="ForwardSignLabelSpec"/>. A barrier multiple of 0 disables
/// it. Columns: <c>y_tb{h}_label</c>, <c>y_tb{h}_ret</c> (log return at the touch), <c>y_tb{h}_bars</c> (bars to the
/// touch) and the end time <c>y_tb{h}_end</c> (start of the bar that resolved it), used to purge overlapping labels
/// in cross-validation. NaN (end 0) where no barrier is touched before the data ends.
/// </summary>
/// <param name="Horizon">Time limit h in bars.</param>
/// <param name="ProfitTake">pt, the upper barrier in volatility units.</param>
/// <param name="StopLoss">sl, the lower barrier in volatility units.</param>
/// <param name="VolWindow">Bars in σ.</param>
/// <param name="Vertical">Label when the time limit is reached first.</param>
public sealed record TripleBarrierLabelSpec(int Horizon, double ProfitTake = 2, double StopLoss = 2, int VolWindow = 130,
    VerticalBarrierLabel Vertical = VerticalBarrierLabel.Zero) : LabelSpec
{
    /// <inheritdoc />
    public override string Kind => "triple_barrier";

    internal override void Build(PlanBuilder builder) => builder.Add(new TripleBarrierLabels(this,
        SpecChecks.Int(builder, Horizon, "horizon", 1), SpecChecks.Double(builder, ProfitTake, "profit_take", 0, 1000),
        SpecChecks.Double(builder, StopLoss, "stop_loss", 0, 1000), SpecChecks.Int(builder, VolWindow, "vol_window", 2)));
}

/// <summary>Shared label arithmetic (also used directly by tests).</summary>
internal static class LabelMath
{
    /// <summary>σ_t: sample sd of the one-bar log returns over the last <paramref name="window"/> bars up to each t.</summary>
    public static double[] RollingVol(ReadOnlySpan<double> close, int window)
    {
        var m = new RollingMoments(window);
        var result = new double[close.Length];
        for (int t = 0; t < close.Length; t++)
        {
            m.Push(t > 0 && close[t] > 0 && close[t - 1] > 0 ? Math.Log(close[t] / close[t - 1]) : double.NaN);
            result[t] = m.Count >= window ? m.StdDev : double.NaN;
        }

        return result;
    }

    /// <summary>Triple-barrier outcome from bar t: (label, log return, bars) or NaNs with −1 bars when unresolved.</summary>
    public static (double Label, double Return, int Bars) TripleBarrier(ReadOnlySpan<double> close, int t, int horizon, double upper, double lower, bool signAtVertical)
    {
        double c0 = close[t];
        for (int j = t + 1; j <= t + horizon && j < close.Length; j++)
        {
            double r = Math.Log(close[j] / c0);
            if (upper > 0 && r >= upper)
            {
                return (1, r, j - t);
            }

            if (lower < 0 && r <= lower)
            {
                return (-1, r, j - t);
            }

            if (j == t + horizon)
            {
                return (signAtVertical ? Math.Sign(r) : 0, r, horizon);
            }
        }

        return (double.NaN, double.NaN, -1);
    }
}

internal sealed class ForwardReturnLabels : LabelBlock
{
    private readonly int[] _h;

    public ForwardReturnLabels(int[] horizons)
        : base(horizons.Select(h => new LabelInfo("y_fwd_ret_" + SpecChecks.Text(h), "forward_return", $"ln(close {SpecChecks.Bars(h)} ahead / close)")).ToArray(), [])
    {
        _h = horizons;
    }

    public override void Compute(SymbolBatch batch, double[][] outputs, int offset, long[][] ends, int endOffset)
    {
        var c = batch.Bars.Close;
        int n = c.Length;
        for (int k = 0; k < _h.Length; k++)
        {
            var o = outputs[offset + k];
            int h = _h[k];
            for (int t = 0; t < n; t++)
            {
                o[t] = t + h < n ? Math.Log(c[t + h] / c[t]) : double.NaN;
            }
        }
    }
}

internal sealed class ForwardSignLabels : LabelBlock
{
    private readonly int _h;
    private readonly double _k;
    private readonly int _window;

    public ForwardSignLabels(int h, double k, int window)
        : base([new LabelInfo("y_fwd_sign_" + SpecChecks.Text(h), "forward_sign", $"sign of the {h}-bar forward ln return, 0 within ±{k}·σ·√{h} (σ over {window} bars)")], [])
    {
        _h = h;
        _k = k;
        _window = window;
    }

    public override void Compute(SymbolBatch batch, double[][] outputs, int offset, long[][] ends, int endOffset)
    {
        var c = batch.Bars.Close;
        var vol = LabelMath.RollingVol(c, _window);
        var o = outputs[offset];
        for (int t = 0; t < c.Length; t++)
        {
            double thr = _k * vol[t] * Math.Sqrt(_h);
            double r = t + _h < c.Length ? Math.Log(c[t + _h] / c[t]) : double.NaN;
            o[t] = double.IsNaN(r) || double.IsNaN(thr) ? double.NaN : r > thr ? 1 : r < -thr ? -1 : 0;
        }
    }
}

internal sealed class TripleBarrierLabels : LabelBlock
{
    private readonly int _h;
    private readonly double _pt;
    private readonly double _sl;
    private readonly int _window;
    private readonly bool _sign;

    public TripleBarrierLabels(TripleBarrierLabelSpec spec, int h, double pt, double sl, int window)
        : base(
        [
            new LabelInfo($"y_tb{h}_label", "triple_barrier", $"+1 profit-take (+{pt}·σ·√{h}), −1 stop-loss (−{sl}·σ·√{h}), {(spec.Vertical == VerticalBarrierLabel.Zero ? "0" : "sign of the return")} at {h} bars"),
            new LabelInfo($"y_tb{h}_ret", "triple_barrier", "ln return from the bar's close to the close that resolved the label"),
            new LabelInfo($"y_tb{h}_bars", "triple_barrier", "bars until the label resolved"),
        ],
        [$"y_tb{h}_end"])
    {
        _h = h;
        _pt = pt;
        _sl = sl;
        _window = window;
        _sign = spec.Vertical == VerticalBarrierLabel.Sign;
    }

    public override void Compute(SymbolBatch batch, double[][] outputs, int offset, long[][] ends, int endOffset)
    {
        var c = batch.Bars.Close;
        var time = batch.Bars.Time;
        var vol = LabelMath.RollingVol(c, _window);
        var label = outputs[offset];
        var ret = outputs[offset + 1];
        var bars = outputs[offset + 2];
        var end = ends[endOffset];
        for (int t = 0; t < c.Length; t++)
        {
            double target = vol[t] * Math.Sqrt(_h);
            if (double.IsNaN(target))
            {
                (label[t], ret[t], bars[t], end[t]) = (double.NaN, double.NaN, double.NaN, 0);
                continue;
            }

            var (l, r, b) = LabelMath.TripleBarrier(c, t, _h, _pt * target, -_sl * target, _sign);
            label[t] = l;
            ret[t] = r;
            bars[t] = b < 0 ? double.NaN : b;
            end[t] = b < 0 ? 0 : time[t + b];
        }
    }
}
