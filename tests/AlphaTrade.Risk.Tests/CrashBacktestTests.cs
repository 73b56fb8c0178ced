using AlphaTrade.Backtest;
using AlphaTrade.Configuration;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Sample;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Risk.Limits;
using AlphaTrade.Testing;

namespace AlphaTrade.Risk.Tests;

/// <summary>
/// The risk layer inside event-driven backtests (the kernel with the simulated venue, the <see cref="RiskOrderGate"/>
/// and the <see cref="RiskGuardedStrategy"/>), with the shipped <c>config/risk_params.yaml</c>.
/// </summary>
public class CrashBacktestTests
{
    private static DateOnly EasternDate(long utcTicks) => DateOnly.FromDateTime(UsEasternTime.ToEastern(new DateTime(utcTicks, DateTimeKind.Utc)));

    /// <summary>Holds every stock at an equal weight: rebalanced at the first bar of each session and again at midday.</summary>
    private sealed class EqualWeightLong(double gross) : Strategy
    {
        private DateOnly _day;
        private int _bar;

        public override string Name => "equal_weight";

        public override void OnBar(IStrategyContext context, BarSlice slice)
        {
            var day = EasternDate(context.NowUtcTicks);
            _bar = day == _day ? _bar + 1 : 0;
            _day = day;
            if (_bar is not (0 or 13))
            {
                return;
            }

            int n = context.Symbols.Count - 1;
            for (int i = 0; i < context.Symbols.Count; i++)
            {
                if (context.Symbols[i] != "SPY")
                {
                    context.SetTargetWeight(i, gross / n);
                }
            }
        }
    }

    private sealed record CrashRun(SampleCrash Crash, RiskManager Risk, RiskGuardedStrategy Guard, RunResult Result);

