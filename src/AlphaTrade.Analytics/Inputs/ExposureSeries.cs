namespace AlphaTrade.Analytics.Inputs;

/// <summary>
/// Book exposure over time in columnar form: long and short weights (fractions of equity) at each instant and,
/// optionally, the net weight of each sector. Long weights are ≥ 0 and short weights ≤ 0, so
/// gross = long − short and net = long + short.
/// Build with <see cref="Builder"/> (allocation-free per sample) or <see cref="FromSnapshots"/>.
/// </summary>
public sealed class ExposureSeries
{
    private readonly long[] _time;
    private readonly double[] _long;
    private readonly double[] _short;
    private readonly double[][] _sectorNet;
    private readonly double[][] _sectorGross;
    private readonly int _count;

    private ExposureSeries(long[] time, double[] longW, double[] shortW, IReadOnlyList<string> sectors, double[][] sectorNet, double[][] sectorGross, int count)
    {
        _time = time;
        _long = longW;
        _short = shortW;
        Sectors = sectors;
        _sectorNet = sectorNet;
        _sectorGross = sectorGross;
        _count = count;
    }

    /// <summary>Number of samples.</summary>
    public int Count => _count;

    /// <summary>Sample instants, UTC ticks, ascending.</summary>
    public ReadOnlySpan<long> Time => _time.AsSpan(0, _count);

    /// <summary>Sum of long weights (≥ 0).</summary>
    public ReadOnlySpan<double> Long => _long.AsSpan(0, _count);

    /// <summary>Sum of short weights (≤ 0).</summary>
    public ReadOnlySpan<double> Short => _short.AsSpan(0, _count);

    /// <summary>Sector names, in the order of <see cref="SectorNet"/>; empty when sectors were not recorded.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>Net weight of sector <paramref name="sectorIndex"/> at each sample.</summary>
    public ReadOnlySpan<double> SectorNet(int sectorIndex) => _sectorNet[sectorIndex].AsSpan(0, _count);

    /// <summary>Gross weight (sum of absolute weights) of sector <paramref name="sectorIndex"/> at each sample.</summary>
    public ReadOnlySpan<double> SectorGross(int sectorIndex) => _sectorGross[sectorIndex].AsSpan(0, _count);

    /// <summary>Builds the series from snapshots (sorted by time); sectors are listed in first-seen order unless given.</summary>
    public static ExposureSeries FromSnapshots(IReadOnlyList<PositionSnapshot> snapshots, IReadOnlyList<string>? sectors = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var sectorList = sectors?.ToList() ?? [];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sectorList.Count; i++)
        {
            index[sectorList[i]] = i;
        }

        if (sectors is null)
        {
            foreach (var snap in snapshots)
            {
                foreach (var p in snap.Positions)
                {
                    if (index.TryAdd(p.Sector, sectorList.Count))
                    {
                        sectorList.Add(p.Sector);
                    }
                }
            }
        }

        var builder = new Builder(sectorList, snapshots.Count);
        var net = new double[sectorList.Count];
        var gross = new double[sectorList.Count];
        foreach (var snap in snapshots)
        {
            Array.Clear(net);
            Array.Clear(gross);
            double lw = 0, sw = 0;
            foreach (var p in snap.Positions)
            {
                if (p.Weight >= 0)
                {
                    lw += p.Weight;
                }
                else
                {
                    sw += p.Weight;
                }

                if (index.TryGetValue(p.Sector, out int s))
                {
                    net[s] += p.Weight;
                    gross[s] += Math.Abs(p.Weight);
                }
            }

            builder.Add(snap.TimeUtcTicks, lw, sw, net, gross);
        }

        return builder.Build();
    }

    /// <summary>Appends samples one at a time without allocating per sample (beyond amortised growth).</summary>
    public sealed class Builder
    {
        private readonly IReadOnlyList<string> _sectors;
        private long[] _time;
        private double[] _long;
        private double[] _short;
        private readonly double[][] _sectorNet;
        private readonly double[][] _sectorGross;
        private int _count;

        /// <summary>Creates a builder for the given sectors (may be empty) with room for <paramref name="capacity"/> samples.</summary>
        public Builder(IReadOnlyList<string> sectors, int capacity = 256)
        {
            ArgumentNullException.ThrowIfNull(sectors);
            capacity = Math.Max(capacity, 4);
            _sectors = sectors.ToArray();
            _time = new long[capacity];
            _long = new double[capacity];
            _short = new double[capacity];
            _sectorNet = new double[sectors.Count][];
            _sectorGross = new double[sectors.Count][];
            for (int s = 0; s < sectors.Count; s++)
            {
                _sectorNet[s] = new double[capacity];
                _sectorGross[s] = new double[capacity];
            }
        }

        /// <summary>
        /// Appends one sample. <paramref name="longWeight"/> ≥ 0, <paramref name="shortWeight"/> ≤ 0; the sector spans hold one
        /// value per sector (or are empty when the builder has no sectors).
        /// </summary>
        public void Add(long timeUtcTicks, double longWeight, double shortWeight, ReadOnlySpan<double> sectorNet, ReadOnlySpan<double> sectorGross)
        {
            if (longWeight < 0 || shortWeight > 0)
            {
                throw new ArgumentException("Long weight must be ≥ 0 and short weight ≤ 0.");
            }

            if (_count > 0 && timeUtcTicks <= _time[_count - 1])
            {
                throw new ArgumentException("Exposure samples must be in strictly ascending time.", nameof(timeUtcTicks));
            }

            if (sectorNet.Length != _sectors.Count || sectorGross.Length != _sectors.Count)
            {
                throw new ArgumentException($"Expected {_sectors.Count} sector weights.", nameof(sectorNet));
            }

            if (_count == _time.Length)
            {
                int cap = _time.Length * 2;
                Array.Resize(ref _time, cap);
                Array.Resize(ref _long, cap);
                Array.Resize(ref _short, cap);
                for (int s = 0; s < _sectorNet.Length; s++)
                {
                    Array.Resize(ref _sectorNet[s], cap);
                    Array.Resize(ref _sectorGross[s], cap);
                }
            }

            _time[_count] = timeUtcTicks;
            _long[_count] = longWeight;
            _short[_count] = shortWeight;
            for (int s = 0; s < _sectorNet.Length; s++)
            {
                _sectorNet[s][_count] = sectorNet[s];
                _sectorGross[s][_count] = sectorGross[s];
            }

            _count++;
        }

        /// <summary>The series built so far (the builder must not be used afterwards).</summary>
        public ExposureSeries Build() => new(_time, _long, _short, _sectors, _sectorNet, _sectorGross, _count);
    }
}
