using System.Globalization;
using System.Runtime.CompilerServices;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Kernel;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest;

/// <summary>
/// A historical feed over loaded <see cref="BarSeries"/>: merges the series into time steps (every symbol with a
/// bar at the earliest pending start), optionally within [from, to). Symbol ids follow the series order. Reads the
/// columns in place: nothing is copied or allocated per bar. Series must share one bar size and have strictly
/// ascending times (else <see cref="InputException"/>). Single consumer.
/// </summary>
public sealed class BarSeriesFeed : IMarketDataFeed, IHistorySource, IFeedExtent
{
    /// <summary>Most rows (time steps) transposed at a time: small enough that a block's columns stay in the L2 cache.</summary>
    private const int MaxBlockRows = 256;

    private readonly BarSeries[] _series;
    private readonly int[] _cursor;
    private readonly int[] _end;
    private readonly int[] _first;
    private readonly long[] _times;
    private readonly int _n;
    private readonly int _blockRows;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;
    private readonly BarFlags[] _flags;
    private readonly bool[] _present;
    private readonly int[] _rowIds;
    private readonly int[] _rowCount;
    private readonly bool _aligned;
    private int _row;
    private int _blockStart;
    private int _blockEnd;

    /// <summary>Creates a feed; <paramref name="fromUtc"/> and <paramref name="toUtc"/> bound bar starts to [from, to).</summary>
    public BarSeriesFeed(IReadOnlyList<BarSeries> series, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series = [.. series];
        if (_series.Length == 0)
        {
            throw new InputException("A backtest needs at least one bar series.");
        }

        TimeFrame = _series[0].TimeFrame;
        foreach (var s in _series)
        {
            if (s.TimeFrame != TimeFrame)
            {
                throw new InputException($"Bar series {s.Symbol} is {s.TimeFrame} but {_series[0].Symbol} is {TimeFrame}: one bar size per run.");
            }
        }

        var names = _series.Select(s => s.Symbol).ToList();
        var dup = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new InputException($"Symbol {dup.Key} has two bar series.");
        }

        Symbols = new SymbolTable(names);
        _cursor = new int[_series.Length];
        _end = new int[_series.Length];
        long from = fromUtc?.Ticks ?? long.MinValue;
        long to = toUtc?.Ticks ?? long.MaxValue;
        for (int i = 0; i < _series.Length; i++)
        {
            var time = _series[i].Time;
            for (int j = 1; j < time.Length; j++)
            {
                if (time[j] <= time[j - 1])
                {
                    throw new InputException(string.Create(CultureInfo.InvariantCulture,
                        $"Bar series {_series[i].Symbol}: bar {j} starts at {new DateTime(time[j], DateTimeKind.Utc):O}, not after the previous bar ({new DateTime(time[j - 1], DateTimeKind.Utc):O})."));
                }
            }

            _cursor[i] = from == long.MinValue ? 0 : _series[i].LowerBound(from);
            _end[i] = to == long.MaxValue ? time.Length : _series[i].LowerBound(to);
        }

        _n = _series.Length;
        _first = (int[])_cursor.Clone();
        _times = UnionOfTimes(_series, _cursor, _end);
        // Each block column stays under the large-object threshold (85,000 bytes): a run's buffers are then ordinary
        // young objects, not large-object allocations that trigger full collections.
        _blockRows = Math.Clamp(84_000 / (sizeof(double) * _n), 1, MaxBlockRows);
        int cells = _blockRows * _n;
        _open = new double[cells];
        _high = new double[cells];
        _low = new double[cells];
        _close = new double[cells];
        _volume = new double[cells];
        _flags = new BarFlags[cells];
        _present = new bool[cells];
        _rowIds = new int[cells];
        _rowCount = new int[_blockRows];

        // Every series has a bar at every time step (the usual cleaned universe): which symbols a row holds never
        // changes, so presence and id lists are set once and a block is a plain transposition.
        _aligned = true;
        for (int i = 0; i < _n; i++)
        {
            _aligned &= _end[i] - _cursor[i] == _times.Length;
        }

        if (_aligned)
        {
            Array.Fill(_present, true);
            Array.Fill(_rowCount, _n);
            for (int at = 0; at < cells; at++)
            {
                _rowIds[at] = at % _n;
            }
        }
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <inheritdoc />
    public TimeFrame TimeFrame { get; }

    /// <summary>Total bars the feed will deliver from now on.</summary>
    public long RemainingBars
    {
        get
        {
            long n = 0;
            for (int i = 0; i < _series.Length; i++)
            {
                n += _end[i] - _cursor[i];
            }

            // Bars already transposed into the current block but not yet delivered.
            for (int at = (_row - _blockStart) * _n; at < (_blockEnd - _blockStart) * _n; at++)
            {
                n += _present[at] ? 1 : 0;
            }

            return n;
        }
    }

