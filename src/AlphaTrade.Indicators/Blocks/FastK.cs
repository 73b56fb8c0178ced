namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// The raw stochastic %K over <c>period</c> bars in TA-Lib's form: (close − lowest)/((highest − lowest)/100),
/// 0 when the range is empty. NaN until the window is full.
/// </summary>
internal struct FastK(int period)
{
    private Extreme _high = new(period, true, false);
    private Extreme _low = new(period, false, false);

    public double Update(double high, double low, double close)
    {
        _high.Update(high);
        _low.Update(low);
        if (!_high.IsFull)
        {
            return double.NaN;
        }

        double diff = (_high.Value - _low.Value) / 100.0;
        return diff != 0.0 ? (close - _low.Value) / diff : 0.0;
    }

    public void Reset()
    {
        _high.Reset();
        _low.Reset();
    }
}

/// <summary>
/// A moving average that only starts once its input is defined: chains of smoothings (STOCH's slow %K then %D,
/// MACD's signal) feed each stage only the values the previous stage produced, as TA-Lib's nested calls do.
/// </summary>
internal sealed class ChainedMa(MaBlock ma)
{
    private int _seen;

    /// <summary>True once the MA has produced its first defined value.</summary>
    public bool IsReady => _seen > ma.Lookback;

    public double Update(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double v = ma.Update(x);
        _seen++;
        return IsReady ? v : double.NaN;
    }

    public void Reset()
    {
        ma.Reset();
        _seen = 0;
    }
}
