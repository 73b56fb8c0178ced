using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Kernel;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Engine.Time;

namespace AlphaTrade.Engine.Tests.Kernel;

public sealed class TradingKernelTests
{
    private static readonly NyseCalendar Cal = NyseCalendar.Instance;
    private static readonly SymbolTable Symbols = new(["AAA", "BBB"]);

    private static long Et(int day, int hour, int minute) => Cal.ToUtc(new DateTime(2024, 1, day, hour, minute, 0)).Ticks;

    private static IEnumerable<(int, Bar)> Bars(params (int Day, int Hour, int Minute)[] times) =>
        times.SelectMany(t => new[]
        {
            (0, new Bar(Et(t.Day, t.Hour, t.Minute), 100, 101, 99, 100.5, 10_000)),
            (1, new Bar(Et(t.Day, t.Hour, t.Minute), 50, 51, 49, 50.5, 10_000)),
        });

    private static (TradingKernel Kernel, RecordingClient Client) Build(LoggingStrategy s, IEnumerable<(int, Bar)> bars,
        IOrderGate? gate = null, MarginPolicy? margin = null, decimal capital = 100_000m)
    {
        var feed = new ListFeed(Symbols, bars);
        feed.TryPeekNextStart(out long first);
        var clock = new SimulatedClock(first);
        var client = new RecordingClient { Clock = clock };
        var kernel = new TradingKernel(new KernelOptions
        {
            Feed = feed,
            Execution = client,
            Calendar = Cal,
            Strategies = [s],
            Clock = clock,
            InitialCapital = capital,
            Gate = gate ?? AcceptAllGate.Instance,
            Margin = margin ?? MarginPolicy.RegT,
        });
        return (kernel, client);
    }

    [Fact]
    public void Run_TwoSessions_EventsInTimeOrderWithTies()
    {
        var s = new LoggingStrategy();
        s.Start = ctx => ctx.Schedule(Et(2, 9, 45), "at-bar-end");
        var (kernel, _) = Build(s, Bars((2, 9, 30), (2, 15, 45), (3, 9, 30)));
        kernel.Run();
        Assert.Equal(
            ["start", "open 01-02", "bar 09:30-09:45", "timer at-bar-end 09:45", "bar 15:45-16:00", "close 01-02", "open 01-03", "bar 09:30-09:45", "close 01-03", "stop"],
            s.Log);
    }

    [Fact]
    public void OnBar_History_EndsAtTheCurrentBarAndClockAtItsClose()
    {
        var s = new LoggingStrategy();
        var seen = new List<(long Last, long Start, long Now, int Len)>();
        s.Bar = (ctx, slice) => seen.Add((ctx.Market.Time(0)[^1], slice.StartUtcTicks, ctx.NowUtcTicks, ctx.Market.Length(0)));
        var (kernel, _) = Build(s, Bars((2, 9, 30), (2, 9, 45), (2, 10, 0)));
        kernel.Run();
        Assert.Equal(3, seen.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(seen[i].Start, seen[i].Last);
            Assert.Equal(seen[i].Start + TimeSpan.FromMinutes(15).Ticks, seen[i].Now);
            Assert.Equal(i + 1, seen[i].Len);
        }
    }

