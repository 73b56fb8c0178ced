using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests.Cycle;

public class HilbertTests
{
    [Fact]
    public void Rad2Deg_BothTaLibSpellings_AreTheSameDouble()
    {
        // TA-Lib writes 180/(4·atan 1) in some functions and 45/atan 1 in others; the library uses one constant.
        Assert.Equal(180.0 / (4.0 * Math.Atan(1)), 45.0 / Math.Atan(1));
    }

    [Fact]
    public void DcPeriod_PureSine_FindsItsPeriod()
    {
        // A 20-bar sine wave: the dominant cycle period settles near 20.
        var close = Enumerable.Range(0, 400).Select(i => 100 + (5 * Math.Sin(2 * Math.PI * i / 20.0))).ToArray();
        var outs = new[] { new double[close.Length] };
        IndicatorRegistry.Get("ht_dcperiod").Compute(new OhlcvInput(default, default, default, close, default), [], outs);
        Assert.InRange(outs[0][^1], 18, 22);
        Assert.All(outs[0].Take(32), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void TrendMode_SteadyTrend_IsOne()
    {
        var close = Enumerable.Range(0, 300).Select(i => 100 * Math.Pow(1.01, i)).ToArray();
        var outs = new[] { new double[close.Length] };
        IndicatorRegistry.Get("ht_trendmode").Compute(new OhlcvInput(default, default, default, close, default), [], outs);
        Assert.All(outs[0].Skip(100), v => Assert.Equal(1, v));
    }

    [Fact]
    public void Mama_ConstantPrice_EqualsThePrice()
    {
        var close = Enumerable.Repeat(42.0, 500).ToArray();
        var outs = new[] { new double[500], new double[500] };
        IndicatorRegistry.Get("mama").Compute(new OhlcvInput(default, default, default, close, default), [0.5, 0.05], outs);
        Assert.Equal(42.0, outs[0][^1], 9);
        Assert.Equal(42.0, outs[1][^1], 9);
    }

    [Fact]
    public void Ma_TypeMama_IsMamasFirstOutput()
    {
        var bars = RandomBars.Create(5, 1000, withInvalid: false);
        var mama = new[] { new double[1000], new double[1000] };
        IndicatorRegistry.Get("mama").Compute(bars.Input, [0.5, 0.05], mama);
        var ma = new[] { new double[1000] };
        var def = IndicatorRegistry.FindTaLib("MA")!;
        var p = def.DefaultParameters();
        p[0] = 10;
        p[1] = 7;
        def.Compute(bars.Input, p, ma);
        Assert.Equal(mama[0], ma[0]);
    }

    [Theory]
    [InlineData("ht_dcperiod")]
    [InlineData("ht_dcphase")]
    [InlineData("ht_phasor")]
    [InlineData("ht_sine")]
    [InlineData("ht_trendline")]
    [InlineData("ht_trendmode")]
    [InlineData("mama")]
    public void Stream_AfterInvalidBar_RestartsLikeAFreshSeries(string name)
    {
        // Bars after an invalid one are computed as if the series began there: same as a fresh run on the tail.
        var def = IndicatorRegistry.Get(name);
        var bars = RandomBars.Create(21, 600, withInvalid: false);
        var stream = def.CreateStream(def.DefaultParameters());
        var fresh = def.CreateStream(def.DefaultParameters());
        for (int i = 0; i < 600; i++)
        {
            double close = i == 250 ? double.NaN : bars.Close[i];
            var bar = new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], close, bars.Volume[i]);
            stream.Update(bar);
            if (i > 250)
            {
                fresh.Update(bar);
                for (int k = 0; k < stream.OutputCount; k++)
                {
                    Assert.Equal(fresh[k], stream[k]);
                }
            }
        }
    }
}
