using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests;

/// <summary>
/// Indicators TA-Lib does not define, checked against naive implementations of their cited definitions
/// (<see cref="Naive"/>) over a random series, and against a few hand-computed values.
/// </summary>
public class PublishedDefinitionTests
{
    private static readonly FixtureBars B = RandomBars.Create(1234, 1500, withInvalid: false);

    private static double[][] Run(string name, params double[] p)
    {
        var def = IndicatorRegistry.Get(name);
        if (p.Length == 0)
        {
            p = def.DefaultParameters();
        }

        var outs = def.Info.Outputs.Select(_ => new double[B.Count]).ToArray();
        def.Compute(B.Input, p, outs);
        return outs;
    }

    private static void Same(double[] expected, double[] actual, int from, string what)
    {
        for (int i = from; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            bool ok = double.IsNaN(e) ? double.IsNaN(a) : FixtureComparer.Close(e, a) || Math.Abs(e - a) <= 1e-9;
            Assert.True(ok, FormattableString.Invariant($"{what}[{i}]: expected {e:R}, got {a:R}"));
        }
    }

    private static int Lookback(string name) => IndicatorRegistry.Get(name).DefaultLookback;

    [Fact]
    public void Hma_RandomSeries_MatchesHullDefinition()
    {
        int n = 9;
        var diff = Naive.Sub(Naive.Wma(B.Close, n / 2).Select(v => 2 * v).ToArray(), Naive.Wma(B.Close, n));
        Same(Naive.Wma(diff, 3), Run("hma")[0], Lookback("hma"), "hma");
    }

    [Fact]
    public void Zlema_RandomSeries_MatchesEhlersDefinition()
    {
        int n = 20, lag = (n - 1) / 2;
        var de = B.Close.Select((v, i) => i >= lag ? v + (v - B.Close[i - lag]) : double.NaN).ToArray();
        Same(Naive.Ema(de, n), Run("zlema")[0], Lookback("zlema"), "zlema");
    }

    [Fact]
    public void Alma_RandomSeries_MatchesLegouxDefinition()
    {
        int n = 9;
        double m = 0.85 * (n - 1), s = n / 6.0;
        var w = Enumerable.Range(0, n).Select(i => Math.Exp(-((i - m) * (i - m)) / (2 * s * s))).ToArray();
        var exp = Naive.Nan(B.Count);
        for (int t = n - 1; t < B.Count; t++)
        {
            exp[t] = Enumerable.Range(0, n).Sum(i => w[i] * B.Close[t - n + 1 + i]) / w.Sum();
        }

        Same(exp, Run("alma")[0], Lookback("alma"), "alma");
    }

    [Fact]
    public void Vwma_Envelopes_Donchian_MatchDefinitions()
    {
        var vwma = Naive.Nan(B.Count);
        var up = Naive.Nan(B.Count);
        var hi = Naive.Nan(B.Count);
        var lo = Naive.Nan(B.Count);
        var sma = Naive.Sma(B.Close, 20);
        for (int t = 19; t < B.Count; t++)
        {
            double v = Enumerable.Range(t - 19, 20).Sum(j => B.Volume[j]);
            vwma[t] = v > 0 ? Enumerable.Range(t - 19, 20).Sum(j => B.Close[j] * B.Volume[j]) / v : sma[t];
            up[t] = sma[t] * 1.025;
            hi[t] = Naive.Max(B.High, t, 20);
            lo[t] = Naive.Min(B.Low, t, 20);
        }

        Same(vwma, Run("vwma")[0], 19, "vwma");
        Same(up, Run("envelopes")[0], 19, "envelopes upper");
        var d = Run("donchian");
        Same(hi, d[0], 19, "donchian upper");
        Same(lo, d[2], 19, "donchian lower");
    }

