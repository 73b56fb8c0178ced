using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Engine.Kernel;

/// <summary>The kernel's book-keeping for one order (mutable, kernel-private).</summary>
internal sealed class OrderRecord
{
    public OrderRecord(OrderId id, int strategyId, OrderRequest request, long submittedUtcTicks)
    {
        Id = id;
        StrategyId = strategyId;
        Request = request;
        SubmittedUtcTicks = submittedUtcTicks;
        UpdatedUtcTicks = submittedUtcTicks;
        SymbolId = -1;
    }

    public OrderId Id { get; }

    public int StrategyId { get; }

    public int SymbolId { get; set; }

    public OrderRequest Request { get; set; }

    public long SubmittedUtcTicks { get; }

    public long UpdatedUtcTicks { get; set; }

    public OrderStatus Status { get; set; }

    public long Filled { get; set; }

    public decimal FilledValue { get; set; }

    public string? Reason { get; set; }

    public bool IsWorking => Status is OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.PartiallyFilled;

    public long Leaves => Request.Quantity - Filled;

    public OrderReport ToReport(string strategy) => new(
        Id, strategy, Request, SubmittedUtcTicks, Status, Filled,
        Filled == 0 ? 0m : PriceMath.DivRound(FilledValue, Filled, 6), UpdatedUtcTicks, Reason);
}
