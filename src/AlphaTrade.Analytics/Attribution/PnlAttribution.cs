using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Attribution;

/// <summary>Realised P&amp;L of a group of trades (one symbol, sector, strategy or side).</summary>
/// <param name="Key">Group name.</param>
/// <param name="Trades">Number of round trips.</param>
/// <param name="NetPnl">Sum of net P&amp;L.</param>
/// <param name="GrossPnl">Sum of P&amp;L before fees.</param>
/// <param name="Fees">Sum of fees.</param>
/// <param name="WinRate">Share of trades with net P&amp;L &gt; 0.</param>
/// <param name="AveragePnl">Mean net P&amp;L per trade.</param>
public sealed record PnlBucket(string Key, int Trades, double NetPnl, double GrossPnl, double Fees, double WinRate, double AveragePnl);

/// <summary>
/// Realised P&amp;L of closed round trips broken down by symbol, sector, strategy and side. Each breakdown sums to
/// <see cref="TotalNetPnl"/>; buckets are ordered by net P&amp;L, largest first (ties by key, ordinal).
/// </summary>
/// <param name="BySymbol">Per symbol.</param>
/// <param name="BySector">Per sector.</param>
/// <param name="ByStrategy">Per strategy.</param>
/// <param name="BySide">"Long" and "Short".</param>
/// <param name="TotalNetPnl">Sum of every trade's net P&amp;L.</param>
public sealed record PnlAttribution(
    IReadOnlyList<PnlBucket> BySymbol,
    IReadOnlyList<PnlBucket> BySector,
    IReadOnlyList<PnlBucket> ByStrategy,
    IReadOnlyList<PnlBucket> BySide,
    double TotalNetPnl)
{
    /// <summary>Groups <paramref name="trades"/> four ways.</summary>
    public static PnlAttribution FromTrades(IReadOnlyList<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return new PnlAttribution(
            Group(trades, t => t.Symbol),
            Group(trades, t => t.Sector),
            Group(trades, t => t.Strategy),
            Group(trades, t => t.Side == TradeSide.Long ? "Long" : "Short"),
            trades.Sum(t => t.NetPnl));
    }

    private static List<PnlBucket> Group(IReadOnlyList<TradeRecord> trades, Func<TradeRecord, string> key) =>
        trades.GroupBy(key, StringComparer.Ordinal)
            .Select(g =>
            {
                int n = 0, wins = 0;
                double net = 0, fees = 0;
                foreach (var t in g)
                {
                    n++;
                    net += t.NetPnl;
                    fees += t.Fees;
                    wins += t.NetPnl > 0 ? 1 : 0;
                }

                return new PnlBucket(g.Key, n, net, net + fees, fees, (double)wins / n, net / n);
            })
            .OrderByDescending(b => b.NetPnl)
            .ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();
}
