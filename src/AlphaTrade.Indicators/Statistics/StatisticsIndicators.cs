namespace AlphaTrade.Indicators.Statistics;

/// <summary>The Statistics family.</summary>
internal static class StatisticsIndicators
{
    /// <summary>Every definition of the family.</summary>
    public static IndicatorDefinition[] All =>
    [
        LinearReg.Definition,
        LinearRegSlope.Definition,
        LinearRegAngle.Definition,
        LinearRegIntercept.Definition,
        Tsf.Definition,
        Correl.Definition,
        Beta.Definition,
        AvgDev.Definition,
            ZScore.Definition,
        Skew.Definition,
        Kurtosis.Definition,
        PercentRank.Definition,
    ];
}
