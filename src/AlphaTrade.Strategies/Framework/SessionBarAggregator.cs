using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// Builds higher-time-frame bars (hourly, daily...) from base bars one bar at a time, on the same session-aligned
/// grid as <c>AlphaTrade.Data.Resampling.BarResampler</c>: buckets start at the session open and step by the target
/// size, the last one ends at the close, a daily bucket is the whole session. A bucket's bar is published (appended
/// to <see cref="History"/>) as soon as the base bar that ends it completes, or — when that bar is missing — when a
/// bar of a later bucket arrives or the session closes; never earlier, so nothing looks ahead.
/// Allocation-free per bar.
/// </summary>
public sealed class SessionBarAggregator
{
    private readonly long _stepTicks;
    private readonly bool[] _pending;
    private readonly long[] _bucket;
    private readonly double[] _o;
    private readonly double[] _h;
    private readonly double[] _l;
    private readonly double[] _c;
    private readonly double[] _v;
    private readonly long[] _publishedStep;

    /// <summary>Creates an aggregator for <paramref name="symbols"/> keeping <paramref name="capacity"/> bars each.</summary>
    public SessionBarAggregator(TimeFrame target, Core.Market.SymbolTable symbols, int capacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        TimeFrame = target;
        _stepTicks = target.IsDaily ? long.MaxValue : target.Duration.Ticks;
        int n = symbols.Count;
        _pending = new bool[n];
        _bucket = new long[n];
        _o = new double[n];
        _h = new double[n];
        _l = new double[n];
        _c = new double[n];
        _v = new double[n];
        _publishedStep = new long[n];
        Array.Fill(_publishedStep, -1);
        History = new MarketHistory(symbols, capacity);
    }

    /// <summary>The target time frame.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>Completed bars, stamped with their bucket start.</summary>
    public MarketHistory History { get; }

    /// <summary>True when a bar of <paramref name="symbolId"/> was published during step <paramref name="step"/>.</summary>
    public bool PublishedAt(int symbolId, long step) => _publishedStep[symbolId] == step;

    /// <summary>
    /// Adds one base bar that lies in the session [<paramref name="sessionOpen"/>, <paramref name="sessionClose"/>);
    /// returns how many bars were published for the symbol (0, 1, or 2 when a gap closed the previous bucket late).
    /// </summary>
    public int Add(int symbolId, long start, long end, long sessionOpen, long sessionClose, double open, double high, double low, double close,
        double volume, long step)
    {
        long bucket = BucketStart(start, sessionOpen);
        return Add(symbolId, bucket, BucketEnd(bucket, sessionClose), end, open, high, low, close, volume, step);
    }

    /// <summary>Start of the bucket holding a bar that starts at <paramref name="start"/> (the same for every symbol of a step).</summary>
    internal long BucketStart(long start, long sessionOpen) =>
        _stepTicks == long.MaxValue ? sessionOpen : sessionOpen + ((start - sessionOpen) / _stepTicks * _stepTicks);

    /// <summary>End of the bucket starting at <paramref name="bucket"/>.</summary>
    internal long BucketEnd(long bucket, long sessionClose) =>
        _stepTicks == long.MaxValue ? sessionClose : Math.Min(bucket + _stepTicks, sessionClose);

    /// <summary><see cref="Add(int, long, long, long, long, double, double, double, double, double, long)"/> with the step's bucket computed once for all symbols.</summary>
    internal int Add(int symbolId, long bucket, long bucketEnd, long end, double open, double high, double low, double close, double volume, long step)
    {
        int published = 0;
        if (_pending[symbolId] && _bucket[symbolId] != bucket)
        {
            Publish(symbolId, step);
            published++;
        }

        if (!_pending[symbolId])
        {
            _pending[symbolId] = true;
            _bucket[symbolId] = bucket;
            _o[symbolId] = open;
            _h[symbolId] = high;
            _l[symbolId] = low;
            _v[symbolId] = 0;
        }
        else
        {
            _h[symbolId] = Math.Max(_h[symbolId], high);
            _l[symbolId] = Math.Min(_l[symbolId], low);
        }

        _c[symbolId] = close;
        _v[symbolId] += volume;
        if (end >= bucketEnd)
        {
            Publish(symbolId, step);
            published++;
        }

        return published;
    }