    [Fact]
    public void Vwap_SessionChange_Restarts()
    {
        var def = IndicatorRegistry.Get("vwap");
        // Two New York sessions (2024-03-08 and 2024-03-11): 14:30 UTC is 09:30 EST; after the DST change 13:30 UTC is 09:30 EDT.
        long[] t =
        [
            new DateTime(2024, 3, 8, 14, 30, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 8, 14, 35, 0, DateTimeKind.Utc).Ticks,
            new DateTime(2024, 3, 11, 13, 30, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 11, 13, 35, 0, DateTimeKind.Utc).Ticks,
        ];
        double[] h = [11, 13, 21, 23], l = [9, 11, 19, 21], c = [10, 12, 20, 22], v = [100, 300, 0, 50];
        var outs = new[] { new double[4] };
        def.Compute(new OhlcvInput(default, h, l, c, v, t), [], outs);
        Assert.Equal(10, outs[0][0], 12);
        Assert.Equal(((10 * 100) + (12 * 300)) / 400.0, outs[0][1], 12);
        Assert.Equal(20, outs[0][2], 12); // new session, no volume yet: typical price
        Assert.Equal(22, outs[0][3], 12);
    }

    [Fact]
    public void Keltner_RandomSeries_IsEmaPlusMinusTwoAtr()
    {
        var ema = Naive.Ema(B.Close, 20);
        var atr = Naive.Atr(B.High, B.Low, B.Close, 10);
        var k = Run("keltner");
        Same(ema.Select((e, i) => e + (2 * atr[i])).ToArray(), k[0], 20, "upper");
        Same(ema, k[1], 20, "middle");
        Same(ema.Select((e, i) => e - (2 * atr[i])).ToArray(), k[2], 20, "lower");
    }

    [Fact]
    public void Ichimoku_RandomSeries_MatchesHosodaLines()
    {
        var r = Run("ichimoku");
        for (int t = 77; t < B.Count; t++)
        {
            double Mid(int end, int p) => (Naive.Max(B.High, end, p) + Naive.Min(B.Low, end, p)) / 2;
            Assert.Equal(Mid(t, 9), r[0][t], 9);
            Assert.Equal(Mid(t, 26), r[1][t], 9);
            Assert.Equal((Mid(t - 26, 9) + Mid(t - 26, 26)) / 2, r[2][t], 9);
            Assert.Equal(Mid(t - 26, 52), r[3][t], 9);
            Assert.Equal(B.Close[t], r[4][t]);
        }
    }

    [Fact]
    public void Supertrend_RandomSeries_StaysOnTheCorrectSideAndFlipsOnCrosses()
    {
        var r = Run("supertrend");
        var atr = Naive.Atr(B.High, B.Low, B.Close, 10);
        int flips = 0;
        for (int t = 11; t < B.Count; t++)
        {
            double hl2 = (B.High[t] + B.Low[t]) / 2;
            if (r[1][t] > 0)
            {
                Assert.True(r[0][t] <= B.Close[t] + 1e-9, "up-trend line above the close");
                Assert.True(r[0][t] >= hl2 - (3 * atr[t]) - 1e-9, "lower band below its basic value");
            }
            else
            {
                Assert.True(r[0][t] >= B.Close[t] - 1e-9, "down-trend line below the close");
                Assert.True(r[0][t] <= hl2 + (3 * atr[t]) + 1e-9, "upper band above its basic value");
            }

            flips += r[1][t] != r[1][t - 1] ? 1 : 0;
        }

        Assert.True(flips > 5);
    }

