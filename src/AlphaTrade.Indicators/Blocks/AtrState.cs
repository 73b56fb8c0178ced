namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// True range and TA-Lib's average true range: TR from the second bar on; ATR seeded with the mean of the first
/// <c>period</c> TRs, then Wilder's smoothing <c>atr = (atr·(n−1) + tr)/n</c> in TA-Lib's order. Period 1 is TR.
/// </summary>
internal struct AtrState(int period)
{
    private double _prevClose = double.NaN;
    private double _sum;
    private int _count;

    /// <summary>Current ATR (valid from the bar at index <c>period</c>).</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Last true range (NaN on the first bar).</summary>
    public double TrueRange { get; private set; } = double.NaN;

    /// <summary>True once the ATR is defined.</summary>
    public readonly bool IsReady => _count >= period;

    /// <summary>TA-Lib's true range: the largest of high − low, |prev close − high|, |prev close − low|.</summary>
    public static double Range(double high, double low, double prevClose)
    {
        double greatest = high - low;
        double v2 = Math.Abs(prevClose - high);
        if (v2 > greatest)
        {
            greatest = v2;
        }

        double v3 = Math.Abs(prevClose - low);
        if (v3 > greatest)
        {
            greatest = v3;
        }

        return greatest;
    }

    public double Update(double high, double low, double close)
    {
        if (double.IsNaN(_prevClose))
        {
            _prevClose = close;
            return double.NaN;
        }

        double tr = Range(high, low, _prevClose);
        _prevClose = close;
        TrueRange = tr;
        if (period == 1)
        {
            _count = 1;
            return Value = tr;
        }

        if (_count < period)
        {
            _sum += tr;
            if (++_count == period)
            {
                Value = _sum / period;
            }

            return Value;
        }

        double v = Value * (period - 1);
        v += tr;
        return Value = v / period;
    }

    public void Reset()
    {
        _prevClose = double.NaN;
        _sum = 0;
        _count = 0;
        Value = double.NaN;
        TrueRange = double.NaN;
    }
}
