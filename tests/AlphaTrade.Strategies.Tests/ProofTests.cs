using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

/// <summary>Each strategy does what it claims on planted ground truth.</summary>
public sealed class ProofTests
{
    [Theory]
    [InlineData("rolling")]
    [InlineData("kalman")]
    public void Pairs_finds_exactly_the_planted_cointegrated_pairs_and_trades_their_legs_against_each_other(string hedge)
    {
        var market = SampleData.TwoYears;
        var log = new DecisionLog();
        var host = SampleData.Host(PairsTrading.TypeName, market, log, parameters: [new("hedge", hedge), new("formation_bars", "9000")]);
        SampleData.Run(SampleData.Series(market), [host]);
        var pairs = (PairsTrading)host.Strategy;
        var symbols = market.CleanSeries.Select(s => s.Symbol).ToList();

        // Every selection (the first after 9000 bars, then every 520 bars) is exactly the four planted pairs.
        var planted = market.Truth.Pairs.Select(p => Key(p.SymbolA, p.SymbolB)).Order().ToList();
        Assert.Equal(["CVX/XOM", "GS/MS", "KO/PEP", "MA/V"], planted);
        Assert.True(pairs.Selections.Count >= 5);
        foreach (var selection in pairs.Selections)
        {
            Assert.Equal(planted, selection.Select(p => Key(symbols[p.A], symbols[p.B])).Order().ToList());
        }

        // It trades, only planted legs, always one leg long and the other short.
        var legs = market.Truth.Pairs.SelectMany(p => new[] { p.SymbolA, p.SymbolB }).ToHashSet();
        Assert.NotEmpty(log.Items);
        Assert.All(log.Items, d => Assert.Contains(symbols[d.SymbolId], legs));
        foreach (var pair in market.Truth.Pairs)
        {
            int a = symbols.IndexOf(pair.SymbolA), b = symbols.IndexOf(pair.SymbolB);
            foreach (var at in log.Items.Where(d => (d.SymbolId == b || d.SymbolId == a) && d.Weight != 0))
            {
                int other = at.SymbolId == a ? b : a;
                var leg = log.Items.Single(d => d.SymbolId == other && d.TimeUtcTicks == at.TimeUtcTicks);
                Assert.Equal(-Math.Sign(at.Weight), Math.Sign(leg.Weight));
            }
        }
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "/" + b : b + "/" + a;

    [Fact]
    public void Momentum_is_long_far_more_often_in_planted_bull_regimes_than_in_bear_regimes()
    {
        var market = SampleData.Market;
        var log = new DecisionLog();
        var host = SampleData.Host(MultiTimeframeMomentum.TypeName, market, log);
        SampleData.Run(SampleData.Series(market), [host]);

        // Long share of the universe at each session close, by planted regime.
        var symbols = market.CleanSeries.Count;
        var weights = new double[symbols];
        int next = 0;
        var byRegime = new Dictionary<SampleRegime, List<double>>();
        foreach (var day in market.Truth.Regimes)
        {
            var session = SampleData.Calendar.GetSession(day.Date);
            if (session is not { } s)
            {
                continue;
            }

            while (next < log.Items.Count && log.Items[next].TimeUtcTicks <= s.CloseUtc.Ticks)
            {
                weights[log.Items[next].SymbolId] = log.Items[next].Weight;
                next++;
            }

            // Skip the warm-up (the 50-day filter is not ready before).
            if (day.Date < new DateOnly(2024, 4, 1))
            {
                continue;
            }

            double longShare = weights.Count(w => w > 0) / (double)symbols;
            byRegime.TryAdd(day.Regime, []);
            byRegime[day.Regime].Add(longShare);
        }

        Assert.True(byRegime.ContainsKey(SampleRegime.Bull) && byRegime.ContainsKey(SampleRegime.Bear), "the sample year holds both regimes");
        double bull = byRegime[SampleRegime.Bull].Average();
        double bear = byRegime[SampleRegime.Bear].Average();
        Assert.True(bull > 2 * bear && bull > 0.15, $"long share in bull regimes {bull:F3}, in bear regimes {bear:F3}");
        Assert.DoesNotContain(log.Items, d => d.Weight < 0);
    }

    [Fact]
    public void Mean_reversion_fades_every_planted_overshoot_and_trades_nowhere_else()
    {
        // A quiet random walk with planted overshoots: three bars of +/-1.5% that revert over the next three.
        var calendar = SampleData.Calendar;
        var series = new BarSeries("X", Core.Time.TimeFrame.FifteenMinutes);
        var rng = new Random(7);
        var overshoots = new Dictionary<int, int>();
        double level = 0;
        int bar = 0;
        var spikes = new Queue<(int Start, int Sign)>([(200, 1), (330, -1), (460, 1), (590, -1), (720, 1), (850, -1)]);
        foreach (var session in calendar.Sessions(new DateOnly(2024, 1, 2), new DateOnly(2024, 3, 1)))
        {
            for (long t = session.OpenUtc.Ticks; t < session.CloseUtc.Ticks; t += TimeSpan.FromMinutes(15).Ticks)
            {
                // Quiet i.i.d. noise around 100 (no trend, no drift), plus the overshoot path.
                double noise = (rng.NextDouble() - 0.5) * 0.001;
                if (spikes.Count > 0 && bar >= spikes.Peek().Start)
                {
                    var (start, sign) = spikes.Peek();
                    int k = bar - start;
                    level += k < 3 ? sign * 0.015 : k < 6 ? -sign * 0.015 : 0;
                    overshoots[bar] = sign;
                    if (k == 5)
                    {
                        spikes.Dequeue();
                    }
                }

                double open = series.Count == 0 ? 100 : series.Close[^1];
                double price = 100 * Math.Exp(level + noise);
                series.Add(t, open, Math.Max(open, price), Math.Min(open, price), price, 1000);
                bar++;
            }
        }

        var log = new DecisionLog();
        var host = new StrategyHost("mr", new BollingerReversion(), new StrategyHostOptions
        {
            Calendar = calendar,
            Parameters = StrategyParameters.Defaults(BollingerReversion.Parameters),
            Decisions = log,
        });
        SampleData.Run([series], [host]);

        var times = series.Time.ToArray();
        var entries = log.Items.Where(d => d.Weight != 0).ToList();
        Assert.Equal(6, entries.Count);
        foreach (var e in entries)
        {
            int at = Array.IndexOf(times, e.TimeUtcTicks - TimeSpan.FromMinutes(15).Ticks);
            Assert.True(overshoots.TryGetValue(at, out int sign), $"entry at bar {at} is not inside a planted overshoot");
            Assert.Equal(-sign, Math.Sign(e.Weight));
        }

        // Every entry is closed again (at the mean or by the time stop).
        Assert.Equal(0, log.Items[^1].Weight);
    }

    [Fact]
    public void Sector_rotation_holds_the_members_of_the_top_sectors_by_independently_computed_momentum()
    {
        var market = SampleData.Market;
        var log = new DecisionLog();
        var host = SampleData.Host(SectorRotation.TypeName, market, log);
        SampleData.Run(SampleData.Series(market), [host]);
        var rotation = (SectorRotation)host.Strategy;
        Assert.True(rotation.Rebalances.Count >= 8);

        var sectors = SampleData.Sectors(market);
        var daily = market.CleanSeries.ToDictionary(s => s.Symbol, s => new Data.Resampling.BarResampler(SampleData.Calendar).Resample(s, Core.Time.TimeFrame.Daily));
        foreach (var (time, held) in rotation.Rebalances)
        {
            var momentum = sectors.Where(kv => daily.ContainsKey(kv.Key)).GroupBy(kv => kv.Value).Select(g => (Sector: g.Key, Momentum: g.Average(kv =>
            {
                var d = daily[kv.Key];
                int last = Enumerable.Range(0, d.Count).Last(i => SampleData.Calendar.SessionAt(d[i].TimeUtc)!.Value.CloseUtc.Ticks <= time);
                return (d.Close[last] / d.Close[last - 63]) - 1;
            }))).OrderByDescending(x => x.Momentum).Take(3).Select(x => x.Sector).ToArray();
            Assert.Equal(momentum, held);
        }
    }

    [Fact]
    public void Rank_z_scores_match_scipy_rankdata_standardised()
    {
        // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6], method="average") -> [4, 1.5, 5, 1.5, 6, 8, 3, 7];
        // standardised with ddof=1: ((r - r.mean()) / r.std(ddof=1)), numpy 1.24 / scipy 1.10 (Debian 12), printed to 12 places.
        double[] z = CrossSectionalFactors.RankZ([3, 1, 4, 1, 5, 9, 2, 6]);
        double[] expected = [-0.205350127097, -1.232100762583, 0.205350127097, -1.232100762583, 0.616050381291, 1.437450889680, -0.616050381291, 1.026750635486];
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(expected[i], z[i], 9);
        }
    }

