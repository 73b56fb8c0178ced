using AlphaTrade.Models.Data;

namespace AlphaTrade.Models;

/// <summary>Conveniences over <see cref="IModel"/>.</summary>
public static class ModelExtensions
{
    /// <summary>Predicts every row of <paramref name="data"/>.</summary>
    public static double[] Predict(this IModel model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return model.Predict(data.Values, data.RowCount);
    }
}
