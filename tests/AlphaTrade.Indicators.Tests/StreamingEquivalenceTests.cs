using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests;

/// <summary>
/// Batch and streaming forms of every registered indicator give identical results, bit for bit, over long random
/// series with random walks, flat stretches, gaps and invalid bars.
/// </summary>
public class StreamingEquivalenceTests
{
    /// <summary>Indicators allowed 1e-12 relative difference (none: every form shares one core or a bit-identical kernel).</summary>
    private static readonly HashSet<string> Reassociated = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(RegisteredIndicators.Names), MemberType = typeof(RegisteredIndicators))]
    public void Stream_RandomSeries_EqualsBatch(string name)
    {
        var def = IndicatorRegistry.Get(name);
        foreach (var p in ParameterSets(def))
        {
            for (int seed = 1; seed <= 2; seed++)
            {
                var bars = RandomBars.Create((seed * 7919) + name.Length, 4000, withInvalid: seed == 2);
                AssertSame(def, p, bars);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RegisteredIndicators.Names), MemberType = typeof(RegisteredIndicators))]
    public void Stream_ResetThenReplay_EqualsBatch(string name)
    {
        var def = IndicatorRegistry.Get(name);
        var p = def.DefaultParameters();
        var bars = RandomBars.Create(99, 600, withInvalid: false);
        var stream = def.CreateStream(p);
        for (int i = 0; i < 300; i++)
        {
            stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]), bars.Periods[i]);
        }

        stream.Reset();
        Assert.Equal(0, stream.BarsSeen);
        Assert.False(stream.IsReady);
        AssertSame(def, p, bars, stream);
    }

    /// <summary>Defaults, and a second set with every integer parameter near its minimum (short windows stress edge cases).</summary>
    private static IEnumerable<double[]> ParameterSets(IndicatorDefinition def)
    {
        yield return def.DefaultParameters();
        var alt = def.DefaultParameters();
        bool changed = false;
        for (int i = 0; i < alt.Length; i++)
        {
            var s = def.Info.Parameters[i];
            if (s.IsInteger && !s.IsChoice && s.Max > s.Min)
            {
                double v = Math.Max(s.Min, Math.Floor(s.Default / 2));
                changed |= v != alt[i];
                alt[i] = v;
            }
        }

        if (changed)
        {
            yield return alt;
        }
    }

    private static void AssertSame(IndicatorDefinition def, double[] p, FixtureBars bars, IIndicatorStream? stream = null)
    {
        int n = bars.Count;
        var outs = Enumerable.Range(0, def.Info.Outputs.Count).Select(_ => new double[n]).ToArray();
        def.Compute(bars.Input, p, outs);
        stream ??= def.CreateStream(p);
        bool loose = Reassociated.Contains(def.Info.Name);
        for (int i = 0; i < n; i++)
        {
            stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]), bars.Periods[i]);
            for (int k = 0; k < outs.Length; k++)
            {
                double b = outs[k][i], s = stream[k];
                bool same = b.Equals(s) || (loose && Math.Abs(b - s) <= 1e-12 * Math.Max(Math.Abs(b), Math.Abs(s)));
                if (!same)
                {
                    Assert.Fail(FormattableString.Invariant($"{def.Info.Name}({string.Join(",", p)}) output {def.Info.Outputs[k]} bar {i}: batch {b:R}, stream {s:R}"));
                }
            }

            if (!stream.IsReady)
            {
                Assert.True(double.IsNaN(stream[0]), def.Info.Name + " reports a value before it is ready");
            }
        }
    }
}
