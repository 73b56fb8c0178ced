using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// A generated market held in memory: one series per symbol (universe order, then the benchmark) and the ground
/// truth of what was planted. With faults on, <see cref="Series"/> holds the raw rows exactly as the vendor files
/// carry them (duplicates, gaps, out-of-order rows...) and <see cref="CleanSeries"/> the fault-free bars; with
/// faults off both are the same objects.
/// </summary>
public sealed class SampleMarket
{
    private readonly Dictionary<string, int> _index;

    internal SampleMarket(SampleMarketOptions options, ITradingCalendar calendar, IReadOnlyList<BarSeries> series,
        IReadOnlyList<BarSeries> cleanSeries, SampleGroundTruth truth)
    {
        Options = options;
        Calendar = calendar;
        Series = series;
        CleanSeries = cleanSeries;
        Truth = truth;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < series.Count; i++)
        {
            _index.Add(series[i].Symbol, i);
        }
    }

    /// <summary>The options it was generated with.</summary>
    public SampleMarketOptions Options { get; }

    /// <summary>The calendar whose session grid the bars follow (also used to write New York timestamps).</summary>
    public ITradingCalendar Calendar { get; }

    /// <summary>Delivered series: universe order, then the benchmark.</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    /// <summary>Fault-free series, same order as <see cref="Series"/>.</summary>
    public IReadOnlyList<BarSeries> CleanSeries { get; }

    /// <summary>What was planted.</summary>
    public SampleGroundTruth Truth { get; }

    /// <summary>Every symbol, universe order, then the benchmark.</summary>
    public IEnumerable<string> Symbols => Series.Select(s => s.Symbol);

    /// <summary>The delivered series of <paramref name="symbol"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public BarSeries this[string symbol] => Series[IndexOf(symbol)];

    /// <summary>The fault-free series of <paramref name="symbol"/>.</summary>
    public BarSeries Clean(string symbol) => CleanSeries[IndexOf(symbol)];

    /// <summary>True when <paramref name="symbol"/> was generated.</summary>
    public bool Contains(string symbol) => _index.ContainsKey(symbol);

    private int IndexOf(string symbol) =>
        _index.TryGetValue(symbol, out int i) ? i : throw new KeyNotFoundException($"'{symbol}' is not in the sample market.");
}
