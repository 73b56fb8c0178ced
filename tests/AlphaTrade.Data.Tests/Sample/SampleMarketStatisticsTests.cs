using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Tests.Sample;

/// <summary>Stylised facts of the default two-year sample market (seed 42), checked against its ground truth.</summary>
[Collection(SampleMarketCollection.Name)]
public sealed class SampleMarketStatisticsTests(SampleMarketFixture fx)
{
    private SampleMarket Market => fx.Market;

    [Fact]
    public void DailyReturns_SameSectorPairs_CorrelateBetweenPoint3AndPoint6AndAboveCrossSector()
    {
        var universe = fx.Options.Universe;
        var planted = Market.Truth.Pairs.Select(p => (p.SymbolA, p.SymbolB)).ToHashSet();
        var returns = universe.ToDictionary(s => s.Symbol, s => fx.DailyReturns(s.Symbol));
        var within = new List<double>();
        var cross = new List<double>();
        for (int i = 0; i < universe.Count; i++)
        {
            for (int j = i + 1; j < universe.Count; j++)
            {
                var (a, b) = (universe[i], universe[j]);
                if (planted.Contains((a.Symbol, b.Symbol)) || planted.Contains((b.Symbol, a.Symbol)))
                {
                    continue; // cointegrated by construction, far more correlated than ordinary sector peers
                }

                double c = SampleStats.Correlation(returns[a.Symbol], returns[b.Symbol]);
                (a.Sector == b.Sector ? within : cross).Add(c);
            }
        }

        double w = within.Average();
        double x = cross.Average();
        Assert.InRange(w, 0.3, 0.6);
        Assert.True(x < w - 0.1, $"cross-sector {x:F3} should be well below within-sector {w:F3}");
        Assert.True(x > 0.05, $"cross-sector {x:F3} should still be positive (common market factor)");
    }

    [Fact]
    public void DailyAbsoluteReturns_Benchmark_ShowVolatilityClustering()
    {
        var abs = fx.DailyReturns("SPY").Select(Math.Abs).ToArray();
        double q = SampleStats.LjungBox(abs, 10);
        Assert.True(q > 23.21, $"Ljung-Box Q(10) of |r| = {q:F1}, expected above the 1% critical value 23.21");
        double acf1 = SampleStats.Autocorrelation(abs, 1);
        Assert.True(acf1 > 0.1, $"ACF(1) of |r| = {acf1:F3}");
    }

    [Fact]
    public void DailyAbsoluteReturns_Stocks_AutocorrelatePositivelyOnAverage()
    {
        var means = fx.Options.Universe.Select(s =>
        {
            var abs = fx.DailyReturns(s.Symbol).Select(Math.Abs).ToArray();
            return Enumerable.Range(1, 5).Average(l => SampleStats.Autocorrelation(abs, l));
        }).ToArray();
        double avg = means.Average();
        // With ~500 days one ACF has a standard error near 0.045; the mean over 46 symbols and 5 lags is far tighter.
        Assert.True(avg > 0.05, $"mean ACF(1..5) of |r| over the universe = {avg:F3}");
        Assert.True(means.Count(m => m > 0) > means.Length * 0.8, "most symbols should cluster");
    }

    [Fact]
    public void BarReturns_EverySymbol_HaveFatTails()
    {
        foreach (var s in Market.CleanSeries)
        {
            var r = new double[s.Count];
            for (int i = 0; i < s.Count; i++)
            {
                r[i] = Math.Log(s.Close[i] / s.Open[i]);
            }

            double k = SampleStats.Kurtosis(r);
            Assert.True(k > 4.0, $"{s.Symbol}: kurtosis of 15-minute returns {k:F2}");
        }
    }

