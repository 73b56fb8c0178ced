using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Tests.Sample;

/// <summary>Every planted fault is in the delivered rows exactly where the ground truth says, and nowhere else.</summary>
[Collection(SampleMarketCollection.Name)]
public sealed class SampleFaultTests(SampleMarketFixture fx)
{
    private static readonly long Step = TimeSpan.FromMinutes(15).Ticks;

    private SampleMarket Market => fx.Market;

    private IEnumerable<SampleFault> Of(SampleFaultKind kind) => Market.Truth.Faults.Where(f => f.Kind == kind);

    [Fact]
    public void Faults_EveryKind_IsPlantedOnAUniverseSymbol()
    {
        foreach (var kind in Enum.GetValues<SampleFaultKind>())
        {
            Assert.Contains(Market.Truth.Faults, f => f.Kind == kind);
        }

        Assert.All(Market.Truth.Faults, f =>
        {
            Assert.NotEqual("SPY", f.Symbol);
            Assert.Contains(fx.Options.Universe, s => s.Symbol == f.Symbol);
            Assert.Equal(DateTimeKind.Utc, f.TimeUtc.Kind);
            Assert.False(string.IsNullOrWhiteSpace(f.Detail));
        });
        Assert.Same(Market.Clean("SPY"), Market["SPY"]);
    }

    [Fact]
    public void Faults_AwayFromCrashAndJumps_SoEachIsolatesOneProblem()
    {
        var crash = Market.Truth.Crash!;
        var jumpDays = Market.Truth.Jumps.Select(j => (j.Symbol, Day(j.TimeUtc))).ToHashSet();
        foreach (var f in Market.Truth.Faults.Where(f => f.Kind != SampleFaultKind.UnadjustedSplit))
        {
            var day = Day(f.TimeUtc);
            Assert.False(day >= crash.StartDate.AddDays(-3) && day <= crash.EndDate.AddDays(3), $"{f} is in the crash");
            Assert.DoesNotContain((f.Symbol, day), jumpDays);
        }
    }

    [Fact]
    public void DuplicateExact_AtRecordedTime_RepeatsTheRow()
    {
        foreach (var f in Of(SampleFaultKind.DuplicateExact))
        {
            var rows = Rows(f.Symbol, f.TimeUtc.Ticks);
            Assert.Equal(2, rows.Count);
            Assert.Equal(rows[0].Index + 1, rows[1].Index);
            Assert.Equal(rows[0].Bar, rows[1].Bar);
            Assert.Equal(Clean(f.Symbol, f.TimeUtc.Ticks), rows[0].Bar);
        }
    }

    [Fact]
    public void DuplicateConflicting_AtRecordedTime_HasTwoDifferentRows()
    {
        foreach (var f in Of(SampleFaultKind.DuplicateConflicting))
        {
            var rows = Rows(f.Symbol, f.TimeUtc.Ticks);
            Assert.Equal(2, rows.Count);
            Assert.Equal(Clean(f.Symbol, f.TimeUtc.Ticks), rows[0].Bar);
            Assert.NotEqual(rows[0].Bar.Close, rows[1].Bar.Close);
            Assert.Equal(f.Value, rows[1].Bar.Close);
            Assert.True(rows[1].Bar.IsConsistent);
        }
    }

    [Fact]
    public void MissingBarsAndHalfDay_AtRecordedTimes_AreAbsentBetweenPresentNeighbours()
    {
        foreach (var f in Of(SampleFaultKind.MissingBars).Concat(Of(SampleFaultKind.MissingHalfDay)))
        {
            long t = f.TimeUtc.Ticks;
            for (int i = 0; i < f.Count; i++)
            {
                Assert.Empty(Rows(f.Symbol, t + (i * Step)));
            }

            Assert.Single(Rows(f.Symbol, t - Step));
            if (f.Kind == SampleFaultKind.MissingBars)
            {
                Assert.Single(Rows(f.Symbol, t + (f.Count * Step)));
            }
            else
            {
                Assert.Equal(13, f.Count);
                var session = fx.Sessions.Single(s => s.Contains(f.TimeUtc));
                Assert.Equal(session.CloseUtc.Ticks, t + (f.Count * Step));
            }
        }
    }

