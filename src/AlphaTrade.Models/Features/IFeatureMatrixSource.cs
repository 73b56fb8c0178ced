using AlphaTrade.Core.Market;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Features;

/// <summary>
/// Turns the universe's bars into a labelled feature matrix. The feature pipeline (issue 7) provides the full
/// implementation; <see cref="BasicBarFeatures"/> is the small built-in one used until then.
/// </summary>
public interface IFeatureMatrixSource
{
    /// <summary>Name of the feature set (recorded with each model).</summary>
    string Name { get; }

    /// <summary>Feature names, in column order.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>
    /// The matrix: one row per (bar, symbol) with complete features and a complete label, in time order; features of a
    /// row use only bars up to and including that row's bar.
    /// </summary>
    Dataset Build(IReadOnlyList<BarSeries> series, LabelSpec label);
}
