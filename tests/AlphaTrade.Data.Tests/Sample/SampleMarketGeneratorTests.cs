using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Tests.Sample;

[Collection(SampleMarketCollection.Name)]
public sealed class SampleMarketGeneratorTests(SampleMarketFixture fx)
{
    private static readonly SampleMarketGenerator Generator = new(NyseCalendar.Instance);

    private static readonly SampleSymbol[] SmallUniverse =
    [
        new("AAPL", "Information Technology"), new("MSFT", "Information Technology"),
        new("KO", "Consumer Staples"), new("PEP", "Consumer Staples"), new("XOM", "Energy"), new("CVX", "Energy"),
    ];

    private static SampleMarketOptions Small(int seed = 7, bool faults = true) => new()
    {
        Start = new DateOnly(2024, 1, 2),
        End = new DateOnly(2024, 6, 28),
        Seed = seed,
        Universe = SmallUniverse,
        Faults = faults,
    };

    [Fact]
    public void DefaultUniverse_Always_Has46UniqueSymbolsIn11Sectors()
    {
        var u = SampleMarketGenerator.DefaultUniverse;
        Assert.Equal(46, u.Count);
        Assert.Equal(46, u.Select(s => s.Symbol).Distinct().Count());
        Assert.Equal(11, u.Select(s => s.Sector).Distinct().Count());
        Assert.DoesNotContain(u, s => s.Symbol == "SPY");
        Assert.Same(u, new SampleMarketOptions().Universe);
    }

    [Fact]
    public void Generate_SameSeedTwice_GivesIdenticalSeriesAndTruth()
    {
        var a = Generator.Generate(Small());
        var b = Generator.Generate(Small() with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(a.Series.Count, b.Series.Count);
        for (int i = 0; i < a.Series.Count; i++)
        {
            AssertSameBars(a.Series[i], b.Series[i]);
        }

        Assert.Equal(a.Truth.Faults, b.Truth.Faults);
        Assert.Equal(a.Truth.Jumps, b.Truth.Jumps);
        Assert.Equal(a.Truth.Regimes, b.Truth.Regimes);
        Assert.Equal(a.Truth.Pairs, b.Truth.Pairs);
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentPrices()
    {
        var a = Generator.Generate(Small(seed: 7));
        var b = Generator.Generate(Small(seed: 8));
        Assert.NotEqual(a.Clean("AAPL").Close.ToArray(), b.Clean("AAPL").Close.ToArray());
        Assert.NotEqual(a.Clean("SPY").Close.ToArray(), b.Clean("SPY").Close.ToArray());
    }

    [Fact]
    public void Generate_SymbolInSmallerUniverse_HasTheSamePathAsInTheFullOne()
    {
        var small = Generator.Generate(fx.Options with
        {
            Universe = [new("AAPL", "Information Technology"), new("XOM", "Energy"), new("PG", "Consumer Staples")],
            Faults = false,
        });
        AssertSameBars(fx.Market.Clean("AAPL"), small.Clean("AAPL"));
        AssertSameBars(fx.Market.Clean("SPY"), small.Clean("SPY"));
    }

    [Fact]
    public void Generate_WithFaults_KeepsCleanSeriesEqualToAFaultFreeRun()
    {
        var withFaults = Generator.Generate(Small(faults: true));
        var without = Generator.Generate(Small(faults: false));
        Assert.NotEmpty(withFaults.Truth.Faults);
        Assert.Empty(without.Truth.Faults);
        for (int i = 0; i < without.Series.Count; i++)
        {
            Assert.Same(without.Series[i], without.CleanSeries[i]);
            AssertSameBars(without.Series[i], withFaults.CleanSeries[i]);
        }
    }

    [Fact]
    public void CleanSeries_EverySymbol_FollowsTheNyseSessionGrid()
    {
        int expected = fx.Sessions.Sum(s => s.IsEarlyClose ? 14 : 26);
        Span<long> grid = stackalloc long[32];
        foreach (var s in fx.Market.CleanSeries)
        {
            Assert.Equal(expected, s.Count);
            Assert.Equal(TimeFrame.FifteenMinutes, s.TimeFrame);
            int g = 0;
            foreach (var session in fx.Sessions)
            {
                int n = session.BarStarts(TimeFrame.FifteenMinutes, grid);
                Assert.Equal(session.IsEarlyClose ? 14 : 26, n);
                Assert.True(grid[..n].SequenceEqual(s.Time.Slice(g, n)), $"{s.Symbol} {session.Date}");
                g += n;
            }
        }
    }

    [Fact]
    public void CleanSeries_EarlyCloseDay_Has14BarsEndingAt1245()
    {
        var spy = fx.Market.Clean("SPY");
        var day = new DateOnly(2024, 11, 29);
        var bars = Enumerable.Range(0, spy.Count)
            .Where(i => DateOnly.FromDateTime(NyseCalendar.Instance.ToExchangeTime(spy[i].TimeUtc)) == day).ToList();
        Assert.Equal(14, bars.Count);
        Assert.Equal(new TimeOnly(12, 45), TimeOnly.FromDateTime(NyseCalendar.Instance.ToExchangeTime(spy[bars[^1]].TimeUtc)));
    }

    [Fact]
    public void CleanSeries_EveryBar_IsConsistentInCentsAndWholeShares()
    {
        foreach (var s in fx.Market.CleanSeries)
        {
            for (int i = 0; i < s.Count; i++)
            {
                var b = s[i];
                Assert.True(b.IsConsistent, $"{s.Symbol} bar {i}: {b}");
                Assert.True(b.Low >= 0.01);
                AssertCents(b.Open);
                AssertCents(b.High);
                AssertCents(b.Low);
                AssertCents(b.Close);
                Assert.True(b.Volume >= 1 && b.Volume == Math.Floor(b.Volume), $"{s.Symbol} bar {i} volume {b.Volume}");
                Assert.Equal(BarFlags.None, s.Flags[i]);
            }

            // Inside a session a bar opens at the previous close; across sessions there is a gap.
            for (int d = 0; d < fx.Sessions.Length; d++)
            {
                for (int g = fx.DayStarts[d] + 1; g < fx.DayStarts[d + 1]; g++)
                {
                    Assert.Equal(s.Close[g - 1], s.Open[g]);
                }
            }
        }
    }

    [Fact]
    public void CleanSeries_HighsAndLows_SpanBeyondOpenAndCloseOnMostBars()
    {
        var s = fx.Market.Clean("MSFT");
        int wider = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.High[i] > Math.Max(s.Open[i], s.Close[i]) && s.Low[i] < Math.Min(s.Open[i], s.Close[i]))
            {
                wider++;
            }
        }

        Assert.True(wider > 0.6 * s.Count, $"{wider} of {s.Count} bars have both wicks");
    }