    [Fact]
    public void Spike_AtRecordedTime_IsABadTickThatRevertsNextBar()
    {
        foreach (var f in Of(SampleFaultKind.Spike))
        {
            var bad = Rows(f.Symbol, f.TimeUtc.Ticks).Single().Bar;
            var truth = Clean(f.Symbol, f.TimeUtc.Ticks);
            double rel = (bad.Close / truth.Close) - 1;
            Assert.True(Math.Abs(rel) >= 0.07, $"spike {rel:P1}");
            Assert.Equal(f.Value, rel, 0.002);
            Assert.True(bad.IsConsistent);
            var next = Rows(f.Symbol, f.TimeUtc.Ticks + Step).Single().Bar;
            Assert.Equal(Clean(f.Symbol, f.TimeUtc.Ticks + Step), next);
            Assert.True(Math.Abs((next.Open / bad.Close) - 1) > 0.06, "the next bar opens back at the true level");
        }
    }

    [Fact]
    public void OutOfOrder_AtRecordedTime_RowFollowsTheNextBar()
    {
        foreach (var f in Of(SampleFaultKind.OutOfOrder))
        {
            var row = Rows(f.Symbol, f.TimeUtc.Ticks).Single();
            var later = Rows(f.Symbol, f.TimeUtc.Ticks + Step).Single();
            Assert.Equal(row.Index - 1, later.Index);
            Assert.Equal(Clean(f.Symbol, f.TimeUtc.Ticks), row.Bar);
        }
    }

    [Fact]
    public void PointFaults_AtRecordedTimes_BreakExactlyTheirRule()
    {
        foreach (var f in Of(SampleFaultKind.OhlcInconsistent))
        {
            var b = Rows(f.Symbol, f.TimeUtc.Ticks).Single().Bar;
            Assert.True(b.High < Math.Max(b.Open, b.Close));
            Assert.Equal(f.Value, b.High);
            Assert.True(b.Open > 0 && b.Close > 0 && b.Volume > 0);
        }

        foreach (var f in Of(SampleFaultKind.NonPositivePrice))
        {
            var b = Rows(f.Symbol, f.TimeUtc.Ticks).Single().Bar;
            Assert.True(b.Close <= 0 && b.Low <= 0);
        }

        foreach (var f in Of(SampleFaultKind.NegativeVolume))
        {
            var b = Rows(f.Symbol, f.TimeUtc.Ticks).Single().Bar;
            Assert.True(b.Volume < 0);
            Assert.Equal(-Clean(f.Symbol, f.TimeUtc.Ticks).Volume, b.Volume);
        }
    }

    [Fact]
    public void UnadjustedSplit_BeforeRecordedTime_PricesAreRatioTimesTrue()
    {
        var f = Of(SampleFaultKind.UnadjustedSplit).Single();
        Assert.Equal(2.0, f.Value);
        Assert.DoesNotContain(Market.Truth.Pairs, p => p.SymbolA == f.Symbol || p.SymbolB == f.Symbol);
        var raw = Market[f.Symbol];
        var clean = Market.Clean(f.Symbol);
        int split = raw.LowerBound(f.TimeUtc.Ticks);
        Assert.Equal(f.TimeUtc.Ticks, raw.Time[split]);

        // The overnight ratio at the split is about 1:2 ...
        double overnight = raw.Open[split] / raw.Close[split - 1];
        Assert.InRange(overnight, 0.4, 0.6);

        // ... because every earlier bar is the true bar with prices doubled and volume halved.
        int checkedBars = 0;
        for (int i = 0; i < split; i++)
        {
            int c = clean.LowerBound(raw.Time[i]);
            if (IsFaultPlace(f.Symbol, raw.Time[i]))
            {
                continue;
            }

            Assert.Equal(clean.Close[c] * 2, raw.Close[i], 0.011);
            Assert.Equal(clean.Volume[c] / 2, raw.Volume[i], 0.51);
            checkedBars++;
        }

        Assert.Equal(f.Count, split);
        Assert.True(checkedBars > 1000);
    }

