using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Resampling;

namespace AlphaTrade.Data.Tests.Quality;

/// <summary>
/// Cleans the real IBKR 5-minute bars (40 symbols, 206 sessions; see shared/data/README.md): a clean vendor
/// file must come out with nothing to fix, and the known staleness of MELI must be reported. Files are read by
/// the platform's loader, in file order, exactly as the command line reads them.
/// </summary>
public class RealDataQualityTests
{
    internal static readonly Lazy<IReadOnlyList<BarSeries>> Raw = new(() => TestData.IbkrSymbols()
        .Select(s => BarFileReader.Read(Path.Combine(TestData.IbkrFolder!, s + "_5min.csv.gz")).Series)
        .ToList());

    private static readonly Lazy<UniverseCleaningResult> Cleaned = new(() => QualityBars.Cleaner().CleanAll(Raw.Value));

    [IbkrDataFact]
    public void Clean_RealFiveMinuteBars_NothingToFixInAnySymbol()
    {
        foreach (var r in Cleaned.Value.Reports)
        {
            Assert.True(r.Order.WasSorted, r.Symbol);
            Assert.Equal(0, r.Duplicates.Timestamps);
            Assert.Equal(0, r.InvalidValues.Dropped);
            Assert.Equal(0, r.Ohlc.InconsistentBars);
            Assert.Equal(0, r.Session.PreMarket + r.Session.NonTradingDay + r.Session.Misaligned);
            Assert.Empty(r.Splits);
            Assert.Equal(0, r.Outliers.BadTickBars);
            Assert.Equal((203 * 78) + (3 * 42), r.Gaps.ExpectedBars);
            Assert.Equal(0, r.Gaps.MissingBars);
            Assert.Equal(206, r.Gaps.ExpectedSessions);
            Assert.Equal(r.Gaps.ExpectedBars, r.CleanRows);
        }
    }

    [IbkrDataFact]
    public void Clean_RealFiveMinuteBars_DropsOnlyThePrintsAfterEarlyCloses()
    {
        // Some vendor files keep a few bars after the 13:00 closes of 2025-07-03, 2025-11-28 and 2025-12-24.
        Assert.Equal(46, Cleaned.Value.Summary.OffSessionBars);
        Assert.Equal(46, Cleaned.Value.Reports.Sum(r => r.Session.PostMarket));
    }

    [IbkrDataFact]
    public void Clean_RealMeli_ReportsItsFlatZeroVolumeBars()
    {
        var meli = Cleaned.Value.Reports.Single(r => r.Symbol == "MELI");
        Assert.Equal(803, meli.Staleness.FlatZeroVolumeBars);
        Assert.True(meli.Staleness.StaleRuns > 0);
        Assert.True(meli.Staleness.LongestRun >= 3);
        Assert.True(meli.Score.Staleness < 1);
        Assert.Equal("MELI", Cleaned.Value.Summary.WorstSymbol);

        var cost = Cleaned.Value.Reports.Single(r => r.Symbol == "COST");
        Assert.Equal(1, cost.Staleness.FlatZeroVolumeBars);
        Assert.Equal(804, Cleaned.Value.Summary.FlatZeroVolumeBars);
    }

    [IbkrDataFact]
    public void Clean_RealBarsResampledToFifteenMinutes_FullGridAndTopScore()
    {
        var resampler = new BarResampler(QualityBars.Nyse);
        var cleaner = QualityBars.Cleaner();
        foreach (var raw in Raw.Value)
        {
            var r = cleaner.Clean(resampler.Resample(raw, TimeFrame.FifteenMinutes)).Report;
            Assert.Equal((203 * 26) + (3 * 14), r.Gaps.ExpectedBars);
            Assert.Equal(0, r.Gaps.MissingBars);
            Assert.Equal(0, r.Outliers.BadTickBars);
            Assert.Empty(r.Splits);
            if (r.Symbol != "MELI")
            {
                Assert.Equal(100.0, r.Score.Total);
            }
        }
    }

    [IbkrDataFact]
    public void Clean_RealSeriesShuffledAndFaulted_FaultsFoundAndOriginalRestored()
    {
        var original = Raw.Value.Single(s => s.Symbol == "AAPL");
        var rows = Enumerable.Range(0, original.Count).Select(i => original[i]).ToList();
        var rng = new Random(90);
        var shuffled = rows.OrderBy(_ => rng.Next()).ToList();
        shuffled.Add(rows[1000]);
        shuffled.Add(rows[2000] with { Close = rows[2000].Close * 1.001 });
        var r = QualityBars.Cleaner().Clean(QualityBars.Series(shuffled, "AAPL"));
        Assert.Equal(2, r.Report.Duplicates.Timestamps);
        Assert.True(r.Report.Order.Inversions > 1_000_000);
        Assert.Equal(original.Time.ToArray(), r.Series.Time.ToArray());
        Assert.Equal(original.Close[1000], r.Series.Close[1000]);
        Assert.Equal(rows[2000].Close * 1.001, r.Series.Close[2000]);
    }
}