    [Theory]
    [InlineData(5, 78, 42)]
    [InlineData(30, 13, 7)]
    [InlineData(60, 7, 4)]
    public void Generate_OtherIntradayTimeFrames_FollowTheirGrid(int minutes, int fullDay, int earlyClose)
    {
        var m = Generator.Generate(new SampleMarketOptions
        {
            Start = new DateOnly(2024, 11, 25),
            End = new DateOnly(2024, 12, 6),
            TimeFrame = TimeFrame.FromMinutes(minutes),
            Universe = [new("AAPL", "Information Technology"), new("MSFT", "Information Technology")],
            Faults = true,
        });
        var sessions = NyseCalendar.Instance.Sessions(new DateOnly(2024, 11, 25), new DateOnly(2024, 12, 6)).ToList();
        int expected = sessions.Sum(s => s.IsEarlyClose ? earlyClose : fullDay);
        Assert.Null(m.Truth.Crash); // nine sessions are too few for a crash
        Assert.All(m.CleanSeries, s =>
        {
            Assert.Equal(expected, s.Count);
            Assert.Equal(TimeFrame.FromMinutes(minutes), s.TimeFrame);
            for (int i = 0; i < s.Count; i++)
            {
                Assert.True(s[i].IsConsistent);
            }
        });
    }

    [Fact]
    public void Generate_DailyTimeFrame_GivesOneBarPerSession()
    {
        var m = Generator.Generate(Small() with { TimeFrame = TimeFrame.Daily });
        int days = NyseCalendar.Instance.Sessions(new DateOnly(2024, 1, 2), new DateOnly(2024, 6, 28)).Count();
        Assert.All(m.CleanSeries, s => Assert.Equal(days, s.Count));
        Assert.NotNull(m.Truth.Crash);
        Assert.All(m.Truth.Pairs, p => Assert.Equal(p.HalfLifeDays, p.HalfLifeBars));
    }