    [Fact]
    public void OutsideSessionBars_AtRecordedTimes_AreBeforeOpenOrFromClose()
    {
        foreach (var f in Of(SampleFaultKind.PreMarketBars).Concat(Of(SampleFaultKind.PostMarketBars)))
        {
            for (int i = 0; i < f.Count; i++)
            {
                long t = f.TimeUtc.Ticks + (i * Step);
                var row = Rows(f.Symbol, t).Single();
                Assert.Null(NyseCalendarSession(t));
                Assert.True(row.Bar.IsConsistent);
                Assert.True(row.Bar.Volume > 0);
            }

            long edge = f.Kind == SampleFaultKind.PreMarketBars ? f.TimeUtc.Ticks + (f.Count * Step) : f.TimeUtc.Ticks;
            var session = fx.Sessions.Single(s => f.Kind == SampleFaultKind.PreMarketBars ? s.OpenUtc.Ticks == edge : s.CloseUtc.Ticks == edge);
            Assert.NotEqual(default, session.Date);
        }
    }

    [Fact]
    public void DeliveredRows_AwayFromFaults_EqualTheCleanBars()
    {
        foreach (var raw in Market.Series)
        {
            var clean = Market.Clean(raw.Symbol);
            var faults = Market.Truth.Faults.Where(f => f.Symbol == raw.Symbol).ToList();
            int inserted = faults.Where(f => f.Kind is SampleFaultKind.DuplicateExact or SampleFaultKind.DuplicateConflicting
                or SampleFaultKind.PreMarketBars or SampleFaultKind.PostMarketBars).Sum(f => f.Count);
            int removed = faults.Where(f => f.Kind is SampleFaultKind.MissingBars or SampleFaultKind.MissingHalfDay).Sum(f => f.Count);
            Assert.Equal(clean.Count + inserted - removed, raw.Count);
            if (faults.Count == 0)
            {
                Assert.Same(clean, raw);
                continue;
            }

            var split = faults.SingleOrDefault(f => f.Kind == SampleFaultKind.UnadjustedSplit);
            for (int i = 0; i < raw.Count; i++)
            {
                long t = raw.Time[i];
                if (IsFaultPlace(raw.Symbol, t) || (split is not null && t < split.TimeUtc.Ticks))
                {
                    continue;
                }

                Assert.Equal(Clean(raw.Symbol, t), raw[i]);
            }
        }
    }

    [Fact]
    public void DeliveredRows_OutsideFaultPlaces_AreOhlcConsistent()
    {
        foreach (var raw in Market.Series)
        {
            for (int i = 0; i < raw.Count; i++)
            {
                if (!IsFaultPlace(raw.Symbol, raw.Time[i]))
                {
                    Assert.True(raw[i].IsConsistent, $"{raw.Symbol} row {i}");
                }
            }
        }
    }

    private bool IsFaultPlace(string symbol, long t)
    {
        foreach (var f in Market.Truth.Faults)
        {
            if (f.Symbol != symbol || f.Kind == SampleFaultKind.UnadjustedSplit)
            {
                continue;
            }

            long start = f.TimeUtc.Ticks;
            int span = f.Kind == SampleFaultKind.Spike ? 1 : Math.Max(1, f.Count);
            if (t >= start && t < start + (span * Step))
            {
                return true;
            }
        }

        return false;
    }

    private List<(int Index, Bar Bar)> Rows(string symbol, long t)
    {
        var s = Market[symbol];
        var list = new List<(int, Bar)>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Time[i] == t)
            {
                list.Add((i, s[i]));
            }
        }

        return list;
    }

    private Bar Clean(string symbol, long t)
    {
        var s = Market.Clean(symbol);
        int i = s.LowerBound(t);
        Assert.Equal(t, s.Time[i]);
        return s[i];
    }

    private static AlphaTrade.Core.Calendar.TradingSession? NyseCalendarSession(long t) =>
        AlphaTrade.Core.Calendar.NyseCalendar.Instance.SessionAt(new DateTime(t, DateTimeKind.Utc));

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(AlphaTrade.Core.Calendar.NyseCalendar.Instance.ToExchangeTime(utc));
}
