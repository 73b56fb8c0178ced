using AlphaTrade.Core.Market;

namespace AlphaTrade.Engine.Strategies;

/// <summary>
/// The market view the event loop keeps: a bounded per-symbol history that the loop extends with each slice after the
/// venue has filled on it and before strategies see it.
/// </summary>
public interface IBarHistory : IMarketView
{
    /// <summary>Extends the history by every bar of <paramref name="slice"/>.</summary>
    void Append(BarSlice slice);
}

/// <summary>
/// A feed that can serve the strategies' history itself (a historical feed over columns already in memory can expose
/// windows of them instead of the event loop copying every bar into a <see cref="MarketHistory"/>). The view it
/// returns must show exactly what a <see cref="MarketHistory"/> of the same capacity would after the same appends.
/// </summary>
public interface IHistorySource
{
    /// <summary>A history of up to <paramref name="capacity"/> bars per symbol, empty until the first append.</summary>
    IBarHistory CreateHistory(int capacity);
}
