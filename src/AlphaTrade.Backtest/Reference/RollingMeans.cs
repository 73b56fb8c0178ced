using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest.Reference;

/// <summary>
/// One <see cref="RollingMean"/> per symbol, kept in flat arrays (rings side by side, counters in one struct per
/// symbol) instead of two objects per symbol: a strategy touching every symbol every bar then reads a few adjacent
/// cache lines. The same arithmetic as <see cref="RollingMean"/>, in the same order, so values are equal bit for bit.
/// Allocates only in the constructor. Not thread-safe.
/// </summary>
public sealed class RollingMeans
{
    private readonly double[] _ring;
    private readonly Slot[] _slots;

    /// <summary>Creates <paramref name="count"/> averages over <paramref name="period"/> values each.</summary>
    public RollingMeans(int count, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        Period = period;
        _ring = new double[checked(count * period)];
        _slots = new Slot[count];
    }

    /// <summary>Window length.</summary>
    public int Period { get; }

    /// <summary>Number of averages.</summary>
    public int Count => _slots.Length;

    /// <summary>True once <see cref="Period"/> values were added to average <paramref name="index"/>.</summary>
    public bool IsReady(int index) => _slots[index].Count == Period;

    /// <summary>Mean of the values in the window of average <paramref name="index"/> (NaN before the first).</summary>
    public double Value(int index)
    {
        ref readonly var s = ref _slots[index];
        return s.Count == 0 ? double.NaN : s.Sum / s.Count;
    }

    /// <summary>Adds a value to average <paramref name="index"/>, dropping its oldest once full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, double value)
    {
        ref var s = ref _slots[index];
        int period = Period;
        var ring = _ring.AsSpan(index * period, period);
        if (s.Count == period)
        {
            s.Sum -= ring[s.Pos];
        }
        else
        {
            s.Count++;
        }

        ring[s.Pos] = value;
        s.Sum += value;
        if (++s.Pos == period)
        {
            s.Pos = 0;
            s.Sum = Resum(ring);
        }
    }

    // Re-summed exactly each time the ring wraps, in ring order, as RollingMean does.
    private static double Resum(ReadOnlySpan<double> ring)
    {
        double sum = 0;
        for (int i = 0; i < ring.Length; i++)
        {
            sum += ring[i];
        }

        return sum;
    }

    private struct Slot
    {
        public int Pos;
        public int Count;
        public double Sum;
    }
}
