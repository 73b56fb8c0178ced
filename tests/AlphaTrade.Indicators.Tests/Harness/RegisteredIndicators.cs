namespace AlphaTrade.Indicators.Tests.Harness;

/// <summary>Theory data over the indicator registry: every registered indicator's name.</summary>
public static class RegisteredIndicators
{
    /// <summary>One row per registered indicator.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var d in IndicatorRegistry.All)
        {
            data.Add(d.Info.Name);
        }

        return data;
    }
}
