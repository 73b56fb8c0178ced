namespace AlphaTrade.Features.Alternative;

/// <summary>External series by dataset, column and symbol, with a fingerprint of their content for cache keys.</summary>
public sealed class AltDataSet
{
    private readonly Dictionary<(string Dataset, string Column, string Symbol), AltSeries> _map = [];

    /// <summary>Creates a set; a (dataset, column, symbol) key may appear once.</summary>
    public AltDataSet(IEnumerable<AltSeries> series, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = new List<AltSeries>();
        foreach (var s in series)
        {
            if (!_map.TryAdd((s.Dataset, s.Column, s.Symbol ?? string.Empty), s))
            {
                throw new ArgumentException($"Series {s.Dataset}.{s.Column} for '{s.Symbol ?? "(market)"}' appears twice.", nameof(series));
            }

            list.Add(s);
        }

        Series = list;
        Fingerprint = fingerprint ?? string.Empty;
    }

    /// <summary>A set with no series.</summary>
    public static AltDataSet Empty { get; } = new([], string.Empty);

    /// <summary>Every series.</summary>
    public IReadOnlyList<AltSeries> Series { get; }

    /// <summary>Content hash of the sources (empty for an empty set).</summary>
    public string Fingerprint { get; }

    /// <summary>True when any series is synthetic.</summary>
    public bool AnySynthetic => Series.Any(s => s.IsSynthetic);

    /// <summary>The series of <paramref name="symbol"/> when the dataset is per symbol, else the market-wide one, else null.</summary>
    public AltSeries? Find(string dataset, string column, string symbol) =>
        _map.GetValueOrDefault((dataset, column, symbol)) ?? _map.GetValueOrDefault((dataset, column, string.Empty));

    /// <summary>Every series cut to what was public at <paramref name="ticks"/> (for point-in-time tests).</summary>
    public AltDataSet KnownAt(long ticks) => new(Series.Select(s => s.KnownAt(ticks)), Fingerprint + "@" + ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Combines sets.</summary>
    public static AltDataSet Combine(IReadOnlyList<AltDataSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return sets.Count == 0 ? Empty : new AltDataSet(sets.SelectMany(s => s.Series), string.Join("+", sets.Select(s => s.Fingerprint)));
    }
}