    [Fact]
    public void Generate_UnknownSymbols_GetStableHashDerivedLevels()
    {
        SampleSymbol[] universe = [new("ZZZQ", "Widgets"), new("QQZZ", "Gadgets")];
        var a = Generator.Generate(Small() with { Universe = universe, Seed = 1, Faults = false });
        var b = Generator.Generate(Small() with { Universe = [universe[1], universe[0]], Seed = 2, Faults = false });
        foreach (var s in universe)
        {
            var pa = a.Truth.Symbols.Single(p => p.Symbol == s.Symbol);
            var pb = b.Truth.Symbols.Single(p => p.Symbol == s.Symbol);
            Assert.InRange(pa.StartPrice, 20, 400);
            Assert.Equal(pa.MarketBeta, pb.MarketBeta);
            Assert.InRange(pa.AverageDailyVolume, 2e6, 30e6);
        }

        Assert.NotEqual(a.Truth.Symbols[0].StartPrice, a.Truth.Symbols[1].StartPrice);
        Assert.Empty(a.Truth.Pairs); // no sector has two members
    }

    [Fact]
    public void Generate_ShortPeriod_PlantsNoCrashButRecordsRegimes()
    {
        var m = Generator.Generate(Small() with { End = new DateOnly(2024, 2, 15) });
        Assert.Null(m.Truth.Crash);
        Assert.Equal(NyseCalendar.Instance.Sessions(new DateOnly(2024, 1, 2), new DateOnly(2024, 2, 15)).Count(), m.Truth.Regimes.Count);
    }

    [Fact]
    public void Generate_EndBeforeStart_ThrowsInputException()
    {
        var ex = Assert.Throws<InputException>(() => Generator.Generate(Small() with { End = new DateOnly(2023, 12, 1) }));
        Assert.Contains("before its start", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WeekendOnlyPeriod_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with { Start = new DateOnly(2024, 1, 6), End = new DateOnly(2024, 1, 7) }));

    [Fact]
    public void Generate_PeriodOutsideCalendar_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with { Start = new DateOnly(1980, 1, 2) }));

    [Fact]
    public void Generate_BenchmarkInUniverse_ThrowsInputException()
    {
        var ex = Assert.Throws<InputException>(() => Generator.Generate(Small() with { Universe = [new("SPY", "Index")] }));
        Assert.Contains("benchmark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_DuplicateSymbol_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with { Universe = [new("AAPL", "IT"), new("AAPL", "IT")] }));

    [Fact]
    public void Generate_NonStationaryGarch_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with
        {
            Model = SampleModel.Default with { MarketGarch = new SampleGarchSpec(0.01, 0.1, 0.9) },
        }));

    [Fact]
    public void Generate_ZeroParallelism_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with { MaxDegreeOfParallelism = 0 }));

    [Fact]
    public void Generate_CrashOff_PlantsNoCrash()
    {
        var m = Generator.Generate(Small() with { PlantCrash = false });
        Assert.Null(m.Truth.Crash);
        Assert.DoesNotContain(m.Truth.Faults, f => f.Kind == SampleFaultKind.UnadjustedSplit && f.Count == 0);
    }

    [Fact]
    public void Generate_EmptyUniverse_ThrowsInputException() =>
        Assert.Throws<InputException>(() => Generator.Generate(Small() with { Universe = [] }));

    [Fact]
    public void Market_UnknownSymbol_ThrowsKeyNotFound()
    {
        Assert.False(fx.Market.Contains("NOPE"));
        Assert.Throws<KeyNotFoundException>(() => fx.Market["NOPE"]);
        Assert.Equal(["AAPL", "MSFT"], fx.Market.Symbols.Take(2));
        Assert.Equal("SPY", fx.Market.Symbols.Last());
    }

    private static void AssertCents(double price) =>
        Assert.True(Math.Abs((price * 100) - Math.Round(price * 100)) < 1e-6, $"{price} is not in cents");

    internal static void AssertSameBars(BarSeries a, BarSeries b)
    {
        Assert.Equal(a.Symbol, b.Symbol);
        Assert.True(a.Time.SequenceEqual(b.Time), $"{a.Symbol}: times differ");
        Assert.True(a.Open.SequenceEqual(b.Open), $"{a.Symbol}: opens differ");
        Assert.True(a.High.SequenceEqual(b.High), $"{a.Symbol}: highs differ");
        Assert.True(a.Low.SequenceEqual(b.Low), $"{a.Symbol}: lows differ");
        Assert.True(a.Close.SequenceEqual(b.Close), $"{a.Symbol}: closes differ");
        Assert.True(a.Volume.SequenceEqual(b.Volume), $"{a.Symbol}: volumes differ");
    }
}
