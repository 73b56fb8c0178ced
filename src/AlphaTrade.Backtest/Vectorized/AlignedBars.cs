using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest.Vectorized;

/// <summary>
/// Bars of many symbols on one time axis (the union of their bar starts), row-major: cell (row, symbol) at
/// <c>row × Columns + symbol</c>. Absent bars are marked in <see cref="Present"/> (their prices are NaN).
/// Built once from loaded series; read-only afterwards.
/// </summary>
public sealed class AlignedBars
{
    private readonly long[] _times;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;
    private readonly BarFlags[] _flags;
    private readonly bool[] _present;

    private AlignedBars(SymbolTable symbols, TimeFrame timeFrame, long[] times, double[] open, double[] high, double[] low,
        double[] close, double[] volume, BarFlags[] flags, bool[] present)
    {
        Symbols = symbols;
        TimeFrame = timeFrame;
        _times = times;
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _volume = volume;
        _flags = flags;
        _present = present;
    }

    /// <summary>Symbols; column = symbol id.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Bar size.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>Number of time steps.</summary>
    public int Rows => _times.Length;

    /// <summary>Number of symbols.</summary>
    public int Columns => Symbols.Count;

    /// <summary>Bar start of each row, UTC ticks.</summary>
    public ReadOnlySpan<long> Times => _times;

    /// <summary>Opens.</summary>
    public ReadOnlySpan<double> Open => _open;

    /// <summary>Highs.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>Lows.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Closes.</summary>
    public ReadOnlySpan<double> Close => _close;

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume => _volume;

    /// <summary>Flags.</summary>
    public ReadOnlySpan<BarFlags> Flags => _flags;

    /// <summary>True where the symbol has a bar.</summary>
    public ReadOnlySpan<bool> Present => _present;

    /// <summary>Total cells (rows × symbols).</summary>
    public long Cells => (long)Rows * Columns;

    /// <summary>Aligns <paramref name="series"/> (same rules as <see cref="BarSeriesFeed"/>), optionally within [from, to).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AlignedBars Create(IReadOnlyList<BarSeries> series, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        var feed = new BarSeriesFeed(series, fromUtc, toUtc);
        int n = feed.Symbols.Count;
        var slice = new BarSlice(n);
        var times = new List<long>();
        var open = new List<double>();
        var high = new List<double>();
        var low = new List<double>();
        var close = new List<double>();
        var volume = new List<double>();
        var flags = new List<BarFlags>();
        var present = new List<bool>();
        while (feed.TryReadNext(slice))
        {
            times.Add(slice.StartUtcTicks);
            for (int s = 0; s < n; s++)
            {
                bool has = slice.Has(s);
                present.Add(has);
                open.Add(has ? slice.Open[s] : double.NaN);
                high.Add(has ? slice.High[s] : double.NaN);
                low.Add(has ? slice.Low[s] : double.NaN);
                close.Add(has ? slice.Close[s] : double.NaN);
                volume.Add(has ? slice.Volume[s] : double.NaN);
                flags.Add(has ? slice.Flags[s] : BarFlags.None);
            }
        }

        return new AlignedBars(feed.Symbols, feed.TimeFrame, [.. times], [.. open], [.. high], [.. low], [.. close], [.. volume], [.. flags], [.. present]);
    }
}
