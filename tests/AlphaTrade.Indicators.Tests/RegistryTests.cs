using AlphaTrade.Indicators.Tests.Harness;

namespace AlphaTrade.Indicators.Tests;

public class RegistryTests
{
    [Fact]
    public void All_Count_CoversThisBranchsIndicators()
    {
        // 133 on the indicators branch (candlesticks and the Hilbert family come with the candles branch).
        Assert.True(IndicatorRegistry.All.Count >= 133, $"only {IndicatorRegistry.All.Count} indicators");
        Assert.True(IndicatorRegistry.All.Count(d => d.Info.TaLibName is not null) >= 93);
    }

    [Fact]
    public void All_Names_AreUniqueLowerSnakeCase()
    {
        var names = IndicatorRegistry.All.Select(d => d.Info.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
    }

    [Fact]
    public void All_Metadata_IsComplete()
    {
        foreach (var d in IndicatorRegistry.All)
        {
            var i = d.Info;
            Assert.False(string.IsNullOrWhiteSpace(i.Description), i.Name);
            Assert.False(string.IsNullOrWhiteSpace(i.Source), i.Name);
            Assert.NotEmpty(i.Outputs);
            Assert.All(i.Outputs, o => Assert.Matches("^[a-z][a-z0-9_]*$", o));
            Assert.All(i.Parameters, p =>
            {
                Assert.Matches("^[a-z][a-z0-9_]*$", p.Name);
                Assert.InRange(p.Default, p.Min, p.Max);
            });
            Assert.True(d.DefaultLookback >= 0, i.Name);
            Assert.NotEqual(PriceInputs.None, i.Inputs);
        }
    }

    [Fact]
    public void FindTaLib_EveryTaLibName_ResolvesToItsDefinition()
    {
        foreach (var d in IndicatorRegistry.All.Where(d => d.Info.TaLibName is not null))
        {
            Assert.Same(d, IndicatorRegistry.FindTaLib(d.Info.TaLibName!));
            Assert.Same(d, IndicatorRegistry.Find(d.Info.Name.ToUpperInvariant()));
        }
    }

    [Fact]
    public void TaLibDefinitions_DefaultParameters_MirrorTaLibDefaults()
    {
        foreach (var d in IndicatorRegistry.All.Where(d => d.Info.TaLibName is not null))
        {
            var call = TaLibFixtures.CallsOf(d.Info.TaLibName!).FirstOrDefault();
            Assert.True(call is not null, d.Info.TaLibName + " has no fixture");
            Assert.Equal(call.Parameters, d.DefaultParameters());
        }
    }

    [Theory]
    [InlineData("sma", 0, "sma_30")]
    [InlineData("rsi", 0, "rsi_14")]
    [InlineData("macd", 0, "macd_12_26_9")]
    [InlineData("macd", 1, "macd_signal_12_26_9")]
    [InlineData("macd", 2, "macd_hist_12_26_9")]
    [InlineData("bbands", 0, "bbands_upper_5_2_2")]
    [InlineData("stoch", 0, "stoch_slowk_5_3_3")]
    public void ColumnName_Defaults_MatchConvention(string name, int output, string expected)
    {
        var def = IndicatorRegistry.Find(name);
        if (def is null)
        {
            return; // indicator not registered yet on this branch
        }

        Assert.Equal(expected, IndicatorColumns.Name(def.Info, def.DefaultParameters(), output));
    }

    [Fact]
    public void ColumnName_NonDefaultChoice_ListsEveryParameter()
    {
        var info = new IndicatorInfo("x", null, IndicatorCategory.Overlap, "x", PriceInputs.Close,
            [new IndicatorParameter("period", 5, 1, 10, true, "p"), new IndicatorParameter("nbdev", 2, 0, 5, false, "d"), new IndicatorParameter("ma_type", 0, 0, 8, true, "t") { IsChoice = true }],
            ["upper", "lower"], "test");
        Assert.Equal("x_upper_5_2", IndicatorColumns.Name(info, [5, 2, 0], 0));
        Assert.Equal("x_lower_5_0.02_1", IndicatorColumns.Name(info, [5, 0.02, 1], 1));
    }

    [Fact]
    public void Parse_OnlyAndParams_AppliesOverrides()
    {
        var sel = IndicatorSelection.Parse("sma", "sma:period=20");
        var d = Assert.Single(sel.Definitions());
        Assert.Equal([20.0], sel.ParametersFor(d));
    }

    [Theory]
    [InlineData("nosuch", null)]
    [InlineData("sma", "sma:nosuch=3")]
    [InlineData("sma", "sma:period=1")]
    [InlineData("sma", "period=3")]
    [InlineData("sma", "sma:period=abc")]
    public void Parse_BadInput_Throws(string? only, string? parameters)
    {
        Assert.Throws<ArgumentException>(() => IndicatorSelection.Parse(only, parameters));
    }

    [Fact]
    public void Compute_DefaultSelection_ReturnsNamedColumnsOfInputLength()
    {
        var bars = RandomBars.Create(5, 500, withInvalid: false);
        var cols = IndicatorTable.Compute(bars.Time, bars.Open, bars.High, bars.Low, bars.Close, bars.Volume, null, IndicatorSelection.Default);
        Assert.NotEmpty(cols);
        Assert.Equal(cols.Count, cols.Select(c => c.Name).Distinct().Count());
        Assert.All(cols, c => Assert.Equal(500, c.Values.Length));
        Assert.All(cols, c => Assert.All(c.Values.Take(Math.Min(c.Lookback, 500)), v => Assert.True(double.IsNaN(v))));
    }
}
