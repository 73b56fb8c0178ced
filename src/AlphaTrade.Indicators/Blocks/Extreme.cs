namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// Highest or lowest value (and its bar index) over the last <c>size</c> values, tracked as TA-Lib does: the
/// tracked extreme is kept while it stays in the window and replaced by a new value that ties or beats it; when it
/// leaves the window, the window is rescanned (ties resolved by <c>rescanTakesLatest</c>). Index ties therefore
/// match TA-Lib's MAXINDEX, MININDEX and AROON exactly. Amortised O(1), O(size) on a rescan.
/// </summary>
internal struct Extreme
{
    private readonly bool _isMax;
    private readonly bool _rescanTakesLatest;
    private Window _window;
    private long _bar;

    public Extreme(int size, bool isMax, bool rescanTakesLatest)
    {
        _isMax = isMax;
        _rescanTakesLatest = rescanTakesLatest;
        _window = new Window(size);
        _bar = -1;
        Index = -1;
        Value = double.NaN;
    }

    /// <summary>The extreme (valid once <see cref="IsFull"/>).</summary>
    public double Value { get; private set; }

    /// <summary>Index (bars since the last reset, first bar 0) of the extreme.</summary>
    public long Index { get; private set; }

    /// <summary>Bars since the last reset of the newest value.</summary>
    public readonly long Bar => _bar;

    /// <summary>True once the window is full and the extreme is defined.</summary>
    public readonly bool IsFull => _window.IsFull;

    public void Update(double x)
    {
        _window.Push(x);
        _bar++;
        if (!_window.IsFull)
        {
            return;
        }

        long trailing = _bar - _window.Capacity + 1;
        if (Index < trailing)
        {
            long idx = trailing;
            double best = _window.Ago((int)(_bar - trailing));
            for (long i = trailing + 1; i <= _bar; i++)
            {
                double v = _window.Ago((int)(_bar - i));
                if (Better(v, best) || (_rescanTakesLatest && v == best))
                {
                    idx = i;
                    best = v;
                }
            }

            Index = idx;
            Value = best;
        }
        else if (Better(x, Value) || x == Value)
        {
            Index = _bar;
            Value = x;
        }
    }

    private readonly bool Better(double v, double best) => _isMax ? v > best : v < best;

    public void Reset()
    {
        _window.Clear();
        _bar = -1;
        Index = -1;
        Value = double.NaN;
    }
}
