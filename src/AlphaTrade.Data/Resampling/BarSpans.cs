using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Resampling;

/// <summary>
/// Read-only column views of a run of bars (bar START times in UTC ticks), for code that works on spans rather
/// than on a <see cref="BarSeries"/>. The optional columns (VWAP, trade count, flags) may be empty.
/// </summary>
public readonly ref struct BarSpans
{
    /// <summary>Wraps columns of equal length; optional columns must be empty or of the same length.</summary>
    public BarSpans(ReadOnlySpan<long> time, ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume, ReadOnlySpan<double> vwap = default,
        ReadOnlySpan<double> tradeCount = default, ReadOnlySpan<BarFlags> flags = default)
    {
        int n = time.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException("Bar columns must all have the same length.");
        }

        if ((!vwap.IsEmpty && vwap.Length != n) || (!tradeCount.IsEmpty && tradeCount.Length != n) || (!flags.IsEmpty && flags.Length != n))
        {
            throw new ArgumentException("Optional bar columns must be empty or as long as the time column.");
        }

        Time = time;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        Vwap = vwap;
        TradeCount = tradeCount;
        Flags = flags;
    }

    /// <summary>Bar start times, UTC ticks, strictly ascending.</summary>
    public ReadOnlySpan<long> Time { get; }

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open { get; }

    /// <summary>High prices.</summary>
    public ReadOnlySpan<double> High { get; }

    /// <summary>Low prices.</summary>
    public ReadOnlySpan<double> Low { get; }

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close { get; }

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume { get; }

    /// <summary>VWAPs, or empty.</summary>
    public ReadOnlySpan<double> Vwap { get; }

    /// <summary>Trade counts, or empty.</summary>
    public ReadOnlySpan<double> TradeCount { get; }

    /// <summary>Flags, or empty.</summary>
    public ReadOnlySpan<BarFlags> Flags { get; }

    /// <summary>Number of bars.</summary>
    public int Length => Time.Length;

    /// <summary>Views of every column of <paramref name="series"/>.</summary>
    public static BarSpans Of(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new BarSpans(series.Time, series.Open, series.High, series.Low, series.Close, series.Volume,
            series.Vwap, series.TradeCount, series.Flags);
    }
}
