namespace AlphaTrade.Models;

/// <summary>What a model predicts.</summary>
public enum ModelTask
{
    /// <summary>Direction: label 1 when the forward return is positive (or the upper barrier is hit), else 0; predicts P(label = 1).</summary>
    Classification,

    /// <summary>The forward return itself.</summary>
    Regression,
}
