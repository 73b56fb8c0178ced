using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Resampling;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Indicators;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Tests;

public sealed class FrameworkTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(TimeFrame.DailyMinutes)]
    public void Incremental_higher_time_frame_bars_equal_the_batch_session_aligned_resampler(int minutes)
    {
        var frame = minutes == TimeFrame.DailyMinutes ? TimeFrame.Daily : TimeFrame.FromMinutes(minutes);
        var source = SampleData.Market.Clean("AAPL").Slice(0, 26 * 40);

        // Drop a few bars (one at a bucket end, one mid-bucket) so late publication is exercised too.
        var gappy = new BarSeries("AAPL", source.TimeFrame);
        for (int i = 0; i < source.Count; i++)
        {
            if (i != 29 && i != 100 && i != 25 + 26)
            {
                gappy.Add(source[i]);
            }
        }

        var batch = new BarResampler(SampleData.Calendar).Resample(gappy, frame);
        var (bars, publishedAt) = Aggregate(gappy, frame);

        Assert.Equal(batch.Count, bars.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i], bars[i]);
        }

        // Never published before the bucket's last base bar completed: no look-ahead.
        for (int i = 0; i < bars.Count; i++)
        {
            var session = SampleData.Calendar.SessionAt(bars[i].TimeUtc)!.Value;
            long bucketEnd = frame.IsDaily ? session.CloseUtc.Ticks : Math.Min(bars[i].TimeUtcTicks + frame.Duration.Ticks, session.CloseUtc.Ticks);
            long lastInBucket = gappy.Time.ToArray().Where(t => t >= bars[i].TimeUtcTicks && t < bucketEnd).Max();
            Assert.True(publishedAt[i] >= lastInBucket + source.TimeFrame.Duration.Ticks);
        }
    }

    private static (List<Bar> Bars, List<long> PublishedAt) Aggregate(BarSeries series, TimeFrame frame)
    {
        var symbols = new SymbolTable([series.Symbol]);
        var agg = new SessionBarAggregator(frame, symbols, 10_000);
        var publishedAt = new List<long>();
        long step = series.TimeFrame.Duration.Ticks;
        TradingSession? current = null;
        for (int i = 0; i < series.Count; i++)
        {
            var b = series[i];
            var s = SampleData.Calendar.SessionAt(b.TimeUtc)!.Value;
            if (current is { } c && c.Date != s.Date)
            {
                // Session close event of the previous session.
                if (agg.Flush(0, i))
                {
                    publishedAt.Add(c.CloseUtc.Ticks);
                }
            }

            current = s;
            int n = agg.Add(0, b.TimeUtcTicks, b.TimeUtcTicks + step, s.OpenUtc.Ticks, s.CloseUtc.Ticks, b.Open, b.High, b.Low, b.Close, b.Volume, i);
            for (int k = 0; k < n; k++)
            {
                publishedAt.Add(b.TimeUtcTicks + step);
            }
        }

        if (current is { } last && agg.Flush(0, series.Count))
        {
            publishedAt.Add(last.CloseUtc.Ticks);
        }

        var h = agg.History;
        var bars = Enumerable.Range(0, h.Length(0)).Select(i => new Bar(h.Time(0)[i], h.Open(0)[i], h.High(0)[i], h.Low(0)[i], h.Close(0)[i], h.Volume(0)[i])).ToList();
        return (bars, publishedAt);
    }

    /// <summary>Records what the framework shows the strategy: daily SMA through the handle, and the daily view.</summary>
    private sealed class Probe : ITradingStrategy
    {
        public IndicatorHandle Sma { get; private set; } = null!;

        public IndicatorHandle HourlyRsi { get; private set; } = null!;

        public List<(long Now, double Sma, double[] DailyCloses, double Rsi, double[] HourlyCloses)> Seen { get; } = [];

        public void Initialize(StrategySetup setup)
        {
            Sma = setup.Indicator("sma", TimeFrame.Daily, 5);
            HourlyRsi = setup.Indicator("rsi", TimeFrame.Hourly, 14);
            setup.UseTimeFrame(TimeFrame.Daily, 500);
            setup.UseTimeFrame(TimeFrame.Hourly, 5000);
        }

        public void OnBar(TradingContext context) =>
            Seen.Add((context.NowUtcTicks, Sma.Value(0), context.Market.Daily.Close(0).ToArray(), HourlyRsi.Value(0), context.Market.Hourly.Close(0).ToArray()));
    }

    [Fact]
    public void Registered_indicators_on_higher_time_frames_see_exactly_the_completed_bars()
    {
        var series = SampleData.Market.Clean("MSFT").Slice(0, 26 * 30);
        var probe = new Probe();
        var host = new StrategyHost("probe", probe, new StrategyHostOptions { Calendar = SampleData.Calendar });
        SampleData.Run([series], [host]);

        var daily = new BarResampler(SampleData.Calendar).Resample(series, TimeFrame.Daily);
        var hourly = new BarResampler(SampleData.Calendar).Resample(series, TimeFrame.Hourly);
        var sma = Compute("sma", daily, 5);
        var rsi = Compute("rsi", hourly, 14);
        Assert.Equal(series.Count, probe.Seen.Count);
        foreach (var (now, smaSeen, dailySeen, rsiSeen, hourlySeen) in probe.Seen)
        {
            // Daily bars whose session closed by now; hourly bars whose bucket ended by now.
            int nd = Enumerable.Range(0, daily.Count).Count(i => SampleData.Calendar.SessionAt(daily[i].TimeUtc)!.Value.CloseUtc.Ticks <= now);
            int nh = Enumerable.Range(0, hourly.Count).Count(i => HourEnd(hourly[i]) <= now);
            Assert.Equal(daily.Close[..nd].ToArray(), dailySeen);
            Assert.Equal(hourly.Close[..nh].ToArray(), hourlySeen);
            Assert.Equal(nd == 0 ? double.NaN : sma[nd - 1], smaSeen);
            Assert.Equal(nh == 0 ? double.NaN : rsi[nh - 1], rsiSeen);
        }
    }

    private static long HourEnd(Bar b)
    {
        var s = SampleData.Calendar.SessionAt(b.TimeUtc)!.Value;
        return Math.Min(b.TimeUtcTicks + TimeSpan.FromHours(1).Ticks, s.CloseUtc.Ticks);
    }

    private static double[] Compute(string name, BarSeries s, double period)
    {
        var def = IndicatorRegistry.Get(name);
        var p = def.DefaultParameters();
        p[0] = period;
        var outs = new[] { new double[s.Count] };
        def.Compute(new OhlcvInput(s), p, outs);
        return outs[0];
    }

    [Fact]
    public void Equal_weight_gives_each_active_signal_one_over_their_count()
    {
        var u = new StrategyUniverse(new SymbolTable(["A", "B", "C", "D"]), [0, 1, 2, 3]);
        var w = new double[4];
        new EqualWeightConstruction().Construct(new ConstructionInput(u, [1, -1, 0, 1], [0.2, 0.9, 0, 0.5], new MarketHistory(u.Symbols, 4)), w);
        Assert.Equal([1 / 3.0, -1 / 3.0, 0, 1 / 3.0], w);
    }

    [Fact]
    public void Signal_weighting_sizes_by_strength_over_total_strength()
    {
        var u = new StrategyUniverse(new SymbolTable(["A", "B", "C"]), [0, 1, 2]);
        var w = new double[3];
        new SignalWeightedConstruction().Construct(new ConstructionInput(u, [1, -1, 0], [0.25, 0.75, 1], new MarketHistory(u.Symbols, 4)), w);
        Assert.Equal([0.25, -0.75, 0], w);
    }

    [Fact]
    public void Inverse_volatility_weights_are_proportional_to_one_over_return_standard_deviation()
    {
        var symbols = new SymbolTable(["CALM", "WILD"]);
        var u = new StrategyUniverse(symbols, [0, 1]);
        var h = new MarketHistory(symbols, 64);
        double calm = 100, wild = 100;
        for (int i = 0; i < 40; i++)
        {
            double sign = i % 2 == 0 ? 1 : -1;
            calm *= Math.Exp(0.01 * sign);
            wild *= Math.Exp(0.03 * sign);
            h.Append(0, i, calm, calm, calm, calm, 1);
            h.Append(1, i, wild, wild, wild, wild, 1);
        }

        var w = new double[2];
        new InverseVolatilityConstruction(20).Construct(new ConstructionInput(u, [1, 1], [1, 1], h), w);

        // sd of ±1% vs ±3% alternating returns: weights 3:1.
        Assert.Equal(0.75, w[0], 12);
        Assert.Equal(0.25, w[1], 12);
    }

    [Fact]
    public void The_limit_risk_step_clips_positions_then_scales_gross_exposure()
    {
        var u = new StrategyUniverse(new SymbolTable(["A", "B", "C"]), [0, 1, 2]);
        double[] w = [0.5, -0.05, 0.08];
        new LimitRiskStep(maxPosition: 0.1, maxGross: 0.2).Apply(u, w);

        // Clipped to 0.1, -0.05, 0.08 (gross 0.23), then scaled by 0.2/0.23.
        Assert.Equal(0.1 * 0.2 / 0.23, w[0], 14);
        Assert.Equal(-0.05 * 0.2 / 0.23, w[1], 14);
        Assert.Equal(0.08 * 0.2 / 0.23, w[2], 14);
    }

    [Fact]
    public void The_no_trade_band_skips_small_same_side_resizes_but_never_entries_exits_or_reversals()
    {
        var exec = new MarketOrderExecution(rebalanceBand: 0.25, minTradeWeight: 0.01);
        const double capital = 100_000, price = 50;

        // Resizes on the same side: inside the band when |Δ| < 25% of the target or Δ·price < 1% of capital ($1,000).
        Assert.True(exec.IsSmallResize(want: 100, have: 80, price, capital));   // Δ 20 < 25, and $1,000 is not below $1,000
        Assert.True(exec.IsSmallResize(want: 1000, have: 990, price, capital)); // Δ 10: $500 < $1,000
        Assert.False(exec.IsSmallResize(want: 1000, have: 700, price, capital)); // Δ 300 ≥ 250 and $15,000 ≥ $1,000
        Assert.True(exec.IsSmallResize(want: -1000, have: -800, price, capital)); // short side: Δ 200 < 250

        // Entries, exits and reversals always trade, however small.
        Assert.False(exec.IsSmallResize(want: 1, have: 0, price, capital));
        Assert.False(exec.IsSmallResize(want: 0, have: 1, price, capital));
        Assert.False(exec.IsSmallResize(want: -1, have: 1, price, capital));

        // Zero thresholds trade every change.
        Assert.False(new MarketOrderExecution().IsSmallResize(want: 1001, have: 1000, price, capital));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarketOrderExecution(rebalanceBand: 1.5));
    }

    [Fact]
    public void Strategies_side_by_side_keep_their_own_books_and_capital_allocations()
    {
        var market = SampleData.Market;
        var bars = SampleData.Series(market);
        var end = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var momentumLog = new DecisionLog();
        var factorsLog = new DecisionLog();
        var momentum = SampleData.Host(MultiTimeframeMomentum.TypeName, market, momentumLog, parameters: SampleData.Quick(MultiTimeframeMomentum.TypeName), allocation: 0.6);
        var factors = SampleData.Host(CrossSectionalFactors.TypeName, market, factorsLog, parameters: SampleData.Quick(CrossSectionalFactors.TypeName), allocation: 0.4);
        var result = SampleData.Run(bars, [momentum, factors], endUtc: end);

        Assert.Equal(["mtf_momentum", "factors"], result.Strategies);
        Assert.Equal(2, result.StrategyPnl.Count);
        Assert.Equal(result.TotalPnl.RealizedPnl + result.TotalPnl.UnrealizedPnl, result.StrategyPnl.Sum(p => p.RealizedPnl + p.UnrealizedPnl));
        Assert.Equal(result.TotalPnl.Commission, result.StrategyPnl.Sum(p => p.Commission));
        Assert.NotEqual(0m, result.StrategyPnl[0].NetPnl);
        Assert.NotEqual(0m, result.StrategyPnl[1].NetPnl);

        // Each strategy's positions stay within its allocation: weights are of its own capital.
        foreach (var day in result.Positions.GroupBy(p => (p.TimeUtcTicks, p.Strategy)))
        {
            decimal gross = day.Sum(p => Math.Abs(p.MarketValue));
            decimal equity = result.Daily.First(d => d.CloseUtcTicks == day.Key.TimeUtcTicks).Equity;
            decimal allocation = day.Key.Strategy == "mtf_momentum" ? 0.6m : 0.4m;
            Assert.True(gross <= equity * allocation * 1.15m, $"{day.Key.Strategy} gross {gross} above its allocation of {equity}");
        }
    }

    [Fact]
    public void Parameters_bind_with_defaults_and_reject_unknown_names_and_bad_values()
    {
        var schema = BollingerReversion.Parameters;
        var p = StrategyParameters.Bind(schema, [new("period", "30")]);
        Assert.Equal(30, p.Int("period"));
        Assert.Equal(2.0, p.Real("entry_z"));
        Assert.True(p.Flag("allow_short"));

        var unknown = Assert.Throws<ArgumentException>(() => StrategyParameters.Bind(schema, [new("perod", "30")]));
        Assert.Contains("unknown parameter 'perod'", unknown.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<ArgumentException>(() => StrategyParameters.Bind(schema, [new("period", "1")]));
        Assert.Contains("a whole number in [2, 2000]", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_lists_the_six_library_strategies_with_documented_parameters()
    {
        Assert.Equal(["mtf_momentum", "donchian_breakout", "bollinger_reversion", "pairs", "sector_rotation", "factors"],
            StrategyRegistry.Types.Select(t => t.Name).Take(6));
        foreach (var t in StrategyRegistry.Types)
        {
            Assert.All(t.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            Assert.All(t.Parameters, p => Assert.Null(p.Check(p.Default)));
        }
    }
}

public sealed class PairScreenTests
{
    [Theory]
    [InlineData("KO", "PEP", 3900)]
    [InlineData("AAPL", "MSFT", 3900)]
    [InlineData("XOM", "CVX", 520)]
    [InlineData("JPM", "BAC", 1000)]
    public void The_closed_form_screen_equals_the_statistics_library_engle_granger_test(string a, string b, int n)
    {
        var x = SampleData.Market.Clean(a).Close[..n].ToArray().Select(v => Math.Log(v)).ToArray();
        var y = SampleData.Market.Clean(b).Close[..n].ToArray().Select(v => Math.Log(v)).ToArray();
        var reference = Statistics.EngleGranger.Test(y, [x], Statistics.TrendTerms.Constant, maxLag: 1, selection: Statistics.LagSelection.Fixed);
        var fast = PairScreen.Test(y, x, new double[n]);
        Assert.Equal(reference.HedgeRatios[0], fast.Beta, 1e-9);
        Assert.Equal(reference.Intercept, fast.Alpha, 1e-9);
        Assert.Equal(reference.Statistic, fast.Statistic, 1e-8);
        Assert.Equal(reference.PValue, fast.PValue, 1e-9);
        Assert.Equal(reference.HalfLife, fast.HalfLife, 1e-6 * reference.HalfLife);
    }
}
