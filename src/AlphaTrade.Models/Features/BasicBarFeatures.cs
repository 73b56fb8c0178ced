using AlphaTrade.Core.Market;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Features;

/// <summary>
/// A small built-in feature set from bars alone: log returns over 1, 4, 16 and 64 bars; realised volatility over 16 and
/// 64 bars; log-volume z-scores over 16 and 64 bars; mean high-low range over 16 bars; the close's position in the
/// 16-bar range. Row time is the bar's timestamp; the label ends at the timestamp of the bar H bars ahead.
/// </summary>
public sealed class BasicBarFeatures : IFeatureMatrixSource
{
    private const int Warmup = 64;

    /// <inheritdoc />
    public string Name => "basic-bars-1";

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; } =
        ["ret_1", "ret_4", "ret_16", "ret_64", "vol_16", "vol_64", "volume_z_16", "volume_z_64", "range_16", "close_pos_16"];

    /// <inheritdoc />
    public Dataset Build(IReadOnlyList<BarSeries> series, LabelSpec label)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(label);
        if (label.Kind == LabelKind.TripleBarrier)
        {
            throw new AlphaTrade.Core.InputException($"--label {label}: the built-in bar features have no triple-barrier label; use the feature pipeline's set");
        }

        var f = FeatureNames.Count;
        var rows = new List<(long Time, int Symbol, float[] X, double Label, double Forward, long End)>();
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s];
            var close = bars.Close;
            var high = bars.High;
            var low = bars.Low;
            var volume = bars.Volume;
            var time = bars.Time;
            var n = bars.Count;
            var ret = new double[n];
            var logVol = new double[n];
            for (var i = 0; i < n; i++)
            {
                ret[i] = i == 0 ? 0 : Math.Log(close[i] / close[i - 1]);
                logVol[i] = Math.Log(1 + Math.Max(0, volume[i]));
            }

            for (var i = Warmup; i + label.Horizon < n; i++)
            {
                var x = new float[f];
                x[0] = (float)ret[i];
                x[1] = (float)Math.Log(close[i] / close[i - 4]);
                x[2] = (float)Math.Log(close[i] / close[i - 16]);
                x[3] = (float)Math.Log(close[i] / close[i - 64]);
                x[4] = (float)StdDev(ret.AsSpan(i - 15, 16));
                x[5] = (float)StdDev(ret.AsSpan(i - 63, 64));
                x[6] = (float)ZScore(logVol.AsSpan(i - 15, 16));
                x[7] = (float)ZScore(logVol.AsSpan(i - 63, 64));
                double range = 0, hi = double.MinValue, lo = double.MaxValue;
                for (var k = i - 15; k <= i; k++)
                {
                    range += (high[k] - low[k]) / close[k];
                    hi = Math.Max(hi, high[k]);
                    lo = Math.Min(lo, low[k]);
                }

                x[8] = (float)(range / 16);
                x[9] = (float)(hi > lo ? (close[i] - lo) / (hi - lo) : 0.5);
                if (x.Any(v => !float.IsFinite(v)))
                {
                    continue;
                }

                var fwd = Math.Log(close[i + label.Horizon] / close[i]);
                var y = label.Task == ModelTask.Classification ? (fwd > 0 ? 1.0 : 0.0) : fwd;
                rows.Add((time[i], s, x, y, fwd, time[i + label.Horizon]));
            }
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Symbol.CompareTo(b.Symbol));
        var values = new float[rows.Count * f];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].X.CopyTo(values, r * f);
        }

        return new Dataset(values, f, rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Time).ToArray(), rows.Select(r => r.End).ToArray(),
            rows.Select(r => series[r.Symbol].Symbol).ToArray(), FeatureNames)
        {
            ForwardReturns = rows.Select(r => r.Forward).ToArray(),
        };
    }

    private static double StdDev(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (var v in x)
        {
            m += v;
        }

        m /= x.Length;
        double ss = 0;
        foreach (var v in x)
        {
            ss += (v - m) * (v - m);
        }

        return Math.Sqrt(ss / (x.Length - 1));
    }

    // Z-score of the last value against the window.
    private static double ZScore(ReadOnlySpan<double> x)
    {
        var sd = StdDev(x);
        double m = 0;
        foreach (var v in x)
        {
            m += v;
        }

        m /= x.Length;
        return sd > 0 ? (x[^1] - m) / sd : 0;
    }
}