    [Fact]
    public void IntradayProfile_FirstAndLastBars_HaveMoreMoveAndVolumeThanMidday()
    {
        var absMove = new double[26];
        var volume = new double[26];
        int days = 0;
        foreach (var s in Market.CleanSeries)
        {
            for (int d = 0; d < fx.Sessions.Length; d++)
            {
                if (fx.Sessions[d].IsEarlyClose)
                {
                    continue;
                }

                int start = fx.DayStarts[d];
                for (int k = 0; k < 26; k++)
                {
                    absMove[k] += Math.Abs(Math.Log(s.Close[start + k] / s.Open[start + k]));
                    volume[k] += s.Volume[start + k] / 1e6;
                }

                days++;
            }
        }

        double midMove = absMove[10..16].Average();
        double midVolume = volume[10..16].Average();
        Assert.True(absMove[0] > 1.3 * midMove, $"first bar |r| {absMove[0] / days:E2} vs midday {midMove / days:E2}");
        Assert.True(absMove[25] > 1.1 * midMove, $"last bar |r| {absMove[25] / days:E2} vs midday {midMove / days:E2}");
        Assert.True(volume[0] > 1.5 * midVolume, "first bar volume should exceed midday");
        Assert.True(volume[25] > 1.5 * midVolume, "last bar volume should exceed midday");
    }

    [Fact]
    public void OvernightGaps_Benchmark_CarryARealisticShareOfDailyVariance()
    {
        var spy = Market.Clean("SPY");
        double gapVar = 0, dayVar = 0;
        for (int d = 1; d < fx.Sessions.Length; d++)
        {
            double prevClose = spy.Close[fx.DayStarts[d] - 1];
            double gap = Math.Log(spy.Open[fx.DayStarts[d]] / prevClose);
            double day = Math.Log(spy.Close[fx.DayStarts[d + 1] - 1] / prevClose);
            gapVar += gap * gap;
            dayVar += day * day;
        }

        Assert.InRange(gapVar / dayVar, 0.08, 0.4);
    }

    [Fact]
    public void Regimes_BullAndBearDays_ShowDriftSignAndVolatilityOfTheirRegime()
    {
        var spy = fx.DailyReturns("SPY"); // spy[i] is the return of day i + 1
        var regimes = Market.Truth.Regimes;
        Assert.Equal(fx.Sessions.Length, regimes.Count);
        double[] Of(SampleRegime r) => Enumerable.Range(1, regimes.Count - 1).Where(d => regimes[d].Regime == r).Select(d => spy[d - 1]).ToArray();
        var bull = Of(SampleRegime.Bull);
        var bear = Of(SampleRegime.Bear);
        Assert.True(bull.Length > 20 && bear.Length > 20, "both regimes should occur");
        Assert.True(bull.Average() > 0, $"bull mean {bull.Average() * 252:F3}/yr");
        Assert.True(bear.Average() < 0, $"bear mean {bear.Average() * 252:F3}/yr");
        double bullVol = Math.Sqrt(bull.Average(x => x * x));
        double bearVol = Math.Sqrt(bear.Average(x => x * x));
        Assert.True(bearVol > 1.5 * bullVol, $"bear vol {bearVol:F4} vs bull vol {bullVol:F4}");

        // A drift-sign reader (sign of the centred 21-day return) recovers bull versus bear on most of their days.
        int agree = 0, total = 0;
        for (int d = 11; d < regimes.Count - 10; d++)
        {
            if (regimes[d].Regime == SampleRegime.Sideways)
            {
                continue;
            }

            double window = 0;
            for (int j = d - 10; j <= d + 10; j++)
            {
                window += spy[j - 1];
            }

            total++;
            if ((window > 0) == (regimes[d].Regime == SampleRegime.Bull))
            {
                agree++;
            }
        }

        Assert.True(agree > 0.65 * total, $"drift sign agrees with bull/bear on {agree} of {total} days");
    }

    [Fact]
    public void Regimes_Durations_AreWeeksToMonths()
    {
        var regimes = Market.Truth.Regimes;
        var runs = new List<int>();
        int len = 1;
        for (int d = 1; d < regimes.Count; d++)
        {
            if (regimes[d].Regime == regimes[d - 1].Regime)
            {
                len++;
            }
            else
            {
                runs.Add(len);
                len = 1;
            }
        }

        runs.Add(len);
        double mean = runs.Average();
        Assert.InRange(mean, 10, 150);
        Assert.True(runs.Count >= 3, "the chain should switch regimes within two years");
    }

