using System.Buffers;
using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Computes <see cref="PerformanceMetrics"/> and <see cref="BenchmarkMetrics"/> from an <see cref="EquityCurve"/> in a few
/// linear passes. Working memory comes from <see cref="ArrayPool{T}"/>; nothing is allocated per period.
/// Formulas: docs/metrics.md.
/// </summary>
public static class PerformanceCalculator
{
    /// <summary>Number of worst drawdowns a report lists.</summary>
    public const int TopDrawdownCount = 5;

    /// <summary>Return and risk metrics of the strategy's equity.</summary>
    public static PerformanceMetrics Compute(EquityCurve curve, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(options);
        int n = curve.ReturnCount;
        var pool = ArrayPool<double>.Shared;
        double[] rBuf = pool.Rent(n);
        double[] sBuf = pool.Rent(n);
        try
        {
            var r = rBuf.AsSpan(0, n);
            var scratch = sBuf.AsSpan(0, n);
            curve.Returns(r);
            return Compute(curve, r, scratch, options);
        }
        finally
        {
            pool.Return(rBuf);
            pool.Return(sBuf);
        }
    }

    /// <summary>Metrics relative to the curve's benchmark; null when the curve has none.</summary>
    public static BenchmarkMetrics? ComputeBenchmark(EquityCurve curve, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(options);
        if (!curve.HasBenchmark)
        {
            return null;
        }

        int n = curve.ReturnCount;
        var pool = ArrayPool<double>.Shared;
        double[] rBuf = pool.Rent(n);
        double[] bBuf = pool.Rent(n);
        try
        {
            var r = rBuf.AsSpan(0, n);
            var b = bBuf.AsSpan(0, n);
            curve.Returns(r);
            curve.BenchmarkReturns(b);
            return ComputeBenchmark(curve.Equity, curve.Benchmark, r, b, options);
        }
        finally
        {
            pool.Return(rBuf);
            pool.Return(bBuf);
        }
    }

    private static PerformanceMetrics Compute(EquityCurve curve, ReadOnlySpan<double> r, Span<double> scratch, MetricsOptions options)
    {
        int n = r.Length;
        double ppy = options.PeriodsPerYear;
        var eq = curve.Equity;
        double total = (eq[^1] / eq[0]) - 1.0;
        double years = n / ppy;
        double cagr = Math.Pow(1.0 + total, 1.0 / years) - 1.0;

        double mean = ReturnMath.Mean(r);
        double rf = options.RiskFreePerPeriod;
        double target = options.SortinoTarget;

        // One pass: central moments, downside semi-variance, gains and losses, extremes.
        double m2 = 0, m3 = 0, m4 = 0, downSq = 0, gains = 0, losses = 0;
        double best = double.NegativeInfinity, worstReturn = double.PositiveInfinity;
        int positive = 0;
        for (int i = 0; i < n; i++)
        {
            double x = r[i];
            double d = x - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            double below = x - target;
            if (below < 0)
            {
                downSq += below * below;
            }

            if (x > 0)
            {
                gains += x;
                positive++;
            }
            else
            {
                losses -= x;
            }

            best = Math.Max(best, x);
            worstReturn = Math.Min(worstReturn, x);
        }

        double sd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double downside = Math.Sqrt(downSq / n) * Math.Sqrt(ppy);

        var worst = DrawdownAnalyzer.Worst(curve, 1);
        double maxDd = worst.Count > 0 ? worst[0].Depth : 0.0;

        double stability = Stability(eq);

        Span<double> q = stackalloc double[4];
        Span<double> tails = stackalloc double[2];
        TailQuantiles.Compute(r, worstReturn, best, [0.5, 0.05, 0.01, 0.95], q, [0.05, 0.01], tails, scratch);
        double median = q[0], p05 = q[1], p01 = q[2], p95 = q[3];
        double cvar95 = tails[0], cvar99 = tails[1];

        return new PerformanceMetrics
        {
            Periods = n,
            Start = curve.Start,
            End = curve.End,
            Years = years,
            StartEquity = eq[0],
            EndEquity = eq[^1],
            TotalReturn = total,
            Cagr = cagr,
            AnnualVolatility = sd * Math.Sqrt(ppy),
            Sharpe = Ratio(mean - rf, sd) * Math.Sqrt(ppy),
            Sortino = Ratio((mean - target) * ppy, downside),
            DownsideDeviation = downside,
            Calmar = maxDd < 0 ? cagr / -maxDd : double.NaN,
            Omega = Ratio(gains, losses),
            MaxDrawdown = maxDd,
            MaxDrawdownEpisode = worst.Count > 0 ? worst[0] : null,
            Skew = m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN,
            ExcessKurtosis = m2 > 0 ? (m4 / (m2 * m2)) - 3.0 : double.NaN,
            Stability = stability,
            TailRatio = Math.Abs(p95) / Math.Abs(p05),
            ValueAtRisk95 = p05,
            ValueAtRisk99 = p01,
            ConditionalValueAtRisk95 = cvar95,
            ConditionalValueAtRisk99 = cvar99,
            PerPeriod = new ReturnSummary(n, mean, median, sd, best, worstReturn, (double)positive / n),
        };
    }

