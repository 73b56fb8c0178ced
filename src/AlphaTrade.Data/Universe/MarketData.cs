using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Universe;

/// <summary>Clean, session-aligned bars of a universe plus where they came from.</summary>
public sealed class MarketData
{
    private readonly Dictionary<string, BarSeries> _bySymbol;
    private readonly IReadOnlyDictionary<string, string>? _seriesFingerprints;

    /// <summary>Creates the set; series must be distinct symbols at one bar size.</summary>
    /// <param name="series">Tradable symbols' bars.</param>
    /// <param name="benchmark">The benchmark's bars, or null.</param>
    /// <param name="timeFrame">Bar size of every series.</param>
    /// <param name="isSample">True for the generated sample market.</param>
    /// <param name="sourceDirectory">Folder the bars were read from.</param>
    /// <param name="fingerprint">The universe's fingerprint.</param>
    /// <param name="notices">What the user should be told.</param>
    /// <param name="seriesFingerprints">Each series' fingerprint by symbol when the loader computed them (else computed when asked).</param>
    public MarketData(IReadOnlyList<BarSeries> series, BarSeries? benchmark, TimeFrame timeFrame, bool isSample,
        string sourceDirectory, string fingerprint, IReadOnlyList<string> notices, IReadOnlyDictionary<string, string>? seriesFingerprints = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        Benchmark = benchmark;
        TimeFrame = timeFrame;
        IsSample = isSample;
        SourceDirectory = sourceDirectory;
        Fingerprint = fingerprint;
        Notices = notices;
        _seriesFingerprints = seriesFingerprints;
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

    /// <summary>The fingerprint of one of the set's series (<see cref="DataFingerprint.Of(BarSeries)"/>), from the loader when it kept it.</summary>
    public string FingerprintOf(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        bool own = (TryGet(series.Symbol, out var mine) && ReferenceEquals(mine, series)) || ReferenceEquals(Benchmark, series);
        return own && _seriesFingerprints is not null && _seriesFingerprints.TryGetValue(series.Symbol, out var known) ? known : DataFingerprint.Of(series);
    }

    /// <summary>A symbol's bars.</summary>
    public bool TryGet(string symbol, out BarSeries series) => _bySymbol.TryGetValue(symbol, out series!);
}