    /// <summary>
    /// <see cref="Add(int, long, long, long, double, double, double, double, double, long)"/> for every member symbol of
    /// <paramref name="slice"/> in slice order; the symbols that published a bar and how many go to
    /// <paramref name="publishedIds"/> and <paramref name="publishedCounts"/> (in that order). Returns how many did.
    /// </summary>
    // Fully optimised from the first call: hosts that call it once per step may not run long enough to tier up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal int AddAll(Core.Market.BarSlice slice, StrategyUniverse universe, long bucket, long bucketEnd, long step, int[] publishedIds, int[] publishedCounts)
    {
        var ids = slice.Symbols;
        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        long end = slice.EndUtcTicks;
        var pending = _pending;
        var buckets = _bucket;
        var ao = _o;
        var ah = _h;
        var al = _l;
        var ac = _c;
        var av = _v;
        int n = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if (!universe.Contains(id))
            {
                continue;
            }

            int published = 0;
            if (pending[id] && buckets[id] != bucket)
            {
                Publish(id, step);
                published++;
            }

            if (!pending[id])
            {
                pending[id] = true;
                buckets[id] = bucket;
                ao[id] = o[id];
                ah[id] = h[id];
                al[id] = l[id];
                av[id] = 0;
            }
            else
            {
                ah[id] = Math.Max(ah[id], h[id]);
                al[id] = Math.Min(al[id], l[id]);
            }

            ac[id] = c[id];
            av[id] += v[id];
            if (end >= bucketEnd)
            {
                Publish(id, step);
                published++;
            }

            if (published != 0)
            {
                publishedIds[n] = id;
                publishedCounts[n] = published;
                n++;
            }
        }

        return n;
    }

    /// <summary>Publishes the open bucket of <paramref name="symbolId"/>, if any (at a session close); true when it did.</summary>
    public bool Flush(int symbolId, long step)
    {
        if (!_pending[symbolId])
        {
            return false;
        }

        Publish(symbolId, step);
        return true;
    }

    /// <summary>The last published bar of <paramref name="symbolId"/> as a bar value.</summary>
    public Core.Market.Bar LastBar(int symbolId)
    {
        int n = History.Length(symbolId);
        return new Core.Market.Bar(History.Time(symbolId)[n - 1], History.Open(symbolId)[n - 1], History.High(symbolId)[n - 1],
            History.Low(symbolId)[n - 1], History.Close(symbolId)[n - 1], History.Volume(symbolId)[n - 1]);
    }

    internal void Save(StateWriter w)
    {
        w.Bools("agg.pending", _pending);
        w.Longs("agg.bucket", _bucket);
        w.Doubles("agg.o", _o);
        w.Doubles("agg.h", _h);
        w.Doubles("agg.l", _l);
        w.Doubles("agg.c", _c);
        w.Doubles("agg.v", _v);
        HistoryState.Save(w, History);
    }

    internal void Load(StateReader r)
    {
        r.Bools("agg.pending", _pending);
        r.Longs("agg.bucket", _bucket);
        r.Doubles("agg.o", _o);
        r.Doubles("agg.h", _h);
        r.Doubles("agg.l", _l);
        r.Doubles("agg.c", _c);
        r.Doubles("agg.v", _v);
        HistoryState.Load(r, History);
    }

    private void Publish(int id, long step)
    {
        History.Append(id, _bucket[id], _o[id], _h[id], _l[id], _c[id], _v[id]);
        _pending[id] = false;
        _publishedStep[id] = step;
    }
}
