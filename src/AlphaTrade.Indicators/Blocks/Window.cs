namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// The last <c>capacity</c> values in arrival order (a ring buffer). <see cref="Ago"/>(0) is the newest.
/// A mutable struct: keep it in a field and never copy it.
/// </summary>
internal struct Window
{
    private readonly double[] _buf;
    private int _head;

    public Window(int capacity)
    {
        _buf = new double[Math.Max(1, capacity)];
        _head = 0;
        Count = 0;
    }

    /// <summary>Values held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Capacity.</summary>
    public readonly int Capacity => _buf.Length;

    /// <summary>True once <see cref="Count"/> reached the capacity.</summary>
    public readonly bool IsFull => Count == _buf.Length;

    /// <summary>The oldest value held (the one the next <see cref="Push"/> evicts when full).</summary>
    public readonly double Oldest => IsFull ? _buf[_head] : _buf[0];

    /// <summary>Appends <paramref name="x"/>, evicting the oldest when full; returns the evicted value (NaN if none).</summary>
    public double Push(double x)
    {
        double evicted = double.NaN;
        if (IsFull)
        {
            evicted = _buf[_head];
        }
        else
        {
            Count++;
        }

        _buf[_head] = x;
        _head = _head + 1 == _buf.Length ? 0 : _head + 1;
        return evicted;
    }

    /// <summary>The value <paramref name="k"/> pushes ago (0 = newest); k &lt; Count.</summary>
    public readonly double Ago(int k)
    {
        int i = _head - 1 - k;
        if (i < 0)
        {
            i += _buf.Length;
        }

        return _buf[i];
    }

    /// <summary>
    /// The values oldest first as two spans (<paramref name="older"/> then <paramref name="newer"/>), for loops
    /// over the whole window without per-element index arithmetic.
    /// </summary>
    public readonly void Chronological(out ReadOnlySpan<double> older, out ReadOnlySpan<double> newer)
    {
        if (IsFull)
        {
            older = _buf.AsSpan(_head);
            newer = _buf.AsSpan(0, _head);
        }
        else
        {
            older = _buf.AsSpan(0, Count);
            newer = default;
        }
    }

    /// <summary>The storage in physical order (ring positions 0..capacity−1), for sums TA-Lib takes in that order.</summary>
    public readonly ReadOnlySpan<double> Raw => _buf;

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
