using AlphaTrade.Core.Orders;

namespace AlphaTrade.Core.Ports;

/// <summary>Receives what an execution client reports. The event loop implements it by queueing the event.</summary>
public interface IOrderEventSink
{
    /// <summary>Takes one event. Implementations must not call back into the client synchronously.</summary>
    void OnOrderEvent(OrderEvent orderEvent);
}

/// <summary>
/// A venue or broker: takes orders and reports what happens to them as <see cref="OrderEvent"/>s through the
/// connected sink. A simulated venue, a paper broker and a live broker all sit behind this port; strategy code
/// never sees which. Commands never throw for business reasons (unknown order, order not working, venue
/// rules): those come back as <see cref="OrderRejected"/> or <see cref="OrderUpdateRejected"/> events.
/// </summary>
public interface IExecutionClient
{
    /// <summary>Connects the sink that receives every event; called once before any command.</summary>
    void Connect(IOrderEventSink sink);

    /// <summary>Sends a new order under the platform-assigned <paramref name="orderId"/>.</summary>
    void Submit(OrderId orderId, OrderRequest request);

    /// <summary>Asks to cancel a working order.</summary>
    void Cancel(OrderId orderId);

    /// <summary>Asks to amend a working order.</summary>
    void Replace(OrderId orderId, OrderAmendment amendment);
}
