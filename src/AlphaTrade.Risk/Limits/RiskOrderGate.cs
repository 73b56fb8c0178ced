using AlphaTrade.Engine.Risk;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// The engine's pre-trade gate backed by a <see cref="RiskManager"/>: every order the kernel routes is evaluated and
/// the decision mapped to the gate's accept / resize / reject (a refusal reaches the strategy as an
/// <c>OrderRejected</c> event with the reason). It also feeds the account equity to the loss-limit monitor at each
/// order, so the limits are current even between bar updates.
/// </summary>
public sealed class RiskOrderGate(RiskManager riskManager) : IOrderGate
{
    /// <summary>The risk layer behind the gate.</summary>
    public RiskManager RiskManager { get; } = riskManager ?? throw new ArgumentNullException(nameof(riskManager));

    /// <inheritdoc />
    public GateDecision Check(in OrderCheck check)
    {
        RiskManager.OnEquity(check.TimeUtcTicks, check.Portfolio.Equity);
        var d = RiskManager.Evaluate(new OrderIntent(check.Strategy, check.Request, check.Portfolio, check.MarkPrice, check.TimeUtcTicks));
        return d.Verdict switch
        {
            RiskVerdict.Accept => GateDecision.Accept(),
            RiskVerdict.Resize => GateDecision.Resize(d.Quantity, d.Reason ?? "resized"),
            _ => GateDecision.Reject(d.Reason ?? "rejected"),
        };
    }
}
