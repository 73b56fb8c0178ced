namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Rolling-window statistics over return spans in O(n) with sliding sums. Position i of the output covers returns
/// [i − window + 1, i]; the first window − 1 positions are NaN.
/// </summary>
public static class RollingStatistics
{
    /// <summary>Annualised Sharpe ratio (zero risk-free rate) of each window.</summary>
    public static void Sharpe(ReadOnlySpan<double> returns, int window, double periodsPerYear, Span<double> destination) =>
        Run(returns, returns, window, destination, (s, ss, _, _, _, n) =>
        {
            double mean = s / n;
            double var = (ss - (s * mean)) / (n - 1);
            return var > 0 ? mean / Math.Sqrt(var) * Math.Sqrt(periodsPerYear) : double.NaN;
        });

    /// <summary>Annualised volatility (sample standard deviation × √N) of each window.</summary>
    public static void Volatility(ReadOnlySpan<double> returns, int window, double periodsPerYear, Span<double> destination) =>
        Run(returns, returns, window, destination, (s, ss, _, _, _, n) =>
        {
            double var = (ss - (s * s / n)) / (n - 1);
            return Math.Sqrt(Math.Max(0, var) * periodsPerYear);
        });

    /// <summary>Beta cov(r, b) ÷ var(b) of each window.</summary>
    public static void Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, int window, Span<double> destination) =>
        Run(returns, benchmark, window, destination, (sr, _, sb, sbb, srb, n) =>
        {
            double cov = srb - (sr * sb / n);
            double varB = sbb - (sb * sb / n);
            return varB > 0 ? cov / varB : double.NaN;
        });

    private delegate double WindowStat(double sumR, double sumRR, double sumB, double sumBB, double sumRB, int n);

    private static void Run(ReadOnlySpan<double> r, ReadOnlySpan<double> b, int window, Span<double> dest, WindowStat stat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (b.Length != r.Length)
        {
            throw new ArgumentException("Series must have the same length.", nameof(b));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dest.Length, r.Length, nameof(dest));
        double sr = 0, srr = 0, sb = 0, sbb = 0, srb = 0;
        for (int i = 0; i < r.Length; i++)
        {
            sr += r[i];
            srr += r[i] * r[i];
            sb += b[i];
            sbb += b[i] * b[i];
            srb += r[i] * b[i];
            if (i >= window)
            {
                int j = i - window;
                sr -= r[j];
                srr -= r[j] * r[j];
                sb -= b[j];
                sbb -= b[j] * b[j];
                srb -= r[j] * b[j];
            }

            dest[i] = i >= window - 1 ? stat(sr, srr, sb, sbb, srb, window) : double.NaN;
        }
    }
}
