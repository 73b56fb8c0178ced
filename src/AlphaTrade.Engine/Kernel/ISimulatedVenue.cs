using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Engine.Kernel;

/// <summary>
/// An execution client that fills against the event loop's own market data (a backtest venue, or a paper-trading
/// sandbox on live bars). The loop calls it before strategies see each slice, so orders fill on bars that start
/// at or after they were accepted, never on bars the strategy had already seen. Real brokers do not implement it.
/// </summary>
public interface ISimulatedVenue
{
    /// <summary>Matches working orders against the bars of one time step (stamped with session timing).</summary>
    void OnBars(BarSlice slice);

    /// <summary>The regular session closed: DAY orders and unfilled auction orders expire.</summary>
    void OnSessionClose(TradingSession session);
}