    [Fact]
    public void VolumeIndicators_RandomSeries_MatchDefinitions()
    {
        int n = B.Count;
        var cmf = Naive.Nan(n);
        for (int t = 19; t < n; t++)
        {
            double mfv = 0, v = 0;
            for (int j = t - 19; j <= t; j++)
            {
                double range = B.High[j] - B.Low[j];
                mfv += range > 0 ? ((B.Close[j] - B.Low[j]) - (B.High[j] - B.Close[j])) / range * B.Volume[j] : 0;
                v += B.Volume[j];
            }

            cmf[t] = v > 0 ? mfv / v : 0;
        }

        Same(cmf, Run("cmf")[0], 19, "cmf");
        var force = B.Close.Select((c, i) => i > 0 ? (c - B.Close[i - 1]) * B.Volume[i] : double.NaN).ToArray();
        Same(Naive.Ema(force, 13), Run("force_index")[0], 13, "force");
        var f = Naive.Ema(B.Volume, 5);
        var s = Naive.Ema(B.Volume, 10);
        Same(f.Select((x, i) => s[i] != 0 ? 100 * (x - s[i]) / s[i] : 0).ToArray(), Run("volume_osc")[0], 9, "volume_osc");
        double nvi = 1000, pvi = 1000;
        var nv = Run("nvi")[0];
        var pv = Run("pvi")[0];
        for (int t = 1; t < n; t++)
        {
            double ch = (B.Close[t] - B.Close[t - 1]) / B.Close[t - 1];
            nvi *= B.Volume[t] < B.Volume[t - 1] ? 1 + ch : 1;
            pvi *= B.Volume[t] > B.Volume[t - 1] ? 1 + ch : 1;
            Assert.Equal(nvi, nv[t], 1e-9 * nvi);
            Assert.Equal(pvi, pv[t], 1e-9 * pvi);
        }
    }

    [Fact]
    public void VolatilityEstimators_RandomSeries_MatchPublishedFormulas()
    {
        int n = B.Count, p = 20;
        var ret = B.Close.Select((c, i) => i > 0 ? Math.Log(c / B.Close[i - 1]) : double.NaN).ToArray();
        var cc = Naive.Nan(n);
        var pk = Naive.Nan(n);
        var gk = Naive.Nan(n);
        var rs = Naive.Nan(n);
        var yz = Naive.Nan(n);
        double Rs(int j) => (Math.Log(B.High[j] / B.Close[j]) * Math.Log(B.High[j] / B.Open[j])) + (Math.Log(B.Low[j] / B.Close[j]) * Math.Log(B.Low[j] / B.Open[j]));
        double SVar(IEnumerable<double> xs)
        {
            var a = xs.ToArray();
            double m = a.Average();
            return a.Sum(v => (v - m) * (v - m)) / (a.Length - 1);
        }

        for (int t = p; t < n; t++)
        {
            var w = Enumerable.Range(t - p + 1, p).ToArray();
            cc[t] = Math.Sqrt(SVar(w.Select(j => ret[j])) * 252);
            pk[t] = Math.Sqrt(w.Average(j => Math.Pow(Math.Log(B.High[j] / B.Low[j]), 2)) / (4 * Math.Log(2)) * 252);
            gk[t] = Math.Sqrt(w.Average(j => (0.5 * Math.Pow(Math.Log(B.High[j] / B.Low[j]), 2)) - (((2 * Math.Log(2)) - 1) * Math.Pow(Math.Log(B.Close[j] / B.Open[j]), 2))) * 252);
            rs[t] = Math.Sqrt(Math.Max(0, w.Average(Rs)) * 252);
            double k = 0.34 / (1.34 + ((p + 1.0) / (p - 1.0)));
            double v = SVar(w.Select(j => Math.Log(B.Open[j] / B.Close[j - 1]))) + (k * SVar(w.Select(j => Math.Log(B.Close[j] / B.Open[j])))) + ((1 - k) * w.Average(Rs));
            yz[t] = Math.Sqrt(v * 252);
        }

        Same(cc, Run("hv_close")[0], p, "close-to-close");
        Same(pk, Run("hv_parkinson")[0], p, "parkinson");
        Same(gk, Run("hv_garman_klass")[0], p, "garman-klass");
        Same(rs, Run("hv_rogers_satchell")[0], p, "rogers-satchell");
        Same(yz, Run("hv_yang_zhang")[0], p, "yang-zhang");
    }

