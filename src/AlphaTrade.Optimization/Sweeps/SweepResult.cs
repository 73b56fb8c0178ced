namespace AlphaTrade.Optimization.Sweeps;

/// <summary>Every configuration's outcome, in the order of the sweep's input list.</summary>
public sealed class SweepResult
{
    /// <summary>Wraps outcomes; outcome i must have index i.</summary>
    public SweepResult(IReadOnlyList<TrialOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        for (int i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] is null || outcomes[i].Index != i)
            {
                throw new ArgumentException($"Outcome {i} is missing or out of order.", nameof(outcomes));
            }
        }

        Outcomes = outcomes;
        Succeeded = outcomes.Count(o => o.Succeeded);
    }

    /// <summary>Outcomes by configuration index.</summary>
    public IReadOnlyList<TrialOutcome> Outcomes { get; }

    /// <summary>Number of trials with a result.</summary>
    public int Succeeded { get; }

    /// <summary>Number of failed trials.</summary>
    public int Failed => Outcomes.Count - Succeeded;

    /// <summary>
    /// The best successful trial by <paramref name="objective"/> (NaN worst; ties go to the lowest index), or null
    /// when every trial failed.
    /// </summary>
    public TrialOutcome? Best(Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        TrialOutcome? best = null;
        foreach (var o in Outcomes)
        {
            if (o.Succeeded && (best is null || objective.IsBetter(o.Objective, best.Objective)))
            {
                best = o;
            }
        }

        return best;
    }

    /// <summary>Successful trials, best first (NaN last; ties by index).</summary>
    public IReadOnlyList<TrialOutcome> Ranked(Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var list = Outcomes.Where(o => o.Succeeded).ToList();
        list.Sort((a, b) =>
        {
            int c = objective.Compare(b.Objective, a.Objective);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return list;
    }
}