    /// <inheritdoc />
    /// <remarks>The history is a window over the series' own columns (<see cref="SeriesHistory"/>): nothing copied per bar.</remarks>
    public IBarHistory CreateHistory(int capacity)
    {
        if (_row != 0)
        {
            throw new InvalidOperationException("A feed's history must be created before its first read.");
        }

        return new SeriesHistory(Symbols, _series, _first, capacity);
    }

    /// <inheritdoc />
    public int RemainingTimeSteps => _times.Length - _row;

    /// <inheritdoc />
    public bool TryPeekNextStart(out long startUtcTicks)
    {
        startUtcTicks = _row < _times.Length ? _times[_row] : long.MaxValue;
        return _row < _times.Length;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Bars are transposed up to <see cref="MaxBlockRows"/> time steps at a time into row-major buffers, one series at a time,
    /// so reads stay sequential, and the slice is bound to its row there (<see cref="BarSlice.Bind"/>: nothing copied);
    /// merging all series bar by bar would read 7 columns × N series at once, more streams than the hardware
    /// prefetches (the merge then costs more than the rest of the event loop).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadNext(BarSlice destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_row >= _times.Length)
        {
            return false;
        }

        if (_row == _blockEnd)
        {
            FillBlock();
        }

        int r = _row - _blockStart;
        int b = r * _n;
        destination.Bind(_times[_row], _open, _high, _low, _close, _volume, _flags, _present, b, _rowIds, b, _rowCount[r]);
        _row++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillBlock()
    {
        int r0 = _row;
        int r1 = Math.Min(r0 + _blockRows, _times.Length);
        if (_aligned)
        {
            FillAlignedBlock(r1 - r0);
            _blockStart = r0;
            _blockEnd = r1;
            return;
        }

        long stop = r1 < _times.Length ? _times[r1] : long.MaxValue;
        var times = _times;
        int n = _n;
        Array.Clear(_present, 0, (r1 - r0) * n);
        Array.Clear(_rowCount);
        var rowIds = _rowIds;
        var rowCount = _rowCount;
        for (int s = 0; s < n; s++)
        {
            var x = _series[s];
            var t = x.Time;
            var o = x.Open;
            var h = x.High;
            var l = x.Low;
            var c = x.Close;
            var v = x.Volume;
            var f = x.Flags;
            int i = _cursor[s], end = _end[s], r = r0;
            for (; i < end && t[i] < stop; i++)
            {
                long ti = t[i];
                while (times[r] < ti)
                {
                    r++;
                }

                int at = ((r - r0) * n) + s;
                _open[at] = o[i];
                _high[at] = h[i];
                _low[at] = l[i];
                _close[at] = c[i];
                _volume[at] = v[i];
                _flags[at] = f[i];
                _present[at] = true;
                rowIds[((r - r0) * n) + rowCount[r - r0]++] = s; // series in id order: each row's ids ascend
                r++;
            }

            _cursor[s] = i;
        }

        _blockStart = r0;
        _blockEnd = r1;
    }

    /// <summary>The next <paramref name="rows"/> bars of every series, all at the same time steps, into the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillAlignedBlock(int rows)
    {
        int n = _n;
        for (int s = 0; s < n; s++)
        {
            var x = _series[s];
            int i0 = _cursor[s];
            var o = x.Open.Slice(i0, rows);
            var h = x.High.Slice(i0, rows);
            var l = x.Low.Slice(i0, rows);
            var c = x.Close.Slice(i0, rows);
            var v = x.Volume.Slice(i0, rows);
            var f = x.Flags.Slice(i0, rows);
            for (int k = 0, at = s; k < rows; k++, at += n)
            {
                _open[at] = o[k];
                _high[at] = h[k];
                _low[at] = l[k];
                _close[at] = c[k];
                _volume[at] = v[k];
                _flags[at] = f[k];
            }

            _cursor[s] = i0 + rows;
        }
    }

    /// <summary>The distinct bar starts of every series within [lo, hi), ascending.</summary>
    internal static long[] UnionOfTimes(IReadOnlyList<BarSeries> series, int[] lo, int[] hi)
    {
        int n = series.Count;
        var first = series[0].Time[lo[0]..hi[0]];
        bool same = true;
        for (int s = 1; s < n && same; s++)
        {
            same = series[s].Time[lo[s]..hi[s]].SequenceEqual(first);
        }

        if (same)
        {
            return first.ToArray();
        }

        var cursor = (int[])lo.Clone();
        var union = new List<long>(hi.Max());
        while (true)
        {
            long next = long.MaxValue;
            for (int s = 0; s < n; s++)
            {
                if (cursor[s] < hi[s])
                {
                    next = Math.Min(next, series[s].Time[cursor[s]]);
                }
            }

            if (next == long.MaxValue)
            {
                return [.. union];
            }

            union.Add(next);
            for (int s = 0; s < n; s++)
            {
                if (cursor[s] < hi[s] && series[s].Time[cursor[s]] == next)
                {
                    cursor[s]++;
                }
            }
        }
    }
}
