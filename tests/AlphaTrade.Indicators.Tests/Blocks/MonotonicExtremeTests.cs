using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Blocks;

namespace AlphaTrade.Indicators.Tests.Blocks;

/// <summary>
/// The deque-based rolling extreme reports the brute-force window maximum/minimum, the same index as the rescanning
/// <see cref="Extreme"/> (TA-Lib's tie rule) including on heavily tied data, and the MAX/MIN/MAXINDEX/MININDEX streams
/// built on it keep the invalid-bar rule: NaN during warm-up, NaN on a non-finite bar and a fresh warm-up after it.
/// </summary>
public class MonotonicExtremeTests
{
    public static TheoryData<int, int> Windows() => new() { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 5, 4 }, { 20, 5 }, { 55, 6 }, { 200, 7 } };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Value_RandomSeries_EqualsBruteForceWindowExtreme(int size, int seed)
    {
        var rng = new Random(seed);
        var x = new double[5000];
        double level = 100;
        for (int i = 0; i < x.Length; i++)
        {
            level += rng.NextDouble() - 0.5;
            x[i] = level;
        }

        var max = new MonotonicExtreme(size, true);
        var min = new MonotonicExtreme(size, false);
        for (int i = 0; i < x.Length; i++)
        {
            max.Update(x[i]);
            min.Update(x[i]);
            Assert.Equal(i >= size - 1, max.IsFull);
            if (i < size - 1)
            {
                Assert.True(double.IsNaN(max.Value) && double.IsNaN(min.Value));
                continue;
            }

            var window = x.AsSpan(i - size + 1, size);
            Assert.Equal(BruteMax(window), max.Value);
            Assert.Equal(BruteMin(window), min.Value);
            Assert.Equal(max.Value, x[max.Index]);
            Assert.Equal(min.Value, x[min.Index]);
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void ValueAndIndex_TiedSeries_MatchRescanningExtreme(int size, int seed)
    {
        // Few distinct levels, ±0 included: many ties, so the index tie rule is exercised on every kind of step.
        var rng = new Random(seed);
        var fast = new[] { new MonotonicExtreme(size, true), new MonotonicExtreme(size, false) };
        var reference = new[] { new Extreme(size, true, false), new Extreme(size, false, false) };
        for (int i = 0; i < 5000; i++)
        {
            double v = rng.Next(0, 6) switch { 0 => -0.0, 1 => 0.0, int k => k };
            if (i == 2500)
            {
                fast[0].Reset();
                fast[1].Reset();
                reference[0].Reset();
                reference[1].Reset();
            }

            for (int k = 0; k < 2; k++)
            {
                fast[k].Update(v);
                reference[k].Update(v);
                Assert.Equal(reference[k].IsFull, fast[k].IsFull);
                if (reference[k].IsFull)
                {
                    Assert.Equal(reference[k].Index, fast[k].Index);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(reference[k].Value), BitConverter.DoubleToInt64Bits(fast[k].Value));
                }
            }
        }
    }

    [Theory]
    [InlineData("max", 55)]
    [InlineData("min", 20)]
    [InlineData("max", 2)]
    public void Stream_SeriesWithInvalidBars_EqualsBruteForceSinceLastInvalidBar(string name, int period)
    {
        var rng = new Random(period);
        var stream = IndicatorRegistry.Get(name).CreateStream([period]);
        var segment = new List<double>();
        double level = 50;
        for (int i = 0; i < 6000; i++)
        {
            level += rng.NextDouble() - 0.5;
            double x = rng.Next(400) == 0 ? double.NaN : level;
            stream.Update(new Bar(i, x, x, x, x, 1));
            if (double.IsNaN(x))
            {
                segment.Clear();
                Assert.True(double.IsNaN(stream[0]));
                Assert.False(stream.IsReady);
                continue;
            }

            segment.Add(x);
            if (segment.Count < period)
            {
                Assert.True(double.IsNaN(stream[0]));
                continue;
            }

            var window = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(segment)[^period..];
            Assert.Equal(name == "max" ? BruteMax(window) : BruteMin(window), stream[0]);
        }
    }

    private static double BruteMax(ReadOnlySpan<double> w)
    {
        double m = double.NegativeInfinity;
        foreach (double v in w)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    private static double BruteMin(ReadOnlySpan<double> w)
    {
        double m = double.PositiveInfinity;
        foreach (double v in w)
        {
            m = Math.Min(m, v);
        }

        return m;
    }
}
