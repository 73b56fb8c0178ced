using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Tests.Sample;

/// <summary>Small statistics for the sample market tests.</summary>
internal static class SampleStats
{
    /// <summary>Index of each session's first bar in a clean 15-minute series, plus the total at the end.</summary>
    public static int[] DayStarts(TradingSession[] sessions)
    {
        var starts = new int[sessions.Length + 1];
        for (int d = 0; d < sessions.Length; d++)
        {
            starts[d + 1] = starts[d] + (sessions[d].IsEarlyClose ? 14 : 26);
        }

        return starts;
    }

    /// <summary>Close of each session (last bar).</summary>
    public static double[] DailyCloses(BarSeries s, int[] dayStarts)
    {
        var c = new double[dayStarts.Length - 1];
        for (int d = 0; d < c.Length; d++)
        {
            c[d] = s.Close[dayStarts[d + 1] - 1];
        }

        return c;
    }

    /// <summary>Close-to-close daily log returns (one fewer than days).</summary>
    public static double[] DailyReturns(BarSeries s, int[] dayStarts) => LogReturns(DailyCloses(s, dayStarts));

    public static double[] LogReturns(IReadOnlyList<double> prices)
    {
        var r = new double[prices.Count - 1];
        for (int i = 1; i < prices.Count; i++)
        {
            r[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        }

        return r;
    }

    public static double Mean(IReadOnlyList<double> x) => x.Average();

    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = Mean(a), mb = Mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    public static double Autocorrelation(IReadOnlyList<double> x, int lag)
    {
        double m = Mean(x), num = 0, den = 0;
        for (int i = 0; i < x.Count; i++)
        {
            den += (x[i] - m) * (x[i] - m);
            if (i >= lag)
            {
                num += (x[i] - m) * (x[i - lag] - m);
            }
        }

        return num / den;
    }

    /// <summary>Ljung-Box Q statistic over lags 1..<paramref name="lags"/>.</summary>
    public static double LjungBox(IReadOnlyList<double> x, int lags)
    {
        int n = x.Count;
        double q = 0;
        for (int k = 1; k <= lags; k++)
        {
            double r = Autocorrelation(x, k);
            q += r * r / (n - k);
        }

        return n * (n + 2) * q;
    }

    /// <summary>Sample kurtosis (normal = 3).</summary>
    public static double Kurtosis(IReadOnlyList<double> x)
    {
        double m = Mean(x), m2 = 0, m4 = 0;
        foreach (var v in x)
        {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }

        m2 /= x.Count;
        m4 /= x.Count;
        return m4 / (m2 * m2);
    }

    public static double StdDev(IReadOnlyList<double> x)
    {
        double m = Mean(x);
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
    }

    /// <summary>OLS AR(1) with intercept: φ in x_t = c + φ·x_{t−1} + e.</summary>
    public static double Ar1(IReadOnlyList<double> x)
    {
        int n = x.Count - 1;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += x[i + 1];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (x[i + 1] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxy / sxx;
    }

    /// <summary>Half-life in steps implied by an AR(1) coefficient; +∞ when φ ≥ 1 or φ ≤ 0.</summary>
    public static double HalfLife(double phi) => phi is <= 0 or >= 1 ? double.PositiveInfinity : -Math.Log(2) / Math.Log(phi);
}
