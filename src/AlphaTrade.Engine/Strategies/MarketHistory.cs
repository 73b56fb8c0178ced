using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Engine.Strategies;

/// <summary>
/// Bounded per-symbol bar history in contiguous columns: each symbol owns a window twice the capacity; bars are
/// appended and, when the window is full, the newest bars are moved to its front (amortised O(1) per bar, no
/// allocation after construction). The event loop appends each slice after the venue has filled it and before
/// strategies see it. Single-threaded.
/// </summary>
public sealed class MarketHistory : IBarHistory
{
    private readonly int _window;
    private readonly int[] _head;
    private readonly int[] _count;
    private readonly long[] _time;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;

    /// <summary>Creates an empty history keeping up to <paramref name="capacity"/> bars per symbol.</summary>
    public MarketHistory(SymbolTable symbols, int capacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Symbols = symbols;
        Capacity = capacity;
        _window = capacity * 2;
        int n = symbols.Count;
        _head = new int[n];
        _count = new int[n];
        _time = new long[n * _window];
        _open = new double[n * _window];
        _high = new double[n * _window];
        _low = new double[n * _window];
        _close = new double[n * _window];
        _volume = new double[n * _window];
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <inheritdoc />
    public int Capacity { get; }

    /// <summary>Appends every bar of <paramref name="slice"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var ids = slice.Symbols;
        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        long t = slice.StartUtcTicks;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            Append(id, t, o[id], h[id], l[id], c[id], v[id]);
        }
    }

    /// <summary>Appends one bar of <paramref name="symbolId"/>.</summary>
    public void Append(int symbolId, long timeUtcTicks, double open, double high, double low, double close, double volume)
    {
        int b = symbolId * _window;
        int end = _head[symbolId] + _count[symbolId];
        if (end == _window)
        {
            int keep = Capacity - 1;
            int src = b + end - keep;
            Array.Copy(_time, src, _time, b, keep);
            Array.Copy(_open, src, _open, b, keep);
            Array.Copy(_high, src, _high, b, keep);
            Array.Copy(_low, src, _low, b, keep);
            Array.Copy(_close, src, _close, b, keep);
            Array.Copy(_volume, src, _volume, b, keep);
            _head[symbolId] = 0;
            _count[symbolId] = keep;
            end = keep;
        }

        int at = b + end;
        _time[at] = timeUtcTicks;
        _open[at] = open;
        _high[at] = high;
        _low[at] = low;
        _close[at] = close;
        _volume[at] = volume;
        if (_count[symbolId] == Capacity)
        {
            _head[symbolId]++;
        }
        else
        {
            _count[symbolId]++;
        }
    }

    /// <inheritdoc />
    public int Length(int symbolId) => _count[symbolId];

    /// <inheritdoc />
    public ReadOnlySpan<long> Time(int symbolId) => _time.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public ReadOnlySpan<double> Open(int symbolId) => _open.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public ReadOnlySpan<double> High(int symbolId) => _high.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public ReadOnlySpan<double> Low(int symbolId) => _low.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public ReadOnlySpan<double> Close(int symbolId) => _close.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public ReadOnlySpan<double> Volume(int symbolId) => _volume.AsSpan(Start(symbolId), _count[symbolId]);

    /// <inheritdoc />
    public double LastClose(int symbolId) =>
        _count[symbolId] == 0 ? double.NaN : _close[Start(symbolId) + _count[symbolId] - 1];

    private int Start(int symbolId) => (symbolId * _window) + _head[symbolId];
}
