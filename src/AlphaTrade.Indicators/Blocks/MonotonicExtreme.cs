namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// Highest or lowest finite value (and its bar index) over the last <c>size</c> values in O(1) amortised per value.
/// Reports exactly what <see cref="Extreme"/> with <c>rescanTakesLatest: false</c> reports — TA-Lib's rule: the
/// tracked extreme is kept while it stays in the window and replaced by a new value that ties or beats it; when it
/// leaves, the oldest extreme of the window takes over — without rescanning the window: the oldest extreme of the
/// window is found from block extremes (van Herk / Gil-Werman): the values arrive in blocks of <c>size</c>; the
/// window is the tail of the previous block (its suffix extremes, computed from the block's end only as far back as a
/// lookup needs them, at most once per position) and the head of the current one (a running prefix extreme), ties
/// resolved towards the older value on both sides. Unlike a monotonic deque this takes no data-dependent loop per
/// value. Inputs must be finite (the invalid-bar rule resets
/// cores before a NaN reaches them). A mutable struct: keep it in a field and never copy it.
/// </summary>
internal struct MonotonicExtreme
{
    private readonly bool _isMax;
    private readonly int _size;
    private double[] _block;
    private double[] _previous;
    private readonly double[] _suffixValue;
    private readonly int[] _suffixAt;
    private double _prefixValue;
    private int _prefixAt;
    private int _pos;
    private int _suffixFrom;
    private long _blockStart;
    private long _bar;

    public MonotonicExtreme(int size, bool isMax)
    {
        _isMax = isMax;
        _size = Math.Max(1, size);
        _block = new double[_size];
        _previous = new double[_size];
        _suffixValue = new double[_size];
        _suffixAt = new int[_size];
        _prefixValue = double.NaN;
        _prefixAt = 0;
        _pos = 0;
        _suffixFrom = _size;
        _blockStart = 0;
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
        int size = _size;
        if (_pos == size)
        {
            CloseBlock();
        }

        _bar++;
        int pos = _pos;
        _block[pos] = x;

        // Prefix extreme of the current block; a tie keeps the older value.
        if (pos == 0 || (_isMax ? x > _prefixValue : x < _prefixValue))
        {
            _prefixValue = x;
            _prefixAt = pos;
        }

        _pos = pos + 1;
        long trailing = _bar - size + 1;
        if (trailing < 0)
        {
            return;
        }

        if (Index < trailing)
        {
            // The tracked extreme left (or none yet): the oldest extreme of the window. The window holds the previous
            // block's positions from _pos on (none once the current block is full) and the current block's up to pos.
            int from = pos + 1;
            if (from < size && from < _suffixFrom)
            {
                ExtendSuffix(from);
            }

            if (from < size && (_isMax ? _suffixValue[from] >= _prefixValue : _suffixValue[from] <= _prefixValue))
            {
                Index = _blockStart - size + _suffixAt[from];
                Value = _suffixValue[from];
            }
            else
            {
                Index = _blockStart + _prefixAt;
                Value = _prefixValue;
            }
        }
        else if (_isMax ? x >= Value : x <= Value)
        {
            Index = _bar;
            Value = x;
        }
    }

    public void Reset()
    {
        _pos = 0;
        _suffixFrom = _size;
        _blockStart = 0;
        _prefixValue = double.NaN;
        _prefixAt = 0;
        _bar = -1;
        Index = -1;
        Value = double.NaN;
    }

    // The current block is complete: it becomes the previous block, whose suffix extremes are computed on demand.
    private void CloseBlock()
    {
        (_block, _previous) = (_previous, _block);
        _suffixFrom = _size;
        _blockStart += _size;
        _pos = 0;
    }

    // Suffix extremes (oldest on ties) of the previous block for positions from..size−1, continuing down from what
    // earlier lookups in this block computed.
    private void ExtendSuffix(int from)
    {
        var block = _previous;
        var value = _suffixValue;
        var at = _suffixAt;
        int j = _suffixFrom - 1;
        double best;
        int bestAt;
        if (_suffixFrom == _size)
        {
            best = block[j];
            bestAt = j;
            value[j] = best;
            at[j] = j;
            j--;
        }
        else
        {
            best = value[_suffixFrom];
            bestAt = at[_suffixFrom];
        }

        if (_isMax)
        {
            for (; j >= from; j--)
            {
                double b = block[j];
                if (b >= best)
                {
                    best = b;
                    bestAt = j;
                }

                value[j] = best;
                at[j] = bestAt;
            }
        }
        else
        {
            for (; j >= from; j--)
            {
                double b = block[j];
                if (b <= best)
                {
                    best = b;
                    bestAt = j;
                }

                value[j] = best;
                at[j] = bestAt;
            }
        }

        _suffixFrom = from;
    }
}
