namespace AlphaTrade.Indicators.Tests.Harness;

/// <summary>
/// Deliberately naive reference formulas (whole-array, recomputed per bar, NaN for undefined), written straight
/// from the published definitions cited by each indicator, to check the streaming implementations independently.
/// </summary>
public static class Naive
{
    public static double[] Nan(int n) => Enumerable.Repeat(double.NaN, n).ToArray();

    public static double[] Sma(double[] x, int p)
    {
        var r = Nan(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (i >= p - 1 && Enumerable.Range(i - p + 1, p).All(j => !double.IsNaN(x[j])))
            {
                r[i] = Enumerable.Range(i - p + 1, p).Sum(j => x[j]) / p;
            }
        }

        return r;
    }

    /// <summary>EMA seeded with the SMA of the first p defined values.</summary>
    public static double[] Ema(double[] x, int p)
    {
        var r = Nan(x.Length);
        int first = Array.FindIndex(x, v => !double.IsNaN(v));
        if (first < 0 || first + p > x.Length)
        {
            return r;
        }

        double k = 2.0 / (p + 1);
        double e = 0;
        for (int j = first; j < first + p; j++)
        {
            e += x[j];
        }

        e /= p;
        r[first + p - 1] = e;
        for (int i = first + p; i < x.Length; i++)
        {
            e = ((x[i] - e) * k) + e;
            r[i] = e;
        }

        return r;
    }

    public static double[] Wma(double[] x, int p)
    {
        var r = Nan(x.Length);
        double den = p * (p + 1) / 2.0;
        for (int i = p - 1; i < x.Length; i++)
        {
            double s = 0;
            bool ok = true;
            for (int k = 0; k < p; k++)
            {
                ok &= !double.IsNaN(x[i - k]);
                s += (p - k) * x[i - k];
            }

            r[i] = ok ? s / den : double.NaN;
        }

        return r;
    }

    public static double Max(double[] x, int end, int p) => Enumerable.Range(end - p + 1, p).Max(j => x[j]);

    public static double Min(double[] x, int end, int p) => Enumerable.Range(end - p + 1, p).Min(j => x[j]);

    /// <summary>TA-Lib-style ATR (SMA seed over TR[1..p], then Wilder).</summary>
    public static double[] Atr(double[] h, double[] l, double[] c, int p)
    {
        int n = c.Length;
        var tr = Nan(n);
        for (int i = 1; i < n; i++)
        {
            tr[i] = Math.Max(h[i] - l[i], Math.Max(Math.Abs(c[i - 1] - h[i]), Math.Abs(c[i - 1] - l[i])));
        }

        var r = Nan(n);
        if (n <= p)
        {
            return r;
        }

        double a = Enumerable.Range(1, p).Sum(j => tr[j]) / p;
        r[p] = a;
        for (int i = p + 1; i < n; i++)
        {
            a = ((a * (p - 1)) + tr[i]) / p;
            r[i] = a;
        }

        return r;
    }

    public static double[] Sub(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();
}
