namespace AlphaTrade.Features.Rolling;

/// <summary>
/// Maximum and minimum of the finite values among the last <c>capacity</c> pushes, by monotonic deques (amortised O(1)).
/// </summary>
internal sealed class RollingExtreme
{
    private readonly int _capacity;
    private readonly Deque _max;
    private readonly Deque _min;
    private long _pushes;

    public RollingExtreme(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _max = new Deque(capacity);
        _min = new Deque(capacity);
    }

    public long Pushes => _pushes;

    public bool IsFull => _pushes >= _capacity;

    public double Max => _max.Count > 0 ? _max.FrontValue : double.NaN;

    public double Min => _min.Count > 0 ? _min.FrontValue : double.NaN;

    public void Push(double x) => Push(x, x);

    /// <summary>Pushes a high (for the maximum) and a low (for the minimum) of the same slot.</summary>
    public void Push(double high, double low)
    {
        long i = _pushes++;
        long oldest = i - _capacity + 1;
        _max.EvictBefore(oldest);
        _min.EvictBefore(oldest);
        if (double.IsFinite(high))
        {
            while (_max.Count > 0 && _max.BackValue <= high)
            {
                _max.PopBack();
            }

            _max.PushBack(i, high);
        }

        if (double.IsFinite(low))
        {
            while (_min.Count > 0 && _min.BackValue >= low)
            {
                _min.PopBack();
            }

            _min.PushBack(i, low);
        }
    }

    /// <summary>A fixed-capacity ring of (index, value) pairs.</summary>
    private sealed class Deque(int capacity)
    {
        private readonly long[] _index = new long[capacity];
        private readonly double[] _value = new double[capacity];
        private int _head;

        public int Count { get; private set; }

        public double FrontValue => _value[_head];

        public double BackValue => _value[Wrap(_head + Count - 1)];

        public void EvictBefore(long oldest)
        {
            while (Count > 0 && _index[_head] < oldest)
            {
                _head = Wrap(_head + 1);
                Count--;
            }
        }

        public void PopBack() => Count--;

        public void PushBack(long index, double value)
        {
            int slot = Wrap(_head + Count);
            _index[slot] = index;
            _value[slot] = value;
            Count++;
        }

        private int Wrap(int i) => i >= capacity ? i - capacity : i;
    }
}
