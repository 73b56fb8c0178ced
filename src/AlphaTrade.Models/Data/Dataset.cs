using System.Security.Cryptography;
using System.Text;

namespace AlphaTrade.Models.Data;

/// <summary>
/// A feature matrix for learning: row-major <see cref="float"/> values (rows are (timestamp, symbol) observations),
/// one label per row, the row's timestamp and the end time of its label (the triple-barrier end, or the forward-return
/// horizon) in UTC ticks, the symbol, and the feature names. Rows are kept in time order (ties in any symbol order).
/// </summary>
public sealed class Dataset
{
    /// <summary>Creates a dataset after checking that every array has one entry per row and rows are in time order.</summary>
    public Dataset(float[] values, int featureCount, double[] labels, long[] timestamps, long[] labelEndTimes, string[] symbols, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(labelEndTimes);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureCount <= 0 || featureNames.Count != featureCount)
        {
            throw new ArgumentException($"feature count {featureCount} does not match {featureNames.Count} feature names", nameof(featureNames));
        }

        if (values.Length % featureCount != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of rows of {featureCount} features", nameof(values));
        }

        var rows = values.Length / featureCount;
        if (labels.Length != rows || timestamps.Length != rows || labelEndTimes.Length != rows || symbols.Length != rows)
        {
            throw new ArgumentException($"{rows} rows need {rows} labels, timestamps, label end times and symbols");
        }

        for (var i = 0; i < rows; i++)
        {
            if (i > 0 && timestamps[i] < timestamps[i - 1])
            {
                throw new ArgumentException($"row {i} is earlier than row {i - 1}: rows must be in time order", nameof(timestamps));
            }

            if (labelEndTimes[i] < timestamps[i])
            {
                throw new ArgumentException($"row {i} has a label that ends before it starts", nameof(labelEndTimes));
            }
        }

        Values = values;
        FeatureCount = featureCount;
        Labels = labels;
        Timestamps = timestamps;
        LabelEndTimes = labelEndTimes;
        Symbols = symbols;
        FeatureNames = featureNames.ToArray();
    }

    /// <summary>Row-major feature values, <see cref="RowCount"/> × <see cref="FeatureCount"/>.</summary>
    public float[] Values { get; }

    /// <summary>Number of features (columns).</summary>
    public int FeatureCount { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Labels.Length;

    /// <summary>Label per row: 0/1 for direction classification, the forward return for regression.</summary>
    public double[] Labels { get; }

    /// <summary>Row timestamps (UTC ticks): the moment the features are known.</summary>
    public long[] Timestamps { get; }

    /// <summary>When each row's label is finally known (UTC ticks); used to purge overlapping labels.</summary>
    public long[] LabelEndTimes { get; }

    /// <summary>Symbol of each row.</summary>
    public string[] Symbols { get; }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>
    /// The realised forward return of each row over its label horizon, when known (rank IC and the long-short score
    /// of classification folds use it; without it they use the labels).
    /// </summary>
    public double[]? ForwardReturns
    {
        get => _forwardReturns;
        init
        {
            if (value is not null && value.Length != RowCount)
            {
                throw new ArgumentException($"{RowCount} rows need {RowCount} forward returns, got {value.Length}", nameof(value));
            }

            _forwardReturns = value;
        }
    }

    private readonly double[]? _forwardReturns;

    /// <summary>The features of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>A new dataset holding the given rows (in the order given, which must stay in time order).</summary>
    public Dataset Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var f = FeatureCount;
        var values = new float[rows.Count * f];
        var labels = new double[rows.Count];
        var ts = new long[rows.Count];
        var ends = new long[rows.Count];
        var symbols = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            Values.AsSpan(r * f, f).CopyTo(values.AsSpan(i * f, f));
            labels[i] = Labels[r];
            ts[i] = Timestamps[r];
            ends[i] = LabelEndTimes[r];
            symbols[i] = Symbols[r];
        }

        double[]? fwd = null;
        if (ForwardReturns is { } src)
        {
            fwd = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                fwd[i] = src[rows[i]];
            }
        }

        return new Dataset(values, f, labels, ts, ends, symbols, FeatureNames) { ForwardReturns = fwd };
    }

    /// <summary>The hash of the feature set (names in order): a model can only be applied to the same feature set.</summary>
    public string FeatureSetHash() => ComputeFeatureSetHash(FeatureNames);

    /// <summary>SHA-256 (hex, first 16 bytes) of the feature names joined by newlines.</summary>
    public static string ComputeFeatureSetHash(IEnumerable<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', featureNames));
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }

    /// <summary>A fingerprint of the data itself (values, labels, times, symbols): identical data, identical fingerprint.</summary>
    public string Fingerprint()
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.AsSpan()));
        h.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Labels.AsSpan()));
        h.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Timestamps.AsSpan()));
        h.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(LabelEndTimes.AsSpan()));
        foreach (var s in Symbols)
        {
            h.AppendData(Encoding.UTF8.GetBytes(s));
            h.AppendData([0]);
        }

        return Convert.ToHexStringLower(h.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>Labels as floats (what the native libraries take).</summary>
    public float[] LabelsAsSingle()
    {
        var l = new float[RowCount];
        for (var i = 0; i < l.Length; i++)
        {
            l[i] = (float)Labels[i];
        }

        return l;
    }
}
