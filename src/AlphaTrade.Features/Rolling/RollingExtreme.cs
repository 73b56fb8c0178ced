namespace AlphaTrade.Features.Rolling;

/// <summary>
/// Maximum and minimum of the finite values among the last <c>capacity</c> pushes, by monotonic deques (amortised O(1)).
/// </summary>
internal sealed class RollingExtreme
{
    private readonly int _capacity;
    private readonly (long Index, double Value)[] _max;
    private readonly (long Index, double Value)[] _min;
    private int _maxHead;
    private int _maxCount;
    private int _minHead;
    private int _minCount;
    private long _pushes;

    public RollingExtreme(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _max = new (long, double)[capacity];
        _min = new (long, double)[capacity];
    }

    public long Pushes => _pushes;

    public bool IsFull => _pushes >= _capacity;

    public double Max => _maxCount > 0 ? _max[_maxHead].Value : double.NaN;

    public double Min => _minCount > 0 ? _min[_minHead].Value : double.NaN;

    public void Push(double x) => Push(x, x);

    /// <summary>Pushes a high (for the maximum) and a low (for the minimum) of the same slot.</summary>
    public void Push(double high, double low)
    {
        long i = _pushes++;
        long oldest = i - _capacity + 1;
        Evict(_max, ref _maxHead, ref _maxCount, oldest);
        Evict(_min, ref _minHead, ref _minCount, oldest);
        if (double.IsFinite(high))
        {
            while (_maxCount > 0 && Back(_max, _maxHead, _maxCount).Value <= high)
            {
                _maxCount--;
            }

            _max[(_maxHead + _maxCount) % _capacity] = (i, high);
            _maxCount++;
        }

        if (double.IsFinite(low))
        {
            while (_minCount > 0 && Back(_min, _minHead, _minCount).Value >= low)
            {
                _minCount--;
            }

            _min[(_minHead + _minCount) % _capacity] = (i, low);
            _minCount++;
        }
    }

    private (long Index, double Value) Back((long Index, double Value)[] q, int head, int count) => q[(head + count - 1) % _capacity];

    private void Evict((long Index, double Value)[] q, ref int head, ref int count, long oldest)
    {
        while (count > 0 && q[head].Index < oldest)
        {
            head = (head + 1) % _capacity;
            count--;
        }
    }
}
