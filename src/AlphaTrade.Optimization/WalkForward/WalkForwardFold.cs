namespace AlphaTrade.Optimization.WalkForward;

/// <summary>One walk-forward fold: a training window and the test window that follows it, in bar indices.</summary>
/// <param name="Index">Fold number, 0-based, in time order.</param>
/// <param name="Train">Training bars (after the purge gap).</param>
/// <param name="Test">Out-of-sample test bars.</param>
public sealed record WalkForwardFold(int Index, BarRange Train, BarRange Test);
