using AlphaTrade.Data.Quality;
using static AlphaTrade.Data.Tests.Quality.QualityBars;

namespace AlphaTrade.Data.Tests.Quality;

public class StalenessAndScoreTests
{
    [Fact]
    public void Clean_ThreeFlatZeroVolumeBarsAtOnePrice_OneStaleRun()
    {
        var rows = RandomWalk(Monday, 2, seed: 60);
        double p = rows[9].Close;
        for (int i = 10; i < 13; i++)
        {
            rows[i] = Flat(rows[i].TimeUtcTicks, p, 0);
        }

        var s = Clean(rows).Report.Staleness;
        Assert.Equal(3, s.FlatZeroVolumeBars);
        Assert.Equal(1, s.StaleRuns);
        Assert.Equal(3, s.LongestRun);
        Assert.Equal(rows[10].TimeUtc, s.LongestRunStartUtc);
    }

    [Fact]
    public void Clean_TwoFlatZeroVolumeBars_CountedButShorterThanARun()
    {
        var rows = RandomWalk(Monday, 2, seed: 61);
        rows[10] = Flat(rows[10].TimeUtcTicks, rows[9].Close, 0);
        rows[11] = Flat(rows[11].TimeUtcTicks, rows[9].Close, 0);
        var s = Clean(rows).Report.Staleness;
        Assert.Equal(2, s.FlatZeroVolumeBars);
        Assert.Equal(0, s.StaleRuns);
        Assert.Equal(2, s.LongestRun);
    }

    [Fact]
    public void Clean_FlatBarsAtDifferentPricesOrWithVolume_AreNotOneRun()
    {
        var rows = RandomWalk(Monday, 2, seed: 62);
        rows[10] = Flat(rows[10].TimeUtcTicks, 100, 0);
        rows[11] = Flat(rows[11].TimeUtcTicks, 100.01, 0);
        rows[12] = Flat(rows[12].TimeUtcTicks, 100.01, 5); // traded: not stale
        var s = Clean(rows).Report.Staleness;
        Assert.Equal(2, s.FlatZeroVolumeBars);
        Assert.Equal(1, s.LongestRun);
        Assert.Equal(rows[10].TimeUtc, s.LongestRunStartUtc);
    }

    [Fact]
    public void Clean_TenPercentFlatZeroVolume_StalenessComponentIsZero()
    {
        var rows = Zigzag(Monday, 10).Select(b => b with { Volume = 1000 }).ToList();
        for (int i = 0; i < rows.Count; i += 10)
        {
            rows[i] = rows[i] with { Volume = 0 };
        }

        var r = Clean(rows).Report;
        Assert.Equal(26, r.Staleness.FlatZeroVolumeBars);
        Assert.Equal(0, r.Score.Staleness);
        Assert.Equal(90.0, r.Score.Total);
    }

    [Fact]
    public void Score_CleanSeries_EveryComponentIsOne()
    {
        var s = Clean(RandomWalk(Monday, 5, seed: 63)).Report.Score;
        Assert.Equal(new QualityScore(100, 1, 1, 1, 1, 1, 1, QualityScoreWeights.Default), s);
    }

    [Fact]
    public void Score_TenPercentMissing_CompletenessPointSixAndTotal88()
    {
        var rows = RandomWalk(Monday, 10, seed: 64);
        for (int i = 0; i < 26; i++)
        {
            rows.RemoveAt(1 + (i * 9));
        }

        var s = Clean(rows).Report.Score;
        Assert.Equal(0.6, s.Completeness, 10);
        Assert.Equal(88.0, s.Total);
    }

    [Fact]
    public void Score_QuarterMissing_CompletenessZero()
    {
        var rows = RandomWalk(Monday, 4, seed: 65).Where((_, i) => i % 4 != 1).ToList();
        var s = Clean(rows).Report.Score;
        Assert.Equal(0, s.Completeness);
        Assert.Equal(70.0, s.Total);
    }

    [Fact]
    public void Score_CustomWeights_ChangeOnlyTheTotal()
    {
        var rows = RandomWalk(Monday, 10, seed: 64);
        for (int i = 0; i < 26; i++)
        {
            rows.RemoveAt(1 + (i * 9));
        }

        var onlyCompleteness = new QualityScoreWeights(1, 0, 0, 0, 0, 0);
        var s = Clean(rows, new BarCleanerOptions { ScoreWeights = onlyCompleteness }).Report.Score;
        Assert.Equal(60.0, s.Total);
        Assert.Equal(0.6, s.Completeness, 10);
        Assert.Same(onlyCompleteness, s.Weights);
    }

