using AlphaTrade.Models;

namespace AlphaTrade.Strategies.Ml;

/// <summary>How predictions become weights.</summary>
public enum MlSizing
{
    /// <summary>Every selected symbol gets the same |weight|.</summary>
    Equal,

    /// <summary>|weight| proportional to the confidence: |2p − 1| for classifiers, |prediction| for regressors.</summary>
    Confidence,
}

/// <summary>
/// The ML strategy's decision rules, separate from the plumbing so they can be read and tested on their own.
/// Classifier: long when P(up) ≥ <see cref="LongThreshold"/>, short (when allowed) when P(up) ≤ <see cref="ShortThreshold"/>:
/// the band in between stays flat. Regressor: the same with the thresholds in units of the predicted return. Among the
/// candidates only the <see cref="TopK"/> highest longs and the <see cref="BottomK"/> lowest shorts are kept (0 = all),
/// ties broken by symbol order; weights are equal or proportional to confidence and sum to <see cref="Gross"/> in
/// absolute value (each side gets half when both sides trade).
/// </summary>
public sealed record MlSignalRules
{
    /// <summary>Classification (probabilities) or regression (returns).</summary>
    public ModelTask Task { get; init; } = ModelTask.Classification;

    /// <summary>Long at or above this prediction.</summary>
    public double LongThreshold { get; init; } = 0.55;

    /// <summary>Short at or below this prediction (when <see cref="AllowShort"/>).</summary>
    public double ShortThreshold { get; init; } = 0.45;

    /// <summary>Whether short positions are taken.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs kept, best first (0 = every candidate).</summary>
    public int TopK { get; init; }

    /// <summary>Shorts kept, worst first (0 = every candidate).</summary>
    public int BottomK { get; init; }

    /// <summary>Equal or confidence-weighted sizing.</summary>
    public MlSizing Sizing { get; init; } = MlSizing.Confidence;

    /// <summary>Sum of |weight| when anything is held.</summary>
    public double Gross { get; init; } = 1.0;

    /// <summary>The confidence of one prediction in [0, ∞): |2p − 1| for classifiers, |prediction| for regressors.</summary>
    public double Confidence(double prediction) => Task == ModelTask.Classification ? Math.Abs((2 * prediction) - 1) : Math.Abs(prediction);

    /// <summary>
    /// Target weights for <paramref name="predictions"/> (NaN = no prediction: flat) into <paramref name="weights"/>.
    /// </summary>
    public void Weights(ReadOnlySpan<double> predictions, Span<double> weights)
    {
        if (weights.Length != predictions.Length)
        {
            throw new ArgumentException("One weight per prediction.", nameof(weights));
        }

        weights.Clear();
        var longs = new List<int>();
        var shorts = new List<int>();
        for (int i = 0; i < predictions.Length; i++)
        {
            double p = predictions[i];
            if (double.IsNaN(p))
            {
                continue;
            }

            if (p >= LongThreshold)
            {
                longs.Add(i);
            }
            else if (AllowShort && p <= ShortThreshold)
            {
                shorts.Add(i);
            }
        }

        var preds = predictions.ToArray();
        longs.Sort((a, b) => preds[b] != preds[a] ? preds[b].CompareTo(preds[a]) : a.CompareTo(b));
        shorts.Sort((a, b) => preds[a] != preds[b] ? preds[a].CompareTo(preds[b]) : a.CompareTo(b));
        if (TopK > 0 && longs.Count > TopK)
        {
            longs.RemoveRange(TopK, longs.Count - TopK);
        }

        if (BottomK > 0 && shorts.Count > BottomK)
        {
            shorts.RemoveRange(BottomK, shorts.Count - BottomK);
        }

        double side = longs.Count > 0 && shorts.Count > 0 ? Gross / 2 : Gross;
        Assign(longs, preds, weights, side, 1);
        Assign(shorts, preds, weights, side, -1);
    }

    private void Assign(List<int> picked, double[] preds, Span<double> weights, double gross, int sign)
    {
        if (picked.Count == 0)
        {
            return;
        }

        double total = 0;
        foreach (int i in picked)
        {
            total += Sizing == MlSizing.Equal ? 1 : Confidence(preds[i]);
        }

        foreach (int i in picked)
        {
            double share = total > 0 ? (Sizing == MlSizing.Equal ? 1 : Confidence(preds[i])) / total : 1.0 / picked.Count;
            weights[i] = sign * gross * share;
        }
    }
}
