using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Rolling historical VaR and CVaR (95% and 99%) of a strategy's daily returns: at each session close, the trailing
/// <see cref="Window"/> daily returns (at least <see cref="MinPeriods"/>) give the numpy-"linear" 5% and 1% quantiles
/// (VaR) and the means of the ⌊(n−1)·c⌋ + 1 smallest returns (CVaR), the same definitions as the whole-run figures in
/// <see cref="PerformanceMetrics"/>. Values are returns: negative numbers are losses. Daily returns are close-to-close
/// on the last equity point of each New York trading day (the first day against the curve's first point).
/// </summary>
/// <param name="TimeUtcTicks">Session closes (the last equity point of each day) with a value, ascending.</param>
/// <param name="Var95">5% quantile of the trailing daily returns.</param>
/// <param name="Var99">1% quantile.</param>
/// <param name="Cvar95">Mean of the worst 5% tail.</param>
/// <param name="Cvar99">Mean of the worst 1% tail.</param>
/// <param name="Window">Trailing daily returns used.</param>
/// <param name="MinPeriods">Fewest daily returns for a value.</param>
public sealed record RollingTailRisk(long[] TimeUtcTicks, double[] Var95, double[] Var99, double[] Cvar95, double[] Cvar99, int Window, int MinPeriods)
{
    /// <summary>Default trailing window: 60 sessions (about three months).</summary>
    public const int DefaultWindow = 60;

    /// <summary>Default minimum: 20 sessions.</summary>
    public const int DefaultMinPeriods = 20;

    /// <summary>Number of points.</summary>
    public int Count => TimeUtcTicks.Length;

    /// <summary>The close time and equity of each New York trading day of <paramref name="curve"/>.</summary>
    public static (long[] Time, double[] Equity) DailyCloses(EquityCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var time = new List<long>();
        var equity = new List<double>();
        var t = curve.Time;
        var e = curve.Equity;
        DateTime? day = null;
        for (int i = 0; i < t.Length; i++)
        {
            var d = UsEasternTime.ToEastern(new DateTime(t[i], DateTimeKind.Utc)).Date;
            if (day == d)
            {
                time[^1] = t[i];
                equity[^1] = e[i];
            }
            else
            {
                day = d;
                time.Add(t[i]);
                equity.Add(e[i]);
            }
        }

        return ([.. time], [.. equity]);
    }

    /// <summary>Computes the rolling figures of <paramref name="curve"/>.</summary>
    public static RollingTailRisk Compute(EquityCurve curve, int window = DefaultWindow, int minPeriods = DefaultMinPeriods)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPeriods, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPeriods, window);
        var (closeTime, closeEquity) = DailyCloses(curve);

        // Day d's return runs from the previous day's close (the curve's first point for the first day).
        int days = closeTime.Length;
        var returns = new double[days];
        double previous = curve.Equity[0];
        for (int i = 0; i < days; i++)
        {
            returns[i] = closeEquity[i] / previous - 1.0;
            previous = closeEquity[i];
        }

        int first = curve.Time[0] == closeTime[0] ? 1 : 0; // a first day of one point has no return
        var time = new List<long>();
        var v95 = new List<double>();
        var v99 = new List<double>();
        var c95 = new List<double>();
        var c99 = new List<double>();
        var scratch = new double[window];
        for (int end = first; end < days; end++)
        {
            int start = Math.Max(first, end - window + 1);
            int n = end - start + 1;
            if (n < minPeriods)
            {
                continue;
            }

            var s = scratch.AsSpan(0, n);
            returns.AsSpan(start, n).CopyTo(s);
            time.Add(closeTime[end]);
            // The same definitions as the run's whole-period VaR/CVaR (numpy "linear" quantile, empyrical's tail mean).
            v95.Add(ReturnMath.Quantile(s, 0.05));
            v99.Add(ReturnMath.Quantile(s, 0.01));
            c95.Add(ReturnMath.LowerTailMean(s, 0.05));
            c99.Add(ReturnMath.LowerTailMean(s, 0.01));
        }

        return new RollingTailRisk([.. time], [.. v95], [.. v99], [.. c95], [.. c99], window, minPeriods);
    }
}
