using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest.Tests;

/// <summary>
/// A strategy that reads the market history and the portfolio and sends every kind of order, so that look-ahead and
/// determinism tests exercise all paths: breakouts send GTC limits and stops, breakdowns short with stop-limits, every
/// 7th step sends market-on-close and IOC orders, and stale orders are cancelled or amended.
/// </summary>
internal sealed class HistoryProbe(string name = "probe") : Strategy
{
    private readonly List<OrderId> _open = [];
    private int _step;

    public override string Name => name;

    public override void OnBar(IStrategyContext context, BarSlice slice)
    {
        _step++;
        foreach (int id in slice.Symbols)
        {
            var close = context.Market.Close(id);
            if (close.Length < 6)
            {
                continue;
            }

            double last = close[^1];
            double max = double.MinValue, min = double.MaxValue;
            for (int i = close.Length - 6; i < close.Length - 1; i++)
            {
                max = Math.Max(max, close[i]);
                min = Math.Min(min, close[i]);
            }

            string sym = context.Symbols[id];
            long pos = context.Position(id);
            decimal px = decimal.Round((decimal)last, 2);
            if (last > max && pos <= 0)
            {
                _open.Add(context.Submit(OrderRequest.Limit(sym, OrderSide.Buy, 50, px - 0.05m, TimeInForce.Gtc)));
                _open.Add(context.Submit(OrderRequest.Stop(sym, OrderSide.Buy, 20, px + 0.10m)));
            }
            else if (last < min && pos >= 0)
            {
                _open.Add(context.Submit(OrderRequest.StopLimit(sym, OrderSide.Sell, 60, px - 0.05m, px - 0.15m)));
            }

            if (_step % 7 == id % 7 && pos != 0)
            {
                context.Submit(OrderRequest.MarketOnClose(sym, pos > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(pos)));
                context.Submit(OrderRequest.Market(sym, OrderSide.Buy, 10, TimeInForce.Ioc));
            }
        }

        if (_step % 5 == 0 && _open.Count > 0)
        {
            var first = _open[0];
            _open.RemoveAt(0);
            if (_step % 10 == 0)
            {
                context.Replace(first, new OrderAmendment(quantity: 75));
            }
            else
            {
                context.Cancel(first);
            }
        }
    }
}
