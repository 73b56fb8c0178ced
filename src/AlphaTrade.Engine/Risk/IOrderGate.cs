using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;

namespace AlphaTrade.Engine.Risk;

/// <summary>What a pre-trade gate decided.</summary>
public enum GateVerdict
{
    /// <summary>Send the order as requested.</summary>
    Accept,

    /// <summary>Send it with another (smaller, positive) quantity.</summary>
    Resize,

    /// <summary>Refuse it; the strategy receives an <see cref="OrderRejected"/> event with the reason.</summary>
    Reject,
}

/// <summary>A gate's decision on one order. Use the factories.</summary>
/// <param name="Verdict">Accept, resize or reject.</param>
/// <param name="Quantity">New quantity for <see cref="GateVerdict.Resize"/>.</param>
/// <param name="Reason">Why (for resize and reject).</param>
public readonly record struct GateDecision(GateVerdict Verdict, long Quantity, string? Reason)
{
    /// <summary>Accept as requested.</summary>
    public static GateDecision Accept() => new(GateVerdict.Accept, 0, null);

    /// <summary>Accept with <paramref name="quantity"/> shares instead.</summary>
    public static GateDecision Resize(long quantity, string reason) => new(GateVerdict.Resize, quantity, reason);

    /// <summary>Refuse with a one-line reason.</summary>
    public static GateDecision Reject(string reason) => new(GateVerdict.Reject, 0, reason);
}

/// <summary>Everything a pre-trade check sees about one order.</summary>
/// <param name="Strategy">Name of the strategy sending it.</param>
/// <param name="SymbolId">Symbol id in the run's symbol table.</param>
/// <param name="Request">The order.</param>
/// <param name="Portfolio">The account as it stands.</param>
/// <param name="MarkPrice">Last price of the symbol (0 before its first bar).</param>
/// <param name="TimeUtcTicks">Now.</param>
public readonly record struct OrderCheck(string Strategy, int SymbolId, OrderRequest Request, IPortfolioView Portfolio, decimal MarkPrice, long TimeUtcTicks);

/// <summary>
/// A pre-trade risk check between strategies and the execution client. It accepts, resizes or rejects; a refusal
/// becomes an <see cref="OrderRejected"/> event, never an exception. The risk layer plugs its checks in here.
/// </summary>
public interface IOrderGate
{
    /// <summary>Decides on one order.</summary>
    GateDecision Check(in OrderCheck check);
}

/// <summary>The default gate: accepts everything.</summary>
public sealed class AcceptAllGate : IOrderGate
{
    /// <summary>The shared instance.</summary>
    public static AcceptAllGate Instance { get; } = new();

    /// <inheritdoc />
    public GateDecision Check(in OrderCheck check) => GateDecision.Accept();
}