    [Fact]
    public void Crash_AtRecordedDates_HasPlannedDepthAndABadDay()
    {
        var crash = Market.Truth.Crash;
        Assert.NotNull(crash);
        var spy = SampleStats.DailyCloses(Market.Clean("SPY"), fx.DayStarts);
        int start = Array.FindIndex(fx.Sessions, s => s.Date == crash.StartDate);
        int worst = Array.FindIndex(fx.Sessions, s => s.Date == crash.WorstDate);
        int end = Array.FindIndex(fx.Sessions, s => s.Date == crash.EndDate);
        Assert.True(start > 0 && start <= worst && worst <= end, "crash dates should be trading days in order");

        double before = spy[start - 1];
        double trough = spy[start..(end + 1)].Min();
        double depth = (trough / before) - 1;
        Assert.InRange(depth, -0.20, -0.10);
        Assert.Equal(crash.PlannedDepth, depth, 0.015);
        Assert.Equal(crash.BenchmarkDepth, depth, 1e-12);

        double worstDay = (spy[worst] / spy[worst - 1]) - 1;
        Assert.True(worstDay < -0.03, $"worst crash day {worstDay:P2}");
        Assert.Equal(crash.BenchmarkWorstDayReturn, worstDay, 1e-12);

        // The bad day is also a big intraday fall: the lowest low is more than 3% under the previous close.
        var s = Market.Clean("SPY");
        double minLow = double.MaxValue;
        for (int g = fx.DayStarts[worst]; g < fx.DayStarts[worst + 1]; g++)
        {
            minLow = Math.Min(minLow, s.Low[g]);
        }

        Assert.True((minLow / spy[worst - 1]) - 1 < -0.03);

        // It is one of the three worst days of the whole period (bear-regime tails can produce a rival).
        var daily = SampleStats.LogReturns(spy);
        var worstThree = daily.Select((r, i) => (r, i)).OrderBy(x => x.r).Take(3).Select(x => x.i + 1);
        Assert.Contains(worst, worstThree);

        // Every crash day is recorded as a bear day.
        for (int d = start; d <= end; d++)
        {
            Assert.Equal(SampleRegime.Bear, Market.Truth.Regimes[d].Regime);
        }
    }

    [Fact]
    public void PlantedPairs_Spreads_MeanRevertWithHalfLifeNearPlanted()
    {
        Assert.Equal(4, Market.Truth.Pairs.Count);
        foreach (var p in Market.Truth.Pairs)
        {
            var a = Market.Clean(p.SymbolA);
            var b = Market.Clean(p.SymbolB);
            var spread = new double[a.Count];
            for (int i = 0; i < a.Count; i++)
            {
                spread[i] = Math.Log(b.Close[i]) - Math.Log(a.Close[i]) - Math.Log(p.HedgeRatio);
            }

            double halfLife = SampleStats.HalfLife(SampleStats.Ar1(spread));
            Assert.InRange(halfLife, p.HalfLifeBars / 2, p.HalfLifeBars * 2);
            Assert.InRange(SampleStats.StdDev(spread), p.SpreadSd / 2, p.SpreadSd * 2);
            Assert.InRange(Math.Abs(spread.Average()), 0, 3 * p.SpreadSd);
            Assert.Equal(p.SymbolA, Market.Truth.Symbols.Single(s => s.Symbol == p.SymbolB).PairedWith);
        }
    }

