using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Universe;

/// <summary>Clean, session-aligned bars of a universe plus where they came from.</summary>
public sealed class MarketData
{
    private readonly Dictionary<string, BarSeries> _bySymbol;

    /// <summary>Creates the set; series must be distinct symbols at one bar size.</summary>
    public MarketData(IReadOnlyList<BarSeries> series, BarSeries? benchmark, TimeFrame timeFrame, bool isSample,
        string sourceDirectory, string fingerprint, IReadOnlyList<string> notices)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        Benchmark = benchmark;
        TimeFrame = timeFrame;
        IsSample = isSample;
        SourceDirectory = sourceDirectory;
        Fingerprint = fingerprint;
        Notices = notices;
        _bySymbol = series.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
    }

    /// <summary>Tradable symbols' bars, in universe order (symbols without data are absent and named in <see cref="Notices"/>).</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    /// <summary>The benchmark's bars, or null when none was found.</summary>
    public BarSeries? Benchmark { get; }

    /// <summary>Bar size of every series.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>True when the bars are the generated sample market.</summary>
    public bool IsSample { get; }

    /// <summary>Folder the bars were read from.</summary>
    public string SourceDirectory { get; }

    /// <summary>Stable hash of every series' content (for reproducibility records).</summary>
    public string Fingerprint { get; }

    /// <summary>What the user should be told (sample market in use, missing symbols, dropped rows...).</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>Total bars over the tradable symbols.</summary>
    public long BarCount => Series.Sum(s => (long)s.Count);

    /// <summary>A symbol's bars.</summary>
    public bool TryGet(string symbol, out BarSeries series) => _bySymbol.TryGetValue(symbol, out series!);
}
