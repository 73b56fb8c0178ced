using System.Text.Json;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Universe;

namespace AlphaTrade.Data.Tests.Universe;

public sealed class ProcessingKeyTests
{
    public static TheoryData<BarCleanerOptions> Settings() =>
    [
        BarCleanerOptions.Default,
        BarCleanerOptions.Default with { OutlierThreshold = 6.5, Outliers = OutlierPolicy.Flag, SplitRatios = [2.0, 7.0], FillMissingSessions = true },
    ];

    [Theory]
    [MemberData(nameof(Settings))]
    public void CleaningSettings_SourceGeneratedJson_SameTextAsReflection(BarCleanerOptions options)
    {
        // Caches written by earlier versions keep their key: the compiled metadata must write exactly what reflection wrote.
        Assert.Equal(JsonSerializer.Serialize(options), JsonSerializer.Serialize(options, CleaningKeyJson.Default.BarCleanerOptions));
    }

    [Fact]
    public void ProcessingKey_DifferentCleaning_DifferentKey()
    {
        var a = new MarketDataRequest { Symbols = [], Benchmark = "SPY" };
        var b = a with { Cleaning = BarCleanerOptions.Default with { OutlierThreshold = 6.0 } };
        Assert.NotEqual(MarketDataService.ProcessingKey(a), MarketDataService.ProcessingKey(b));
        Assert.Equal(MarketDataService.ProcessingKey(a), MarketDataService.ProcessingKey(a with { }));
    }
}
