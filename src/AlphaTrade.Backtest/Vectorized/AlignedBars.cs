using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

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
    private readonly double[] _tradableOpen;
    private readonly Lazy<(long[] Open, long[] Close, bool[] PlainRows)> _packedPrices;

    private AlignedBars(SymbolTable symbols, TimeFrame timeFrame, long[] times, double[] open, double[] high, double[] low,
        double[] close, double[] volume, BarFlags[] flags, bool[] present, double[] tradableOpen)
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
        _tradableOpen = tradableOpen;
        _packedPrices = new Lazy<(long[], long[], bool[])>(PackPrices);
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

    /// <summary>
    /// The open of every bar a market order can fill on (present and <see cref="FillPricing.IsTradable"/>), NaN elsewhere:
    /// one array for the engine's fill loop, which would otherwise read six columns of a row it has not touched yet.
    /// </summary>
    public ReadOnlySpan<double> TradableOpen => _tradableOpen;

    /// <summary>
    /// The tradable opens at $0.0001 as the exact accounting path reads them (<see cref="ScaledAmount.PackPrice"/>),
    /// <see cref="NotTradable"/> where no order can fill (what <see cref="TradableOpen"/> marks NaN): worked out once per data
    /// set on first use (a sweep's runs share them), so the exact path's fills read one column and price nothing.
    /// </summary>
    internal long[] PackedTradableOpens => _packedPrices.Value.Open;

    /// <summary>In <see cref="PackedTradableOpens"/>: no fill on this bar (distinct from <see cref="ScaledAmount.NoPackedPrice"/>).</summary>
    internal const long NotTradable = long.MinValue + 1;

    /// <summary>The closes at $0.0001, packed likewise: the exact path's marks at the session closes.</summary>
    internal long[] PackedCloses => _packedPrices.Value.Close;

    /// <summary>
    /// Per row: true when every symbol has a bar and none is flagged an outlier (every mark is then the row's close),
    /// worked out with the packed prices.
    /// </summary>
    internal bool[] PlainRows => _packedPrices.Value.PlainRows;

    /// <summary>The tradable opens' array itself.</summary>
    internal double[] TradableOpenArray => _tradableOpen;

    /// <summary>The closes' array itself (read in place by the exact path's marks).</summary>
    internal double[] CloseArray => _close;

    /// <summary>Total cells (rows × symbols).</summary>
    public long Cells => (long)Rows * Columns;

    private (long[] Open, long[] Close, bool[] PlainRows) PackPrices()
    {
        var open = GC.AllocateUninitializedArray<long>(_tradableOpen.Length);
        var close = GC.AllocateUninitializedArray<long>(_close.Length);
        for (int at = 0; at < open.Length; at++)
        {
            open[at] = _tradableOpen[at] > 0 ? ScaledAmount.PackPrice(_tradableOpen[at]) : NotTradable;
            close[at] = _present[at] ? ScaledAmount.PackPrice(_close[at]) : ScaledAmount.NoPackedPrice;
        }

        int n = Columns;
        var plain = new bool[Rows];
        for (int row = 0; row < plain.Length; row++)
        {
            plain[row] = PlainRow(_present.AsSpan(row * n, n), _flags.AsSpan(row * n, n));
        }

        return (open, close, plain);
    }

    /// <summary>True when every symbol of the row has a bar and none is flagged an outlier.</summary>
    private static bool PlainRow(ReadOnlySpan<bool> present, ReadOnlySpan<BarFlags> flags)
    {
        if (MemoryMarshal.Cast<bool, byte>(present).Contains((byte)0))
        {
            return false;
        }

        var bytes = MemoryMarshal.Cast<BarFlags, byte>(flags);
        if (Vector256.IsHardwareAccelerated && bytes.Length >= Vector256<byte>.Count)
        {
            // The flags ORed 32 at a time (the last block overlapping the one before).
            var all = Vector256.Create(bytes[^Vector256<byte>.Count..]);
            for (int i = 0; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                all |= Vector256.Create(bytes.Slice(i, Vector256<byte>.Count));
            }

            return (all & Vector256.Create((byte)BarFlags.Outlier)) == Vector256<byte>.Zero;
        }

        int any = 0;
        foreach (var f in flags)
        {
            any |= (int)f;
        }

        return (any & (int)BarFlags.Outlier) == 0;
    }


    /// <summary>Aligns <paramref name="series"/> (same rules as <see cref="BarSeriesFeed"/>), optionally within [from, to).</summary>
    /// <remarks>
    /// Column by column, one series at a time, so every read is sequential (merging all series bar by bar would read
    /// 7 columns × N series at once, more streams than the hardware prefetches).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AlignedBars Create(IReadOnlyList<BarSeries> series, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        var feed = new BarSeriesFeed(series, fromUtc, toUtc); // validates: one bar size, ascending times, distinct symbols
        int n = series.Count;
        long from = fromUtc?.Ticks ?? long.MinValue;
        long to = toUtc?.Ticks ?? long.MaxValue;
        var lo = new int[n];
        var hi = new int[n];
        for (int s = 0; s < n; s++)
        {
            lo[s] = from == long.MinValue ? 0 : series[s].LowerBound(from);
            hi[s] = to == long.MaxValue ? series[s].Count : series[s].LowerBound(to);
        }

        long[] times = BarSeriesFeed.UnionOfTimes(series, lo, hi);
        int rows = times.Length;
        long cells = (long)rows * n;
        if (cells > Array.MaxLength)
        {
            throw new ArgumentException($"{rows} rows × {n} symbols is too many cells to align in memory.", nameof(series));
        }

        var open = GC.AllocateUninitializedArray<double>((int)cells);
        var high = GC.AllocateUninitializedArray<double>((int)cells);
        var low = GC.AllocateUninitializedArray<double>((int)cells);
        var close = GC.AllocateUninitializedArray<double>((int)cells);
        var volume = GC.AllocateUninitializedArray<double>((int)cells);
        var flags = new BarFlags[cells];
        var present = new bool[cells];
        var tradableOpen = GC.AllocateUninitializedArray<double>((int)cells);
        for (int s = 0; s < n; s++)
        {
            var x = series[s];
            var t = x.Time;
            var o = x.Open;
            var h = x.High;
            var l = x.Low;
            var c = x.Close;
            var v = x.Volume;
            var f = x.Flags;
            int r = 0;
            for (int i = lo[s]; i < hi[s]; i++)
            {
                long ti = t[i];
                while (times[r] < ti)
                {
                    Absent(r++);
                }

                int at = (r * n) + s;
                open[at] = o[i];
                high[at] = h[i];
                low[at] = l[i];
                close[at] = c[i];
                volume[at] = v[i];
                flags[at] = f[i];
                present[at] = true;
                tradableOpen[at] = FillPricing.IsTradable(o[i], h[i], l[i], c[i], v[i], f[i]) ? o[i] : double.NaN;
                r++;
            }

            while (r < rows)
            {
                Absent(r++);
            }

            void Absent(int row)
            {
                int at = (row * n) + s;
                open[at] = high[at] = low[at] = close[at] = volume[at] = tradableOpen[at] = double.NaN;
            }
        }

        return new AlignedBars(feed.Symbols, feed.TimeFrame, times, open, high, low, close, volume, flags, present, tradableOpen);
    }
}
