using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Statistics;

/// <summary>Which rolling statistic to report.</summary>
internal enum MomentKind
{
    ZScore,
    Skew,
    Kurtosis,
}

/// <summary>
/// Rolling z-score, skewness and excess kurtosis over a window, two-pass in O(period) per bar. The z-score uses the
/// population σ; skew and kurtosis are the bias-adjusted sample estimators G1 and G2 (Joanes &amp; Gill 1998), as
/// pandas' rolling skew()/kurt() compute them. A window with zero variance gives 0.
/// </summary>
internal struct MomentCore(int period, MomentKind kind) : ICore
{
    private Window _w = new(period);

    public void Reset() => _w.Clear();

    public void Update(in Tick t, Span<double> output)
    {
        _w.Push(t.R0);
        if (!_w.IsFull)
        {
            output[0] = double.NaN;
            return;
        }

        var raw = _w.Raw;
        double n = period, mean = 0;
        foreach (double v in raw)
        {
            mean += v;
        }

        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (double v in raw)
        {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        // Relative threshold: a flat window leaves only rounding noise in m2.
        if (m2 <= 1e-24 * Math.Max(1.0, mean * mean))
        {
            output[0] = 0.0;
            return;
        }

        output[0] = kind switch
        {
            MomentKind.ZScore => (t.R0 - mean) / Math.Sqrt(m2),
            MomentKind.Skew => m3 / Math.Pow(m2, 1.5) * Math.Sqrt(n * (n - 1)) / (n - 2),
            _ => (n - 1) / ((n - 2) * (n - 3)) * (((n + 1) * (m4 / (m2 * m2))) - (3 * (n - 1))),
        };
    }
}

/// <summary>Rolling z-score: (x − mean)/σ over the window (population σ).</summary>
public static class ZScore
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("zscore", null, IndicatorCategory.Statistics, "Rolling z-score", PriceInputs.None, [Meta.Period(20, 2)], ["zscore"],
            "Standard score (x − μ)/σ over a rolling window, population σ", Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new MomentCore(Meta.I(p, 0), MomentKind.ZScore));
}

/// <summary>Rolling sample skewness (G1).</summary>
public static class Skew
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("skew", null, IndicatorCategory.Statistics, "Rolling skewness", PriceInputs.None, [Meta.Period(20, 3)], ["skew"],
            "Adjusted Fisher-Pearson skewness G1 (Joanes & Gill 1998), as pandas Rolling.skew", Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new MomentCore(Meta.I(p, 0), MomentKind.Skew));
}

/// <summary>Rolling sample excess kurtosis (G2).</summary>
public static class Kurtosis
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("kurtosis", null, IndicatorCategory.Statistics, "Rolling excess kurtosis", PriceInputs.None, [Meta.Period(20, 4)], ["kurtosis"],
            "Sample excess kurtosis G2 (Joanes & Gill 1998), as pandas Rolling.kurt", Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new MomentCore(Meta.I(p, 0), MomentKind.Kurtosis));
}

/// <summary>
/// Percentile rank: the percentage of the previous <c>period</c> values that are less than or equal to the
/// current one (TradingView ta.percentrank).
/// </summary>
public static class PercentRank
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("percent_rank", null, IndicatorCategory.Statistics, "Percentile rank of the current value", PriceInputs.None, [Meta.Period(20, 1)], ["percent_rank"],
            "TradingView ta.percentrank: share of the previous n values ≤ the current value, in percent", Meta.Close),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0), lessOrEqual: true));

    internal struct Core(int period, bool lessOrEqual) : ICore
    {
        private Window _w = new(period + 1);

        public void Reset() => _w.Clear();

        public void Update(in Tick t, Span<double> output) => output[0] = Step(t.R0);

        /// <summary>Pushes <paramref name="x"/> and ranks it among the previous values (NaN until there are <c>period</c>).</summary>
        public double Step(double x)
        {
            _w.Push(x);
            if (!_w.IsFull)
            {
                return double.NaN;
            }

            // Every stored value but the newest (x itself) is a previous one; order does not matter for a count.
            int count = 0;
            foreach (double v in _w.Raw)
            {
                if (lessOrEqual ? v <= x : v < x)
                {
                    count++;
                }
            }

            if (lessOrEqual)
            {
                count--;
            }

            return 100.0 * count / period;
        }

        public void Clear() => _w.Clear();
    }
}
