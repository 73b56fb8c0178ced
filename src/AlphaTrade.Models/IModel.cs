using AlphaTrade.Models.Data;

namespace AlphaTrade.Models;

/// <summary>
/// A trainable model over a <see cref="Dataset"/>. Classification models predict the probability of label 1,
/// regression models the value. Implementations are deterministic for a given seed.
/// </summary>
public interface IModel : IDisposable
{
    /// <summary>The model kind as registered in <see cref="ModelFactory"/> (lightgbm, xgboost, fastforest, ...).</summary>
    string Kind { get; }

    /// <summary>Classification or regression.</summary>
    ModelTask Task { get; }

    /// <summary>Feature names the model was trained on, in column order (empty before fitting).</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Trains on <paramref name="train"/>; <paramref name="validation"/>, when given, drives early stopping where the learner supports it.</summary>
    void Fit(Dataset train, Dataset? validation = null);

    /// <summary>Predicts <paramref name="rows"/> rows of row-major features: P(label = 1) for classification, the value for regression.</summary>
    double[] Predict(ReadOnlySpan<float> features, int rows);

    /// <summary>Writes the fitted model into <paramref name="directory"/> (created when missing); <see cref="ModelFactory.Load"/> reads it back.</summary>
    void Save(string directory);
}
