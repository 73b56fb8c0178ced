using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>What a <see cref="CloseTransformCache"/> holds per bar.</summary>
internal enum CloseTransform
{
    /// <summary>Math.Log(close[i]).</summary>
    LogClose,

    /// <summary>Math.Log(close[i] / close[i − 1]) (NaN at the first bar of a rebuilt series).</summary>
    LogReturn,
}

/// <summary>
/// A per-symbol series derived from a market view's closes — log closes or log returns — index-aligned with
/// <see cref="IMarketView.Close"/>, computed once per bar instead of once per use. The values are the very
/// expressions callers computed inline (same operations, same order), so reading them is exactly equivalent. The
/// cache follows the view by bar time: bars appended since the last read are transformed, bars the view dropped are
/// dropped, and anything it cannot match (another view, a restored history) is rebuilt from the closes.
/// Allocation-free once each symbol's buffer exists. Single-threaded.
/// </summary>
internal sealed class CloseTransformCache(CloseTransform transform)
{
    private IMarketView? _market;
    private double[]?[] _buffer = [];
    private int[] _start = [];
    private int[] _count = [];
    private long[] _lastTime = [];

    /// <summary>The transformed closes of <paramref name="symbolId"/>: element i belongs to <c>market.Close(symbolId)[i]</c>.</summary>
    public ReadOnlySpan<double> Get(IMarketView market, int symbolId)
    {
        if (!ReferenceEquals(market, _market))
        {
            int n = market.Symbols.Count;
            _market = market;
            _buffer = new double[n][];
            _start = new int[n];
            _count = new int[n];
            _lastTime = new long[n];
        }

        var times = market.Time(symbolId);
        int len = times.Length;
        if (len == 0)
        {
            return default;
        }

        var close = market.Close(symbolId);
        var buf = _buffer[symbolId];
        if (buf is null || buf.Length < 2 * len)
        {
            buf = _buffer[symbolId] = new double[2 * Math.Max(market.Capacity, len)];
            _count[symbolId] = 0;
        }

        int count = _count[symbolId];
        int j = -1;
        if (count > 0)
        {
            // The cached series ends at the bar stamped _lastTime: find it in the view (times ascend).
            long last = _lastTime[symbolId];
            for (int k = len - 1; k >= 0 && times[k] >= last; k--)
            {
                if (times[k] == last)
                {
                    j = k;
                    break;
                }
            }
        }

        if (j < 0 || count < j + 1)
        {
            // Nothing usable: rebuild the whole series.
            for (int i = 0; i < len; i++)
            {
                buf[i] = Value(close, i);
            }

            _start[symbolId] = 0;
            _count[symbolId] = len;
            _lastTime[symbolId] = times[len - 1];
            return buf.AsSpan(0, len);
        }

        // Keep the cached values of bars 0..j (drop older ones the view no longer holds), then append j+1..len−1.
        int start = _start[symbolId] + (count - (j + 1));
        count = j + 1;
        int fresh = len - count;
        if (start + count + fresh > buf.Length)
        {
            Array.Copy(buf, start, buf, 0, count);
            start = 0;
        }

        for (int i = count; i < len; i++)
        {
            buf[start + i] = Value(close, i);
        }

        _start[symbolId] = start;
        _count[symbolId] = len;
        _lastTime[symbolId] = times[len - 1];
        return buf.AsSpan(start, len);
    }

    private double Value(ReadOnlySpan<double> close, int i) => transform == CloseTransform.LogClose
        ? Math.Log(close[i])
        : (i == 0 ? double.NaN : Math.Log(close[i] / close[i - 1]));
}
