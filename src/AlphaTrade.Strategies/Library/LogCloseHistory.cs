using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Bounded per-symbol history of (bar time, log close): the two columns the pairs strategy reads, kept by the strategy
/// itself with <see cref="Engine.Strategies.MarketHistory"/>'s semantics (the last <c>capacity</c> bars, contiguous
/// spans, each symbol in a window twice the capacity whose newest bars move to the front when it fills). Two columns
/// instead of a six-column base history of thousands of bars, so the strategy's host can share the engine's history.
/// Allocation-free per bar. Single-threaded.
/// </summary>
internal sealed class LogCloseHistory
{
    private readonly int _capacity;
    private readonly int _window;
    private readonly int[] _head;
    private readonly int[] _count;
    private readonly long[] _time;
    private readonly double[] _log;

    public LogCloseHistory(int symbols, int capacity)
    {
        _capacity = capacity;
        _window = capacity * 2;
        _head = new int[symbols];
        _count = new int[symbols];
        _time = new long[symbols * _window];
        _log = new double[symbols * _window];
    }

    /// <summary>Bars held for <paramref name="symbolId"/>.</summary>
    public int Length(int symbolId) => _count[symbolId];

    /// <summary>Bar times (start, UTC ticks), oldest first.</summary>
    public ReadOnlySpan<long> Time(int symbolId) => _time.AsSpan(Start(symbolId), _count[symbolId]);

    /// <summary>Math.Log of the closes, oldest first.</summary>
    public ReadOnlySpan<double> Log(int symbolId) => _log.AsSpan(Start(symbolId), _count[symbolId]);

    /// <summary>Appends one bar of <paramref name="symbolId"/>.</summary>
    public void Append(int symbolId, long timeUtcTicks, double logClose)
    {
        int b = symbolId * _window;
        int end = _head[symbolId] + _count[symbolId];
        if (end == _window)
        {
            int keep = _capacity - 1;
            int src = b + end - keep;
            Array.Copy(_time, src, _time, b, keep);
            Array.Copy(_log, src, _log, b, keep);
            _head[symbolId] = 0;
            _count[symbolId] = keep;
            end = keep;
        }

        _time[b + end] = timeUtcTicks;
        _log[b + end] = logClose;
        if (_count[symbolId] == _capacity)
        {
            _head[symbolId]++;
        }
        else
        {
            _count[symbolId]++;
        }
    }

    public void Save(StateWriter w)
    {
        for (int id = 0; id < _count.Length; id++)
        {
            w.Longs("lh.t", Time(id));
            w.Doubles("lh.l", Log(id));
        }
    }

    public void Load(StateReader r)
    {
        for (int id = 0; id < _count.Length; id++)
        {
            _head[id] = 0;
            _count[id] = 0;
            var t = r.Longs("lh.t");
            var l = r.Doubles("lh.l");
            for (int i = 0; i < t.Length; i++)
            {
                Append(id, t[i], l[i]);
            }
        }
    }

    private int Start(int symbolId) => (symbolId * _window) + _head[symbolId];
}