    [Fact]
    public void Score_DuplicatesAndDisorder_LowerUniqueness()
    {
        var rows = RandomWalk(Monday, 4, seed: 66); // 104 rows
        rows.Add(rows[0]);           // one duplicate, also out of order
        var s = Clean(rows).Report.Score;
        Assert.Equal(1 - ((2.0 / 105) / 0.05), s.Uniqueness, 4);
        Assert.True(s.Total < 100);
    }

    [Fact]
    public void Score_BadTicks_LowerOutlierComponent()
    {
        var rows = Zigzag(Monday, 10);
        rows[100] = rows[100].WithPrice(rows[99].Close * 1.05);
        var r = Clean(rows).Report;
        Assert.Equal(Math.Round(1 - ((1.0 / rows.Count) / 0.005), 4), r.Score.Outliers);
    }

    [Fact]
    public void Weights_Negative_RejectedByValidation()
    {
        var options = new BarCleanerOptions { ScoreWeights = QualityScoreWeights.Default with { Validity = -1 } };
        Assert.Throws<AlphaTrade.Core.InputException>(() => Cleaner(options));
        var zero = new BarCleanerOptions { ScoreWeights = new QualityScoreWeights(0, 0, 0, 0, 0, 0) };
        Assert.Throws<AlphaTrade.Core.InputException>(() => Cleaner(zero));
    }

    [Theory]
    [InlineData(nameof(BarCleanerOptions.OutlierThreshold))]
    [InlineData(nameof(BarCleanerOptions.OutlierWindow))]
    [InlineData(nameof(BarCleanerOptions.BadTickMaxBars))]
    [InlineData(nameof(BarCleanerOptions.BadTickRevertFraction))]
    [InlineData(nameof(BarCleanerOptions.SplitTolerance))]
    [InlineData(nameof(BarCleanerOptions.StaleRunMinBars))]
    public void Options_OutOfRange_RejectedNamingTheSetting(string setting)
    {
        var bad = setting switch
        {
            nameof(BarCleanerOptions.OutlierThreshold) => new BarCleanerOptions { OutlierThreshold = 0 },
            nameof(BarCleanerOptions.OutlierWindow) => new BarCleanerOptions { OutlierWindow = 5 },
            nameof(BarCleanerOptions.BadTickMaxBars) => new BarCleanerOptions { BadTickMaxBars = 0 },
            nameof(BarCleanerOptions.BadTickRevertFraction) => new BarCleanerOptions { BadTickRevertFraction = 1 },
            nameof(BarCleanerOptions.SplitTolerance) => new BarCleanerOptions { SplitTolerance = double.NaN },
            _ => new BarCleanerOptions { StaleRunMinBars = 1 },
        };
        var ex = Assert.Throws<AlphaTrade.Core.InputException>(bad.Validate);
        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_FromReports_AddsUpAndNamesWorstSymbol()
    {
        var cleaner = Cleaner();
        var good = Series(RandomWalk(Monday, 4, seed: 67), "GOOD");
        var gappy = RandomWalk(Monday, 4, seed: 68);
        gappy.RemoveRange(10, 10);
        var all = cleaner.CleanAll([good, Series(gappy, "GAPPY")]);
        Assert.Equal(["GOOD", "GAPPY"], all.Reports.Select(r => r.Symbol));
        var s = all.Summary;
        Assert.Equal(2, s.Symbols);
        Assert.Equal(104 + 94, s.RawRows);
        Assert.Equal(10, s.MissingBars);
        Assert.Equal(Math.Round(100.0 * 10 / 208, 4), s.MissingPercent);
        Assert.Equal("GAPPY", s.WorstSymbol);
        Assert.Equal(all.Reports[1].Score.Total, s.MinScore);
        Assert.Equal(Math.Round((all.Reports[0].Score.Total + all.Reports[1].Score.Total) / 2, 1), s.MeanScore);
    }

    [Fact]
    public void Summary_NoReports_IsEmpty()
    {
        var s = DataQualitySummary.From([]);
        Assert.Equal(0, s.Symbols);
        Assert.Null(s.WorstSymbol);
        Assert.Equal(0, s.MeanScore);
    }
}
