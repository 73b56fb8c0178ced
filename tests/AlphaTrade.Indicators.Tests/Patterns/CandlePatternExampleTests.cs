namespace AlphaTrade.Indicators.Tests.Patterns;

/// <summary>Textbook patterns built by hand, with the signal TA-Lib gives them.</summary>
public class CandlePatternExampleTests
{
    [Fact]
    public void Engulfing_TextbookBullish_Returns100()
    {
        // A black candle, then a white one opening below its close and closing above its open.
        var c = Candles.Quiet().Add(101, 101.2, 99.8, 100).Add(99.5, 101.8, 99.3, 101.5);
        Assert.Equal(100, c.Last("cdl_engulfing"));
    }

    [Fact]
    public void Engulfing_TextbookBearish_ReturnsMinus100()
    {
        var c = Candles.Quiet().Add(100, 101.2, 99.8, 101).Add(101.5, 101.7, 99.3, 99.5);
        Assert.Equal(-100, c.Last("cdl_engulfing"));
    }

    [Fact]
    public void Engulfing_BodiesShareAnEnd_Returns80()
    {
        // TA-Lib grades an engulfing whose open equals the prior close as 80 (Morris).
        var c = Candles.Quiet().Add(101, 101.2, 99.8, 100).Add(100, 101.8, 99.8, 101.5);
        Assert.Equal(80, c.Last("cdl_engulfing"));
    }

    [Fact]
    public void Engulfing_SameColour_Returns0()
    {
        var c = Candles.Quiet().Add(100, 101.2, 99.8, 101).Add(99.5, 101.8, 99.3, 101.5);
        Assert.Equal(0, c.Last("cdl_engulfing"));
    }

    [Fact]
    public void Doji_OpenEqualsClose_Returns100()
    {
        // Body 0 ≤ 10% of the average high-low range (2).
        var c = Candles.Quiet().Add(100.5, 101.5, 99.5, 100.5);
        Assert.Equal(100, c.Last("cdl_doji"));
    }

    [Fact]
    public void Doji_BodyJustBelowThreshold_Returns100AndAboveReturns0()
    {
        Assert.Equal(100, Candles.Quiet().Add(100.5, 101.5, 99.5, 100.69).Last("cdl_doji"));
        Assert.Equal(0, Candles.Quiet().Add(100.5, 101.5, 99.5, 100.75).Last("cdl_doji"));
    }

    [Fact]
    public void Hammer_SmallBodyLongLowerShadowAtPriorLow_Returns100()
    {
        // Body 0.3 (< average 1), lower shadow 1.2 (> body), upper shadow 0.05 (< 10% of range 2), body bottom at
        // the prior candle's low (within "near" = 20% of the average range).
        var c = Candles.Quiet().Add(99.0, 99.35, 97.8, 99.3);
        Assert.Equal(100, c.Last("cdl_hammer"));
        Assert.Equal(0, c.Last("cdl_hangingman"));
    }

    [Fact]
    public void HangingMan_HammerShapeAtPriorHigh_ReturnsMinus100()
    {
        var c = Candles.Quiet().Add(101.4, 101.75, 100.2, 101.7);
        Assert.Equal(-100, c.Last("cdl_hangingman"));
        Assert.Equal(0, c.Last("cdl_hammer"));
    }

    [Fact]
    public void ShootingStar_GapUpLongUpperShadow_ReturnsMinus100()
    {
        var c = Candles.Quiet().Add(102, 103.5, 101.98, 102.3);
        Assert.Equal(-100, c.Last("cdl_shootingstar"));
    }

    [Fact]
    public void MorningStar_LongBlackStarLongWhite_Returns100AndDependsOnPenetration()
    {
        // Long black (body 3), a small star gapping below it, a long white closing 2/3 into the black body.
        var c = Candles.Quiet().Add(103, 103.2, 99.8, 100).Add(99.5, 99.8, 99.0, 99.4).Add(99.6, 102.2, 99.5, 102);
        Assert.Equal(100, c.Last("cdl_morningstar"));
        Assert.Equal(100, c.Last("cdl_morningstar", 0.5));
        Assert.Equal(0, c.Last("cdl_morningstar", 0.8)); // must close beyond 80% of the black body: 102.4
    }

    [Fact]
    public void Hikkake_InsideBarFalseBreakoutThenClose_Returns100Then200()
    {
        var c = Candles.Quiet(6)
            .Add(100, 105, 95, 101)     // mother bar
            .Add(101, 104, 96, 100)     // inside bar
            .Add(99, 103, 94, 97)       // false breakout down: lower high and lower low → bullish setup
            .Add(97, 104.8, 96, 104.5); // close above the inside bar's high within three bars: confirmed
        var v = c.Run("cdl_hikkake");
        Assert.Equal(100, v[^2]);
        Assert.Equal(200, v[^1]);
    }

    [Fact]
    public void Hikkake_ConfirmationLaterThanThreeBars_IsIgnored()
    {
        var c = Candles.Quiet(6)
            .Add(100, 105, 95, 101).Add(101, 104, 96, 100).Add(99, 103, 94, 97)
            .Add(97, 98, 93.5, 97.5).Add(97, 98, 93.6, 97.5).Add(97, 98, 93.7, 97.5) // three quiet bars
            .Add(97, 104.8, 96, 104.5);
        Assert.Equal(0, c.Last("cdl_hikkake"));
    }

    [Fact]
    public void Patterns_DuringLookback_AreNaN()
    {
        var c = Candles.Quiet();
        var v = c.Run("cdl_hammer");
        Assert.All(v.Take(11), x => Assert.True(double.IsNaN(x)));
        Assert.Equal(0, v[11]);
    }

    [Fact]
    public void Patterns_InvalidBar_RestartsTheWarmUp()
    {
        var c = Candles.Quiet(30);
        var input = c.Input;
        var open = input.Open.ToArray();
        open[15] = double.NaN;
        var def = IndicatorRegistry.Get("cdl_hammer");
        var outs = new[] { new double[30] };
        def.Compute(new OhlcvInput(open, input.High, input.Low, input.Close, default), [], outs);
        Assert.All(outs[0].Skip(15).Take(12), x => Assert.True(double.IsNaN(x))); // the bad bar, then 11 to warm up
        Assert.Equal(0, outs[0][27]);
    }

    [Fact]
    public void Penetration_Negative_IsRejected()
    {
        var def = IndicatorRegistry.Get("cdl_morningstar");
        Assert.Throws<ArgumentException>(() => def.CreateStream([-0.1]));
    }
}