    [Fact]
    public void Submit_GateRejects_StrategyGetsRejectedEventAndClientSeesNothing()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 10));
        var gate = new FuncGate(_ => GateDecision.Reject("max position"));
        var (kernel, client) = Build(s, Bars((2, 9, 30)), gate);
        var result = kernel.Run();
        Assert.Empty(client.Submitted);
        var rejected = Assert.IsType<OrderRejected>(Assert.Single(s.Events));
        Assert.Equal("risk: max position", rejected.Reason);
        Assert.Equal(OrderStatus.Rejected, Assert.Single(result.Orders).Status);
    }

    [Fact]
    public void Submit_GateResizes_ClientReceivesResizedOrder()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 1000));
        var gate = new FuncGate(c => GateDecision.Resize(c.Request.Quantity / 2, "half"));
        var (kernel, client) = Build(s, Bars((2, 9, 30)), gate);
        kernel.Run();
        Assert.Equal(500, Assert.Single(client.Submitted).Request.Quantity);
        Assert.Equal(500, Assert.IsType<OrderAccepted>(Assert.Single(s.Events)).Quantity);
    }

    [Fact]
    public void Submit_CashAccountShortSale_IsRejectedNotThrown()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Submit(OrderRequest.Market("AAA", OrderSide.Sell, 10));
        var (kernel, client) = Build(s, Bars((2, 9, 30)), margin: MarginPolicy.CashAccount);
        kernel.Run();
        Assert.Empty(client.Submitted);
        Assert.Contains("short sale not allowed", Assert.IsType<OrderRejected>(Assert.Single(s.Events)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_BeyondBuyingPower_IsRejectedWithReason()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 5000)); // 500,000 > 4 × 100,000
        var (kernel, _) = Build(s, Bars((2, 9, 30)));
        kernel.Run();
        Assert.Contains("insufficient buying power", Assert.IsType<OrderRejected>(Assert.Single(s.Events)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_UnknownSymbol_IsRejected()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Submit(OrderRequest.Market("ZZZ", OrderSide.Buy, 1));
        var (kernel, _) = Build(s, Bars((2, 9, 30)));
        kernel.Run();
        Assert.Equal("unknown symbol ZZZ", Assert.IsType<OrderRejected>(Assert.Single(s.Events)).Reason);
    }

    [Fact]
    public void FillEvents_BookedInLedgerBeforeStrategyHearsOfThem()
    {
        var s = new LoggingStrategy();
        RecordingClient? client = null;
        long positionSeenAtFill = -1;
        s.Bar = (ctx, slice) =>
        {
            if (ctx.Market.Length(0) == 1)
            {
                var id = ctx.Submit(OrderRequest.Market("AAA", OrderSide.Buy, 100));
                var r = client!.Submitted[^1].Request;
                client.FillNow(id, r, 40, 100m, last: false);
                client.FillNow(id, r, 60, 101m, last: true);
            }
        };
        s.Filled = (ctx, f) => positionSeenAtFill = ctx.Position(0);
        (var kernel, client) = Build(s, Bars((2, 9, 30), (2, 9, 45)));
        var result = kernel.Run();
        Assert.Equal(100, positionSeenAtFill);
        Assert.Equal(100, kernel.Ledger.Quantity(0));
        Assert.Equal(100_000m - 4_000m - 6_060m - 2m, kernel.Ledger.Cash);
        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(100.6m, order.AverageFillPrice);
        Assert.Equal(2, result.Fills.Count);
    }

    [Fact]
    public void SetTargetWeight_TenPercent_BuysTruncatedShares()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.SetTargetWeight(1, 0.1); // 10,000 / 50.5 = 198.01
        var (kernel, client) = Build(s, Bars((2, 9, 30)));
        kernel.Run();
        var (_, r) = Assert.Single(client.Submitted);
        Assert.Equal(198, r.Quantity);
        Assert.Equal(OrderSide.Buy, r.Side);
    }

    [Fact]
    public void SetTargetShares_CountsWorkingOrders()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) =>
        {
            ctx.SetTargetShares(0, 100);
            Assert.Equal(100, ctx.WorkingQuantity(0));
            Assert.Null(ctx.SetTargetShares(0, 100));
            ctx.SetTargetShares(0, 40);
        };
        var (kernel, client) = Build(s, Bars((2, 9, 30)));
        kernel.Run();
        Assert.Equal(2, client.Submitted.Count);
        Assert.Equal(OrderSide.Sell, client.Submitted[1].Request.Side);
        Assert.Equal(60, client.Submitted[1].Request.Quantity);
    }

    [Fact]
    public void Cancel_OtherStrategysOrder_ReturnsFalse()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => Assert.False(ctx.Cancel(new OrderId(99)));
        var (kernel, client) = Build(s, Bars((2, 9, 30)));
        kernel.Run();
        Assert.Empty(client.Cancelled);
    }

    [Fact]
    public void Schedule_InThePast_Throws()
    {
        var s = new LoggingStrategy();
        s.Bar = (ctx, _) => ctx.Schedule(ctx.NowUtcTicks - 1, "late");
        var (kernel, _) = Build(s, Bars((2, 9, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Run());
    }

    private sealed class FuncGate(Func<OrderCheck, GateDecision> f) : IOrderGate
    {
        public GateDecision Check(in OrderCheck check) => f(check);
    }
}