    private static readonly Lazy<SampleMarket> Market = new(() => new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions()));

    /// <summary>The shipped limits: circuit breaker halts, drawdown flattens.</summary>
    private static readonly Lazy<CrashRun> Run = new(() => RunCrash(static limits => limits));

    /// <summary>The shipped limits with <c>circuit_breaker_action: flatten</c>.</summary>
    private static readonly Lazy<CrashRun> FlattenRun = new(() => RunCrash(static limits => limits with { CircuitBreakerAction = ProtectiveAction.Flatten }));

    private static CrashRun RunCrash(Func<RiskParams, RiskParams> policy)
    {
        // The default sample market (seed 42, 2024-2025, 15-minute bars) with its planted crash.
        var market = Market.Value;
        var config = ConfigLoader.Load(RepoPaths.Root, new Dictionary<string, string>());
        var risk = new RiskManager(policy(config.Risk), config.Universe);
        var guard = new RiskGuardedStrategy(new EqualWeightLong(0.98), risk);
        var result = Backtester.Run(new BacktestSpec
        {
            Bars = market.Series,
            Calendar = NyseCalendar.Instance,
            Strategies = [guard],
            Gate = new RiskOrderGate(risk),
        });
        return new CrashRun(market.Truth.Crash!, risk, guard, result);
    }

    private static List<RiskEvent> States(string check) => States(Run.Value, check);

    private static List<RiskEvent> States(CrashRun run, string check) => [.. run.Risk.Log.Events.Where(e => e.Kind == "state" && e.Check == check)];

    [Fact]
    public void PlantedCrash_CircuitBreakerTripsOnTheWorstDay_AndHaltsNewRisk()
    {
        var run = Run.Value;
        var trips = States("circuit_breaker");
        Assert.NotEmpty(trips);
        Assert.Equal(run.Crash.WorstDate, EasternDate(trips[0].TimeUtcTicks));
        Assert.All(trips, t => Assert.InRange(EasternDate(t.TimeUtcTicks), run.Crash.StartDate, run.Crash.EndDate));
        Assert.Equal("halted", trips[0].Verdict);
        Assert.Contains("reached circuit_breaker_pct 3.00 %", trips[0].Reason, StringComparison.Ordinal);

        // The daily loss limit (also 3%) trips with it; the midday rebalance that would buy the dip is refused.
        Assert.Contains(States("daily_loss_limit"), e => e.TimeUtcTicks == trips[0].TimeUtcTicks);
        var refused = run.Risk.Log.Events.Where(e => e.Kind == "order" && e.Check.Contains("trading_halt", StringComparison.Ordinal)
            && EasternDate(e.TimeUtcTicks) == run.Crash.WorstDate).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, e => Assert.True(e.TimeUtcTicks > trips[0].TimeUtcTicks && e.Side == "buy" && e.Verdict == "reject"));
        Assert.True(run.Risk.Log.RejectedBy(RiskCheck.TradingHalt) >= refused.Count);

        // Refused orders reach the engine as rejections with the reason.
        Assert.Contains(run.Result.Orders, o => o.Status == OrderStatus.Rejected && o.Reason is { } r
            && r.Contains("trading state is halted: only risk-reducing orders pass", StringComparison.Ordinal));

        // The next session starts normal again.
        Assert.Contains(States("new_day"), e => EasternDate(e.TimeUtcTicks) > run.Crash.WorstDate && e.Verdict == "normal");
    }

    [Fact]
    public void PlantedCrash_DrawdownHaltFires_AndFlattensEveryPosition()
    {
        var run = Run.Value;
        var trip = Assert.Single(States("drawdown"));
        Assert.InRange(EasternDate(trip.TimeUtcTicks), run.Crash.StartDate, run.Crash.EndDate);
        Assert.Equal("flattening", trip.Verdict);
        Assert.Contains("reached max_drawdown_pct 15.00 %", trip.Reason, StringComparison.Ordinal);
        Assert.Equal(TradingState.Flattening, run.Risk.State);

        // The guard closed every position with market orders right after the trip, and nothing was held afterwards.
        var closes = run.Result.Orders.Where(o => o.Request.Tag == RiskGuardedStrategy.FlattenTag).ToList();
        Assert.Equal(46, closes.Count);
        Assert.All(closes, o => Assert.Equal(OrderStatus.Filled, o.Status));
        Assert.All(closes, o => Assert.True(o.SubmittedUtcTicks >= trip.TimeUtcTicks));
        Assert.NotEmpty(run.Result.Positions);
        Assert.All(run.Result.Positions, p => Assert.True(p.Date < EasternDate(trip.TimeUtcTicks), $"{p.Symbol} held at the close of {p.Date}"));
        Assert.DoesNotContain(run.Result.Orders, o => o.SubmittedUtcTicks > trip.TimeUtcTicks && o.Request.Tag != RiskGuardedStrategy.FlattenTag);

        // Flattened: the equity curve's drawdown stops within a bar's move of the limit.
        double peak = 0, worst = 0;
        foreach (double e in run.Result.Equity.Equity)
        {
            peak = Math.Max(peak, e);
            worst = Math.Max(worst, (peak - e) / peak);
        }

        Assert.InRange(worst, 0.15, 0.16);
    }

    [Fact]
    public void PlantedCrash_CircuitBreakerFlattenPolicy_ClosesForTheDayAndResumesNextSession()
    {
        var run = FlattenRun.Value;
        var trip = States(run, "circuit_breaker")[0];
        var day = EasternDate(trip.TimeUtcTicks);
        Assert.Equal(run.Crash.WorstDate, day);
        Assert.Equal("flattening", trip.Verdict);
        var closes = run.Result.Orders.Where(o => o.Request.Tag == RiskGuardedStrategy.FlattenTag && EasternDate(o.SubmittedUtcTicks) == day).ToList();
        Assert.Equal(46, closes.Count);
        Assert.All(closes, o => Assert.Equal(OrderStatus.Filled, o.Status));

        // Flat at that day's close; the next session is normal and the strategy buys back in.
        Assert.DoesNotContain(run.Result.Positions, p => p.Date == day);
        var next = NyseCalendar.Instance.NextTradingDay(day);
        Assert.Contains(run.Result.Positions, p => p.Date == next);
        Assert.Contains(States(run, "new_day"), e => EasternDate(e.TimeUtcTicks) == next && e.Verdict == "normal");
    }

    [Fact]
    public void PlantedCrash_RiskEventsCsv_HoldsEveryDecisionAndStateChange()
    {
        var run = Run.Value;
        using var dir = new TempDir();
        string path = dir.File("risk_events.csv");
        RiskEventCsvWriter.Write(path, run.Risk.Log.Events);
        var lines = File.ReadAllLines(path);
        Assert.Equal(RiskEventCsvWriter.Header, lines[0]);
        Assert.Equal(run.Risk.Log.Events.Count, lines.Length - 1);
        Assert.Equal(run.Risk.Log.Accepted + run.Risk.Log.Resized + run.Risk.Log.Rejected, lines.Count(l => l.Contains(",order,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains(",state,", StringComparison.Ordinal) && l.Contains(",circuit_breaker,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",state,", StringComparison.Ordinal) && l.Contains(",drawdown,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",reject,trading_halt,", StringComparison.Ordinal));
        Assert.Contains("rejected", run.Risk.Log.Summary(), StringComparison.Ordinal);
    }

    /// <summary>Places a resting limit buy, then pulls the kill switch two bars later and keeps trying to trade.</summary>
    private sealed class KillSwitchProbe(KillSwitch killSwitch) : Strategy
    {
        private int _bar;

        public OrderId Resting { get; private set; }

        public long EngagedAt { get; private set; }

        public OrderId AfterKill { get; private set; }

        public int BarsSeen => _bar;

        public override string Name => "probe";

        public override void OnBar(IStrategyContext context, BarSlice slice)
        {
            _bar++;
            int aapl = context.Symbols.IdOf("AAPL");
            decimal last = (decimal)Math.Round(context.Market.LastClose(aapl), 2);
            if (_bar == 3)
            {
                Resting = context.Submit(OrderRequest.Limit("AAPL", OrderSide.Buy, 100, Math.Round(last * 0.97m, 2), TimeInForce.Gtc));
            }
            else if (_bar == 5)
            {
                EngagedAt = context.NowUtcTicks;
                killSwitch.Engage("operator: test", context.NowUtcTicks);
                AfterKill = context.Submit(OrderRequest.Market("AAPL", OrderSide.Buy, 10));
            }
            else if (_bar > 5)
            {
                context.Submit(OrderRequest.Market("AAPL", OrderSide.Buy, 10));
            }
        }
    }

    [Fact]
    public void KillSwitch_InABacktest_CancelsOpenOrdersAndRejectsEveryOrder()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
        {
            Start = new DateOnly(2024, 3, 4), End = new DateOnly(2024, 3, 8), PlantCrash = false,
            Universe = [.. SampleMarketGenerator.DefaultUniverse.Take(3)],
        });
        var risk = new RiskManager(ConfigLoader.Load(RepoPaths.Root, new Dictionary<string, string>()).Risk);
        var probe = new KillSwitchProbe(risk.KillSwitch);
        var guard = new RiskGuardedStrategy(probe, risk);
        var result = Backtester.Run(new BacktestSpec { Bars = market.Series, Calendar = NyseCalendar.Instance, Strategies = [guard], Gate = new RiskOrderGate(risk) });

        var resting = Assert.Single(result.Orders, o => o.OrderId == probe.Resting);
        Assert.Equal(OrderStatus.Cancelled, resting.Status);
        Assert.Equal(1, guard.OrdersCancelled);
        Assert.Equal(TradingState.Killed, risk.State);
        var kill = Assert.Single(risk.Log.Events, e => e.Kind == "state" && e.Check == "kill_switch");
        Assert.Equal("killed", kill.Verdict);
        Assert.Equal(probe.EngagedAt, kill.TimeUtcTicks);

        // An order sent after the kill is refused by the gate with the reason; from the next bar the probe is suspended.
        var after = Assert.Single(result.Orders, o => o.OrderId == probe.AfterKill);
        Assert.Equal(OrderStatus.Rejected, after.Status);
        Assert.Equal("risk: kill switch engaged: operator: test", after.Reason);
        Assert.Equal(5, probe.BarsSeen);
        Assert.DoesNotContain(result.Fills, f => f.Fill.TimeUtcTicks > probe.EngagedAt);
        Assert.DoesNotContain(result.Orders, o => o.SubmittedUtcTicks > probe.EngagedAt && o.Status != OrderStatus.Rejected);
    }

    /// <summary>Buys AAPL and rests a limit buy 3% under the market on its first bar.</summary>
    private sealed class RestingEntryProbe : Strategy
    {
        public OrderId Resting { get; private set; }

        public override string Name => "resting";

        public override void OnBar(IStrategyContext context, BarSlice slice)
        {
            if (Resting != default)
            {
                return;
            }

            decimal last = (decimal)Math.Round(context.Market.LastClose(context.Symbols.IdOf("AAPL")), 2);
            context.Submit(OrderRequest.Market("AAPL", OrderSide.Buy, 400));
            Resting = context.Submit(OrderRequest.Limit("AAPL", OrderSide.Buy, 100, Math.Round(last * 0.97m, 2), TimeInForce.Gtc));
        }
    }

    [Fact]
    public void CircuitBreakerHalt_InABacktest_CancelsRestingEntriesAndKeepsPositions()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
        {
            Start = new DateOnly(2024, 3, 4), End = new DateOnly(2024, 3, 15), PlantCrash = false,
            Universe = [.. SampleMarketGenerator.DefaultUniverse.Take(3)],
        });

        // A hair-trigger breaker (0.01% of equity) so a small position trips it; the halt policy keeps positions.
        var limits = ConfigLoader.Load(RepoPaths.Root, new Dictionary<string, string>()).Risk with { CircuitBreakerPct = 0.0001 };
        var risk = new RiskManager(limits);
        var probe = new RestingEntryProbe();
        var guard = new RiskGuardedStrategy(probe, risk);
        var result = Backtester.Run(new BacktestSpec { Bars = market.Series, Calendar = NyseCalendar.Instance, Strategies = [guard], Gate = new RiskOrderGate(risk) });

        var trip = risk.Log.Events.First(e => e.Kind == "state" && e.Check == "circuit_breaker");
        Assert.Equal("halted", trip.Verdict);
        Assert.Equal(ProtectiveTrigger.CircuitBreaker, guard.ActionsTaken[0].Trigger);
        var resting = Assert.Single(result.Orders, o => o.OrderId == probe.Resting);
        Assert.Equal(OrderStatus.Cancelled, resting.Status);
        Assert.True(resting.UpdatedUtcTicks >= trip.TimeUtcTicks);
        Assert.Equal(1, guard.OrdersCancelled);
        Assert.Equal(0, guard.FlattenOrdersSent);
        Assert.Contains(result.Positions, p => p.Symbol == "AAPL" && p.Quantity == 400 && p.Date >= EasternDate(trip.TimeUtcTicks));
    }
}
