using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Patterns;
using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests.Patterns;

public class CandleSettingsTests
{
    [Theory]
    [InlineData(CandleSettingType.BodyLong, CandleRangeType.RealBody, 10, 1.0)]
    [InlineData(CandleSettingType.BodyVeryLong, CandleRangeType.RealBody, 10, 3.0)]
    [InlineData(CandleSettingType.BodyShort, CandleRangeType.RealBody, 10, 1.0)]
    [InlineData(CandleSettingType.BodyDoji, CandleRangeType.HighLow, 10, 0.1)]
    [InlineData(CandleSettingType.ShadowLong, CandleRangeType.RealBody, 0, 1.0)]
    [InlineData(CandleSettingType.ShadowVeryLong, CandleRangeType.RealBody, 0, 2.0)]
    [InlineData(CandleSettingType.ShadowShort, CandleRangeType.Shadows, 10, 1.0)]
    [InlineData(CandleSettingType.ShadowVeryShort, CandleRangeType.HighLow, 10, 0.1)]
    [InlineData(CandleSettingType.Near, CandleRangeType.HighLow, 5, 0.2)]
    [InlineData(CandleSettingType.Far, CandleRangeType.HighLow, 5, 0.6)]
    [InlineData(CandleSettingType.Equal, CandleRangeType.HighLow, 5, 0.05)]
    public void Default_Setting_IsTaLibs(CandleSettingType type, CandleRangeType range, int period, double factor)
    {
        Assert.Equal(new CandleSetting(range, period, factor), CandleSettings.Default[type]);
    }

    [Fact]
    public void With_OneSetting_ReplacesOnlyThatOne()
    {
        var custom = CandleSettings.Default.With(CandleSettingType.Near, new CandleSetting(CandleRangeType.RealBody, 3, 0.5));
        Assert.Equal(new CandleSetting(CandleRangeType.RealBody, 3, 0.5), custom[CandleSettingType.Near]);
        Assert.Equal(CandleSettings.Default[CandleSettingType.Far], custom[CandleSettingType.Far]);
        Assert.Equal(new CandleSetting(CandleRangeType.HighLow, 5, 0.2), CandleSettings.Default[CandleSettingType.Near]);
    }

    [Theory]
    [InlineData(-1, 1.0)]
    [InlineData(5, -0.1)]
    [InlineData(5, double.NaN)]
    public void With_InvalidSetting_Throws(int period, double factor)
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            CandleSettings.Default.With(CandleSettingType.Near, new CandleSetting(CandleRangeType.HighLow, period, factor)));
    }

    [Fact]
    public void Create_DojiFactorZero_OnlyExactDojisFire()
    {
        var strict = CandleSettings.Default.With(CandleSettingType.BodyDoji, new CandleSetting(CandleRangeType.HighLow, 10, 0));
        var doji = CandlePatterns.Create(strict).Single(d => d.Info.Name == "cdl_doji");
        var c = Candles.Quiet().Add(100.5, 101.5, 99.5, 100.5).Add(100.5, 101.5, 99.5, 100.51);
        var outs = new[] { new double[c.Count] };
        doji.Compute(c.Input, [], outs);
        Assert.Equal(100, outs[0][^2]);
        Assert.Equal(0, outs[0][^1]);
        Assert.Equal(100, c.Last("cdl_doji")); // TA-Lib's default threshold still calls 0.01 a doji
    }

    [Fact]
    public void Create_LongerAverages_LengthenLookbackAndStreamStillEqualsBatch()
    {
        var slow = CandleSettings.Default
            .With(CandleSettingType.BodyLong, new CandleSetting(CandleRangeType.RealBody, 40, 1.0))
            .With(CandleSettingType.BodyShort, new CandleSetting(CandleRangeType.RealBody, 25, 1.0));
        var defs = CandlePatterns.Create(slow);
        Assert.Equal(61, defs.Count);
        var star = defs.Single(d => d.Info.Name == "cdl_morningstar");
        Assert.Equal(42, star.DefaultLookback);

        var bars = RandomBars.Create(7, 3000, withInvalid: true);
        foreach (var def in defs)
        {
            var p = def.DefaultParameters();
            var outs = new[] { new double[bars.Count] };
            def.Compute(bars.Input, p, outs);
            var stream = def.CreateStream(p);
            for (int i = 0; i < bars.Count; i++)
            {
                stream.Update(new Bar(bars.Time[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
                Assert.True(outs[0][i].Equals(stream[0]), FormattableString.Invariant($"{def.Info.Name} bar {i}"));
            }
        }
    }

    [Fact]
    public void Create_RandomSettings_EveryPatternBuildsAndRuns()
    {
        // Any table of settings gives lookbacks that cover every averaging window (as TA-Lib's formulas do).
        var r = new Random(11);
        var bars = RandomBars.Create(3, 400, withInvalid: false);
        for (int round = 0; round < 20; round++)
        {
            var s = CandleSettings.Default;
            foreach (CandleSettingType type in Enum.GetValues<CandleSettingType>())
            {
                s = s.With(type, new CandleSetting((CandleRangeType)r.Next(3), r.Next(0, 30), r.NextDouble() * 3));
            }

            foreach (var def in CandlePatterns.Create(s))
            {
                var outs = new[] { new double[bars.Count] };
                def.Compute(bars.Input, def.DefaultParameters(), outs);
                Assert.All(outs[0].Skip(def.DefaultLookback), v => Assert.Contains(v, new[] { -200.0, -100, -80, 0, 80, 100, 200 }));
            }
        }
    }
}
