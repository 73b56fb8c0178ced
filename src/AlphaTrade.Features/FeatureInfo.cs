namespace AlphaTrade.Features;

/// <summary>Where in the pipeline a feature is computed.</summary>
public enum FeatureStage
{
    /// <summary>From one symbol's own bars (and the alternative data joined to it): computed per symbol, in parallel.</summary>
    Symbol,

    /// <summary>From the whole universe at each timestamp (benchmark, sector, cross-section, breadth, regime).</summary>
    Universe,
}

/// <summary>One column of a feature matrix.</summary>
/// <param name="Name">Lower snake-case column name, unique in its set (e.g. <c>ret_26</c>, <c>kyle_lambda_130</c>).</param>
/// <param name="Family">The family that produces it (e.g. <c>returns</c>, <c>vpin</c>, <c>regime</c>).</param>
/// <param name="Description">One line saying what it measures and how it is normalised.</param>
/// <param name="Stage">Where it is computed.</param>
public sealed record FeatureInfo(string Name, string Family, string Description, FeatureStage Stage = FeatureStage.Symbol);

/// <summary>One label column (a forward-looking target, never a feature).</summary>
/// <param name="Name">Column name, prefixed <c>y_</c>.</param>
/// <param name="Kind">The label family (<c>forward_return</c>, <c>forward_sign</c>, <c>triple_barrier</c>).</param>
/// <param name="Description">What it holds.</param>
public sealed record LabelInfo(string Name, string Kind, string Description);