    [Fact]
    public void UlcerAndChaikinVolatility_RandomSeries_MatchDefinitions()
    {
        int n = B.Count;
        var ui = Naive.Nan(n);
        for (int t = 26; t < n; t++)
        {
            ui[t] = Math.Sqrt(Enumerable.Range(t - 13, 14).Average(j =>
            {
                double mx = Naive.Max(B.Close, j, 14);
                return Math.Pow(100 * (B.Close[j] - mx) / mx, 2);
            }));
        }

        Same(ui, Run("ulcer_index")[0], 26, "ulcer");
        var e = Naive.Ema(B.High.Select((h, i) => h - B.Low[i]).ToArray(), 10);
        Same(e.Select((v, i) => i >= 19 ? 100 * (v - e[i - 10]) / e[i - 10] : double.NaN).ToArray(), Run("chaikin_volatility")[0], 19, "chaikin volatility");
    }

    [Fact]
    public void RollingStatistics_RandomSeries_MatchTextbookFormulas()
    {
        int n = B.Count, p = 20;
        var z = Naive.Nan(n);
        var sk = Naive.Nan(n);
        var ku = Naive.Nan(n);
        var pr = Naive.Nan(n);
        for (int t = p - 1; t < n; t++)
        {
            var w = Enumerable.Range(t - p + 1, p).Select(j => B.Close[j]).ToArray();
            double m = w.Average();
            double m2 = w.Average(v => Math.Pow(v - m, 2)), m3 = w.Average(v => Math.Pow(v - m, 3)), m4 = w.Average(v => Math.Pow(v - m, 4));
            if (m2 < 1e-20)
            {
                z[t] = sk[t] = ku[t] = 0;
            }
            else
            {
                z[t] = (B.Close[t] - m) / Math.Sqrt(m2);
                sk[t] = m3 / Math.Pow(m2, 1.5) * Math.Sqrt(p * (p - 1.0)) / (p - 2);
                double g2 = (m4 / (m2 * m2)) - 3;
                ku[t] = (p - 1.0) / ((p - 2.0) * (p - 3.0)) * (((p + 1) * g2) + 6);
            }

            if (t >= p)
            {
                pr[t] = 100.0 * Enumerable.Range(t - p, p).Count(j => B.Close[j] <= B.Close[t]) / p;
            }
        }

        Same(z, Run("zscore")[0], p - 1, "zscore");
        Same(sk, Run("skew")[0], p - 1, "skew");
        Same(ku, Run("kurtosis")[0], p - 1, "kurtosis");
        Same(pr, Run("percent_rank")[0], p, "percent_rank");
    }

