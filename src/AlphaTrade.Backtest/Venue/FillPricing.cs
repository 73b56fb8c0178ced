using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine;
using AlphaTrade.Engine.Costs;

namespace AlphaTrade.Backtest.Venue;

/// <summary>
/// The pricing and cost arithmetic of a simulated fill, shared by the simulated venue and the vectorized engine so
/// both charge the same cents: slippage on a reference price, the limit bound, tick rounding, the participation
/// cap, and commission and fees on the order's running totals.
/// </summary>
internal sealed class FillPricing
{
    private readonly CostModels _costs;
    private readonly double? _cap;
    private readonly BarStatisticsTracker? _stats;

    public FillPricing(CostModels costs, double? participationCap, int symbolCount, TimeFrame timeFrame, int statisticsSpanBars)
    {
        _costs = costs;
        _cap = participationCap;
        BarsPerSession = timeFrame.IsDaily ? 1 : Math.Max(1, 390 / timeFrame.Minutes);
        if (costs.Slippage.UsesStatistics)
        {
            _stats = new BarStatisticsTracker(symbolCount, BarsPerSession, statisticsSpanBars);
        }
    }

    public int BarsPerSession { get; }

    /// <summary>True when the slippage model reads bar statistics (only then are bars observed).</summary>
    public bool TracksStatistics => _stats is not null;

    /// <summary>True when the bar may trade: volume, finite positive prices, no synthetic/outlier/extended-hours flag.</summary>
    public static bool IsTradable(double open, double high, double low, double close, double volume, BarFlags flags) =>
        volume > 0 && open > 0 && high > 0 && low > 0 && close > 0 && double.IsFinite(open + high + low + close)
        && (flags & (BarFlags.Filled | BarFlags.Outlier | BarFlags.ExtendedHours)) == 0;

    /// <summary>Most shares one order may fill on a bar of <paramref name="volume"/>.</summary>
    public long CapQuantity(double volume) => _cap is { } c ? (long)Math.Floor(c * volume) : long.MaxValue;

    /// <summary>Feeds a bar to the slippage statistics (after the bar's fills were priced).</summary>
    public void Observe(int symbolId, double high, double low, double close, double volume) =>
        _stats?.Update(symbolId, high, low, close, volume);

    /// <summary>
    /// The fill price: <paramref name="reference"/> moved against the trader by the slippage model (when
    /// <paramref name="slip"/>), bounded by <paramref name="limit"/>, rounded to the tick, at least one tick.
    /// </summary>
    public decimal Price(int symbolId, string symbol, OrderSide side, long quantity, decimal reference, bool slip, decimal? limit)
    {
        decimal p = reference;
        if (slip)
        {
            var stats = _stats is null ? default : _stats[symbolId];
            decimal s = _costs.Slippage.Slippage(new SlippageParameters(symbol, side, quantity, reference, stats, BarsPerSession));
            if (s > 0m)
            {
                p = side == OrderSide.Buy ? reference + s : reference - s;
            }
        }

        if (limit is { } l)
        {
            p = side == OrderSide.Buy ? Math.Min(p, l) : Math.Max(p, l);
        }

        p = PriceMath.RoundPrice(p);
        return p < 0.0001m ? 0.0001m : p;
    }

    /// <summary>Commission and fees for a fill that brings the order to the given totals, net of what it was already charged.</summary>
    public (decimal Commission, decimal Fees) Charge(string symbol, OrderSide side, long totalQuantity, decimal totalNotional,
        decimal chargedCommission, decimal chargedFees)
    {
        var p = new TradeCostParameters(symbol, side, totalQuantity, totalNotional);
        decimal c = _costs.Commission.Commission(p) - chargedCommission;
        decimal f = _costs.Fees.Fees(p) - chargedFees;
        return (c > 0m ? c : 0m, f > 0m ? f : 0m);
    }
}
