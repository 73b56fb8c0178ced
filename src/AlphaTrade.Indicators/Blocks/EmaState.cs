namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// TA-Lib's exponential average: seeded with the simple mean of the first <c>period</c> values, then
/// <c>ema += (x − ema)·k</c>. k is 2/(period+1) unless a caller fixes it (MACDFIX). The update is one fused
/// multiply-add (<see cref="Step"/>): it halves the loop-carried latency, which bounds EMA's speed, and rounds once
/// instead of twice (a difference from TA-Lib's two roundings far below the 1e-9 agreement).
/// </summary>
internal struct EmaState
{
    private readonly int _period;
    private readonly double _k;
    private double _sum;
    private int _count;

    public EmaState(int period, double k)
    {
        _period = period;
        _k = k;
        _sum = 0;
        _count = 0;
        Value = double.NaN;
    }

    public EmaState(int period)
        : this(period, 2.0 / (period + 1))
    {
    }

    /// <summary>Current average (NaN until seeded).</summary>
    public double Value { get; private set; }

    /// <summary>True once seeded.</summary>
    public readonly bool IsReady => _count >= _period;

    /// <summary>Lookback of a TA-Lib EMA.</summary>
    public static int Lookback(int period) => period - 1;

    public double Update(double x)
    {
        if (_count < _period)
        {
            _sum += x;
            if (++_count == _period)
            {
                Value = _sum / _period;
            }

            return Value;
        }

        return Value = Step(Value, x, _k);
    }

    /// <summary>One EMA step, shared by every batch kernel so both forms stay bit-identical.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Step(double ema, double x, double k) => Math.FusedMultiplyAdd(x - ema, k, ema);

    public void Reset()
    {
        _sum = 0;
        _count = 0;
        Value = double.NaN;
    }
}
