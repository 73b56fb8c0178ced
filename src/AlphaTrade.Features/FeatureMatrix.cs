namespace AlphaTrade.Features;

/// <summary>How feature values are stored.</summary>
public enum FeaturePrecision
{
    /// <summary>32-bit floats: half the memory, what model training consumes (computation is always in double).</summary>
    Float32,

    /// <summary>64-bit doubles: exactly what the computation produced.</summary>
    Float64,
}

/// <summary>
/// The feature and label columns of one symbol, column-major: row i is the symbol's bar i. Columns follow
/// <see cref="FeatureMatrix.Columns"/> (features, then labels).
/// </summary>
public sealed class FeatureFrame
{
    private readonly float[][]? _float;
    private readonly double[][]? _double;

    internal FeatureFrame(string symbol, string sector, long[] time, FeaturePrecision precision, int columns, IReadOnlyList<string> endColumns)
    {
        Symbol = symbol;
        Sector = sector;
        Time = time;
        Precision = precision;
        int n = time.Length;
        if (precision == FeaturePrecision.Float32)
        {
            _float = new float[columns][];
            for (int c = 0; c < columns; c++)
            {
                _float[c] = new float[n];
            }
        }
        else
        {
            _double = new double[columns][];
            for (int c = 0; c < columns; c++)
            {
                _double[c] = new double[n];
            }
        }

        LabelEnds = endColumns.ToDictionary(e => e, _ => new long[n], StringComparer.Ordinal);
    }

    /// <summary>Ticker.</summary>
    public string Symbol { get; }

    /// <summary>Sector.</summary>
    public string Sector { get; }

    /// <summary>Bar start times (UTC ticks), one per row.</summary>
    public long[] Time { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Time.Length;

    /// <summary>Storage precision.</summary>
    public FeaturePrecision Precision { get; }

    /// <summary>Number of value columns.</summary>
    public int ColumnCount => _float?.Length ?? _double!.Length;

    /// <summary>Label end times by end-column name (UTC ticks of the bar at which the label resolved; 0 when undefined).</summary>
    public IReadOnlyDictionary<string, long[]> LabelEnds { get; }

    /// <summary>The value at (<paramref name="column"/>, <paramref name="row"/>) as a double.</summary>
    public double this[int column, int row] => _float is not null ? _float[column][row] : _double![column][row];

    /// <summary>A column in float storage; throws in double storage.</summary>
    public ReadOnlySpan<float> Floats(int column) => _float is not null ? _float[column] : throw new InvalidOperationException("The frame stores doubles.");

    /// <summary>A column in double storage; throws in float storage.</summary>
    public ReadOnlySpan<double> Doubles(int column) => _double is not null ? _double[column] : throw new InvalidOperationException("The frame stores floats.");

    /// <summary>A column copied into a new double array (either storage).</summary>
    public double[] ToDoubles(int column)
    {
        var r = new double[Rows];
        if (_float is not null)
        {
            var src = _float[column];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = src[i];
            }
        }
        else
        {
            _double![column].CopyTo(r, 0);
        }

        return r;
    }

    internal void Set(int column, int row, double value)
    {
        if (_float is not null)
        {
            _float[column][row] = (float)value;
        }
        else
        {
            _double![column][row] = value;
        }
    }

    internal void SetColumn(int column, ReadOnlySpan<double> values)
    {
        if (_float is not null)
        {
            var dst = _float[column];
            for (int i = 0; i < values.Length; i++)
            {
                dst[i] = (float)values[i];
            }
        }
        else
        {
            values.CopyTo(_double![column]);
        }
    }

    internal float[] RawFloat(int column) => _float![column];

    internal double[] RawDouble(int column) => _double![column];
}

/// <summary>
/// A feature matrix: per symbol, one row per bar with every feature of a set and its labels. Built by
/// <see cref="FeatureBuilder"/>, cached and exchanged as Parquet by <see cref="Storage.FeatureParquet"/>.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly Dictionary<string, int> _columnIndex;

    /// <summary>Creates a matrix from frames whose columns follow <paramref name="features"/> then <paramref name="labels"/>.</summary>
    public FeatureMatrix(string setName, string setHash, string dataFingerprint, IReadOnlyList<FeatureInfo> features,
        IReadOnlyList<LabelInfo> labels, IReadOnlyList<FeatureFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(frames);
        SetName = setName;
        SetHash = setHash;
        DataFingerprint = dataFingerprint;
        Features = features;
        Labels = labels;
        Frames = frames;
        Columns = features.Select(f => f.Name).Concat(labels.Select(l => l.Name)).ToArray();
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Columns.Count; i++)
        {
            _columnIndex[Columns[i]] = i;
        }
    }

    /// <summary>Feature set name.</summary>
    public string SetName { get; }

    /// <summary>Feature set hash.</summary>
    public string SetHash { get; }

    /// <summary>Fingerprint of the input data (bars and alternative data).</summary>
    public string DataFingerprint { get; }

    /// <summary>Feature columns.</summary>
    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>Label columns (after the features).</summary>
    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Every value column name: features then labels.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One frame per symbol, universe order.</summary>
    public IReadOnlyList<FeatureFrame> Frames { get; }

    /// <summary>Total rows over every symbol.</summary>
    public long Rows => Frames.Sum(f => (long)f.Rows);

    /// <summary>Column index of <paramref name="name"/>, or −1.</summary>
    public int ColumnIndex(string name) => _columnIndex.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The frame of <paramref name="symbol"/>, or null.</summary>
    public FeatureFrame? Frame(string symbol) => Frames.FirstOrDefault(f => string.Equals(f.Symbol, symbol, StringComparison.Ordinal));
}
