namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// Highest or lowest finite value (and its bar index) over the last <c>size</c> values in O(1) amortised per value:
/// a monotonic deque of (index, value) over a ring buffer holds every value not beaten by a later one (ties kept, so
/// the front is the oldest of the tied extremes). Reports exactly what <see cref="Extreme"/> with
/// <c>rescanTakesLatest: false</c> reports — TA-Lib's rule: the tracked extreme is kept while it stays in the window
/// and replaced by a new value that ties or beats it; when it leaves, the oldest extreme of the window takes over —
/// without rescanning the window. Inputs must be finite (the invalid-bar rule resets cores before a NaN reaches them).
/// A mutable struct: keep it in a field and never copy it.
/// </summary>
internal struct MonotonicExtreme
{
    private readonly bool _isMax;
    private readonly int _size;
    private readonly long[] _index;
    private readonly double[] _value;
    private int _head;
    private int _count;
    private long _bar;

    public MonotonicExtreme(int size, bool isMax)
    {
        _isMax = isMax;
        _size = Math.Max(1, size);
        _index = new long[_size];
        _value = new double[_size];
        _head = 0;
        _count = 0;
        _bar = -1;
        Index = -1;
        Value = double.NaN;
    }

    /// <summary>The extreme (valid once <see cref="IsFull"/>).</summary>
    public double Value { get; private set; }

    /// <summary>Index (bars since the last reset, first bar 0) of the extreme.</summary>
    public long Index { get; private set; }

    /// <summary>True once <c>size</c> values arrived since the last reset.</summary>
    public readonly bool IsFull => _bar >= _size - 1;

    public void Update(double x)
    {
        _bar++;
        long trailing = _bar - _size + 1;
        var idx = _index;
        var val = _value;
        int cap = _size;

        // The front leaves the window: at most one value a bar does.
        if (_count > 0 && idx[_head] < trailing)
        {
            _head = _head + 1 == cap ? 0 : _head + 1;
            _count--;
        }

        // Drop the values x strictly beats: they can never be the extreme again (ties stay: the oldest one may be).
        while (_count > 0)
        {
            int back = _head + _count - 1;
            if (back >= cap)
            {
                back -= cap;
            }

            double b = val[back];
            if (_isMax ? b < x : b > x)
            {
                _count--;
            }
            else
            {
                break;
            }
        }

        int at = _head + _count;
        if (at >= cap)
        {
            at -= cap;
        }

        idx[at] = _bar;
        val[at] = x;
        _count++;
        if (trailing < 0)
        {
            return;
        }

        if (Index < trailing)
        {
            // The tracked extreme left (or none yet): the oldest extreme of the window, the deque's front.
            Index = idx[_head];
            Value = val[_head];
        }
        else if (_isMax ? x >= Value : x <= Value)
        {
            Index = _bar;
            Value = x;
        }
    }

    public void Reset()
    {
        _head = 0;
        _count = 0;
        _bar = -1;
        Index = -1;
        Value = double.NaN;
    }
}
