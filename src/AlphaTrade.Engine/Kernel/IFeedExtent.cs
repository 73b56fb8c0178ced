namespace AlphaTrade.Engine.Kernel;

/// <summary>
/// A feed that knows how many time steps it will still deliver (a historical feed does; a live one does not): the
/// event loop sizes its per-step records once instead of growing them.
/// </summary>
public interface IFeedExtent
{
    /// <summary>Time steps left to deliver.</summary>
    int RemainingTimeSteps { get; }
}
