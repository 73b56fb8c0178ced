using AlphaTrade.Core.Market;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators;

/// <summary>Operations over a set of streams of one indicator kept per symbol (e.g. a strategy's universe).</summary>
public static class IndicatorStreams
{
    /// <summary>
    /// Feeds <c>streams[id]</c> the bar of every symbol id present in <paramref name="slice"/> (null entries are
    /// skipped), exactly as calling <see cref="IIndicatorStream.Update(in Bar)"/> on each in turn would. Streams the
    /// library created for one definition are fed in one loop without an interface dispatch per symbol.
    /// </summary>
    public static void UpdateAll(IIndicatorStream?[] streams, BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(slice);
        IIndicatorStream? first = null;
        foreach (int id in slice.Symbols)
        {
            if (streams[id] is { } s)
            {
                first = s;
                break;
            }
        }

        if (first is IBatchStream batch)
        {
            batch.UpdateAll(streams, slice);
            return;
        }

        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        foreach (int id in slice.Symbols)
        {
            streams[id]?.Update(new Bar(slice.StartUtcTicks, o[id], h[id], l[id], c[id], v[id]));
        }
    }
}
