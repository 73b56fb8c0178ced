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
    private readonly int[] _ownIds;
    private readonly int[] _stampOf;
    private readonly double[] _ownOpen;
    private readonly double[] _ownHigh;
    private readonly double[] _ownLow;
    private readonly double[] _ownClose;
    private readonly double[] _ownVolume;
    private readonly BarFlags[] _ownFlags;
    private int _stamp;

    // The columns being read: the slice's own buffers, or a feed's row-major block (see Bind) at an offset.
    private int[] _ids;
    private int _idsOffset;
    private double[] _open;
    private double[] _high;
    private double[] _low;
    private double[] _close;
    private double[] _volume;
    private BarFlags[] _flags;
    private bool[]? _boundPresent;
    private int _offset;

    /// <summary>Creates an empty slice for <paramref name="symbolCount"/> symbols.</summary>
    public BarSlice(int symbolCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbolCount);
        SymbolCount = symbolCount;
        _ids = _ownIds = new int[symbolCount];
        _stampOf = new int[symbolCount];
        _open = _ownOpen = new double[symbolCount];
        _high = _ownHigh = new double[symbolCount];
        _low = _ownLow = new double[symbolCount];
        _close = _ownClose = new double[symbolCount];
        _volume = _ownVolume = new double[symbolCount];
        _flags = _ownFlags = new BarFlags[symbolCount];
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
    public ReadOnlySpan<int> Symbols => _ids.AsSpan(_idsOffset, Count);

    /// <summary>Opens by symbol id.</summary>
    public ReadOnlySpan<double> Open => _open.AsSpan(_offset, SymbolCount);

    /// <summary>Highs by symbol id.</summary>
    public ReadOnlySpan<double> High => _high.AsSpan(_offset, SymbolCount);

    /// <summary>Lows by symbol id.</summary>
    public ReadOnlySpan<double> Low => _low.AsSpan(_offset, SymbolCount);

    /// <summary>Closes by symbol id.</summary>
    public ReadOnlySpan<double> Close => _close.AsSpan(_offset, SymbolCount);

    /// <summary>Volumes by symbol id.</summary>
    public ReadOnlySpan<double> Volume => _volume.AsSpan(_offset, SymbolCount);

    /// <summary>Flags by symbol id.</summary>
    public ReadOnlySpan<BarFlags> Flags => _flags.AsSpan(_offset, SymbolCount);

    /// <summary>True when symbol <paramref name="symbolId"/> has a bar in this slice.</summary>
    public bool Has(int symbolId)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)symbolId, (uint)SymbolCount, nameof(symbolId));
        return _boundPresent is { } present ? present[_offset + symbolId] : _stampOf[symbolId] == _stamp;
    }

    /// <summary>The bar of <paramref name="symbolId"/> as a value (the symbol must be present).</summary>
    public Bar GetBar(int symbolId)
    {
        if (!Has(symbolId))
        {
            throw new ArgumentException($"Symbol id {symbolId} has no bar in this slice.", nameof(symbolId));
        }

        int at = _offset + symbolId;
        return new Bar(StartUtcTicks, _open[at], _high[at], _low[at], _close[at], _volume[at]);
    }

    /// <summary>Empties the slice and sets the shared bar start (feeds call this first).</summary>
    public void Reset(long startUtcTicks)
    {
        BeginStep(startUtcTicks);
        Count = 0;
        if (_boundPresent is not null)
        {
            Unbind();
        }

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

        if (_boundPresent is not null)
        {
            throw new InvalidOperationException("A slice bound to a feed's block is read-only; Reset it first.");
        }

        _stampOf[symbolId] = _stamp;
        _ids[Count++] = symbolId;
        _open[symbolId] = open;
        _high[symbolId] = high;
        _low[symbolId] = low;
        _close[symbolId] = close;
        _volume[symbolId] = volume;
        _flags[symbolId] = flags;
    }

    /// <summary>
    /// Points the slice at one row of a feed's row-major block instead of copying it (historical feeds call this in
    /// place of <see cref="Reset"/> and <see cref="Add"/>): the columns are <paramref name="open"/> … <paramref name="flags"/>
    /// from <paramref name="offset"/> for <see cref="SymbolCount"/> symbols, <paramref name="present"/> marks the symbols
    /// with a bar there, and <paramref name="ids"/> from <paramref name="idsOffset"/> lists those <paramref name="count"/>
    /// ids. The slice reads the block until the next <see cref="Bind"/> or <see cref="Reset"/>: the feed must leave
    /// that row unchanged until then.
    /// </summary>
    public void Bind(long startUtcTicks, double[] open, double[] high, double[] low, double[] close, double[] volume, BarFlags[] flags,
        bool[] present, int offset, int[] ids, int idsOffset, int count)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(ids);
        int end = offset + SymbolCount;
        if (offset < 0 || end > open.Length || end > high.Length || end > low.Length || end > close.Length || end > volume.Length
            || end > flags.Length || end > present.Length || count < 0 || count > SymbolCount || idsOffset < 0 || idsOffset + count > ids.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), "The block row does not hold a full slice at this offset.");
        }

        BeginStep(startUtcTicks);
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _volume = volume;
        _flags = flags;
        _boundPresent = present;
        _offset = offset;
        _ids = ids;
        _idsOffset = idsOffset;
        Count = count;
    }

    // A new time step: its start, the session stamps cleared until the event loop sets them.
    private void BeginStep(long startUtcTicks)
    {
        StartUtcTicks = startUtcTicks;
        EndUtcTicks = startUtcTicks;
        InSession = false;
        IsSessionOpenBar = false;
        IsSessionCloseBar = false;
    }

    private void Unbind()
    {
        _open = _ownOpen;
        _high = _ownHigh;
        _low = _ownLow;
        _close = _ownClose;
        _volume = _ownVolume;
        _flags = _ownFlags;
        _ids = _ownIds;
        _boundPresent = null;
        _offset = 0;
        _idsOffset = 0;
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
