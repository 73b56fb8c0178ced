using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Deep;

/// <summary>
/// Sequences of feature vectors: sample i is <see cref="Length"/> consecutive rows of one symbol ending at (and
/// including) its row, row-major [samples, length, features], with that row's label. Built from a <see cref="Dataset"/>
/// so the deep models share the validation and registry of the tree models.
/// </summary>
public sealed class SequenceData
{
    /// <summary>Creates the sequences directly.</summary>
    public SequenceData(float[] values, int samples, int length, int features, float[] labels)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        if (values.Length != samples * length * features || labels.Length != samples)
        {
            throw new ArgumentException($"expected {samples}×{length}×{features} values and {samples} labels");
        }

        Values = values;
        Samples = samples;
        Length = length;
        Features = features;
        Labels = labels;
    }

    /// <summary>[samples, length, features] row-major.</summary>
    public float[] Values { get; }

    /// <summary>Number of sequences.</summary>
    public int Samples { get; }

    /// <summary>Steps per sequence.</summary>
    public int Length { get; }

    /// <summary>Features per step.</summary>
    public int Features { get; }

    /// <summary>Label per sequence.</summary>
    public float[] Labels { get; }

    /// <summary>
    /// The sequences of every row of <paramref name="data"/> that has <paramref name="length"/> - 1 earlier rows of the
    /// same symbol; returns them and the dataset row each one ends at.
    /// </summary>
    public static (SequenceData Sequences, int[] Rows) FromDataset(Dataset data, int length)
    {
        ArgumentNullException.ThrowIfNull(data);
        var f = data.FeatureCount;
        var history = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rows = new List<int>();
        var values = new List<float>();
        for (var r = 0; r < data.RowCount; r++)
        {
            if (!history.TryGetValue(data.Symbols[r], out var h))
            {
                history[data.Symbols[r]] = h = [];
            }

            h.Add(r);
            if (h.Count < length)
            {
                continue;
            }

            for (var k = h.Count - length; k < h.Count; k++)
            {
                values.AddRange(data.Row(h[k]));
            }

            rows.Add(r);
        }

        var labels = rows.Select(r => (float)data.Labels[r]).ToArray();
        return (new SequenceData(values.ToArray(), rows.Count, length, f, labels), rows.ToArray());
    }

    /// <summary>The sequences at <paramref name="indices"/>.</summary>
    public SequenceData Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var step = Length * Features;
        var v = new float[indices.Count * step];
        var l = new float[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Values.AsSpan(indices[i] * step, step).CopyTo(v.AsSpan(i * step, step));
            l[i] = Labels[indices[i]];
        }

        return new SequenceData(v, indices.Count, Length, Features, l);
    }
}
