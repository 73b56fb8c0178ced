using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Regimes;

namespace AlphaTrade.Features.Tests;

/// <summary>
/// The point-in-time proof: for sampled times t, recompute the whole matrix with every bar after t (and every
/// external release after t's bar end) removed, then with them replaced by random data, and require every feature of
/// every symbol at t to be bit-identical to the full computation. A feature that peeks at the future fails here.
/// </summary>
public class PointInTimeTests
{
    private static readonly Lazy<(FeaturePlan Plan, FeatureUniverse Universe, FeatureMatrix Full, long[] Timeline)> Full = new(() =>
    {
        var plan = FeaturePlan.Compile(TestMarkets.DefaultSet(), TestMarkets.SmallAlt);
        var u = TestMarkets.Universe(TestMarkets.Small);
        var m = new FeatureBuilder(plan, NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = FeaturePrecision.Float64, Labels = false });
        return (plan, u, m, FeatureBuilder.MergedTimeline(u));
    });

    public static TheoryData<double> Samples()
    {
        // Spread over the sample, including the regime model's first fit (session 120 of ~168) and beyond.
        var data = new TheoryData<double>();
        foreach (double f in new[] { 0.02, 0.11, 0.23, 0.38, 0.52, 0.66, 0.71, 0.74, 0.79, 0.86, 0.93, 0.999 })
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryFeatureAtT_IsUnchanged_WhenLaterDataIsRemoved(double fraction)
    {
        var (plan, u, full, timeline) = Full.Value;
        long t = timeline[(int)(fraction * (timeline.Length - 1))];
        var cut = u.Truncate(t);
        var alt = plan.Alt.KnownAt(DecisionTime(t, u));
        var m = new FeatureBuilder(FeaturePlan.Compile(plan.Definition, alt), NyseCalendar.Instance)
            .Build(cut, new FeatureBuildOptions { Precision = FeaturePrecision.Float64, Labels = false });
        AssertSameRowAt(t, full, m);
        if (fraction >= 0.79)
        {
            // Late samples are past the regime model's first fit: its features are defined there and still unchanged.
            var f0 = full.Frames[0];
            Assert.True(double.IsFinite(f0[full.ColumnIndex("regime_p_bull"), Array.IndexOf(f0.Time, t)]));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryFeatureAtT_IsUnchanged_WhenLaterDataIsScrambled(double fraction)
    {
        var (plan, u, full, timeline) = Full.Value;
        long t = timeline[(int)(fraction * (timeline.Length - 1))];
        var rng = new SplitMix((ulong)(fraction * 1e6) + 17);
        var sectors = u.Series.Select((s, i) => (s.Symbol, u.Sectors[i])).ToDictionary(x => x.Symbol, x => x.Item2, StringComparer.Ordinal);
        var scrambled = new FeatureUniverse(u.Series.Select(s => Scramble(s, t, rng)).ToArray(), sectors, Scramble(u.Benchmark!, t, rng));
        long dt = DecisionTime(t, u);
        var alt = new AltDataSet(plan.Alt.Series.Select(s => new AltSeries(s.Dataset, s.Column, s.Symbol, s.ReleaseTicks,
            s.Values.Select((v, i) => s.ReleaseTicks[i] <= dt ? v : v * 3 + rng.Normal()).ToArray(), s.IsSynthetic)), "scrambled");
        var m = new FeatureBuilder(FeaturePlan.Compile(plan.Definition, alt), NyseCalendar.Instance)
            .Build(scrambled, new FeatureBuildOptions { Precision = FeaturePrecision.Float64, Labels = false });
        AssertSameRowAt(t, full, m);
    }

    [Fact]
    public void ScrambledFuture_DoesChangeLaterRows_SoTheTestCanFail()
    {
        var (plan, u, full, timeline) = Full.Value;
        long t = timeline[timeline.Length / 2];
        var rng = new SplitMix(99);
        var sectors = u.Series.Select((s, i) => (s.Symbol, u.Sectors[i])).ToDictionary(x => x.Symbol, x => x.Item2, StringComparer.Ordinal);
        var scrambled = new FeatureUniverse(u.Series.Select(s => Scramble(s, t, rng)).ToArray(), sectors, Scramble(u.Benchmark!, t, rng));
        var m = new FeatureBuilder(plan, NyseCalendar.Instance).Build(scrambled, new FeatureBuildOptions { Precision = FeaturePrecision.Float64, Labels = false });
        var f = full.Frames[0];
        int row = Array.IndexOf(f.Time, timeline[(timeline.Length / 2) + 40]);
        int changed = Enumerable.Range(0, full.Features.Count).Count(c => !Same(f[c, row], m.Frames[0][c, row]));
        Assert.True(changed > full.Features.Count / 2, $"only {changed} features changed 40 steps after the scrambled point");
    }

    private static long DecisionTime(long t, FeatureUniverse u)
    {
        var session = NyseCalendar.Instance.SessionAt(t);
        long end = t + u.TimeFrame.Duration.Ticks;
        return session is { } s ? Math.Min(end, s.CloseUtc.Ticks) : end;
    }

    private static BarSeries Scramble(BarSeries s, long t, SplitMix rng)
    {
        var r = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
        double price = 0;
        for (int i = 0; i < s.Count; i++)
        {
            var b = s[i];
            if (b.TimeUtcTicks <= t)
            {
                r.Add(b);
                price = b.Close;
                continue;
            }

            double open = price * Math.Exp(0.01 * rng.Normal());
            double close = open * Math.Exp(0.02 * rng.Normal());
            double high = Math.Max(open, close) * (1 + (0.01 * rng.NextDouble()));
            double low = Math.Min(open, close) * (1 - (0.01 * rng.NextDouble()));
            r.Add(b.TimeUtcTicks, open, high, low, close, Math.Round(b.Volume * (0.2 + (3 * rng.NextDouble()))));
            price = close;
        }

        return r;
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    private static void AssertSameRowAt(long t, FeatureMatrix full, FeatureMatrix partial)
    {
        int checkedRows = 0, finite = 0;
        for (int s = 0; s < full.Frames.Count; s++)
        {
            var f = full.Frames[s];
            int row = Array.IndexOf(f.Time, t);
            if (row < 0)
            {
                continue;
            }

            var p = partial.Frames[s];
            int prow = Array.IndexOf(p.Time, t);
            Assert.Equal(row, prow);
            for (int c = 0; c < full.Features.Count; c++)
            {
                double a = f[c, row], b = p[c, prow];
                if (!Same(a, b))
                {
                    Assert.Fail($"{f.Symbol} at {new DateTime(t, DateTimeKind.Utc):u}: {full.Features[c].Name} is {a:R} with all data but {b:R} without the future");
                }

                finite += double.IsFinite(a) ? 1 : 0;
            }

            checkedRows++;
        }

        Assert.True(checkedRows > 0);
        Assert.True(finite > 0);
    }
}
