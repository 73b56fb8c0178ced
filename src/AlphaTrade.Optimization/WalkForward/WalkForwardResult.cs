using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.WalkForward;

/// <summary>One fold of a walk-forward optimisation.</summary>
/// <param name="Fold">The fold's windows.</param>
/// <param name="Chosen">The configuration with the best training objective.</param>
/// <param name="InSampleObjective">Its objective on the training window.</param>
/// <param name="OutOfSampleObjective">Its objective on the test window.</param>
/// <param name="OutOfSample">Its metrics on the test window.</param>
/// <param name="Stitched">
/// The test bars this fold contributes to the stitched out-of-sample series: from its test start to the next fold's
/// test start (the model trained most recently trades each bar) or its test end, whichever comes first.
/// </param>
/// <param name="FailedTrials">Configurations that failed on the training window.</param>
public sealed record WalkForwardFoldResult(
    WalkForwardFold Fold,
    ParameterSet Chosen,
    double InSampleObjective,
    double OutOfSampleObjective,
    ReturnSummary OutOfSample,
    BarRange Stitched,
    int FailedTrials);

/// <summary>A walk-forward optimisation: per-fold choices and the stitched out-of-sample performance.</summary>
/// <param name="Objective">The objective optimised on each training window.</param>
/// <param name="PeriodsPerYear">Annualisation of the metrics.</param>
/// <param name="Folds">Fold results in time order.</param>
/// <param name="StitchedReturns">The out-of-sample returns of every fold, concatenated in time order.</param>
/// <param name="OutOfSample">Metrics of the stitched series.</param>
/// <param name="OutOfSampleObjective">The objective of the stitched series.</param>
public sealed record WalkForwardResult(
    Objective Objective,
    double PeriodsPerYear,
    IReadOnlyList<WalkForwardFoldResult> Folds,
    double[] StitchedReturns,
    ReturnSummary OutOfSample,
    double OutOfSampleObjective);
