namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// Running mean and population variance over the last <c>period</c> values from running sums of x and x², in
/// TA-Lib's operation order (VAR, STDDEV, BBANDS): variance = mean(x²) − mean(x)².
/// </summary>
internal struct Moments(int period)
{
    private TrailingSum _sum = new(period);
    private TrailingSum _sumSq = new(period);

    /// <summary>Mean after the last update.</summary>
    public double Mean { get; private set; }

    /// <summary>Population variance after the last update (may be slightly negative from rounding).</summary>
    public double Variance { get; private set; }

    public void Update(double x)
    {
        double m1 = _sum.Add(x) / period;
        double m2 = _sumSq.Add(x * x) / period;
        Mean = m1;
        Variance = m2 - (m1 * m1);
    }

    /// <summary>TA-Lib's standard deviation: √variance, or 0 when variance &lt; 1e-14.</summary>
    public readonly double StdDev => Variance < 1e-14 ? 0.0 : Math.Sqrt(Variance);

    public void Reset()
    {
        _sum.Reset();
        _sumSq.Reset();
        Mean = Variance = 0;
    }
}
