namespace AlphaTrade.Strategies.Framework;

/// <summary>A view on one symbol: which way, how strongly, for how long.</summary>
/// <param name="Direction">+1 long, −1 short, 0 flat.</param>
/// <param name="Strength">Confidence in [0, 1]; signal-weighted construction sizes by it.</param>
/// <param name="HorizonBars">Base bars the view stays active (0: until replaced).</param>
public readonly record struct Signal(int Direction, double Strength, int HorizonBars)
{
    /// <summary>No view.</summary>
    public static Signal Flat => default;
}