    [Fact]
    public void MomentumExtras_RandomSeries_MatchDefinitions()
    {
        int n = B.Count;
        var c = B.Close;
        var pc = c.Select((v, i) => i > 0 ? v - c[i - 1] : double.NaN).ToArray();
        var num = Naive.Ema(Naive.Ema(pc, 25), 13);
        var den = Naive.Ema(Naive.Ema(pc.Select(Math.Abs).ToArray(), 25), 13);
        var tsi = num.Select((v, i) => den[i] != 0 ? 100 * v / den[i] : double.NaN).ToArray();
        Same(tsi, Run("tsi")[0], Lookback("tsi"), "tsi");
        Same(Naive.Ema(tsi, 13), Run("tsi")[1], Lookback("tsi"), "tsi signal");

        double[] Roc(int p) => c.Select((v, i) => i >= p ? ((v / c[i - p]) - 1) * 100 : double.NaN).ToArray();
        var roc11 = Roc(11);
        var cop = Naive.Wma(Roc(14).Select((v, i) => v + roc11[i]).ToArray(), 10);
        Same(cop, Run("coppock")[0], Lookback("coppock"), "coppock");
        var (s2, s3, s4) = (Naive.Sma(Roc(15), 10), Naive.Sma(Roc(20), 10), Naive.Sma(Roc(30), 15));
        var kst = Naive.Sma(Roc(10), 10).Select((v, i) => v + (2 * s2[i]) + (3 * s3[i]) + (4 * s4[i])).ToArray();
        Same(kst, Run("kst")[0], Lookback("kst"), "kst");
        Same(Naive.Sma(kst, 9), Run("kst")[1], Lookback("kst"), "kst signal");

        var med = B.High.Select((h, i) => (h + B.Low[i]) / 2).ToArray();
        Same(Naive.Sub(Naive.Sma(med, 5), Naive.Sma(med, 34)), Run("ao")[0], 33, "ao");
        var ema13 = Naive.Ema(c, 13);
        Same(B.High.Select((h, i) => h - ema13[i]).ToArray(), Run("elder_ray")[0], 12, "bull");
        Same(B.Low.Select((l, i) => l - ema13[i]).ToArray(), Run("elder_ray")[1], 12, "bear");

        var vp = Naive.Nan(n);
        var dpo = Naive.Nan(n);
        var sma20 = Naive.Sma(c, 20);
        for (int t = 14; t < n; t++)
        {
            double tr = 0, plus = 0;
            for (int j = t - 13; j <= t; j++)
            {
                tr += Math.Max(B.High[j] - B.Low[j], Math.Max(Math.Abs(c[j - 1] - B.High[j]), Math.Abs(c[j - 1] - B.Low[j])));
                plus += Math.Abs(B.High[j] - B.Low[j - 1]);
            }

            vp[t] = tr != 0 ? plus / tr : 0;
            dpo[t] = t >= 19 ? c[t - 11] - sma20[t] : double.NaN;
        }

        Same(vp, Run("vortex")[0], 14, "vortex+");
        Same(dpo, Run("dpo")[0], 19, "dpo");

        var range = B.High.Select((h, i) => h - B.Low[i]).ToArray();
        var e1 = Naive.Ema(range, 9);
        var e2 = Naive.Ema(e1, 9);
        var ratio = e1.Select((v, i) => v / e2[i]).ToArray();
        var mass = Naive.Sma(ratio, 25).Select(v => v * 25).ToArray();
        Same(mass, Run("mass_index")[0], Lookback("mass_index"), "mass index");
    }

    [Fact]
    public void HeikinAshi_HandComputed_MatchesValcu()
    {
        var def = IndicatorRegistry.Get("heikin_ashi");
        double[] o = [10, 11], h = [12, 13], l = [9, 10], c = [11, 12];
        var outs = Enumerable.Range(0, 4).Select(_ => new double[2]).ToArray();
        def.Compute(new OhlcvInput(o, h, l, c, default), [], outs);
        Assert.Equal(10.5, outs[0][0]); // (O + C)/2
        Assert.Equal(10.5, outs[3][0]); // (O+H+L+C)/4
        Assert.Equal((10.5 + 10.5) / 2, outs[0][1]);
        Assert.Equal(11.5, outs[3][1]);
        Assert.Equal(13, outs[1][1]);
        Assert.Equal(10, outs[2][1]);
    }

    [Fact]
    public void ConnorsRsi_RandomSeries_AveragesItsThreeParts()
    {
        int n = B.Count;
        var c = B.Close;
        var rsiDef = IndicatorRegistry.Get("rsi");
        var streak = new double[n];
        for (int t = 1; t < n; t++)
        {
            streak[t] = c[t] > c[t - 1] ? Math.Max(streak[t - 1], 0) + 1 : c[t] < c[t - 1] ? Math.Min(streak[t - 1], 0) - 1 : 0;
        }

        var r3 = new[] { new double[n] };
        rsiDef.Compute(new OhlcvInput(default, default, default, c, default), [3], r3);
        var r2 = new[] { new double[n] };
        rsiDef.Compute(new OhlcvInput(default, default, default, streak, default), [2], r2);
        var crsi = Run("crsi")[0];
        for (int t = 101; t < n; t++)
        {
            double ret = (c[t] - c[t - 1]) / c[t - 1];
            double rank = 100.0 * Enumerable.Range(t - 100, 100).Count(j => ((c[j] - c[j - 1]) / c[j - 1]) < ret) / 100;
            Assert.Equal((r3[0][t] + r2[0][t] + rank) / 3, crsi[t], 9);
        }
    }
}