    [Fact]
    public void Factors_long_only_holds_the_top_fifth_by_combined_rank_score()
    {
        var market = SampleData.Market;
        var host = SampleData.Host(CrossSectionalFactors.TypeName, market, parameters: SampleData.Quick(CrossSectionalFactors.TypeName));
        SampleData.Run(SampleData.Series(market), [host], endUtc: new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        var f = (CrossSectionalFactors)host.Strategy;
        Assert.NotEmpty(f.Rebalances);
        var (_, longs, shorts) = f.Rebalances[^1];
        Assert.Empty(shorts);
        Assert.Equal((int)Math.Ceiling(market.CleanSeries.Count * 0.2), longs.Length);
        double worstHeld = longs.Min(id => f.Scores[id]);
        for (int id = 0; id < market.CleanSeries.Count; id++)
        {
            if (!longs.Contains(id))
            {
                Assert.True(f.Scores[id] <= worstHeld);
            }
        }
    }

    [Fact]
    public void Breakout_enters_only_on_closes_above_the_prior_channel_with_volume_and_exits_on_its_stops()
    {
        var market = SampleData.Market;
        var log = new DecisionLog();
        var host = SampleData.Host(DonchianBreakout.TypeName, market, log);
        SampleData.Run(SampleData.Series(market), [host], endUtc: new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        var entries = log.Items.Where(d => d.Weight > 0).GroupBy(d => d.SymbolId).Select(g => g.First()).ToList();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            var s = market.CleanSeries[e.SymbolId];
            int i = s.LowerBound(e.TimeUtcTicks - TimeSpan.FromMinutes(15).Ticks);
            double channel = s.High[(i - 55)..i].ToArray().Max();
            double avgVolume = s.Volume[(i - 19)..(i + 1)].ToArray().Average();
            Assert.True(s.Close[i] > channel, "close above the prior 55-bar high");
            Assert.True(s.Volume[i] >= 1.5 * avgVolume * (1 - 1e-12), "volume confirmation");
        }
    }

    [Fact]
    public void Breakout_with_shorts_enters_short_only_on_closes_below_the_prior_low_channel_with_volume()
    {
        var market = SampleData.Market;
        var log = new DecisionLog();
        var host = SampleData.Host(DonchianBreakout.TypeName, market, log, parameters: [new("allow_short", "true")]);
        SampleData.Run(SampleData.Series(market), [host], endUtc: new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        var entries = log.Items.Where(d => d.Weight < 0).GroupBy(d => d.SymbolId).Select(g => g.First()).ToList();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            var s = market.CleanSeries[e.SymbolId];
            int i = s.LowerBound(e.TimeUtcTicks - TimeSpan.FromMinutes(15).Ticks);
            double channel = s.Low[(i - 55)..i].ToArray().Min();
            double avgVolume = s.Volume[(i - 19)..(i + 1)].ToArray().Average();
            Assert.True(s.Close[i] < channel, "close below the prior 55-bar low");
            Assert.True(s.Volume[i] >= 1.5 * avgVolume * (1 - 1e-12), "volume confirmation");
        }
    }
}
