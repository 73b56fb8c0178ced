namespace AlphaTrade.Engine.Costs;

/// <summary>
/// Running market statistics of one symbol, from bars strictly before the bar being filled: the last two bars'
/// highs and lows (for the Corwin–Schultz spread), an exponentially weighted variance of log returns and an
/// exponentially weighted bar volume. A mutable value updated in place through <see cref="BarStatisticsTracker"/>.
/// </summary>
public struct BarStatistics
{
    /// <summary>High of the previous bar (NaN before the first bar).</summary>
    public double High1;

    /// <summary>Low of the previous bar.</summary>
    public double Low1;

    /// <summary>High of the bar before the previous one.</summary>
    public double High2;

    /// <summary>Low of the bar before the previous one.</summary>
    public double Low2;

    /// <summary>Close of the previous bar.</summary>
    public double LastClose;

    /// <summary>EWMA of squared bar log returns.</summary>
    public double ReturnVariance;

    /// <summary>EWMA of bar volume.</summary>
    public double BarVolume;

    /// <summary>Bars seen.</summary>
    public int Count;

    /// <summary>Daily volatility: √(bar variance × bars per session).</summary>
    public readonly double DailyVolatility(int barsPerSession) => Count >= 2 ? Math.Sqrt(ReturnVariance * barsPerSession) : double.NaN;

    /// <summary>Average daily volume: average bar volume × bars per session.</summary>
    public readonly double AverageDailyVolume(int barsPerSession) => Count >= 1 ? BarVolume * barsPerSession : double.NaN;

    /// <summary>
    /// Corwin–Schultz (2012) spread estimate, as a fraction of price, from the last two bars' highs and lows;
    /// negative estimates are 0; NaN before two bars.
    /// </summary>
    public readonly double CorwinSchultzSpread()
    {
        if (Count < 2 || !(Low1 > 0) || !(Low2 > 0))
        {
            return double.NaN;
        }

        double b1 = Math.Log(High1 / Low1);
        double b2 = Math.Log(High2 / Low2);
        double beta = (b1 * b1) + (b2 * b2);
        double g = Math.Log(Math.Max(High1, High2) / Math.Min(Low1, Low2));
        double gamma = g * g;
        const double Denominator = 3.0 - (2.0 * 1.4142135623730951);
        double alpha = ((Math.Sqrt(2.0 * beta) - Math.Sqrt(beta)) / Denominator) - Math.Sqrt(gamma / Denominator);
        double ea = Math.Exp(alpha);
        double s = 2.0 * (ea - 1.0) / (1.0 + ea);
        return s > 0 ? s : 0.0;
    }
}

/// <summary>
/// <see cref="BarStatistics"/> of every symbol, updated bar by bar after the bar's fills are priced (so a fill
/// never sees its own bar). Both engines use it, so they price slippage identically. Not thread-safe.
/// </summary>
public sealed class BarStatisticsTracker
{
    private readonly BarStatistics[] _stats;
    private readonly double _alpha;

    /// <summary>Creates a tracker for <paramref name="symbolCount"/> symbols with an EWMA span of <paramref name="spanBars"/> bars.</summary>
    public BarStatisticsTracker(int symbolCount, int barsPerSession, int spanBars = 20 * 26)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbolCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barsPerSession);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spanBars);
        _stats = new BarStatistics[symbolCount];
        BarsPerSession = barsPerSession;
        _alpha = 2.0 / (spanBars + 1.0);
    }

    /// <summary>Bars per regular session of the bar size (26 for 15-minute bars).</summary>
    public int BarsPerSession { get; }

    /// <summary>The statistics of <paramref name="symbolId"/> as of the last update.</summary>
    public ref readonly BarStatistics this[int symbolId] => ref _stats[symbolId];

    /// <summary>Feeds one bar of <paramref name="symbolId"/>.</summary>
    public void Update(int symbolId, double high, double low, double close, double volume)
    {
        ref var s = ref _stats[symbolId];
        s.High2 = s.High1;
        s.Low2 = s.Low1;
        s.High1 = high;
        s.Low1 = low;
        if (s.Count == 0)
        {
            s.BarVolume = volume;
            s.ReturnVariance = 0;
        }
        else
        {
            double r = s.LastClose > 0 && close > 0 ? Math.Log(close / s.LastClose) : 0.0;
            s.ReturnVariance = s.Count == 1 ? r * r : s.ReturnVariance + (_alpha * ((r * r) - s.ReturnVariance));
            s.BarVolume += _alpha * (volume - s.BarVolume);
        }

        s.LastClose = close;
        s.Count++;
    }
}
