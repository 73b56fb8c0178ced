namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Return and risk metrics of one equity curve. Fractions are plain numbers (0.12 = 12 %); annualised values use
/// <see cref="MetricsOptions.Annualization"/>. Formulas and sources: docs/metrics.md. A metric that is undefined for the
/// data (for example Calmar without a drawdown) is NaN; a ratio with a zero denominator and a positive numerator is +∞.
/// </summary>
public sealed record PerformanceMetrics
{
    /// <summary>Number of return periods (samples − 1).</summary>
    public required int Periods { get; init; }

    /// <summary>First sample (UTC).</summary>
    public required DateTime Start { get; init; }

    /// <summary>Last sample (UTC).</summary>
    public required DateTime End { get; init; }

    /// <summary>Length in years, periods ÷ periods per year.</summary>
    public required double Years { get; init; }

    /// <summary>Equity at the first sample.</summary>
    public required double StartEquity { get; init; }

    /// <summary>Equity at the last sample.</summary>
    public required double EndEquity { get; init; }

    /// <summary>End ÷ start − 1.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate, (1 + total)^(1 / years) − 1.</summary>
    public required double Cagr { get; init; }

    /// <summary>Sample standard deviation of period returns × √(periods per year).</summary>
    public required double AnnualVolatility { get; init; }

    /// <summary>Annualised Sharpe ratio, mean(r − rf) ÷ sd(r − rf) × √(periods per year).</summary>
    public required double Sharpe { get; init; }

    /// <summary>Annualised Sortino ratio, mean(r − T) × N ÷ downside deviation.</summary>
    public required double Sortino { get; init; }

    /// <summary>Annualised downside deviation, √(mean(min(r − T, 0)²)) × √N over all periods.</summary>
    public required double DownsideDeviation { get; init; }

    /// <summary>CAGR ÷ |max drawdown|.</summary>
    public required double Calmar { get; init; }

    /// <summary>Omega ratio at a zero threshold: sum of gains ÷ sum of losses.</summary>
    public required double Omega { get; init; }

    /// <summary>Deepest peak-to-trough decline (≤ 0).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>The deepest drawdown episode, or null when equity never fell below a running high.</summary>
    public required Drawdown? MaxDrawdownEpisode { get; init; }

    /// <summary>Sample skewness (biased Fisher–Pearson g1, as scipy.stats.skew).</summary>
    public required double Skew { get; init; }

    /// <summary>Excess kurtosis (Fisher, biased; a normal distribution gives 0, as scipy.stats.kurtosis).</summary>
    public required double ExcessKurtosis { get; init; }

    /// <summary>R² of a least-squares line through cumulative log returns (empyrical stability_of_timeseries).</summary>
    public required double Stability { get; init; }

    /// <summary>|95th percentile| ÷ |5th percentile| of period returns.</summary>
    public required double TailRatio { get; init; }

    /// <summary>Historical 95 % value at risk: the 5th percentile of period returns (negative is a loss).</summary>
    public required double ValueAtRisk95 { get; init; }

    /// <summary>Historical 99 % value at risk: the 1st percentile of period returns.</summary>
    public required double ValueAtRisk99 { get; init; }

    /// <summary>Historical 95 % conditional VaR (expected shortfall): mean of the worst 5 % of period returns.</summary>
    public required double ConditionalValueAtRisk95 { get; init; }

    /// <summary>Historical 99 % conditional VaR: mean of the worst 1 % of period returns.</summary>
    public required double ConditionalValueAtRisk99 { get; init; }

    /// <summary>Per-period distribution of returns.</summary>
    public required ReturnSummary PerPeriod { get; init; }
}

/// <summary>Summary of a set of returns (per bar, per day, per month or per year).</summary>
/// <param name="Count">Number of returns.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">Median (linear interpolation).</param>
/// <param name="StdDev">Sample standard deviation (n − 1).</param>
/// <param name="Best">Largest return.</param>
/// <param name="Worst">Smallest return.</param>
/// <param name="PositiveFraction">Share of returns above zero.</param>
public sealed record ReturnSummary(int Count, double Mean, double Median, double StdDev, double Best, double Worst, double PositiveFraction)
{
    /// <summary>An empty summary (all NaN).</summary>
    public static ReturnSummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises <paramref name="returns"/>; reorders <paramref name="scratch"/> (same length, may alias a copy).</summary>
    public static ReturnSummary Of(ReadOnlySpan<double> returns, Span<double> scratch)
    {
        if (returns.IsEmpty)
        {
            return Empty;
        }

        int pos = 0;
        for (int i = 0; i < returns.Length; i++)
        {
            if (returns[i] > 0)
            {
                pos++;
            }
        }

        var s = scratch[..returns.Length];
        returns.CopyTo(s);
        return new ReturnSummary(
            returns.Length,
            ReturnMath.Mean(returns),
            ReturnMath.Quantile(s, 0.5),
            ReturnMath.StdDev(returns),
            ReturnMath.Max(returns),
            ReturnMath.Min(returns),
            (double)pos / returns.Length);
    }
}

/// <summary>Metrics of the strategy relative to its benchmark, over periods where both exist.</summary>
public sealed record BenchmarkMetrics
{
    /// <summary>Number of aligned return periods.</summary>
    public required int Periods { get; init; }

    /// <summary>cov(r, b) ÷ var(b).</summary>
    public required double Beta { get; init; }

    /// <summary>Annualised Jensen's alpha: (1 + mean(r − rf − β(b − rf)))^N − 1.</summary>
    public required double Alpha { get; init; }

    /// <summary>Pearson correlation of period returns.</summary>
    public required double Correlation { get; init; }

    /// <summary>Annualised tracking error, sd(r − b) × √N.</summary>
    public required double TrackingError { get; init; }

    /// <summary>Annualised information ratio, mean(r − b) × √N ÷ sd(r − b).</summary>
    public required double InformationRatio { get; init; }

    /// <summary>Benchmark end ÷ start − 1.</summary>
    public required double BenchmarkTotalReturn { get; init; }

    /// <summary>Benchmark compound annual growth rate.</summary>
    public required double BenchmarkCagr { get; init; }

    /// <summary>Benchmark annualised volatility.</summary>
    public required double BenchmarkVolatility { get; init; }

    /// <summary>Benchmark annualised Sharpe ratio.</summary>
    public required double BenchmarkSharpe { get; init; }

    /// <summary>Benchmark maximum drawdown (≤ 0).</summary>
    public required double BenchmarkMaxDrawdown { get; init; }

    /// <summary>Strategy CAGR − benchmark CAGR over the aligned periods.</summary>
    public required double ExcessCagr { get; init; }
}