    /// <summary>
    /// R² of the least-squares line of y_i = ln(E[i+1] ÷ E[0]) on i = 0..n−1, in one pass: Σ(i − x̄)·y needs no centring
    /// of y because Σ(i − x̄) = 0, and Σ(y − ȳ)² is accumulated with Welford's update.
    /// </summary>
    internal static double Stability(ReadOnlySpan<double> equity)
    {
        int n = equity.Length - 1;
        if (n < 2)
        {
            return double.NaN;
        }

        double log0 = Math.Log(equity[0]);
        double meanX = (n - 1) / 2.0;
        double sxy = 0, meanY = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double y = Math.Log(equity[i + 1]) - log0;
            sxy += (i - meanX) * y;
            double delta = y - meanY;
            meanY += delta / (i + 1);
            syy += delta * (y - meanY);
        }

        double sxx = n * (((double)n * n) - 1.0) / 12.0;
        return syy > 0 ? sxy * sxy / (sxx * syy) : double.NaN;
    }

    private static BenchmarkMetrics ComputeBenchmark(ReadOnlySpan<double> equity, ReadOnlySpan<double> bench, ReadOnlySpan<double> r, ReadOnlySpan<double> b, MetricsOptions options)
    {
        int n = r.Length;
        double ppy = options.PeriodsPerYear;
        double rf = options.RiskFreePerPeriod;
        double mr = ReturnMath.Mean(r);
        double mb = ReturnMath.Mean(b);
        double cov = 0, varB = 0, varR = 0;
        for (int i = 0; i < n; i++)
        {
            double dr = r[i] - mr;
            double db = b[i] - mb;
            cov += dr * db;
            varB += db * db;
            varR += dr * dr;
        }

        double beta = varB > 0 ? cov / varB : double.NaN;

        // Active return a = r − b has mean mr − mb and Σ(a − ā)² = Σdr² + Σdb² − 2Σdr·db.
        double meanActive = mr - mb;
        double ssActive = Math.Max(0, varR + varB - (2 * cov));
        double te = n > 1 ? Math.Sqrt(ssActive / (n - 1)) : double.NaN;
        double meanAlpha = (mr - rf) - (beta * (mb - rf));
        double years = n / ppy;
        double cagr = Math.Pow(equity[^1] / equity[0], 1.0 / years) - 1.0;
        double bCagr = Math.Pow(bench[^1] / bench[0], 1.0 / years) - 1.0;
        double bSd = n > 1 ? Math.Sqrt(varB / (n - 1)) : double.NaN;
        return new BenchmarkMetrics
        {
            Periods = n,
            Beta = beta,
            Alpha = Math.Pow(1.0 + meanAlpha, ppy) - 1.0,
            Correlation = varB > 0 && varR > 0 ? cov / Math.Sqrt(varB * varR) : double.NaN,
            TrackingError = te * Math.Sqrt(ppy),
            InformationRatio = Ratio(meanActive, te) * Math.Sqrt(ppy),
            BenchmarkTotalReturn = (bench[^1] / bench[0]) - 1.0,
            BenchmarkCagr = bCagr,
            BenchmarkVolatility = bSd * Math.Sqrt(ppy),
            BenchmarkSharpe = Ratio(mb - rf, bSd) * Math.Sqrt(ppy),
            BenchmarkMaxDrawdown = MaxDrawdown(bench),
            ExcessCagr = cagr - bCagr,
        };
    }

    /// <summary>Deepest decline from a running high of <paramref name="values"/> (≤ 0).</summary>
    public static double MaxDrawdown(ReadOnlySpan<double> values)
    {
        double peak = double.NegativeInfinity, worst = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v > peak)
            {
                peak = v;
            }

            double dd = (v / peak) - 1.0;
            if (dd < worst)
            {
                worst = dd;
            }
        }

        return worst;
    }

    /// <summary>num ÷ den with ±∞ for a zero denominator and NaN for 0 ÷ 0.</summary>
    internal static double Ratio(double num, double den)
    {
        if (den != 0 && !double.IsNaN(den))
        {
            return num / den;
        }

        return num > 0 ? double.PositiveInfinity : num < 0 ? double.NegativeInfinity : double.NaN;
    }
}
