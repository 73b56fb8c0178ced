using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Engine.Kernel;

/// <summary>
/// The kernel's book-keeping for one order (mutable, kernel-private): a value kept in place in the kernel's chunked
/// order log, so a run's tens of thousands of orders add no objects for the collector to trace and promote.
/// </summary>
internal struct OrderRecord
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

    public readonly bool IsWorking => Status is OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.PartiallyFilled;

    public readonly long Leaves => Request.Quantity - Filled;

    public readonly OrderReport ToReport(string strategy) => new(
        Id, strategy, Request, SubmittedUtcTicks, Status, Filled,
        Filled == 0 ? 0m : PriceMath.DivRound(FilledValue, Filled, 6), UpdatedUtcTicks, Reason);
}
