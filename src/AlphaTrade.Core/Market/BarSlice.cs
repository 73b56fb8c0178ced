namespace AlphaTrade.Core.Market;

/// <summary>
/// The bars of every symbol that has one at one bar start time: one time step of a multi-symbol feed.
/// <para>
/// Columns are dense by symbol id (index with the id from the feed's <see cref="SymbolTable"/>); only the ids in
/// <see cref="Symbols"/> hold this step's values, the others hold stale data. A slice is a reusable buffer: a
/// feed refills the same instance every step, so nothing is allocated per bar. Consumers must not keep it.
/// </para>
/// <para>
/// Times: <see cref="StartUtcTicks"/> is the bar start shared by every bar of the slice; <see cref="EndUtcTicks"/>,
/// <see cref="InSession"/>, <see cref="IsSessionOpenBar"/> and <see cref="IsSessionCloseBar"/> are stamped by the
/// event loop from the trading calendar before anyone sees the slice. Not thread-safe.
/// </para>
/// </summary>
public sealed class BarSlice
{
    private readonly int[] _present;
    private readonly int[] _stampOf;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;
    private readonly BarFlags[] _flags;
    private int _stamp;

    /// <summary>Creates an empty slice for <paramref name="symbolCount"/> symbols.</summary>
    public BarSlice(int symbolCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbolCount);
        SymbolCount = symbolCount;
        _present = new int[symbolCount];
        _stampOf = new int[symbolCount];
        _open = new double[symbolCount];
        _high = new double[symbolCount];
        _low = new double[symbolCount];
        _close = new double[symbolCount];
        _volume = new double[symbolCount];
        _flags = new BarFlags[symbolCount];
        _stamp = 1;
    }

    /// <summary>Size of the symbol table the slice is indexed by.</summary>
    public int SymbolCount { get; }

    /// <summary>Start of every bar in the slice, UTC ticks.</summary>
    public long StartUtcTicks { get; private set; }

    /// <summary>When the bars complete (start + bar size, cut at the session close), UTC ticks.</summary>
    public long EndUtcTicks { get; private set; }

    /// <summary>True when the bars start inside a regular session (orders may fill only then).</summary>
    public bool InSession { get; private set; }

    /// <summary>True when the bars start at the session open (market-on-open orders fill on these).</summary>
    public bool IsSessionOpenBar { get; private set; }

    /// <summary>True when the bars end at the session close (market-on-close orders fill on these).</summary>
    public bool IsSessionCloseBar { get; private set; }

    /// <summary>Number of symbols with a bar in this slice.</summary>
    public int Count { get; private set; }

    /// <summary>Ids of the symbols with a bar, in ascending id order when the feed adds them so.</summary>
    public ReadOnlySpan<int> Symbols => _present.AsSpan(0, Count);

    /// <summary>Opens by symbol id.</summary>
    public ReadOnlySpan<double> Open => _open;

    /// <summary>Highs by symbol id.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>Lows by symbol id.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Closes by symbol id.</summary>
    public ReadOnlySpan<double> Close => _close;

    /// <summary>Volumes by symbol id.</summary>
    public ReadOnlySpan<double> Volume => _volume;

    /// <summary>Flags by symbol id.</summary>
    public ReadOnlySpan<BarFlags> Flags => _flags;

    /// <summary>True when symbol <paramref name="symbolId"/> has a bar in this slice.</summary>
    public bool Has(int symbolId) => _stampOf[symbolId] == _stamp;

    /// <summary>The bar of <paramref name="symbolId"/> as a value (the symbol must be present).</summary>
    public Bar GetBar(int symbolId)
    {
        if (!Has(symbolId))
        {
            throw new ArgumentException($"Symbol id {symbolId} has no bar in this slice.", nameof(symbolId));
        }

        return new Bar(StartUtcTicks, _open[symbolId], _high[symbolId], _low[symbolId], _close[symbolId], _volume[symbolId]);
    }

    /// <summary>Empties the slice and sets the shared bar start (feeds call this first).</summary>
    public void Reset(long startUtcTicks)
    {
        StartUtcTicks = startUtcTicks;
        EndUtcTicks = startUtcTicks;
        InSession = false;
        IsSessionOpenBar = false;
        IsSessionCloseBar = false;
        Count = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stampOf);
            _stamp = 1;
        }
    }

    /// <summary>Adds the bar of <paramref name="symbolId"/> (feeds call this once per symbol per step).</summary>
    public void Add(int symbolId, double open, double high, double low, double close, double volume, BarFlags flags = BarFlags.None)
    {
        if (_stampOf[symbolId] == _stamp)
        {
            throw new InvalidOperationException($"Symbol id {symbolId} already has a bar at this time.");
        }

        _stampOf[symbolId] = _stamp;
        _present[Count++] = symbolId;
        _open[symbolId] = open;
        _high[symbolId] = high;
        _low[symbolId] = low;
        _close[symbolId] = close;
        _volume[symbolId] = volume;
        _flags[symbolId] = flags;
    }

    /// <summary>Sets the session timing of this slice (the event loop calls this from the calendar).</summary>
    public void StampSession(long endUtcTicks, bool inSession, bool isSessionOpenBar, bool isSessionCloseBar)
    {
        EndUtcTicks = endUtcTicks;
        InSession = inSession;
        IsSessionOpenBar = isSessionOpenBar;
        IsSessionCloseBar = isSessionCloseBar;
    }
}
