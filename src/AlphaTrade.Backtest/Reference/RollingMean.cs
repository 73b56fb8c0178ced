using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest.Reference;

/// <summary>
/// Streaming simple moving average in O(1) per value: a ring of the last <see cref="Period"/> values and their
/// running sum, re-summed exactly each time the ring wraps so rounding drift stays bounded. Allocates only in the
/// constructor. Not thread-safe.
/// </summary>
public sealed class RollingMean
{
    private readonly double[] _ring;
    private int _pos;
    private int _count;
    private double _sum;

    /// <summary>Creates an average over <paramref name="period"/> values.</summary>
    public RollingMean(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _ring = new double[period];
    }

    /// <summary>Window length.</summary>
    public int Period => _ring.Length;

    /// <summary>True once <see cref="Period"/> values were added.</summary>
    public bool IsReady => _count == _ring.Length;

    /// <summary>Mean of the values in the window (NaN before the first).</summary>
    public double Value => _count == 0 ? double.NaN : _sum / _count;

    /// <summary>Adds a value, dropping the oldest once full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double value)
    {
        var ring = _ring;
        if (_count == ring.Length)
        {
            _sum -= ring[_pos];
        }
        else
        {
            _count++;
        }

        ring[_pos] = value;
        _sum += value;
        if (++_pos == ring.Length)
        {
            _pos = 0;
            double s = 0;
            for (int i = 0; i < ring.Length; i++)
            {
                s += ring[i];
            }

            _sum = s;
        }
    }

    /// <summary>Forgets every value.</summary>
    public void Reset()
    {
        _pos = 0;
        _count = 0;
        _sum = 0;
    }
}
