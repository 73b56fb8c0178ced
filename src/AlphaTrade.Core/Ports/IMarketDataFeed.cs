using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Core.Ports;

/// <summary>
/// Bars of many symbols in time order, one time step (<see cref="BarSlice"/>) at a time. A historical feed
/// replays stored series; a live feed hands over bars as they complete. Not thread-safe: one consumer.
/// </summary>
public interface IMarketDataFeed
{
    /// <summary>The symbols the feed serves; slice columns are indexed by these ids.</summary>
    SymbolTable Symbols { get; }

    /// <summary>Bar size.</summary>
    TimeFrame TimeFrame { get; }

    /// <summary>The start (UTC ticks) of the next time step without consuming it; false when the feed is exhausted.</summary>
    bool TryPeekNextStart(out long startUtcTicks);

    /// <summary>Fills <paramref name="destination"/> with the next time step; false when the feed is exhausted.</summary>
    bool TryReadNext(BarSlice destination);
}
