using System.Reflection;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Universe;

namespace AlphaTrade.Data.Tests.Universe;

public sealed class ProcessingKeyTests
{
    public static TheoryData<string> CleaningSettings() => [.. typeof(BarCleanerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).Select(p => p.Name)];

    public static TheoryData<string> ScoreWeights() => [.. typeof(QualityScoreWeights).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(CleaningSettings))]
    public void CleaningKey_EachSettingChanged_KeyChanges(string setting)
    {
        // Processed bars are cached under this key: a setting missing from it would serve bars cleaned another way.
        var baseline = BarCleanerOptions.Default;
        var changed = baseline with { };
        var property = typeof(BarCleanerOptions).GetProperty(setting)!;
        property.SetValue(changed, Other(property.PropertyType, property.GetValue(baseline)));
        Assert.NotEqual(property.GetValue(baseline), property.GetValue(changed));
        Assert.NotEqual(MarketDataService.CleaningKey(baseline), MarketDataService.CleaningKey(changed));
    }

    [Theory]
    [MemberData(nameof(ScoreWeights))]
    public void CleaningKey_EachScoreWeightChanged_KeyChanges(string weight)
    {
        var weights = QualityScoreWeights.Default with { };
        var property = typeof(QualityScoreWeights).GetProperty(weight)!;
        property.SetValue(weights, (double)property.GetValue(weights)! + 1);
        Assert.NotEqual(MarketDataService.CleaningKey(BarCleanerOptions.Default),
            MarketDataService.CleaningKey(BarCleanerOptions.Default with { ScoreWeights = weights }));
    }

    [Fact]
    public void ProcessingKey_SameSettings_SameKey()
    {
        var a = new MarketDataRequest { Symbols = [], Benchmark = "SPY" };
        Assert.Equal(MarketDataService.ProcessingKey(a), MarketDataService.ProcessingKey(a with { Cleaning = BarCleanerOptions.Default with { } }));
        Assert.StartsWith(MarketDataService.ProcessingVersion + "|", MarketDataService.ProcessingKey(a), StringComparison.Ordinal);
    }

    private static object Other(Type type, object? value) => value switch
    {
        bool b => !b,
        int i => i + 1,
        double d => d + 0.25,
        Enum e => Enum.GetValues(type).Cast<object>().First(v => !v.Equals(e)),
        IReadOnlyList<double> list => list.Append(7.0).ToList(),
        QualityScoreWeights w => w with { Completeness = w.Completeness + 1 },
        _ => throw new InvalidOperationException($"No test value for a {type.Name} setting: extend this test and CleaningKey."),
    };
}
