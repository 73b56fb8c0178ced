using AlphaTrade.Core.Ports;

namespace AlphaTrade.Risk.Tests;

/// <summary>A hand-set account: positions at marks, cash chosen so that equity is what the test says.</summary>
internal sealed class FakePortfolio : IPortfolioView
{
    private readonly Dictionary<string, (long Qty, decimal Mark)> _positions = new(StringComparer.Ordinal);

    public FakePortfolio(decimal equity = 1_000_000m) => Cash = equity;

    public decimal Cash { get; set; }

    /// <summary>Adds a position and takes its value out of cash, so equity is unchanged.</summary>
    public FakePortfolio With(string symbol, long qty, decimal mark)
    {
        _positions[symbol] = (qty, mark);
        Cash -= qty * mark;
        return this;
    }

    public decimal Equity => Cash + _positions.Values.Sum(p => p.Qty * p.Mark);

    public decimal GrossExposure => _positions.Values.Sum(p => Math.Abs(p.Qty * p.Mark));

    public decimal NetExposure => _positions.Values.Sum(p => p.Qty * p.Mark);

    public long Quantity(string symbol) => _positions.TryGetValue(symbol, out var p) ? p.Qty : 0;

    public PositionInfo Position(string symbol) => _positions.TryGetValue(symbol, out var p)
        ? new PositionInfo(symbol, p.Qty, p.Mark, p.Mark, p.Qty * p.Mark, 0m, 0m)
        : new PositionInfo(symbol, 0, 0m, 0m, 0m, 0m, 0m);

    public IReadOnlyList<PositionInfo> OpenPositions() =>
        [.. _positions.Where(kv => kv.Value.Qty != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Position(kv.Key))];
}
