using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Market;

/// <summary>
/// Bars of one symbol in columnar form: one array per field, not an object per bar.
/// <para>
/// <see cref="Time"/> holds each bar's START as UTC <see cref="DateTime.Ticks"/>; bars are sorted ascending once
/// loaded and cleaned. Arrays may be longer than <see cref="Count"/> (reused buffers): always slice through the
/// span accessors. Not thread-safe for writes; safe to share for reads once built.
/// </para>
/// </summary>
public sealed class BarSeries
{
    private long[] _time;
    private double[] _open;
    private double[] _high;
    private double[] _low;
    private double[] _close;
    private double[] _volume;
    private double[]? _vwap;
    private double[]? _tradeCount;
    private BarFlags[] _flags;

    /// <summary>Creates an empty series with room for <paramref name="capacity"/> bars.</summary>
    public BarSeries(string symbol, TimeFrame timeFrame, int capacity = 0, bool withVwap = false, bool withTradeCount = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Symbol = symbol;
        TimeFrame = timeFrame;
        _time = new long[capacity];
        _open = new double[capacity];
        _high = new double[capacity];
        _low = new double[capacity];
        _close = new double[capacity];
        _volume = new double[capacity];
        _flags = new BarFlags[capacity];
        _vwap = withVwap ? new double[capacity] : null;
        _tradeCount = withTradeCount ? new double[capacity] : null;
    }

    /// <summary>Ticker, upper case (e.g. "AAPL").</summary>
    public string Symbol { get; }

    /// <summary>Bar size.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>Number of bars.</summary>
    public int Count { get; private set; }

    /// <summary>Allocated room.</summary>
    public int Capacity => _time.Length;

    /// <summary>True when the optional VWAP column is present.</summary>
    public bool HasVwap => _vwap is not null;

    /// <summary>True when the optional trade-count column is present.</summary>
    public bool HasTradeCount => _tradeCount is not null;

    /// <summary>Bar start times, UTC ticks.</summary>
    public ReadOnlySpan<long> Time => _time.AsSpan(0, Count);

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open => _open.AsSpan(0, Count);

    /// <summary>High prices.</summary>
    public ReadOnlySpan<double> High => _high.AsSpan(0, Count);

    /// <summary>Low prices.</summary>
    public ReadOnlySpan<double> Low => _low.AsSpan(0, Count);

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close => _close.AsSpan(0, Count);

    /// <summary>Volumes (shares).</summary>
    public ReadOnlySpan<double> Volume => _volume.AsSpan(0, Count);

    /// <summary>Volume-weighted average prices, empty when absent.</summary>
    public ReadOnlySpan<double> Vwap => _vwap is null ? default : _vwap.AsSpan(0, Count);

    /// <summary>Trade counts, empty when absent.</summary>
    public ReadOnlySpan<double> TradeCount => _tradeCount is null ? default : _tradeCount.AsSpan(0, Count);

    /// <summary>Per-bar flags.</summary>
    public ReadOnlySpan<BarFlags> Flags => _flags.AsSpan(0, Count);

    /// <summary>Writable columns, for loaders and cleaners that fill a series in place.</summary>
    public BarColumns Columns => new(this);

    /// <summary>First bar start as a UTC <see cref="DateTime"/>; throws when empty.</summary>
    public DateTime FirstTimeUtc => Count > 0 ? new DateTime(_time[0], DateTimeKind.Utc) : throw new InvalidOperationException("Empty series.");

    /// <summary>Last bar start as a UTC <see cref="DateTime"/>; throws when empty.</summary>
    public DateTime LastTimeUtc => Count > 0 ? new DateTime(_time[Count - 1], DateTimeKind.Utc) : throw new InvalidOperationException("Empty series.");

