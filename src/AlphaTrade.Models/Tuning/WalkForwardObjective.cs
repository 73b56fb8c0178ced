using AlphaTrade.Models.Data;
using AlphaTrade.Models.Training;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Tuning;

/// <summary>
/// The tuning objective: the walk-forward score (mean fold AUC, or mean rank IC for regression) of the base
/// specification with the trial's parameters; the budget scales n_estimators (at least 10 trees).
/// </summary>
public sealed class WalkForwardObjective
{
    private readonly Dataset _data;
    private readonly ISplitter _splitter;
    private readonly ModelSpec _baseSpec;

    /// <summary>Creates the objective.</summary>
    public WalkForwardObjective(Dataset data, ISplitter splitter, ModelSpec baseSpec)
    {
        _data = data;
        _splitter = splitter;
        _baseSpec = baseSpec;
    }

    /// <summary>The objective as the optimisers take it.</summary>
    public double Evaluate(IReadOnlyDictionary<string, double> parameters, double budget, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = new Dictionary<string, double>(_baseSpec.Parameters);
        foreach (var (k, v) in parameters)
        {
            p[k] = v;
        }

        p["n_estimators"] = Math.Max(10, Math.Round(_baseSpec.Get("n_estimators", 200) * budget));
        return WalkForwardEvaluator.Evaluate(_data, _splitter, _baseSpec with { Parameters = p }, cancel).Score;
    }
}
