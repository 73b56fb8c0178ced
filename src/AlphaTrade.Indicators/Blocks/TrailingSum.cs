namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// A running sum over the last <c>period</c> values in TA-Lib's operation order: the new value is added, the
/// sum is read, then the value leaving the window is subtracted. Matching that order keeps results bit-identical
/// to TA-Lib's running totals (SMA, SUM, BBANDS' moments...).
/// </summary>
internal struct TrailingSum
{
    private Window _prior;
    private double _total;

    public TrailingSum(int period)
    {
        Period = period;
        _prior = new Window(period - 1);
        _total = 0;
    }

    /// <summary>Window length.</summary>
    public int Period { get; }

    /// <summary>True once a full window has been summed (the last <see cref="Add"/> returned a full-window sum).</summary>
    public bool IsFull { get; private set; }

    /// <summary>Adds <paramref name="x"/> and returns the sum of the last <c>period</c> values (partial while filling).</summary>
    public double Add(double x)
    {
        if (Period == 1)
        {
            IsFull = true;
            return x;
        }

        _total += x;
        double sum = _total;
        if (_prior.IsFull)
        {
            IsFull = true;
            _total -= _prior.Oldest;
        }

        _prior.Push(x);
        return sum;
    }

    public void Reset()
    {
        _prior.Clear();
        _total = 0;
        IsFull = false;
    }
}
