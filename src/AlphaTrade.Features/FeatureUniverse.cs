using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Features;

/// <summary>The bars a feature matrix is built from: tradable symbols with their sectors, and the benchmark.</summary>
public sealed class FeatureUniverse
{
    /// <summary>Creates the input; every series must have the same bar size and a distinct symbol.</summary>
    /// <param name="series">Tradable symbols' bars, in universe order.</param>
    /// <param name="sectorOf">Sector of each symbol (symbols missing here get "Unknown").</param>
    /// <param name="benchmark">The benchmark's bars, or null.</param>
    public FeatureUniverse(IReadOnlyList<BarSeries> series, IReadOnlyDictionary<string, string> sectorOf, BarSeries? benchmark)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(sectorOf);
        if (series.Count == 0)
        {
            throw new ArgumentException("A feature universe needs at least one symbol.", nameof(series));
        }

        TimeFrame = series[0].TimeFrame;
        if (series.Any(s => s.TimeFrame != TimeFrame) || (benchmark is not null && benchmark.TimeFrame != TimeFrame))
        {
            throw new ArgumentException("Every series must have the same bar size.", nameof(series));
        }

        if (series.Select(s => s.Symbol).Distinct(StringComparer.Ordinal).Count() != series.Count)
        {
            throw new ArgumentException("Symbols must be distinct.", nameof(series));
        }

        Series = series;
        Sectors = series.Select(s => sectorOf.TryGetValue(s.Symbol, out var sec) ? sec : "Unknown").ToArray();
        Benchmark = benchmark;
    }

    /// <summary>Tradable symbols' bars.</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    /// <summary>Sector of each series.</summary>
    public IReadOnlyList<string> Sectors { get; }

    /// <summary>Benchmark bars, or null.</summary>
    public BarSeries? Benchmark { get; }

    /// <summary>Bar size.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>Symbols in order.</summary>
    public IReadOnlyList<string> Symbols => Series.Select(s => s.Symbol).ToArray();

    /// <summary>Every distinct bar start of the symbols and the benchmark, ascending: the steps a live engine is fed.</summary>
    public long[] Timeline() => FeatureBuilder.MergedTimeline(this);

    /// <summary>The same universe with every series (and the benchmark) cut to bars starting at or before <paramref name="ticks"/>.</summary>
    public FeatureUniverse Truncate(long ticks)
    {
        var sectors = Series.Select((s, i) => (s.Symbol, Sectors[i])).ToDictionary(x => x.Symbol, x => x.Item2, StringComparer.Ordinal);
        return new FeatureUniverse(Series.Select(s => Cut(s, ticks)).ToArray(), sectors, Benchmark is null ? null : Cut(Benchmark, ticks));
    }

    private static BarSeries Cut(BarSeries s, long ticks)
    {
        int n = s.LowerBound(ticks + 1);
        return s.Slice(0, n);
    }
}
