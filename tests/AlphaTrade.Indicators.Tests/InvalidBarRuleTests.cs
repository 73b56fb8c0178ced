using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Overlap;

namespace AlphaTrade.Indicators.Tests;

/// <summary>The one invalid-bar rule: a non-finite input makes that bar NaN and restarts the warm-up after it.</summary>
public class InvalidBarRuleTests
{
    [Fact]
    public void Sma_NaNInput_RestartsWarmUpAfterTheBar()
    {
        double[] x = [1, 2, 3, 4, double.NaN, 10, 20, 30, 40];
        var dst = new double[x.Length];
        Sma.Compute(x, 3, dst);
        Assert.True(double.IsNaN(dst[0]) && double.IsNaN(dst[1]));
        Assert.Equal(2, dst[2]);
        Assert.Equal(3, dst[3]);
        Assert.True(double.IsNaN(dst[4]));
        Assert.True(double.IsNaN(dst[5]) && double.IsNaN(dst[6]));
        Assert.Equal(20, dst[7]);
        Assert.Equal(30, dst[8]);
    }

    [Fact]
    public void Ema_InfiniteInput_ReseedsAsIfTheSeriesStartedAfterIt()
    {
        double[] x = [5, 6, 7, double.PositiveInfinity, 1, 2, 3, 4];
        var dst = new double[x.Length];
        Ema.Compute(x, 2, dst);
        var fresh = new double[4];
        Ema.Compute(x.AsSpan(4), 2, fresh);
        Assert.True(double.IsNaN(dst[3]));
        Assert.Equal(fresh, dst[4..]);
    }

    [Fact]
    public void Stream_NaNBar_ReportsNaNAndIsNotReady()
    {
        var s = IndicatorRegistry.Get("atr").CreateStream([2]);
        for (int i = 0; i < 5; i++)
        {
            s.Update(new Bar(i, 10, 11, 9, 10 + (i % 2), 100));
        }

        Assert.True(s.IsReady);
        s.Update(new Bar(5, 10, double.NaN, 9, 10, 100));
        Assert.False(s.IsReady);
        Assert.True(double.IsNaN(s[0]));
        s.Update(new Bar(6, 10, 11, 9, 10, 100));
        s.Update(new Bar(7, 10, 11, 9, 10, 100));
        Assert.False(s.IsReady);
        s.Update(new Bar(8, 10, 11, 9, 10, 100));
        Assert.True(s.IsReady);
        Assert.Equal(2, s[0]);
    }

    [Fact]
    public void Compute_NaNInUnreadColumn_IsIgnored()
    {
        double[] close = [1, 2, 3, 4, 5];
        double[] volume = [1, double.NaN, 1, 1, 1];
        var outs = new[] { new double[5] };
        IndicatorRegistry.Get("sma").Compute(new OhlcvInput(default, default, default, close, volume), [2], outs);
        Assert.Equal([double.NaN, 1.5, 2.5, 3.5, 4.5], outs[0]);
    }
}