    /// <summary>The bar at <paramref name="index"/> as a value (for tests and reports; hot loops use the spans).</summary>
    public Bar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return new Bar(_time[index], _open[index], _high[index], _low[index], _close[index], _volume[index]);
        }
    }

    /// <summary>Appends one bar, growing the columns when full.</summary>
    public void Add(long timeUtcTicks, double open, double high, double low, double close, double volume,
        double vwap = double.NaN, double tradeCount = double.NaN, BarFlags flags = BarFlags.None)
    {
        if (Count == _time.Length)
        {
            EnsureCapacity(Count + 1);
        }

        int i = Count;
        _time[i] = timeUtcTicks;
        _open[i] = open;
        _high[i] = high;
        _low[i] = low;
        _close[i] = close;
        _volume[i] = volume;
        _flags[i] = flags;
        if (_vwap is not null)
        {
            _vwap[i] = vwap;
        }

        if (_tradeCount is not null)
        {
            _tradeCount[i] = tradeCount;
        }

        Count = i + 1;
    }

    /// <summary>Appends a bar value.</summary>
    public void Add(in Bar bar, BarFlags flags = BarFlags.None) =>
        Add(bar.TimeUtcTicks, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, flags: flags);

    /// <summary>Grows every column to hold at least <paramref name="capacity"/> bars (doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _time.Length)
        {
            return;
        }

        int newCap = Math.Max(capacity, Math.Max(16, _time.Length * 2));
        Array.Resize(ref _time, newCap);
        Array.Resize(ref _open, newCap);
        Array.Resize(ref _high, newCap);
        Array.Resize(ref _low, newCap);
        Array.Resize(ref _close, newCap);
        Array.Resize(ref _volume, newCap);
        Array.Resize(ref _flags, newCap);
        if (_vwap is not null)
        {
            Array.Resize(ref _vwap, newCap);
        }

        if (_tradeCount is not null)
        {
            Array.Resize(ref _tradeCount, newCap);
        }
    }

    /// <summary>Sets the bar count after columns were written through <see cref="Columns"/>.</summary>
    public void SetCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _time.Length);
        Count = count;
    }

    /// <summary>Removes every bar but keeps the buffers for reuse.</summary>
    public void Clear() => Count = 0;

    /// <summary>Index of the first bar whose start is at or after <paramref name="timeUtcTicks"/> (Count when none).</summary>
    public int LowerBound(long timeUtcTicks)
    {
        int idx = Time.BinarySearch(timeUtcTicks);
        if (idx < 0)
        {
            return ~idx;
        }

        while (idx > 0 && _time[idx - 1] == timeUtcTicks)
        {
            idx--;
        }

        return idx;
    }

    /// <summary>A copy of bars [start, start+length) as a new series.</summary>
    public BarSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        var s = new BarSeries(Symbol, TimeFrame, length, HasVwap, HasTradeCount);
        Time.Slice(start, length).CopyTo(s._time);
        Open.Slice(start, length).CopyTo(s._open);
        High.Slice(start, length).CopyTo(s._high);
        Low.Slice(start, length).CopyTo(s._low);
        Close.Slice(start, length).CopyTo(s._close);
        Volume.Slice(start, length).CopyTo(s._volume);
        Flags.Slice(start, length).CopyTo(s._flags);
        if (_vwap is not null)
        {
            Vwap.Slice(start, length).CopyTo(s._vwap);
        }

        if (_tradeCount is not null)
        {
            TradeCount.Slice(start, length).CopyTo(s._tradeCount);
        }

        s.Count = length;
        return s;
    }

    /// <summary>Full-capacity writable views of the columns; write then call <see cref="SetCount"/>.</summary>
    public readonly ref struct BarColumns
    {
        private readonly BarSeries _s;

        internal BarColumns(BarSeries s) => _s = s;

        /// <summary>Bar start times (UTC ticks).</summary>
        public Span<long> Time => _s._time;

        /// <summary>Opens.</summary>
        public Span<double> Open => _s._open;

        /// <summary>Highs.</summary>
        public Span<double> High => _s._high;

        /// <summary>Lows.</summary>
        public Span<double> Low => _s._low;

        /// <summary>Closes.</summary>
        public Span<double> Close => _s._close;

        /// <summary>Volumes.</summary>
        public Span<double> Volume => _s._volume;

        /// <summary>VWAPs (empty when the column is absent).</summary>
        public Span<double> Vwap => _s._vwap;

        /// <summary>Trade counts (empty when the column is absent).</summary>
        public Span<double> TradeCount => _s._tradeCount;

        /// <summary>Flags.</summary>
        public Span<BarFlags> Flags => _s._flags;
    }
}
