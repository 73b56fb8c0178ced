namespace AlphaTrade.Features.Rolling;

/// <summary>The last <c>capacity</c> values pushed, with access by lag (0 = the newest).</summary>
internal sealed class RingBuffer
{
    private readonly double[] _values;
    private int _next;
    private long _pushes;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
        Array.Fill(_values, double.NaN);
    }

    public int Capacity => _values.Length;

    public long Pushes => _pushes;

    public void Push(double x)
    {
        _values[_next] = x;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        _pushes++;
    }

    /// <summary>The value pushed <paramref name="lag"/> pushes ago; NaN when not (or no longer) held.</summary>
    public double this[int lag]
    {
        get
        {
            if ((uint)lag >= (uint)_values.Length || lag >= _pushes)
            {
                return double.NaN;
            }

            int i = _next - 1 - lag;
            return _values[i < 0 ? i + _values.Length : i];
        }
    }
}