    [Theory]
    [InlineData("AAPL", "XOM")]
    [InlineData("MSFT", "PG")]
    [InlineData("JPM", "NEE")]
    [InlineData("AMZN", "UNH")]
    [InlineData("CAT", "PLD")]
    public void RandomCrossSectorPairs_Spreads_DoNotMeanRevertLikePlantedOnes(string symbolA, string symbolB)
    {
        var a = Market.Clean(symbolA);
        var b = Market.Clean(symbolB);
        var spread = new double[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            spread[i] = Math.Log(b.Close[i]) - Math.Log(a.Close[i]);
        }

        double halfLife = SampleStats.HalfLife(SampleStats.Ar1(spread));
        double longestPlanted = Market.Truth.Pairs.Max(p => p.HalfLifeBars);
        Assert.True(halfLife > 2 * longestPlanted, $"{symbolA}/{symbolB} half-life {halfLife:F0} bars");
    }

    [Fact]
    public void Jumps_AtRecordedBars_MovePriceAndHold()
    {
        // An overnight jump on the very first session has no previous close to measure against.
        long first = Market.Clean("SPY").Time[0];
        var big = Market.Truth.Jumps.Where(j => Math.Abs(j.LogSize) >= 0.03 && j.TimeUtc.Ticks != first).ToList();
        Assert.True(big.Count > 50, $"expected a few jumps per symbol per year, got {big.Count}");
        int moved = 0, held = 0;
        foreach (var j in big)
        {
            var s = Market.Clean(j.Symbol);
            int g = s.LowerBound(j.TimeUtc.Ticks);
            Assert.Equal(j.TimeUtc.Ticks, s.Time[g]);
            double move = j.Overnight ? Math.Log(s.Open[g] / s.Close[g - 1]) : Math.Log(s.Close[g] / s.Open[g]);
            if (Math.Sign(move) == Math.Sign(j.LogSize) && Math.Abs(move) > 0.5 * Math.Abs(j.LogSize))
            {
                moved++;
            }

            double after = g + 1 < s.Count ? Math.Log(s.Close[g + 1] / s.Close[g]) : 0;
            if (Math.Abs(after) < 0.5 * Math.Abs(j.LogSize))
            {
                held++;
            }
        }

        Assert.True(moved > 0.9 * big.Count, $"{moved} of {big.Count} jumps visible at their bar");
        Assert.True(held > 0.9 * big.Count, $"{held} of {big.Count} jumps not reverted next bar");
    }

    [Fact]
    public void Truth_Symbols_RecordSectorsLoadingsAndLevels()
    {
        var truth = Market.Truth;
        Assert.Equal(fx.Options.Universe.Count + 1, truth.Symbols.Count);
        Assert.Equal(11, truth.Sectors.Count);
        for (int i = 0; i < fx.Options.Universe.Count; i++)
        {
            var u = fx.Options.Universe[i];
            var p = truth.Symbols[i];
            Assert.Equal(u.Symbol, p.Symbol);
            Assert.Equal(u.Sector, p.Sector);
            Assert.InRange(p.MarketBeta, 0.3, 2.0);
            Assert.InRange(p.SectorBeta, 0.5, 1.5);
            Assert.InRange(p.IdiosyncraticDailyVol, 0.005, 0.04);
            Assert.True(p.AverageDailyVolume >= 1e6);
        }

        var spy = truth.Symbols[^1];
        Assert.Equal("SPY", spy.Symbol);
        Assert.Equal(1.0, spy.MarketBeta);
        Assert.Equal(190, truth.Symbols.Single(s => s.Symbol == "AAPL").StartPrice);
        Assert.Equal(120, truth.Symbols.Single(s => s.Symbol == "NVDA").StartPrice);
        Assert.InRange(Market.Clean("AAPL").Open[0], 150, 230);
    }

    [Fact]
    public void DailyVolumes_PerSymbol_AreMillionsOfSharesNearTheirLevel()
    {
        foreach (var p in Market.Truth.Symbols)
        {
            var s = Market.Clean(p.Symbol);
            double total = 0;
            for (int i = 0; i < s.Count; i++)
            {
                total += s.Volume[i];
            }

            double perDay = total / fx.Sessions.Length;
            Assert.InRange(perDay, p.AverageDailyVolume * 0.6, p.AverageDailyVolume * 1.6);
        }
    }
}
