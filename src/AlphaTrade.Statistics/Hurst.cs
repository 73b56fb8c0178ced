namespace AlphaTrade.Statistics;

/// <summary>
/// Hurst exponent from the scaling of lagged differences: std(x_{t+τ} − x_t) ∝ τ^H for τ = 2..maxLag, H the slope of
/// the log-log least-squares line (population standard deviations). H ≈ 0.5 for a random walk, below 0.5 for a
/// mean-reverting series, above for a trending one. Apply it to log prices.
/// </summary>
public static class Hurst
{
    /// <summary>The exponent over lags 2..<paramref name="maxLag"/>.</summary>
    public static double Exponent(ReadOnlySpan<double> series, int maxLag = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLag, 3);
        if (series.Length <= maxLag + 1)
        {
            throw new ArgumentException($"Need more than {maxLag + 1} observations for lags up to {maxLag}.", nameof(series));
        }

        int m = maxLag - 1;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int tau = 2; tau <= maxLag; tau++)
        {
            int count = series.Length - tau;
            double mean = 0;
            for (int i = 0; i < count; i++)
            {
                mean += series[i + tau] - series[i];
            }

            mean /= count;
            double ss = 0;
            for (int i = 0; i < count; i++)
            {
                double d = series[i + tau] - series[i] - mean;
                ss += d * d;
            }

            double lx = Math.Log(tau);
            double ly = Math.Log(Math.Sqrt(ss / count));
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }

        return ((m * sxy) - (sx * sy)) / ((m * sxx) - (sx * sx));
    }
}
