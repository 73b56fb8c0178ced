using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest;

/// <summary>
/// The strategies' history in a backtest as windows of the loaded series themselves: appending a slice only moves
/// each present symbol's end by one bar, so no bar is copied (the event loop's <see cref="MarketHistory"/> would copy
/// six columns per bar). Shows exactly what a <see cref="MarketHistory"/> of the same capacity shows after the same
/// slices: the last ≤ capacity bars delivered, nothing later. The series must not change during the run (the feed
/// reads them in place too). Single-threaded.
/// </summary>
internal sealed class SeriesHistory : IBarHistory
{
    private readonly BarSeries[] _series;
    private readonly int[] _first;
    private readonly int[] _end;

    /// <summary>A history over <paramref name="series"/> whose first delivered bars are at <paramref name="first"/>.</summary>
    public SeriesHistory(SymbolTable symbols, BarSeries[] series, int[] first, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Symbols = symbols;
        Capacity = capacity;
        _series = series;
        _first = (int[])first.Clone();
        _end = (int[])first.Clone();
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <inheritdoc />
    public int Capacity { get; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var ids = slice.Symbols;
        var end = _end;
        for (int i = 0; i < ids.Length; i++)
        {
            end[ids[i]]++;
        }
    }

    /// <inheritdoc />
    public int Length(int symbolId) => Math.Min(_end[symbolId] - _first[symbolId], Capacity);

    /// <inheritdoc />
    public ReadOnlySpan<long> Time(int symbolId) => _series[symbolId].Time[Window(symbolId)];

    /// <inheritdoc />
    public ReadOnlySpan<double> Open(int symbolId) => _series[symbolId].Open[Window(symbolId)];

    /// <inheritdoc />
    public ReadOnlySpan<double> High(int symbolId) => _series[symbolId].High[Window(symbolId)];

    /// <inheritdoc />
    public ReadOnlySpan<double> Low(int symbolId) => _series[symbolId].Low[Window(symbolId)];

    /// <inheritdoc />
    public ReadOnlySpan<double> Close(int symbolId) => _series[symbolId].Close[Window(symbolId)];

    /// <inheritdoc />
    public ReadOnlySpan<double> Volume(int symbolId) => _series[symbolId].Volume[Window(symbolId)];

    /// <inheritdoc />
    public double LastClose(int symbolId)
    {
        int end = _end[symbolId];
        return end == _first[symbolId] ? double.NaN : _series[symbolId].Close[end - 1];
    }

    private Range Window(int symbolId)
    {
        int end = _end[symbolId];
        return new Range(end - Math.Min(end - _first[symbolId], Capacity), end);
    }
}
